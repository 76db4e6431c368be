"""Values that depend on the context: tense of plans, comparisons, times of day, vague pasts."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.timex import Timex, tag

WED = dt.date(2021, 3, 10)  # a Wednesday
MON = dt.date(1995, 10, 30)  # a Monday


def value_of(text: str, dct: dt.date, span: str) -> tuple[str, str]:
    """Type and value of the expression tagged exactly as ``span``."""
    found: list[Timex] = tag(text, dct)
    for timex in found:
        if timex.text == span:
            return timex.type, timex.value
    raise AssertionError(f"{span!r} not tagged in {text!r}; got {[t.text for t in found]}")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A scheduled event lies ahead, even when reported with a past auxiliary.
        ("The mayor has scheduled a briefing Friday on the budget.", "Friday", "2021-03-12"),
        ("Farmers were planning a march on Saturday and a rally later.", "Saturday", "2021-03-13"),
        # A participle used as an adjective is no tense cue.
        ("The race went ahead as previously planned on Sunday.", "Sunday", "2021-03-07"),
        ("The union called off the planned walkout on Monday.", "Monday", "2021-03-08"),
    ],
)
def test_plans_and_adjectives(text: str, span: str, expected: str) -> None:
    assert value_of(text, WED, span) == ("DATE", expected)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A quarter named together with "last year" is that quarter a year before.
        (
            "Net rose in the third quarter, up from the same period last year.",
            "the same period last year",
            "1994-Q3",
        ),
        (
            "Third-quarter sales rose 8%. Exports for last year's quarter were small.",
            "last year's quarter",
            "1994-Q3",
        ),
        # "The full year" is the year being reported on.
        ("The brewer expects a gain for the full year.", "the full year", "1995"),
        # "Since year-end" looks back to the last year-end.
        ("The index has risen 12% since year-end.", "year-end", "1994-12-31"),
    ],
)
def test_reporting_periods(text: str, span: str, expected: str) -> None:
    assert value_of(text, MON, span) == ("DATE", expected)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("A few years ago the mill was shut.", "A few years ago", "201X"),
        ("Several months ago the mill was shut.", "Several months ago", "2020-XX"),
        ("The mill was shut some weeks ago.", "some weeks ago", "2021-WXX"),
        ("The mill was shut a few hours ago.", "a few hours ago", "PAST_REF"),
    ],
)
def test_vague_past_keeps_what_is_known(text: str, span: str, expected: str) -> None:
    assert value_of(text, WED, span) == ("DATE", expected)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A time of day falls on the day the story last moved to, if that is in the past.
        (
            "Shares fell on Friday. Traders sold heavily in the morning.",
            "the morning",
            "2021-03-05TMO",
        ),
        ("The fire started on March 2. Crews arrived at 10 p.m.", "10 p.m.", "2021-03-02T22:00"),
        (
            "Prices were flat by mid-afternoon yesterday.",
            "mid-afternoon yesterday",
            "2021-03-09TAF",
        ),
    ],
)
def test_times_of_day_follow_the_story(text: str, span: str, expected: str) -> None:
    assert value_of(text, WED, span) == ("TIME", expected)


def test_amount_of_time_before_an_event_is_a_duration() -> None:
    text = "The banks must wait 30 days before closing the sale."
    assert value_of(text, WED, "30 days") == ("DURATION", "P30D")
    text = "The sale closed on March 1. Two days before, the banks had agreed."
    assert value_of(text, WED, "Two days before") == ("DATE", "2021-02-27")


def test_numbered_day_of_an_event_is_the_day_in_question() -> None:
    text = "The strike goes on: it is the third day of the walkout at the port."
    assert value_of(text, WED, "the third day") == ("DATE", "2021-03-10")


@pytest.mark.parametrize(
    "text",
    [
        '"The delegation will leave early in the morning on Friday," Castro said.',
        "``The delegation will leave early in the morning on Friday,'' Castro said.",
        "“The delegation will leave early in the morning on Friday,” Castro said.",
    ],
)
def test_the_verb_reporting_a_quotation_does_not_set_its_tense(text: str) -> None:
    assert value_of(text, WED, "Friday") == ("DATE", "2021-03-12")


def test_a_reported_past_outside_quotation_marks_keeps_its_tense() -> None:
    text = "Castro said the delegation left early in the morning on Friday."
    assert value_of(text, WED, "Friday") == ("DATE", "2021-03-05")
