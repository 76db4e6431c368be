"""Matching lexicon names in text: whole words, case-sensitive, longest name first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

_SPACE = re.escape(" ")
#: A name is a whole word: it starts after none of these characters...
_BEFORE_NAME = r"[\w@.]"
#: ... and is followed by none of these.
_AFTER_NAME = r"[\w@]|\.\w"
_STARTS_NAME = re.compile(rf"(?<!{_BEFORE_NAME})")
_ENDS_NAME = re.compile(rf"(?!{_AFTER_NAME})")


class Mention(NamedTuple):
    """A name found in text, with the canonical name it stands for (a tuple: cheap to make)."""

    start: int
    end: int
    name: str


class NameMatcher:
    """Finds any of a set of surface forms and maps each to its canonical name."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        self.canonical = {form: name for form, name in forms if form}
        self.pattern = _pattern(self.canonical)
        # Forms that start with a lowercase letter ("al-Qaeda") make the regex engine stop at
        # the most common letters; texts holding none of them are searched without them.
        self._lowercase = [form for form in self.canonical if form[0].islower()]
        capitalized = (form for form in self.canonical if not form[0].islower())
        self._capitalized = _pattern(capitalized) if self._lowercase else self.pattern
        self._clear_of_blanks = all(map(_is_clear_of_blanks, self.canonical))

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, left to right."""
        canonical = self.canonical
        lowercase = any(form in text for form in self._lowercase)
        pattern = self.pattern if lowercase else self._capitalized
        return [
            Mention(match.start(), match.end(), canonical[match.group()])
            for match in pattern.finditer(text)
        ]

    def blanked_mentions(
        self, found: Sequence[Mention], names: Sequence[Mention]
    ) -> list[Mention] | None:
        """What :meth:`mentions` finds in a text once ``names`` (what a matcher finds in it) are
        blanked, told from ``found`` (what it finds in the text as is): the mentions outside the
        names; None when that may not hold.

        It holds when every form starts with what never follows a name and has a character no
        name starts after at its end and before each space (so that no form ends right before a
        name, starts right after one or reaches into one), and no mention found reaches out of
        a name (so that after a name the search goes on as in the blanked text).
        """
        if not self._clear_of_blanks:
            return None
        outside = []
        later_names = iter(names)
        name = next(later_names, None)
        for mention in found:
            while name is not None and name.end <= mention.start:
                name = next(later_names, None)
            if name is None or mention.end <= name.start:
                outside.append(mention)
            elif mention.start < name.start or mention.end > name.end:
                return None
        return outside


def _is_clear_of_blanks(form: str) -> bool:
    """Whether ``form`` starts with what never follows a name and has, at its end and before
    each space, a character no name starts after (see :meth:`NameMatcher.blanked_mentions`)."""
    ends = [index for index, char in enumerate(form) if char == " "] + [len(form)]
    return bool(re.match(_AFTER_NAME, form)) and all(
        re.fullmatch(_BEFORE_NAME, form[end - 1]) for end in ends
    )


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """A regex matching any of ``forms`` as a whole word, the longest one where several do."""
    # The boundary check follows each first character, so that every alternative starts with a
    # literal and the regex engine can skip to the positions where a form may start.
    branches = [
        rf"{first}(?<!{_BEFORE_NAME}{first}){_trie_regex(rest, _SPACE)}"
        for char, rest in _trie(forms).items()
        if (first := re.escape(char))
    ]
    body = "|".join(branches) or r"(?!)"
    return re.compile(rf"(?:{body})(?!{_AFTER_NAME})")


def mentions_of(forms: Mapping[str, str], text: str) -> list[Mention]:
    """What ``NameMatcher(forms.items()).mentions(text)`` finds, without building a regex: for
    a few forms (a document's people) looked for once."""
    candidates = sorted(
        (start, -len(form), form) for form in forms if form for start in occurrences([form], text)
    )
    found: list[Mention] = []
    end = 0
    for start, _, form in candidates:  # the longest form first where several start
        stop = start + len(form)
        if start >= end and _STARTS_NAME.match(text, start) and _ENDS_NAME.match(text, stop):
            found.append(Mention(start, stop, forms[form]))
            end = stop
    return found


class LeadWords:
    """Finds where a word of a list, in any case and not right after a word character, starts
    before whitespace and a capital letter: for patterns that match such a word and then a
    name ("President Tokayev").

    The capitals are found in the reversed text, where the regex engine can skip to them
    instead of trying every letter a word may start with; the words before one start at most
    the longest word's length before the whitespace.
    """

    def __init__(self, words: Iterable[str]) -> None:
        forms = frozenset(words)
        backward = alternation(form[::-1] for form in forms)
        self._capitals = re.compile(rf"[A-Z](?=\s+(?P<word>(?i:{backward}))(?!\w))")
        self._words = re.compile(rf"(?<!\w)(?=(?i:{alternation(forms)})\s)")
        self._longest = max(map(len, forms), default=0)

    def starts(self, text: str) -> list[int]:
        """The positions in ``text`` where a word starts that is followed by whitespace and a
        capital, and perhaps a few more where one is followed by whitespace; unordered."""
        last = len(text) - 1
        starts: list[int] = []
        for capital in self._capitals.finditer(text[::-1]):
            word_end = last + 1 - capital.start("word")
            stretch = (max(0, word_end - self._longest), last - capital.start())
            starts += (word.start() for word in self._words.finditer(text, *stretch))
        return starts


def occurrences(words: Iterable[str], text: str) -> list[int]:
    """The positions in ``text`` where any of ``words`` occurs, unordered."""
    positions = []
    for word in words:
        position = text.find(word)
        while position >= 0:
            positions.append(position)
            position = text.find(word, position + 1)
    return positions


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, given (at least) every position where a match may
    start; for patterns that never match the empty string.

    Trying a few positions found by :func:`occurrences` or :class:`LeadWords` beats the regex
    engine trying each position of the text when the pattern has no literal prefix to skip to.
    """
    matches: list[re.Match[str]] = []
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (match := pattern.match(text, start)):
            matches.append(match)
            end = match.end()
    return matches


def alternation(words: Iterable[str], space: str = _SPACE) -> str:
    """A regex matching any of ``words``, longest first, as a character trie; a space in a word
    matches ``space``.

    It matches what ``"|".join(sorted(words, key=len, reverse=True))`` (escaped) matches, with
    the same preference for the longest word, but tries each character once instead of each
    word once, which makes large word lists fast.
    """
    return _trie_regex(_trie(words), space)


#: Nested dicts by character.
_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> _Trie:
    """Nested dicts by character; the key "" marks the end of a word."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _trie_regex(node: _Trie, space: str) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _trie_regex(child, space)
        for char, child in node.items()
        if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group
