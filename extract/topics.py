"""Topics: a topic applies when any of its keywords occurs in the text."""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import Lexicon
from extract.names import alternation


def find_topics(text: str, lexicon: Lexicon) -> list[str]:
    """Topic names whose keywords occur in ``text``, in ``topics.csv`` order.

    Keywords are whole words; a keyword with a capital letter ("WHO") must match its case.
    """
    return [name for name, pattern in _patterns(lexicon) if pattern.search(text)]


@cache
def _patterns(lexicon: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((topic.name, _keyword_pattern(topic.keywords)) for topic in lexicon.topics)


def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = [" ".join(keyword.split()) for keyword in keywords]
    cased = alternation((word for word in words if word != word.lower()), r"\s+")
    caseless = alternation((word for word in words if word == word.lower()), r"\s+")
    body = (
        "|".join([*([cased] if cased else []), *([f"(?i:{caseless})"] if caseless else [])])
        or r"(?!)"
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
