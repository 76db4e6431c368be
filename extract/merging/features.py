"""What deciding a merge reads of a mergeable row: its dates as day ordinals, actors, title
words, kinds of event and amounts (:class:`Mention`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from extract.events.triggers import find_triggers
from extract.knowledge.lexicon import Lexicon
from extract.schema import split_values

MERGEABLE_PRECISIONS = frozenset({"day", "week", "month"})
#: Trigger kinds that tell how something was reported, not what happened.
_REPORTING_KINDS = frozenset({"statement", "publication"})

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "had"}
    | {"have", "its", "his", "her", "their", "they", "them", "into", "onto", "over", "after"}
    | {"before", "about", "than", "then", "said", "says", "told", "also", "would", "will", "not"}
)


class Mention(NamedTuple):
    """A mergeable row with what scoring needs, precomputed; dates as day ordinals."""

    index: int
    doc_id: str
    day: bool
    start: int
    end: int
    actors: frozenset[str]
    words: frozenset[str]
    kinds: frozenset[str]
    amounts: frozenset[str]


def mention_of(index: int, row: Mapping[str, str], lexicon: Lexicon) -> Mention | None:
    if row["precision"] not in MERGEABLE_PRECISIONS or not row["date"]:
        return None
    try:
        start, end = ordinals(row["date"], row["end_date"])
    except ValueError:
        return None
    return Mention(
        index=index,
        doc_id=row["doc_id"],
        day=row["precision"] == "day",
        start=start,
        end=end,
        actors=frozenset(split_values(row["actors"])),
        words=_title_words(row["title"]),
        kinds=_kinds(row, lexicon),
        amounts=frozenset(split_values(row["amount"])),
    )


def _title_words(title: str) -> frozenset[str]:
    words = (word.removesuffix("'s") for word in _WORD.findall(title.lower()))
    return frozenset(
        word[:-1] if len(word) > 4 and word.endswith("s") and word[-2] not in "isu" else word
        for word in words
        if len(word) > 2 and word not in _STOPWORDS
    )


def _kinds(row: Mapping[str, str], lexicon: Lexicon) -> frozenset[str]:
    """Kinds of event the title's trigger words name, else the sentence's."""
    for text in (row["title"], row["sentence"]):
        kinds = {m.trigger.event for m in find_triggers(text, lexicon)} - _REPORTING_KINDS
        if kinds:
            return frozenset(kinds)
    return frozenset()


@lru_cache(maxsize=4096)
def ordinals(first: str, last: str) -> tuple[int, int]:
    """A row's first and last day (``last`` empty: the same) as ordinals; cached, as dates recur."""
    return date.fromisoformat(first).toordinal(), date.fromisoformat(last or first).toordinal()
