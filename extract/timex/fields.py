"""Field kinds of the rule patterns: the regex each ``{kind}`` stands for and its normalizer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .vocab import alternation, plural, table


@dataclass(frozen=True, slots=True)
class Kind:
    """A field kind: what it matches and how a match becomes part of a TIMEX3 value."""

    regex: str
    normalize: Callable[[str], str]
    words: tuple[str, ...] = ()
    anchors: bool = True  # its words can anchor an expression ("May"), not just qualify ("two")
    numeric: bool = False  # it matches digits
    capitalized: bool = False  # written with a capital initial ("May", not the verb "may")


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _lookup(name: str) -> Callable[[str], str]:
    words = table(name)
    return lambda text: words[_key(text)]


def _vocabulary(name: str, capitalized: bool = False, width: int = 0, anchors: bool = True) -> Kind:
    """A kind matching the words of a resource file, normalized by its second column.

    With ``width``, numeric values are zero-padded to that many digits.
    """
    words = list(table(name))
    lookup = _lookup(name)
    normalize = (lambda text: lookup(text).zfill(width)) if width else lookup
    return Kind(alternation(words), normalize, tuple(words), anchors, capitalized=capitalized)


def _number(text: str) -> str:
    """``"twenty-four"`` -> ``"24"``, ``"1.5"`` -> ``"1.5"``, ``"a"`` -> ``"1"``.

    A half is added: ``"2 1/2"`` and ``"two and a half"`` -> ``"2.5"``.
    """
    key = _key(text).replace("-", " ")
    for half in _HALVES:
        if key.endswith(half):
            return str(float(_number(key.removesuffix(half))) + 0.5)
    words = table("numbers.tsv")
    if key in words:
        value = float(words[key])
    elif key.replace(".", "", 1).isdigit():
        value = float(key)
    else:
        value = sum(float(words[part]) for part in key.split())
    return str(int(value)) if value == int(value) else str(value)


def _ordinal(text: str) -> str:
    key = _key(text)
    digits = re.match(r"\d+", key)
    return digits[0].lstrip("0") if digits else table("ordinals.tsv")[key]


def _two(fn: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: f"{int(fn(text)):02d}"


def _spoken_year(text: str) -> str:
    """``"nineteen ninety-six"`` -> ``"1996"``, ``"two thousand and one"`` -> ``"2001"``."""
    words = [w for w in _key(text).replace("-", " ").split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return str(2000 + (int(_number(" ".join(words[2:]))) if words[2:] else 0))
    rest = words[1:]
    tail = 0 if rest == ["hundred"] else int(_number(" ".join(rest)))
    return str(int(_number(words[0])) * 100 + tail)


def _vague(_: str) -> str:
    return "X"


def _century(text: str) -> str:
    return f"{int(_ordinal(text)) - 1:02d}"


def _year2(text: str) -> str:
    yy = int(text[-2:])
    return f"{1900 + yy if yy >= 30 else 2000 + yy}"


def _decade(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits[:3] if len(digits) == 4 else _year2(digits)[:3]


def _unit_words() -> tuple[str, ...]:
    words = list(table("units.tsv"))
    return tuple(words + [plural(word) for word in words])


@cache
def _singular() -> dict[str, str]:
    return {plural(word): word for word in table("units.tsv")}


def _unit(text: str) -> str:
    key = _key(text)
    return table("units.tsv")[_singular().get(key, key)]


_TEN_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS = alternation(list(_TEN_WORDS))
#: Number words other than tens, which ``_WORDS`` matches with their units, and "a", "an".
_CARDINALS = [w for w in table("numbers.tsv") if w not in ("a", "an", *_TEN_WORDS)]
_ONES = alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
_ORDINAL_WORDS = alternation([w for w in table("ordinals.tsv") if table("ordinals.tsv")[w] != "-1"])
_DIGIT_ORDINAL = r"(?:[1-9]\d?(?:st|nd|rd|th))"

_WORDS = rf"(?:{_TENS}(?:[\s-]+{_ONES})?|{alternation(_CARDINALS)})"
#: Endings that add a half to a number: "2 1/2", "two and a half".
_HALVES = (" 1/2", " and a half")
_NUMBER = rf"(?:\d+(?:\.\d+|\s1/2)?|{_WORDS}(?:\s+and\s+a\s+half)?|an?)"
_DAY = rf"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)|{_ORDINAL_WORDS})"
_ORDINALS = tuple(table("ordinals.tsv"))
_TEENS = alternation([w for w, v in table("numbers.tsv").items() if 10 <= float(v) < 20])
_SPOKEN_YEAR = (
    rf"(?:(?:eighteen|nineteen)[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|hundred)"
    rf"|two\s+thousand[\s-]+(?:and\s+)?(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|{_ONES}))"
)

KINDS: dict[str, Kind] = {
    "month": _vocabulary("months.tsv", capitalized=True, width=2),
    "weekday": _vocabulary("weekdays.tsv", capitalized=True),
    "season": _vocabulary("seasons.tsv"),
    "part": _vocabulary("day_parts.tsv"),
    "decword": _vocabulary("decades.tsv"),
    "holiday": _vocabulary("holidays.tsv", capitalized=True),
    "freq": _vocabulary("frequencies.tsv"),
    "unit": Kind(alternation(list(_unit_words())), _unit, _unit_words()),
    "rel": _vocabulary("relative.tsv", anchors=False),
    "vague": Kind(alternation(list(table("vague.tsv"))), _vague, tuple(table("vague.tsv")), False),
    "measure": Kind(alternation(list(table("measures.txt"))), str, (), False),
    "tz": Kind(alternation(list(table("timezones.tsv"))), str, (), False),
    "num": Kind(_NUMBER, _number, tuple(table("numbers.tsv")), False, True),
    "ord": Kind(rf"(?:{_DIGIT_ORDINAL}|{_ORDINAL_WORDS})", _ordinal, _ORDINALS, False, True),
    "day": Kind(_DAY, _two(_ordinal), _ORDINALS, False, True),
    "cent": Kind(rf"(?:{_DIGIT_ORDINAL}|{_ORDINAL_WORDS})", _century, _ORDINALS, False, True),
    "spoken": Kind(_SPOKEN_YEAR, _spoken_year, ("eighteen", "nineteen")),
    "mnum": Kind(r"(?:1[0-2]|0?[1-9])", _two(str), numeric=True),
    "dnum": Kind(r"(?:3[01]|[12]\d|0?[1-9])", _two(str), numeric=True),
    "qnum": Kind(r"[1-4]", str, numeric=True),
    "year": Kind(r"(?:1[6-9]\d\d|20\d\d)(?!\d)", str, numeric=True),
    # Any year from 1000 to 2999, for expressions that name a month too ("1 January 1066",
    # "March 2100"): there a four-digit number is a year, whatever the century.
    "fullyear": Kind(r"(?:1\d\d\d|2\d\d\d)(?!\d)", str, numeric=True),
    "yy": Kind(r"['’]\d\d(?!\d)", _year2, numeric=True),
    "decade": Kind(r"(?:1[6-9]\d0|20\d0|['’]\d0)['’]?s", _decade, numeric=True),
    "hour": Kind(r"(?:2[0-4]|1\d|0?\d)", str, numeric=True),
    "minute": Kind(r"[0-5]\d", str, numeric=True),
    "ampm": Kind(r"(?:[ap]\.\s?m\b\.?|[ap]m\b)", str, (), False),
}


#: Parts of the day that put an hour after noon: "4 in the afternoon".
_PM_PARTS = ("afternoon", "evening")
#: The first hour that "at night" puts after noon: "10 at night", but "2 at night".
_NIGHT_FROM = 6


def clock(fields: dict[str, str]) -> str:
    """``HH:MM`` from the raw ``hour``, ``minute`` and ``ampm`` fields of a match.

    ``ampm`` may be a part of the day: "4 in the afternoon", "10 at night".
    """
    hour = int(fields["hour"])
    minute = int(fields.get("minute") or 0)
    ampm = fields.get("ampm", "").lower()
    late = ampm in _PM_PARTS or (ampm == "night" and hour >= _NIGHT_FROM)
    if (ampm.startswith("p") or late) and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
