"""When an event happened, and how that is known.

An event takes the date expression attached to its clause (see :mod:`extract.text.clauses`):
the time of its verb ("said on Tuesday"), the start of its state ("ill since 2004") or the date
of its event noun ("the 1991 agreement"). A comparison base ("up 20% from May 2007"), a
deadline ("by 2030") or the period of a figure ("a profit for last year") dates no event.

A main clause without a date of its own is dated by its tense and by the story:

- present, present perfect ("Apple has released", "the company says"): the publication date,
  ``date_source = published``;
- simple past: the date of the narrative it continues (``inferred``); else, in the lead or for a
  reported statement ("the company said"), the day of the news: the recent day the lead dates
  its story by ("announced on Monday", "yesterday") as ``inferred``, else the publication date
  as ``published``;
- future, pluperfect, past told elsewhere ("Jobs founded Apple"): no date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from extract.events.narrative import Anchor
from extract.events.periods import DayRange
from extract.text.clauses import (
    ADVERBIAL,
    FUTURE,
    MAIN,
    PAST,
    PERFECT,
    PRESENT,
    Attachment,
    Predicate,
)

#: How many sentences of a story's first paragraph are its lead.
LEAD_SENTENCES = 2
#: A lead's date is the day of the news when it is at most this many days before publication.
NEWS_DAY_REACH = 7
#: Roles of a date expression that date the event of their clause.
_DATING_ROLES = frozenset(("time", "since"))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns of events that a date may modify, besides the trigger words of the lexicon.
EVENT_NOUNS = _words(
    """
    event keynote conference deal launch visit strike war crash storm summit talks match
    game race final speech trip crisis attack release sale fire flood earthquake quake vote
    ballot trial hearing ruling verdict lawsuit suit case agreement accord treaty settlement
    announcement statement memo email letter report results
    """
)
_EVENT_SUFFIXES = ("ment", "tion", "sion", "ing", "ure", "ence", "ance", "val", "sal")


@dataclass(frozen=True)
class Dating:
    """When an event happened and how that is known."""

    period: DayRange | None
    timex: str
    date_text: str
    date_source: str  # explicit, published, inferred or unanchored
    precision: str  # also known for unanchored dates, which have no period


def dates_an_event(attachment: Attachment, noun: str, triggers: Mapping[str, object]) -> bool:
    """Whether a date expression so attached dates an event: as its clause's time or start,
    or as the modifier of an event noun (``noun``: the words after the expression)."""
    if attachment.role in _DATING_ROLES:
        return True
    if attachment.role != "noun":
        return False
    return any(_is_event_noun(word, triggers) for word in noun.split())


def moves_narrative(attachment: Attachment) -> bool:
    """Whether a date so attached is the story's new time: the time of a main or adverbial
    clause told in the past or present, not a projection, a background relative clause or the
    start of a state."""
    predicate = attachment.predicate
    if attachment.role != "time":
        return False
    return predicate is None or (
        predicate.clause in (MAIN, ADVERBIAL) and predicate.tense != FUTURE
    )


def _is_event_noun(word: str, triggers: Mapping[str, object]) -> bool:
    return word in triggers or word in EVENT_NOUNS or word.endswith(_EVENT_SUFFIXES)


@lru_cache(maxsize=1)
def published_dating(day: date) -> Dating:
    """The dating of an event told as news of the publication day; kept for the last day, which
    dates most sentences of a document."""
    return Dating(DayRange(day, day, "day"), day.isoformat(), "", "published", "day")


def anchor_dating(anchor: Anchor) -> Dating:
    """The dating of an event that takes a narrative's anchor."""
    if anchor.published:
        return published_dating(anchor.period.start)
    return Dating(anchor.period, anchor.value, anchor.text, "inferred", anchor.period.precision)


def news_anchor(published: date, lead: Anchor | None) -> Anchor:
    """The day of the news: the lead's day when it is a recent day before publication,
    else the publication day."""
    if lead is not None and lead.period.precision == "day":
        day = lead.period.start
        if published - timedelta(days=NEWS_DAY_REACH) <= day <= published:
            return lead
    return Anchor(DayRange(published, published, "day"), published.isoformat(), "", (), True)


def is_recent(anchor: Anchor, published: date) -> bool:
    """Whether a narrative's anchor lies in the week before publication (or on it)."""
    period = anchor.period
    return published - timedelta(days=NEWS_DAY_REACH) <= period.start and period.end <= published


def default_dating(
    main: Predicate,
    *,
    published: date | None,
    anchor: Anchor | None,
    news: Anchor | None,
    lead: bool,
) -> Dating | None:
    """The dating of a main clause without a date of its own (see the module docstring).

    ``anchor`` is the narrative's anchor when the sentence continues it; ``news`` the day of
    the news (see :func:`news_anchor`), None without a publication date.
    """
    if main.tense in (PRESENT, PERFECT):
        return published_dating(published) if published else None
    if main.tense != PAST:
        return None
    if main.reporting and news is not None and published is not None:
        recent = anchor if anchor is not None and is_recent(anchor, published) else news
        return anchor_dating(recent)
    if anchor is not None:
        return anchor_dating(anchor)
    if lead and news is not None:
        return anchor_dating(news)
    return None
