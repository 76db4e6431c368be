"""Datelines and headlines at the top of an article's body.

A wire dateline opens the story: ``KYIV, March 5 (Reuters) - ...``, ``WASHINGTON (AP) — ...``,
``MINSK — ...``; some articles start with a line that is only a date (``Monday, 3 March 2024``).
They give the place, the outlet that filed the story and the day it was filed. A first line
that reads as a headline (short, capitalised, no final stop) is the title of an article that
has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.timex import tag

#: ``PLACE[, Region][, Month Day[, Year]] [(Outlet)] -``: the place in capitals, then a dash.
_WIRE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?P<rest>(?:,\s*[^,()\n—–-]{2,30}){0,3}?)\s*"
    r"(?:\((?P<outlet>[^()\n]{2,40})\)\s*)?"
    r"(?:[—–]|--?)\s+"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Headlines are at most this many words.
_HEADLINE_WORDS = 16


@dataclass(frozen=True)
class Dateline:
    """What a dateline says; ``end`` is where the story starts after it."""

    place: str = ""
    outlet: str = ""
    day: date | None = None
    end: int = 0


def read_dateline(body: str) -> Dateline:
    """The dateline opening ``body`` (after blank lines and a headline line), or an empty one."""
    start = len(body) - len(body.lstrip())
    first_line = body[start:].split("\n", 1)[0]
    if _is_date_line(first_line):
        return Dateline(day=_day_of(first_line, body), end=start + len(first_line))
    if looks_like_headline(first_line) and not _WIRE.match(first_line):
        start += len(first_line)
        start += len(body[start:]) - len(body[start:].lstrip())
    match = _WIRE.match(body, start)
    if match is None:
        line = body[start:].split("\n", 1)[0]
        if _is_date_line(line):
            return Dateline(day=_day_of(line, body), end=start + len(line))
        return Dateline()
    place = match["place"].title()
    outlet = (match["outlet"] or "").strip()
    day = _day_of(match["rest"], body) if match["rest"] else None
    if not (outlet or day or match["rest"] == ""):
        return Dateline()
    return Dateline(place=place, outlet=outlet, day=day, end=match.end())


def headline_of(body: str) -> str:
    """The first line of ``body`` when it is a paragraph of its own that reads as a headline."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    if not rest.strip() or not re.match(r"[ \t]*\n", rest):
        return ""
    return first.strip() if looks_like_headline(first) and not _WIRE.match(first) else ""


def looks_like_headline(line: str) -> bool:
    """Whether a line reads as a headline: a few words, capitalised, no final stop."""
    words = line.split()
    return (
        1 < len(words) <= _HEADLINE_WORDS
        and line[:1].isupper()
        and not line.rstrip().endswith((".", ",", ";", ":"))
        and not _is_date_line(line)
    )


def _is_date_line(line: str) -> bool:
    """Whether ``line`` is only a date stated to the day ("Monday, 3 March 2024")."""
    stripped = line.strip()
    if not stripped or len(stripped) > 40 or not _YEAR.search(stripped):
        return False
    found = [t for t in tag(stripped, None) if t.type == "DATE"]
    return (
        len(found) == 1
        and _covers(stripped, found[0].start, found[0].end)
        and (len(found[0].value) == 10)
    )


def _covers(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` is all of ``text`` but a weekday and commas."""
    rest = (text[:start] + text[end:]).strip(" ,.")
    return not rest or rest.lower().rstrip(",") in _WEEKDAYS


_WEEKDAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)


def _day_of(text: str, body: str) -> date | None:
    """The day a dateline's date names; without a year, in the latest year the story names."""
    found = [t for t in tag(text, None) if t.type == "DATE"]
    if not found:
        return None
    value = found[0].value
    if value.startswith("XXXX-") and len(value) == 10:
        years = [int(y) for y in _YEAR.findall(body[:5000])]
        if not years:
            return None
        value = f"{max(years)}{value[4:]}"
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
