"""Topics: a topic applies when any of its keywords occurs in the text."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import Lexicon
from extract.names import alternation

_WORD = re.compile(r"\w+")
_NON_ASCII_WORD_CHAR = re.compile(r"(?=[^\x00-\x7f])\w")


def find_topics(text: str, lexicon: Lexicon) -> list[str]:
    """Topic names whose keywords occur in ``text``, in ``topics.csv`` order.

    Keywords are whole words; a keyword with a capital letter ("WHO") must match its case.
    """
    patterns = _patterns(lexicon)
    if _NON_ASCII_WORD_CHAR.search(text):  # case-insensitive matching beyond ASCII: no shortcut
        return [name for name, _, pattern in patterns if pattern.search(text)]
    words = frozenset(_WORD.findall(text.lower()))
    return [
        name
        for name, firsts, pattern in patterns
        if (firsts is None or not firsts.isdisjoint(words)) and pattern.search(text)
    ]


@cache
def _patterns(
    lexicon: Lexicon,
) -> tuple[tuple[str, frozenset[str] | None, re.Pattern[str]], ...]:
    """Each topic's name, the first words of its keywords in lowercase (None: any text may
    match) and its pattern; an ASCII text without any of those words cannot match it."""
    return tuple(
        (topic.name, _first_words(topic.keywords), _keyword_pattern(topic.keywords))
        for topic in lexicon.topics
    )


def _first_words(keywords: tuple[str, ...]) -> frozenset[str] | None:
    """The first word of each keyword in lowercase, or None when a keyword does not start with
    an ASCII word."""
    firsts = [_WORD.match(keyword.strip()) for keyword in keywords]
    if not all(first and first.group().isascii() for first in firsts):
        return None
    return frozenset(first.group().lower() for first in firsts if first)


def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = [" ".join(keyword.split()) for keyword in keywords]
    cased = alternation((word for word in words if word != word.lower()), r"\s+")
    caseless = alternation((word for word in words if word == word.lower()), r"\s+")
    body = (
        "|".join([*([cased] if cased else []), *([f"(?i:{caseless})"] if caseless else [])])
        or r"(?!)"
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
