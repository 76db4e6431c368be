"""Sentences and the tense of the clause around an expression, from surface cues."""

from __future__ import annotations

import bisect
import re
from functools import cache

from extract.text.sentences import split_sentences

from .tokens import Tokens
from .vocab import table

#: Marks that open or close a quotation.
_QUOTE_MARKS = re.compile(r"''|``|[\"“”]")
#: Cue words are looked for this many characters around the expression, within its sentence.
_REACH = 300
#: A cue after the expression counts as this many times farther away than one before it: the
#: verb an adverbial belongs to usually comes first ("will double its flights by August").
_RIGHT_WEIGHT = 2
#: Words after which an -ed form is a participle, not a past tense.
_BE = frozenset(("be", "been", "being", "is", "are", "am", "will"))
#: Words after which an -ed form is an adjective ("its planned merger").
_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this", "that"))
#: Auxiliaries whose tense gives way to a future cue right after them ("were planning to").
_AUXILIARIES = frozenset(("is", "are", "was", "were", "has", "have", "had"))
#: Words that set a deadline ("extended the deadline until Friday"), a future cue unless they
#: open the sentence or follow these words ("Until Thursday, they had...", "not until Tuesday").
_DEADLINES = frozenset(("until", "till"))
_NOT_DEADLINE_AFTER = frozenset(("up", "not"))
#: How many words before "until" a verb of duration may stand ("remained in hospital until").
_UNTIL_REACH = 4


class Sentences:
    """Sentence boundaries of a text, as the event extractor splits it: each sentence reaches
    from its start to the start of the next."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [s.start for s in split_sentences(text) if s.start > 0]
        self.length = len(text)

    def index(self, offset: int) -> int:
        """Number of the sentence containing ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end of the sentence containing ``offset``."""
        i = self.index(offset)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else self.length
        return self.starts[i], end


@cache
def _cues() -> dict[str, str]:
    return {key.replace("’", "'"): value for key, value in table("tense.tsv").items()}


class TenseCues:
    """Tense cues of the words of a text, to find the one nearest to an expression."""

    def __init__(self, text: str, tokens: Tokens) -> None:
        self.text = text
        self.words = tokens.words
        self.starts = tokens.starts
        self._tenses: dict[int, str | None] = {}

    def _tense_of(self, i: int) -> str | None:
        if i not in self._tenses:
            self._tenses[i] = self._cue(i)
        return self._tenses[i]

    def _cue(self, i: int) -> str | None:
        text, words, starts = self.text, self.words, self.starts
        word, at = words[i], starts[i]
        if at and text[at - 1] in "'’":  # "'ll"
            word = "'" + word
        following = words[i + 1] if i + 1 < len(words) else ""
        if following == "t" and text[starts[i + 1] - 1] in "'’":  # "won't"
            word += "'t"
        cues = _cues()
        if word.endswith("ed") and i and _modifies(words[i - 1]):  # "as previously planned"
            return None
        if word in _DEADLINES and not self._sets_deadline(i):
            return None
        tense = cues.get(f"{word} {following}") or cues.get(word)
        if word in _AUXILIARIES and following:  # "was planning to", "has scheduled"
            after = words[i + 2] if i + 2 < len(words) else ""
            if (cues.get(f"{following} {after}") or cues.get(following)) == "FUTURE":
                return "FUTURE"
        if tense is None and _past_form(word) and text[at].islower():
            tense = None if i and words[i - 1] in _BE else "PAST"
        return None if tense == "NONE" else tense

    def _sets_deadline(self, i: int) -> bool:
        """Whether "until" at word ``i`` sets a deadline: written in lower case, not after
        ``_NOT_DEADLINE_AFTER``, and not ending a past state (after a past verb of duration in
        its clause: "remained in hospital until Tuesday")."""
        previous = self.words[i - 1] if i else ""
        return (
            self.text[self.starts[i]].islower()
            and previous not in _NOT_DEADLINE_AFTER
            and not self._ends_past_state(i)
        )

    def _ends_past_state(self, i: int) -> bool:
        """Whether "until" at word ``i`` follows a past verb of duration in its clause."""
        durative = table("durative_verbs.txt")
        for j in range(i - 1, max(-1, i - 1 - _UNTIL_REACH), -1):
            gap = self.text[self.starts[j] + len(self.words[j]) : self.starts[j + 1]]
            if any(mark in gap for mark in ",;:.!?"):
                return False
            if self.words[j] in durative:
                return True
        return False

    def tense(self, start: int, end: int, bounds: tuple[int, int]) -> str | None:
        """PAST, FUTURE or PRESENT from the cue word nearest to ``start:end`` in ``bounds``.

        Words are visited outwards from the expression, nearest first.
        """
        lo, hi = _within_quote(self.text, max(bounds[0], start - _REACH), start, end)
        hi = min(hi, bounds[1], end + _REACH)
        left = bisect.bisect_left(self.starts, start) - 1
        right = bisect.bisect_left(self.starts, end)
        starts = self.starts
        while True:
            left_ok = left >= 0 and starts[left] >= lo
            right_ok = right < len(starts) and starts[right] < hi
            if not (left_ok or right_ok):
                return None
            if left_ok and (
                not right_ok or start - starts[left] <= _RIGHT_WEIGHT * (starts[right] - end)
            ):
                if tense := self._tense_of(left):
                    return tense
                left -= 1
            else:
                if tense := self._tense_of(right):
                    return tense
                right += 1


def _within_quote(text: str, lo: int, start: int, end: int) -> tuple[int, int]:
    """``lo`` and the end of the text, narrowed to the quotation ``start:end`` is in, if any:
    the verb that reports a quotation ("...,'' Castro said.") tells when it was said, not the
    tense of what it says."""
    before = _QUOTE_MARKS.findall(text, lo, start)
    if len(before) % 2 == 0:
        return lo, len(text)
    closing = _QUOTE_MARKS.search(text, end)
    opening = text.rfind(before[-1], lo, start)
    return opening, closing.start() if closing else len(text)


def _modifies(word: str) -> bool:
    """Whether an -ed form after ``word`` is an adjective: "the planned", "hastily arranged"."""
    return word in _DETERMINERS or (len(word) > 5 and word.endswith("ly"))


def _past_form(word: str) -> bool:
    """A regular past form: ``announced`` (but not ``need``)."""
    return len(word) > 4 and word.endswith("ed")
