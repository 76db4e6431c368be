"""What deciding a merge reads of a mergeable row (:class:`Mention`): its dates as day ordinals,
actors, places, amounts, the families of its event words and its unnamed participants
(:mod:`extract.knowledge.happenings`), what it is about, and the content words of its title."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from extract.knowledge.happenings import HappeningWords, tokens_of
from extract.knowledge.words import word_set
from extract.schema import EVENT_COLUMNS, split_values

#: A row as its values, in the order of its table's columns.
Values = tuple[str, ...]

MERGEABLE_PRECISIONS = frozenset({"day", "week", "month"})

_STOPWORDS = word_set("stopwords.txt")
_NONE: frozenset[str] = frozenset()
#: The prefix of the keys a mention is found under besides its title words: a family of event
#: words with a title word, a place or a participant (see :attr:`Mention.keys`).
KIND_KEY = "%"
#: The prefix of the key of the one family of a mention of one kind of event.
REFERENCE_KEY = "^"
(
    _DOC_ID,
    _DATE,
    _END_DATE,
    _PRECISION,
    _TITLE,
    _SENTENCE,
    _CHAR_START,
    _TIMEX,
    _ACTORS,
    _LOCATION,
    _AMOUNT,
) = map(
    EVENT_COLUMNS.index,
    (
        "doc_id",
        "date",
        "end_date",
        "precision",
        "title",
        "sentence",
        "char_start",
        "timex",
        "actors",
        "location",
        "amount",
    ),
)
#: The prefix of the object families in :attr:`Mention.about` ("=legislation").
FAMILY_KEY = "="


class Mention(NamedTuple):
    """A mergeable row with what scoring needs, precomputed; dates as day ordinals."""

    index: int
    doc_id: str
    #: Where its sentence starts in its document (the ``char_start`` cell as written).
    sentence: str
    #: Whether its date is a time of day ("overnight", "Tuesday night"): a value with a time.
    timed: bool
    day: bool
    start: int
    end: int
    actors: frozenset[str]
    #: Title words, each family with each place and each participant (prefixed with
    #: ``KIND_KEY``), and the one family of a mention of one (prefixed with ``REFERENCE_KEY``),
    #: under which mentions that refer to a happening of that kind find it.
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
    #: The family of the happening the title opens by naming as known ("The agreement was
    #: signed"), which within one document is one already told.
    refers: frozenset[str]


def period(values: Values) -> tuple[int, int] | None:
    """The first and last day (as ordinals) of a row given as its ``values`` (in the order of
    ``EVENT_COLUMNS``), or None when its date cannot merge."""
    if values[_PRECISION] not in MERGEABLE_PRECISIONS or not values[_DATE]:
        return None
    try:
        return ordinals(values[_DATE], values[_END_DATE])
    except ValueError:
        return None


def mention_of(index: int, values: Values, words: HappeningWords) -> Mention | None:
    """The :class:`Mention` of row ``index``, given as its ``values`` (in the order of
    ``EVENT_COLUMNS``), or None when its date cannot merge."""
    dates = period(values)
    if dates is None:
        return None
    features = _features(
        values[_TITLE],
        values[_SENTENCE],
        values[_ACTORS],
        values[_LOCATION],
        values[_AMOUNT],
        words,
    )
    return Mention._make(
        (
            index,
            values[_DOC_ID],
            values[_CHAR_START],
            "T" in values[_TIMEX],
            values[_PRECISION] == "day",
            *dates,
            *features,
        )
    )


def mentions_of(
    indices: Iterable[int], rows: Iterable[Values], words: HappeningWords
) -> Iterator[Mention]:
    """The mentions of the rows at ``indices``, given as ``rows`` of values in the same order,
    leaving out those whose dates cannot merge."""
    for index, values in zip(indices, rows, strict=True):
        mention = mention_of(index, values, words)
        if mention:
            yield mention


@lru_cache(maxsize=1024)
def _features(
    title: str, sentence: str, actors_cell: str, location: str, amount: str, words: HappeningWords
) -> tuple[object, ...]:
    """The fields of a :class:`Mention` after its dates; cached, as copies of a story recur."""
    tokens = tokens_of(title)
    found = words.find_in(tokens)
    families = found.main_families or found.families or words.find(sentence).families
    places = _values(location)
    title_words = _content_words(tokens)
    object_families = families & words.by_object
    about: frozenset[str] = _NONE
    if object_families:  # only kinds identified by their object read what a mention is about
        rest = title_words.difference(*map(_title_words, found.phrases))
        about = (rest - _named_words(actors_cell, location) - words.aspect_words) | {
            FAMILY_KEY + family for family in found.object_families
        }
    keys = title_words
    if families and (places or found.participants):
        others = [*("@" + place for place in places), *("+" + one for one in found.participants)]
        keys = keys.union(KIND_KEY + family + other for family in families for other in others)
    if len(families) == 1:
        keys = keys.union(REFERENCE_KEY + family for family in families)
    return (
        _values(actors_cell),
        keys,
        families,
        object_families,
        about,
        found.participants,
        places,
        _values(amount),
        " ".join(sorted(title_words)),
        words.referred_in(tokens),
    )


def _values(cell: str) -> frozenset[str]:
    """The values of a multi-valued cell."""
    return frozenset(split_values(cell)) if cell else _NONE


@lru_cache(maxsize=1024)
def _named_words(actors: str, location: str) -> frozenset[str]:
    """The words of the names of the actors and places of a row (cells as written)."""
    return _title_words(" ".join((*split_values(actors), *split_values(location))))


@lru_cache(maxsize=2048)
def _title_words(title: str) -> frozenset[str]:
    """The content words of a title in lowercase, without possessive "'s" and plural "s";
    cached, as family phrases, names and copies of a story recur."""
    return _content_words(tokens_of(title))


def _content_words(tokens: list[str]) -> frozenset[str]:
    """The content words among a text's :func:`tokens_of` (see :func:`_title_words`)."""
    return frozenset(map(_word_form, tokens)).difference(("",))


@lru_cache(maxsize=16_384)
def _word_form(word: str) -> str:
    """A lowercase word as :func:`_title_words` counts it, or "" when it does not (a stopword,
    a word of fewer than three letters, a comma); cached, as words recur."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 3 or word in _STOPWORDS:
        return ""
    return word[:-1] if len(word) > 4 and word[-1] == "s" and word[-2] not in "isu" else word


@lru_cache(maxsize=4096)
def ordinals(first: str, last: str) -> tuple[int, int]:
    """A row's first and last day (``last`` empty: the same) as ordinals; cached, as dates recur."""
    return date.fromisoformat(first).toordinal(), date.fromisoformat(last or first).toordinal()
