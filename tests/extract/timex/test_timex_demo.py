"""The demo article, tagged against its publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract.timex import Timex, tag

ARTICLE = Path(__file__).resolve().parents[3] / "data" / "articles" / "putin-lukashenko-sochi.md"
DCT = dt.date(2020, 9, 15)


@pytest.fixture(scope="module")
def tagged() -> tuple[str, list[Timex]]:
    text = ARTICLE.read_text(encoding="utf-8")
    return text, tag(text, DCT)


def _at(text: str, found: list[Timex], context: str, span: str) -> Timex:
    start = text.index(context) + context.index(span)
    matches = [t for t in found if t.start == start and t.text == span]
    assert matches, f"{span!r} in {context!r} not tagged"
    return matches[0]


@pytest.mark.parametrize(
    ("context", "span", "value"),
    [
        ("On Monday, Vladimir Putin met", "Monday", "2020-09-14"),
        ("that were planned last year", "last year", "2019"),
        ("(T)oday we start", "(T)oday", "2020-09-15"),
        ("military exercises this month", "this month", "2020-09"),
        ("post-August 9 election", "August 9", "2020-08-09"),
        ("in a Monday Washington Post op-ed", "Monday", "2020-09-14"),
        ("Following Monday Putin/Lukashenko", "Monday", "2020-09-14"),
        ("Last month, Putin said", "Last month", "2020-08"),
        ("Putin explained last month", "last month", "2020-08"),
        ("a 1992 seven-nation", "1992", "1992"),
        ("victory on August 9", "August 9", "2020-08-09"),
        ("in the Aug. 9 presidential", "Aug. 9", "2020-08-09"),
        ("“Now, I am delighted", "Now", "PRESENT_REF"),
    ],
)
def test_demo_expressions(
    tagged: tuple[str, list[Timex]], context: str, span: str, value: str
) -> None:
    text, found = tagged
    timex = _at(text, found, context, span)
    assert (timex.type, timex.value, timex.anchored) == ("DATE", value, True)


@pytest.mark.parametrize("number", ["62%", "25%", "80%", "10%", "$1.5 billion", "1.5"])
def test_demo_numbers_untagged(tagged: tuple[str, list[Timex]], number: str) -> None:
    text, found = tagged
    start = text.index(number)
    assert not [t for t in found if t.start < start + len(number) and start < t.end]


def test_demo_sundays_is_a_set(tagged: tuple[str, list[Timex]]) -> None:
    text, found = tagged
    timex = _at(text, found, "on Sundays at 1PM Central time", "Sundays at 1PM Central time")
    assert (timex.type, timex.value) == ("SET", "XXXX-WXX-7T13:00")
