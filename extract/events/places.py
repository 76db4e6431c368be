"""Locations: where an event happened, from the places list and "in <Name>" phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from extract.events.actors import FUNCTION_WORDS, GENERIC_WORDS, place_forms
from extract.knowledge.lexicon import Lexicon
from extract.knowledge.words import word_list
from extract.text.letters import LOWER, UPPER
from extract.text.names import Mention

#: Words that put a following place name in the role of a location.
SPATIAL_WORDS: tuple[str, ...] = word_list("spatial_words.txt")

_SETTLEMENT = r"(?:the\s+)?(?:(?:town|city|village|region|province|port|capital)\s+of\s+)?"
_BEFORE = re.compile(rf"(?:^|[^\w-])(?:{'|'.join(SPATIAL_WORDS)})\s+{_SETTLEMENT}$", re.IGNORECASE)
_CITY_COUNTRY = re.compile(r"^,\s*$")
_IN_NAME = re.compile(
    rf"(?<![\w-])(?:{'|'.join(SPATIAL_WORDS)})\s+{_SETTLEMENT}"
    rf"(?P<name>[{UPPER}][{LOWER}]+(?:[- ][{UPPER}][{LOWER}]+)?)(?![\w-])"
)
_DATELINE = re.compile(
    rf"^(?P<place>[{UPPER}][{UPPER}.'-]+(?: [{UPPER}][{UPPER}.'-]+)*)"
    r"(?:,[^(—–]*)?\s*(?:\([^)]*\))?\s*[—–-]"
)


def find_locations(text: str, lexicon: Lexicon) -> list[str]:
    """Place names used as locations in ``text``, in order, each once.

    A listed place counts after a spatial word ("in Sochi", "visited Minsk"); "Sochi, Russia"
    gives only the city. A capitalized name after "in"/"at"... that is not a known actor, a
    month or weekday counts too ("in Bobruisk").
    """
    return locations_in(text, place_forms(lexicon).mentions(text), lexicon)


def locations_in(text: str, listed: Iterable[Mention], lexicon: Lexicon) -> list[str]:
    """:func:`find_locations`, given the mentions of listed places in ``text`` as
    :func:`place_forms` finds them."""
    places = _place_of(lexicon)
    found: list[tuple[int, str]] = []
    previous_end = -10
    for start, end, form in listed:
        qualifies_previous = _CITY_COUNTRY.match(text[previous_end:start])
        if _BEFORE.search(text[max(0, start - 30) : start]) and not qualifies_previous:
            found.append((start, places[form]))
        if not qualifies_previous:
            previous_end = end
    named = {name for _, name in found}
    for match in _IN_NAME.finditer(text):
        name = match.group("name")
        if name not in named and not _is_known(name, lexicon) and _looks_like_place(name):
            found.append((match.start("name"), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))


@cache
def _place_of(lexicon: Lexicon) -> dict[str, str]:
    """The place each form names; a form of several places names the last."""
    return {form: place.name for place in lexicon.places for form in (place.name, *place.aliases)}


@cache
def _known_forms(lexicon: Lexicon) -> frozenset[str]:
    places = (form for place in lexicon.places for form in (place.name, *place.aliases))
    actors = (form for actor in lexicon.actors for form in (actor.name, *actor.aliases))
    return frozenset((*places, *actors))


def _is_known(name: str, lexicon: Lexicon) -> bool:
    return name in _known_forms(lexicon) or name.split()[0] in _known_forms(lexicon)


def _looks_like_place(name: str) -> bool:
    return not any(word in FUNCTION_WORDS or word in GENERIC_WORDS for word in name.split())


def dateline_place(text: str, lexicon: Lexicon) -> str:
    """The place of a wire-style dateline opening the text ("ROME (Reuters) — ..."), or ''."""
    match = _DATELINE.match(text.lstrip())
    if match is None:
        return ""
    place = match.group("place").title()
    return place if place in _forms(lexicon) or _looks_like_place(place) else ""


@cache
def _forms(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(form for place in lexicon.places for form in (place.name, *place.aliases))
