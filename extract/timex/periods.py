"""Calendar periods behind TIMEX3 values: parse, format, floor and shift them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

GRANULARITIES = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "millennium",
)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MONTHS_PER = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12}
_YEARS_PER = {"decade": 10, "century": 100, "millennium": 1000}

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?$|(?P<dec>\d{3})$|(?P<cen>\d\d)$"
)


@dataclass(frozen=True, slots=True)
class CalendarPeriod:
    """A calendar period: its granularity and first day."""

    granularity: str
    start: dt.date

    @property
    def end(self) -> dt.date:
        """The first day after the period."""
        return shift(self.start, self.granularity, 1)

    @property
    def value(self) -> str:
        """The TIMEX3 value of the period."""
        return format_value(self.granularity, self.start)

    def shifted(self, unit: str, n: int) -> CalendarPeriod:
        """The period moved by ``n`` units, keeping its granularity."""
        return CalendarPeriod(self.granularity, floor(shift(self.start, unit, n), self.granularity))


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months (day clipped to the month's length)."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, min(d.day, day))
        except ValueError:
            continue
    raise ValueError(d)


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar units."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    if unit in _MONTHS_PER:
        return add_months(d, _MONTHS_PER[unit] * n)
    if unit in _YEARS_PER:
        return add_months(d, 12 * _YEARS_PER[unit] * n)
    raise ValueError(unit)


def floor(d: dt.date, granularity: str) -> dt.date:
    """First day of the period of ``granularity`` containing ``d``."""
    if granularity == "day":
        return d
    if granularity in ("week", "fortnight"):
        return d - dt.timedelta(days=d.isoweekday() - 1)
    if granularity == "season":
        return add_months(d.replace(day=1), -(d.month % 3))
    if granularity in _MONTHS_PER:
        size = _MONTHS_PER[granularity]
        return dt.date(d.year, (d.month - 1) // size * size + 1, 1)
    size = _YEARS_PER[granularity]
    return dt.date(max(1, d.year // size * size), 1, 1)


def format_value(granularity: str, d: dt.date) -> str:
    """TIMEX3 value of the period of ``granularity`` starting on ``d``."""
    if granularity == "day":
        return d.isoformat()
    if granularity in ("week", "fortnight"):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if granularity == "season":
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[d.month]
        return f"{d.year:04d}-{code}"
    if granularity == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "decade":
        return f"{d.year // 10:03d}"
    if granularity == "century":
        return f"{d.year // 100:02d}"
    return f"{d.year // 1000:d}"


@lru_cache(maxsize=4096)
def parse_value(value: str) -> CalendarPeriod | None:
    """The period a fully specified TIMEX3 date value denotes (a time part is ignored)."""
    m = _VALUE.match(value.split("T", 1)[0])
    if not m:
        return None
    try:
        if m["dec"]:
            return CalendarPeriod("decade", dt.date(int(m["dec"]) * 10 or 1, 1, 1))
        if m["cen"]:
            return CalendarPeriod("century", dt.date(int(m["cen"]) * 100 or 1, 1, 1))
        year = int(m["y"])
        if m["d"]:
            return CalendarPeriod("day", dt.date(year, int(m["m"]), int(m["d"])))
        if m["m"]:
            return CalendarPeriod("month", dt.date(year, int(m["m"]), 1))
        if m["w"]:
            return CalendarPeriod("week", dt.date.fromisocalendar(year, int(m["w"]), 1))
        if m["q"]:
            return CalendarPeriod("quarter", dt.date(year, 3 * int(m["q"]) - 2, 1))
        if m["h"]:
            return CalendarPeriod("half", dt.date(year, 6 * int(m["h"]) - 5, 1))
        if m["s"]:
            return CalendarPeriod("season", dt.date(year, SEASON_START[m["s"]], 1))
        return CalendarPeriod("year", dt.date(year, 1, 1))
    except ValueError:
        return None
