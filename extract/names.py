"""Matching lexicon names in text: whole words, case-sensitive, longest name first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_SPACE = re.escape(" ")


class Mention(NamedTuple):
    """A name found in text, with the canonical name it stands for (a tuple: cheap to make)."""

    start: int
    end: int
    name: str


class NameMatcher:
    """Finds any of a set of surface forms and maps each to its canonical name."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        self.canonical = {form: name for form, name in forms if form}
        # The boundary check follows each first character, so that every alternative starts
        # with a literal and the regex engine can skip to the positions where a form may start.
        branches = [
            rf"{first}(?<![\w@.]{first}){_trie_regex(rest, _SPACE)}"
            for char, rest in _trie(self.canonical).items()
            if (first := re.escape(char))
        ]
        body = "|".join(branches) or r"(?!)"
        self.pattern = re.compile(rf"(?:{body})(?![\w@]|\.\w)")

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, left to right."""
        canonical = self.canonical
        return [
            Mention(match.start(), match.end(), canonical[match.group()])
            for match in self.pattern.finditer(text)
        ]


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

    Trying a few positions found by :func:`occurrences` beats the regex engine trying each
    position of the text when the pattern has no literal prefix to skip to.
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


def _trie(words: Iterable[str]) -> dict[str, dict]:
    """Nested dicts by character; the key "" marks the end of a word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _trie_regex(node: dict[str, dict], space: str) -> str:
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
