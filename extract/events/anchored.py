"""Dates told by another event of the story: "two days after the strike", "the day before the
vote", "a week after the Monday summit", "since its launch", and the day of a clause placed "at
the annual conference" or "during the keynote" the story told of.

Such a phrase dates its clause by an event the story told before it: the latest earlier event
on a known day whose sentence names the same happening (the noun itself, another of its forms
listed in ``happening_forms.txt``, a word of the same stem, or a trigger word of the same
kind). A date inside the phrase ("the Monday strike") is that day. Without either the phrase
dates nothing: the tagger's reading of "the day after" from the last date mentioned, or of the
publication date, would be a guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from extract.events.periods import DayRange, to_period
from extract.knowledge.lexicon import Trigger
from extract.knowledge.words import word_list
from extract.timex import Timex

#: After a duration: "after the strike", "before its Monday launch" (groups: the direction,
#: the words before the noun, the noun).
_AFTER_DURATION = re.compile(
    r"\s+(after|before)\s+(?:the|its|his|her|their)\s+((?:[\w’'-]+\s+){0,2}?)([a-z][a-z-]+)\b"
)
#: After "the day after"/"the day before" (the tagger's date): the noun phrase it points to.
_AFTER_DAY = re.compile(r"\s+(?:the|its|his|her|their)\s+((?:[\w’'-]+\s+){0,2}?)([a-z][a-z-]+)\b")
_DAY_WORDS = re.compile(r"\bday\s+(after|before)$", re.I)
#: Durations that move a day by whole days: "P2D", "P1W".
_DAYS = re.compile(r"^P(\d+)([DW])$")
_WORD = re.compile(r"[a-z]+")
#: Words that share this many first letters are forms of one happening ("attack", "attacked").
_STEM = 5


@dataclass(frozen=True)
class Reference:
    """A phrase that dates its clause by another event: offsets in the sentence, the noun of
    that event, how many days after it (negative: before), and a date inside the phrase."""

    start: int
    end: int
    text: str
    noun: str
    days: int
    inner: Timex | None


@dataclass(frozen=True)
class Happened:
    """An earlier event on a known day: the text of its sentence (lowercase), its kind and its
    actors."""

    text: str
    kind: str
    period: DayRange
    actors: tuple[str, ...] = ()


def references(text: str, timexes: Sequence[Timex]) -> list[Reference]:
    """The phrases of a sentence ``text`` that date by another event, from its timexes
    (durations before "after the ...", and the tagger's "the day after" before "the ...")."""
    found = []
    for timex in timexes:
        if timex.type == "DURATION":
            days = _days(timex.value)
            match = _AFTER_DURATION.match(text, timex.end) if days else None
            if match is None:
                continue
            sign, noun = (1 if match[1] == "after" else -1), match[3]
        elif timex.type == "DATE" and (day := _DAY_WORDS.search(timex.text)):
            match = _AFTER_DAY.match(text, timex.end)
            if match is None:
                continue
            sign, days, noun = (1 if day[1].lower() == "after" else -1), 1, match[2]
        else:
            continue
        start, end = timex.start, match.end()
        inner = next(
            (t for t in timexes if t.type == "DATE" and start < t.start and t.end <= end), None
        )
        found.append(Reference(start, end, text[start:end], noun, sign * days, inner))
    return found


#: The start of a state at an event: "since its launch", "since the election" (group 1: the
#: phrase after "since", group 2: its words after the article).
_SINCE = re.compile(
    r"\b[Ss]ince\s+((?:the|its|his|her|their)\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*))\b"
)


def since_references(
    text: str, nouns: Collection[str], triggers: Mapping[str, Trigger]
) -> list[Reference]:
    """The phrases "since <the event>" of a sentence ``text`` ("since its launch"): the day a
    state starts is the day of that event; the phrase is the noun phrase, after "since"."""
    found = []
    for match in _SINCE.finditer(text):
        words = match[2].split()
        for count, noun in enumerate(words, start=1):
            if noun in nouns or noun in triggers:
                start = match.start(1)
                end = match.start(2) + len(" ".join(words[:count]))
                found.append(Reference(start, end, text[start:end], noun, 0, None))
                break
    return found


#: A phrase that places a clause at an event: "at the annual conference", "during the keynote"
#: (group 1: the words after the article, the noun among them).
_LOCATING = re.compile(
    r"\b(?:[Aa]t|[Dd]uring)\s+(?:the|its|his|her|their)\s+((?:[a-z][a-z-]*\s+){0,2}"
    r"[a-z][a-z-]*)\b"
)


def located_at(
    text: str,
    happened: Sequence[Happened],
    triggers: Mapping[str, Trigger],
    nouns: Collection[str],
) -> Happened | None:
    """The earlier event a sentence places its clause at ("at the annual conference": the
    conference the story dated before), if the place is an event noun (``nouns`` or a trigger
    word) the story told of; else None."""
    if not happened or not ("t the " in text or "uring " in text or "t its " in text):
        return None  # a cheap test first: most sentences place nothing at an event
    for match in _LOCATING.finditer(text):
        for noun in reversed(match[1].split()):
            if noun in nouns or noun in triggers:
                event = _latest(noun, happened, triggers)
                if event is not None:
                    return event
                break
    return None


def anchor_day(
    reference: Reference,
    happened: Sequence[Happened],
    triggers: Mapping[str, Trigger],
) -> DayRange | None:
    """The day ``reference`` names: its inner date's day, else the day of the latest event of
    ``happened`` (in story order) that names the same happening, moved by its days."""
    if reference.inner is not None:
        base = _inner_day(reference.inner)
    else:
        event = _latest(reference.noun, happened, triggers)
        base = event.period if event is not None else None
    if base is None:
        return None
    day = base.start + timedelta(days=reference.days)
    return DayRange(day, day, "day")


def _inner_day(timex: Timex) -> DayRange | None:
    period = to_period(timex.value) if timex.anchored else None
    return period if period is not None and period.precision == "day" else None


def _latest(
    noun: str, happened: Sequence[Happened], triggers: Mapping[str, Trigger]
) -> Happened | None:
    forms = _forms(noun)
    trigger = triggers.get(noun)
    kind = trigger.event if trigger is not None else ""
    for event in reversed(happened):
        if (kind and event.kind == kind) or _names(event.text, noun, forms):
            return event
    return None


def _names(text: str, noun: str, forms: frozenset[str]) -> bool:
    """Whether the lowercase sentence ``text`` names the happening ``noun`` (see the module)."""
    stem = noun[:_STEM]
    for word in _WORD.findall(text):
        if word in forms or (len(noun) >= _STEM and len(word) >= _STEM and word[:_STEM] == stem):
            return True
        if len(noun) < _STEM and word.startswith(noun):
            return True
    return False


def _forms(noun: str) -> frozenset[str]:
    """The other forms of the happening ``noun`` ("strike": "struck", "striking")."""
    return _form_table().get(noun, frozenset())


@cache
def _form_table() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in word_list("happening_forms.txt"):
        words = frozenset(line.split())
        for word in words:
            table[word] = table.get(word, frozenset()) | words
    return table


def _days(value: str) -> int:
    match = _DAYS.match(value)
    if match is None:
        return 0
    return int(match[1]) * (7 if match[2] == "W" else 1)
