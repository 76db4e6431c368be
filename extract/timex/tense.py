"""Sentences and the tense of the clause around an expression, from surface cues."""

from __future__ import annotations

import bisect
import re
from functools import cache

from .vocab import table

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
#: Cue words are looked for this many characters around the expression, within its sentence.
_REACH = 300
#: A cue after the expression counts as this many times farther away than one before it: the
#: verb an adverbial belongs to usually comes first ("will double its flights by August").
_RIGHT_WEIGHT = 2
#: Words after which an -ed form is a participle, not a past tense.
_BE = frozenset(("be", "been", "being", "is", "are", "am", "will"))


class Sentences:
    """Sentence boundaries of a text."""

    def __init__(self, text: str) -> None:
        starts = [0]
        for m in _SENTENCE_END.finditer(text):
            word = re.search(r"[\w.]+$", text[max(0, m.start() - 6) : m.start()])
            if m[0][0] == "." and word and word[0].lower() in table("abbreviations.txt"):
                continue
            starts.append(m.end())
        self.starts = starts
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

    def __init__(self, text: str) -> None:
        self.words = [(m.start(), m[0]) for m in _WORD.finditer(text)]
        self.starts = [at for at, _ in self.words]
        self._tenses: dict[int, str | None] = {}

    def _tense_of(self, i: int) -> str | None:
        if i not in self._tenses:
            words = self.words
            word = words[i][1].lower().replace("’", "'")
            pair = f"{word} {words[i + 1][1].lower()}" if i + 1 < len(words) else ""
            cues = _cues()
            tense = cues.get(pair) or cues.get(word)
            if tense is None and _past_form(words[i][1]):
                tense = None if i and words[i - 1][1].lower() in _BE else "PAST"
            self._tenses[i] = None if tense == "NONE" else tense
        return self._tenses[i]

    def tense(self, start: int, end: int, bounds: tuple[int, int]) -> str | None:
        """PAST, FUTURE or PRESENT from the cue word nearest to ``start:end`` in ``bounds``.

        Words are visited outwards from the expression, nearest first.
        """
        lo, hi = max(bounds[0], start - _REACH), min(bounds[1], end + _REACH)
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


def _past_form(word: str) -> bool:
    """A regular past form: ``announced`` (not ``need``, nor the name ``United``)."""
    return len(word) > 4 and word.endswith("ed") and word.islower()
