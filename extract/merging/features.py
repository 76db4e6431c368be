"""What deciding a merge reads of a mergeable row (:class:`Mention`): its dates as day ordinals,
actors, places, amounts, the families of its event words and its unnamed participants
(:mod:`extract.knowledge.happenings`), what it is about, and the content words of its title."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from extract.knowledge.lexicon import Lexicon
from extract.knowledge.words import word_set
from extract.schema import split_values

MERGEABLE_PRECISIONS = frozenset({"day", "week", "month"})

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOPWORDS = word_set("stopwords.txt")
#: Prefixes of the keys a mention is found under besides its title words (see :attr:`Mention.keys`).
FAMILY_KEY, PARTICIPANT_KEY, PLACE_KEY, KIND_WORD_KEY = "=", "+", "@", "%"


class Mention(NamedTuple):
    """A mergeable row with what scoring needs, precomputed; dates as day ordinals."""

    index: int
    doc_id: str
    day: bool
    start: int
    end: int
    actors: frozenset[str]
    #: Title words, families, participants, places, and each family with each title word that
    #: is no family's or participant's, each a key (prefixed but for words).
    keys: frozenset[str]
    families: frozenset[str]
    #: Of ``families``, those identified by what they are about (votes, agreements).
    object_families: frozenset[str]
    #: What the event is about: title words that name no actor, place, participant, family or
    #: aspect, and the families whose object words the title holds ("=legislation" for "budget").
    about: frozenset[str]
    participants: frozenset[str]
    places: frozenset[str]
    amounts: frozenset[str]
    #: The content words of the title, sorted, for fuzzy comparison.
    text: str


def mention_of(index: int, row: Mapping[str, str], lexicon: Lexicon) -> Mention | None:
    """The :class:`Mention` of a normalized row, or None when its date cannot merge."""
    if row["precision"] not in MERGEABLE_PRECISIONS or not row["date"]:
        return None
    try:
        start, end = ordinals(row["date"], row["end_date"])
    except ValueError:
        return None
    words = lexicon.happenings
    found = words.find(row["title"])
    families = (
        words.find(words.main_clause(row["title"])).families
        or found.families
        or words.find(row["sentence"]).families
    )
    actors = frozenset(split_values(row["actors"]))
    places = frozenset(split_values(row["location"]))
    title_words = _title_words(row["title"])
    named = _title_words(" ".join((*actors, *places)))
    rest = _title_words(found.rest)
    about = (rest - named - words.aspect_words) | {
        FAMILY_KEY + family for family in found.object_families
    }
    return Mention(
        index=index,
        doc_id=row["doc_id"],
        day=row["precision"] == "day",
        start=start,
        end=end,
        actors=actors,
        keys=title_words
        | {FAMILY_KEY + family for family in families}
        | {PARTICIPANT_KEY + participant for participant in found.participants}
        | {PLACE_KEY + place for place in places}
        | {f"{KIND_WORD_KEY}{family}:{word}" for family in families for word in rest},
        families=families,
        object_families=families & words.by_object,
        about=frozenset(about),
        participants=found.participants,
        places=places,
        amounts=frozenset(split_values(row["amount"])),
        text=" ".join(sorted(title_words)),
    )


def _title_words(title: str) -> frozenset[str]:
    words = (word.removesuffix("'s") for word in _WORD.findall(title.lower()))
    return frozenset(
        word[:-1] if len(word) > 4 and word.endswith("s") and word[-2] not in "isu" else word
        for word in words
        if len(word) > 2 and word not in _STOPWORDS
    )


@lru_cache(maxsize=4096)
def ordinals(first: str, last: str) -> tuple[int, int]:
    """A row's first and last day (``last`` empty: the same) as ordinals; cached, as dates recur."""
    return date.fromisoformat(first).toordinal(), date.fromisoformat(last or first).toordinal()
