"""Resolution: value templates with functions (``@near``, ``@dct``, ...) turned into values."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .periods import GRANULARITIES, CalendarPeriod, floor, format_value, parse_value, shift

_CALL = re.compile(r"@(\w+)\(([^)]*)\)(.*)$")
_FLOATING = re.compile(r"(\d{4}-\d\d)-(\d\d)\+(\d)")
_FLOATING_DAY = re.compile(r"-\d\d\+\d")
#: Underspecified value of each granularity, for relative expressions without a document date.
PLACEHOLDERS = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "fortnight": "XXXX-WXX",
    "month": "XXXX-XX",
    "season": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
    "millennium": "X",
}
_RANK = {name: rank for rank, name in enumerate(GRANULARITIES)}
_CLOCK_UNITS = {"hour": "H", "minute": "M", "second": "S"}
_DATE_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q"}
#: How many of the next smaller unit a unit holds, by code: a year's fraction in months, etc.
_DATE_FRACTIONS = {"Y": (12, "M")}
_CLOCK_FRACTIONS = {"H": (60, "M"), "M": (60, "S")}
_MULTIPLES = {
    "fortnight": (2, "W"),
    "decade": (10, "Y"),
    "century": (100, "Y"),
    "millennium": (1000, "Y"),
}


def duration(n: str, unit: str) -> str:
    """TIMEX3 duration of ``n`` units (``n`` may be ``X``): ``P3M``, ``PT2H``, ``P20Y``.

    A fraction goes into the next smaller unit where it makes whole ones: ``P2Y6M``, ``PT1M30S``.
    """
    if unit in _CLOCK_UNITS:
        return "PT" + _amount(n, _CLOCK_UNITS[unit], _CLOCK_FRACTIONS)
    if unit in _MULTIPLES:
        factor, code = _MULTIPLES[unit]
        n = n if n == "X" else _number(float(n) * factor)
        return "P" + _amount(n, code, _DATE_FRACTIONS)
    return "P" + _amount(n, _DATE_UNITS[unit], _DATE_FRACTIONS)


def _amount(n: str, code: str, fractions: dict[str, tuple[int, str]]) -> str:
    """``n`` units of ``code``, a fraction of it in the next smaller unit where that is whole."""
    if n == "X" or code not in fractions or float(n).is_integer():
        return f"{n}{code}"
    whole, fraction = divmod(float(n), 1)
    per, smaller = fractions[code]
    part = fraction * per
    if not part.is_integer():
        return f"{n}{code}"
    return (f"{int(whole)}{code}" if whole else "") + f"{int(part)}{smaller}"


def _number(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _calendar_unit(unit: str) -> str:
    """Clock units resolve at day granularity."""
    return "day" if unit in _CLOCK_UNITS else unit


def float_holiday(value: str) -> str:
    """``2020-11-22+4`` (first Thursday on or after Nov 22) -> ``2020-11-26``."""
    m = _FLOATING.search(value)
    if not m:
        return value
    day = dt.date.fromisoformat(f"{m[1]}-{m[2]}")
    day += dt.timedelta(days=(int(m[3]) - day.isoweekday()) % 7)
    return value[: m.start()] + day.isoformat() + value[m.end() :]


#: The functions a value template can call (see rules.tsv).
FUNCTIONS = (
    *("dur", "near", "past", "future", "this", "before"),
    *("dct", "ref", "shift", "same", "last", "onday", "few", "weekof", "refday"),
)
#: How many of the latest mentioned periods are remembered (older ones are too far back to matter).
MEMORY = 32
#: How much nearer (in days) the other candidate must be for a date to go against the tense.
TENSE_MARGIN = 180
#: How many units "a few" (or "several") stands for.
FEW = 3
#: For "a few units ago": how much of the period's value is kept, and what replaces the rest.
_VAGUE_PARTS = {
    "day": (8, "XX"),
    "week": (6, "XX"),
    "month": (5, "XX"),
    "year": (3, "X"),
    "decade": (2, "XX"),
}
#: Granularities a comparison ("a year earlier") can shift: all but days.
_SHIFTABLE = ("month", "season", "quarter", "half", "year")


class Resolver:
    """Resolves the expressions of one document in order, remembering what the text mentioned."""

    def __init__(self, dct: dt.date | None) -> None:
        self.dct = dct
        self.last: CalendarPeriod | None = CalendarPeriod("day", dct) if dct else None
        self.mentioned: deque[CalendarPeriod] = deque(maxlen=MEMORY)

    def resolve(
        self, template: str, tense: str | None, nearby: Sequence[CalendarPeriod]
    ) -> tuple[str, bool]:
        """The value of ``template`` and whether it is anchored.

        ``tense`` is the clause's tense; ``nearby`` the periods mentioned earlier in the sentence.
        """
        call = _CALL.match(template)
        if not call:
            return float_holiday(template), True
        try:
            return self._call(call[1], call[2].split(","), call[3], tense, nearby)
        except (ValueError, OverflowError):  # beyond the calendar's years 1..9999
            return PLACEHOLDERS["day"], False

    def _call(
        self,
        name: str,
        args: list[str],
        suffix: str,
        tense: str | None,
        nearby: Sequence[CalendarPeriod],
    ) -> tuple[str, bool]:
        if name == "dur":
            return duration(args[0], args[1]) + suffix, True
        if name in ("near", "past", "future", "this", "before"):
            value, anchored = underspecified(name, args[0], tense, self.dct)
        elif name == "dct":
            value, anchored = self._relative(self._dct_period(), args[0], args[1])
        elif name == "same":
            value, anchored = self._same(args[0], nearby), True
        elif name == "onday":
            value, anchored = self._relative(self._day(nearby), "day", "0")
        elif name == "last":
            value, anchored = self._last(args[0])
        elif name == "ref":
            value, anchored = self._ref(args[0], args[1])
        elif name == "shift":
            value, anchored = self._shift(args[0], int(args[1]), nearby)
        elif name == "few":
            value, anchored = self._few(args[0])
        elif name == "weekof":
            value, anchored = self._week_of(args[0], tense)
        elif name == "refday":
            value, anchored = self._ref_weekday(int(args[0]), int(args[1]))
        else:
            raise KeyError(f"unknown value function @{name}")
        return value + suffix, anchored

    def remember(self, value: str, explicit: bool) -> CalendarPeriod | None:
        """Make a resolved date the narrative's last date; return its period.

        ``explicit`` dates (written out, not computed from another date) are also kept as the
        periods later comparisons refer to.
        """
        period = parse_value(value)
        if period:
            self.last = period
            if explicit:
                self.mentioned.append(period)
        return period

    def _day(self, nearby: Sequence[CalendarPeriod]) -> CalendarPeriod | None:
        """The day a time of day falls on: the sentence's last day, else the day the narrative
        last moved to if that is in the past (a later date is a plan, not the story's day), else
        the document date."""
        days = [p for p in nearby if p.granularity == "day"]
        if days:
            return days[-1]
        if self.last and self.last.granularity == "day" and self.dct and self.last.start < self.dct:
            return self.last
        return self._dct_period()

    def _dct_period(self) -> CalendarPeriod | None:
        return CalendarPeriod("day", self.dct) if self.dct else None

    def _ref(self, unit: str, offset: str) -> tuple[str, bool]:
        if offset == "0":
            for period in reversed(self.mentioned):
                if period.granularity == unit:
                    return period.value, True
        base = self.last
        if base and _RANK[base.granularity] > _RANK.get(_calendar_unit(unit), 0):
            base = self._dct_period()  # "at noon" after "in 1998" is not on Jan. 1, 1998
        return self._relative(base, unit, offset)

    def _last(self, unit: str) -> tuple[str, bool]:
        for period in reversed(self.mentioned):
            if period.granularity == unit:
                return period.value, True
        return self._relative(self._dct_period(), unit, "-1")

    def _relative(self, base: CalendarPeriod | None, unit: str, offset: str) -> tuple[str, bool]:
        unit = _calendar_unit(unit)
        granularity = "week" if unit == "fortnight" else unit
        if base is None:
            return PLACEHOLDERS[unit], False
        n = round(float(offset))
        start = floor(shift(floor(base.start, granularity), unit, n), granularity)
        return CalendarPeriod(granularity, start).value, True

    def _few(self, unit: str) -> tuple[str, bool]:
        """A few units before the document date ("a few years ago"), its last digits unknown
        ("199X"); a past reference for units without such a value."""
        if unit not in _VAGUE_PARTS:
            return "PAST_REF", True
        value, anchored = self._relative(self._dct_period(), unit, str(-FEW))
        keep, unknown = _VAGUE_PARTS[unit]
        return (value[:keep] + unknown, True) if anchored else (value, False)

    def _week_of(self, pattern: str, tense: str | None) -> tuple[str, bool]:
        """The week of a day ("the week of March 6"), the day filled in as ``@near`` does."""
        period = parse_value(underspecified("near", pattern, tense, self.dct)[0])
        if period is None:
            return PLACEHOLDERS["week"], False
        return format_value("week", period.start), True

    def _ref_weekday(self, direction: int, weekday: int) -> tuple[str, bool]:
        """The ``weekday`` (1 = Monday) just before (``direction`` -1) or after (1) the day the
        narrative last moved to, else the document date: "the previous Friday"."""
        base = self.last if self.last and self.last.granularity == "day" else self._dct_period()
        if base is None:
            return PLACEHOLDERS["day"], False
        start = base.start.isoweekday()
        days = ((weekday - start) % 7 or 7) if direction > 0 else -((start - weekday) % 7 or 7)
        return CalendarPeriod("day", base.start + dt.timedelta(days=days)).value, True

    def _shift(self, unit: str, n: int, nearby: Sequence[CalendarPeriod]) -> tuple[str, bool]:
        """A comparison ("a year earlier"): the period it compares with, moved by ``n`` units.

        That is the last period of the sentence, else the last quarter or half of the text (the
        usual subject of a comparison in a report), else its last period, if within the past
        year; failing all, the document date's year.
        """
        oldest = self.dct - dt.timedelta(days=366) if self.dct else dt.date.min
        shiftable = [p for p in self.mentioned if p.granularity in _SHIFTABLE and p.end > oldest]
        candidates = [
            *(p for p in reversed(nearby) if p.granularity in _SHIFTABLE and p.end > oldest),
            *(p for p in reversed(shiftable) if p.granularity in ("quarter", "half")),
            *reversed(shiftable),
        ]
        if candidates:
            return candidates[0].shifted(unit, n).value, True
        return self._relative(self._dct_period(), "year", str(n))

    def _same(self, year: str, nearby: Sequence[CalendarPeriod]) -> str:
        """The period last mentioned ("the quarter"), in ``year``: "the 1988 period"."""
        for period in [*reversed(nearby), *reversed(self.mentioned)]:
            if period.granularity in ("month", "quarter", "half", "season"):
                return year + period.value[4:]
        return year


@lru_cache(maxsize=4096)
def underspecified(
    mode: str, pattern: str, tense: str | None, dct: dt.date | None
) -> tuple[str, bool]:
    """``pattern`` (with ``XXXX``, ``WXX``) filled in near ``dct`` the way ``mode`` says.

    ``mode`` is a value function: near (following ``tense``), past, future, this or before.
    """
    if pattern.endswith("-WE"):  # a weekend: resolve its Saturday, then name its week
        value, anchored = underspecified(mode, pattern[:-2] + "6", tense, dct)
        period = parse_value(value) if anchored else None
        return (format_value("week", period.start) + "-WE", True) if period else (pattern, False)
    if dct is None:
        return _FLOATING_DAY.sub("-XX", pattern), False
    options = sorted(_candidates(pattern, dct), key=lambda p: p.start)
    if not options:
        return pattern, False
    if mode == "this":
        same = [p for p in options if p.start <= dct < p.end] or [
            p for p in options if p.start.year == dct.year
        ]
        return (same or options)[0].value, True
    if mode == "past":
        chosen = [p for p in options if p.end <= floor(dct, p.granularity)][-1:]
    elif mode == "before":
        chosen = [p for p in options if p.start <= dct][-1:]
    elif mode == "future":
        chosen = [p for p in options if p.start > floor(dct, p.granularity)][:1]
    else:
        chosen = [_nearest(options, dct, tense, "WXX" in pattern)]
    return (chosen[0].value, True) if chosen else (pattern, False)


def _candidates(pattern: str, dct: dt.date) -> Iterator[CalendarPeriod]:
    """The periods ``pattern`` can be in the years (weeks, for a weekday) around ``dct``."""
    weekday = re.fullmatch(r"XXXX-WXX-(\d)", pattern)
    if weekday:
        monday = floor(dct, "week")
        for week in (-1, 0, 1):
            day = monday + dt.timedelta(weeks=week, days=int(weekday[1]) - 1)
            yield CalendarPeriod("day", day)
        return
    for year in (dct.year - 1, dct.year, dct.year + 1):
        period = parse_value(float_holiday(pattern.replace("XXXX", f"{year:04d}")))
        if period:
            yield period


def _nearest(
    options: list[CalendarPeriod], dct: dt.date, tense: str | None, weekday: bool
) -> CalendarPeriod:
    """The candidate nearest to ``dct``, unless the tense picks one not much farther away.

    Weekdays follow the tense whenever there is one ("met on Monday" is the Monday before).
    """
    distances = {p: _distance(p, dct) for p in options}
    nearest = min(options, key=lambda p: (distances[p], p.start > dct))
    if tense == "PAST":
        fitting = [p for p in options if p.start <= dct]
    elif tense == "FUTURE":
        fitting = [p for p in options if p.end > dct]
    else:
        return nearest
    margin = 7 if weekday else TENSE_MARGIN
    best = min(fitting, key=distances.__getitem__, default=nearest)
    return best if distances[best] <= distances[nearest] + margin else nearest


def _distance(period: CalendarPeriod, day: dt.date) -> int:
    start, end = period.start, period.end  # ``end`` is a computed property
    if start <= day < end:
        return 0
    return min(abs((start - day).days), abs((end - day).days))
