"""The narrative: which dated event the sentences of a story are currently about.

A story tells of an event with a date ("On Monday, Putin met Lukashenko") and goes on about it
in sentences without one: quotes from the meeting, what was agreed there. Those sentences take
the narrative's date, and a relative date inside such a quote ("today we start the exercises")
is resolved against the day of the event it was said at, not the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.events.periods import DayRange

#: A dateless sentence continues the story when it is at most this many sentences after the last
#: sentence that did, or when it quotes or reports speech.
CONTINUATION_GAP = 3

_OPENING_QUOTES = '“"‘«„'
_CLOSING_QUOTES = '”"’»'
_REPORTING = re.compile(
    r"\b(?:said|says|noted|added|adding|stressed|explained|told|affirmed|according to)\b", re.I
)


@dataclass(frozen=True)
class Anchor:
    """The period the narrative is about, with its TIMEX3 value, wording and actors."""

    period: DayRange
    value: str
    text: str
    actors: tuple[str, ...] = ()
    published: bool = False  # the publication day, with no date expression of its own


def is_quote(sentence: str) -> bool:
    """Whether the sentence is (mostly) quoted speech: it opens or closes with a quote mark."""
    stripped = sentence.strip()
    return stripped[:1] in _OPENING_QUOTES or stripped.rstrip(".!?…")[-1:] in _CLOSING_QUOTES


class Narrative:
    """Follows the current anchor through a document's sentences, in order."""

    def __init__(self) -> None:
        self.anchor: Anchor | None = None
        self._last = -CONTINUATION_GAP - 1

    def continues(self, index: int, sentence: str, quoted: bool) -> bool:
        """Whether sentence number ``index`` belongs to the current narrative; ``quoted`` tells
        whether it is a quote (see :func:`is_quote`)."""
        if self.anchor is None:
            return False
        near = index - self._last <= CONTINUATION_GAP
        return near or quoted or bool(_REPORTING.search(sentence))

    def reference_date(self, continuing: bool, quoted: bool) -> date | None:
        """The day relative dates in a quoted sentence that continues the narrative refer to,
        if the narrative has one."""
        anchor = self.anchor
        if continuing and quoted and anchor and anchor.period.precision == "day":
            return anchor.period.start
        return None

    def touch(self, index: int) -> None:
        """Record that sentence number ``index`` continued the narrative."""
        self._last = index

    def move_to(self, index: int, anchor: Anchor) -> None:
        """Make ``anchor`` current, unless it only restates a coarser period around it."""
        current = self.anchor
        if current is None or not _contains(anchor.period, current.period):
            self.anchor = anchor
        self._last = index

    def return_to(self, index: int, anchor: Anchor) -> None:
        """Make ``anchor`` current: the story is back at the news after sentence ``index``."""
        self.anchor = anchor
        self._last = index


def _contains(outer: DayRange, inner: DayRange) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and outer != inner
