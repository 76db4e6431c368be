"""TIMEX3 values as calendar periods: first day, last day and precision."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    """An inclusive range of days and how precisely it was stated."""

    start: date
    end: date
    precision: str


#: Seasons as northern-hemisphere month ranges; winter runs into the next year.
_SEASONS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")

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


def to_period(value: str) -> Period | None:
    """The period a TIMEX3 date value denotes, or None when it is not one calendar period.

    Durations (``P3M``), sets (``XXXX-WXX-1``), references (``PRESENT_REF``), centuries and
    impossible dates give None.
    """
    try:
        return _to_period(value.strip())
    except ValueError:
        return None


def precision_of(value: str) -> str:
    """The precision a (possibly unresolved, ``X``-filled) date value is stated with, or ''."""
    for pattern, precision in _PRECISION_OF_PARTIAL:
        if pattern.match(value.strip()):
            return precision
    return ""


def _to_period(value: str) -> Period | None:
    if match := _DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return Period(day, day, "day")
    if match := _MONTH.match(value):
        return _months(int(match[1]), int(match[2]), int(match[2]), "month")
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return Period(monday, monday + timedelta(days=6), "week")
    if match := _QUARTER.match(value):
        first = 3 * int(match[2]) - 2
        return _months(int(match[1]), first, first + 2, "quarter")
    if match := _HALF.match(value):
        first = 6 * int(match[2]) - 5
        return _months(int(match[1]), first, first + 5, "half")
    if match := _SEASON.match(value):
        first, last = _SEASONS[match[2]]
        return _months(int(match[1]), first, last, "season")
    if match := _YEAR.match(value):
        return _months(int(match[1]), 1, 12, "year")
    if match := _DECADE.match(value):
        decade = int(match[1]) * 10
        return Period(date(decade, 1, 1), date(decade + 9, 12, 31), "decade")
    return None


def _months(year: int, first: int, last: int, precision: str) -> Period:
    """Months ``first``..``last`` of ``year``; month numbers past 12 run into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end = date(end_year, end_month, monthrange(end_year, end_month)[1])
    return Period(date(year, first, 1), end, precision)
