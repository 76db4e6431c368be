"""TIMEX3 values as calendar periods: first day, last day and precision."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from extract.schema import PRECISIONS
from extract.timex.periods import parse_value


@dataclass(frozen=True)
class DayRange:
    """An inclusive range of days and how precisely it was stated."""

    start: date
    end: date
    precision: str


_PRECISION_OF_PARTIAL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[\dX]{4}-(W[\dX]{2}-\d|[\dX]{2}-[\dX]{2})(T.*)?$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{2}$"), "week"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}$"), "month"),
    (re.compile(r"^[\dX]{4}-Q[\dX]$"), "quarter"),
    (re.compile(r"^[\dX]{4}-H[\dX]$"), "half"),
    (re.compile(r"^[\dX]{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^[\dX]{4}$"), "year"),
    (re.compile(r"^[\dX]{3}$"), "decade"),
)


def to_period(value: str) -> DayRange | None:
    """The period a TIMEX3 date value denotes, or None when it is not one calendar period.

    Durations (``P3M``), sets (``XXXX-WXX-1``), references (``PRESENT_REF``), centuries and
    impossible dates give None. A time part (``2020-09-14T13:00``) is ignored.
    """
    period = parse_value(value.strip())
    if period is None or period.granularity not in PRECISIONS:
        return None
    try:
        last = period.end - timedelta(days=1)
    except (ValueError, OverflowError):  # the period runs to the end of year 9999
        last = date.max
    return DayRange(period.start, last, period.granularity)


def precision_of(value: str) -> str:
    """The precision a (possibly unresolved, ``X``-filled) date value is stated with, or ''."""
    for pattern, precision in _PRECISION_OF_PARTIAL:
        if pattern.match(value.strip()):
            return precision
    return ""
