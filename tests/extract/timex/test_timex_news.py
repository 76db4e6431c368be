"""Constructions of news prose: fractions, frequency adjectives, idioms, titles and deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from tagged import THU, TUE, check, find

from extract.timex import tag

MON = dt.date(2000, 4, 3)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("They lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("She spent about 5 1/2 hours in Nairobi.", "5 1/2 hours", "PT5H30M"),
        ("The siege lasted two and a half years.", "two and a half years", "P2Y6M"),
        ("A minute and a half later, a pilot called in.", "A minute and a half", "PT1M30S"),
        ("It was a decades-long battle with the exiles.", "decades-long", "PXY"),
        ("They left their third day-long meeting.", "day-long", "P1D"),
        ("NATO will buy new equipment in the coming years.", "coming years", "PXY"),
        ("He followed a several-year tenure as editor.", "several-year", "PXY"),
        ("Eight trading days after the crash, the index fell.", "Eight trading days", "P8D"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    check(text, TUE, span, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("He wrote about his daily life in prison.", "daily", "P1D"),
        ("We investigate leads on a daily basis.", "daily", "P1D"),
        ("Clinton spoke in his weekly radio address.", "weekly", "P1W"),
    ],
)
def test_frequency_adjectives_of_everyday_life(text: str, span: str, value: str) -> None:
    check(text, TUE, span, "SET", value)


@pytest.mark.parametrize(
    "text",
    [
        "The company posted its first quarterly loss.",
        "The poster showed Gary Cooper in High Noon.",
        "Guards were posted outside 24 hours a day.",
        "The group staged the Spring of Life protests.",
        "He told ``60 Minutes'' the boy was abused.",
        "After a weekend of bitter accusations, the talks resumed.",
        "She toured Nairobi later in the day before returning home.",
    ],
)
def test_not_a_date(text: str) -> None:
    assert [t.text for t in tag(text, TUE)] == []


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Volume fell on Oct. 12, the day before the plunge.", "the day", "DATE", "1989-10-12"),
        (
            "The site closed on Oct. 4, 1989. His name was crossed out that same day.",
            "that same day",
            "DATE",
            "1989-10-04",
        ),
        ("The broadcast ends this evening.", "this evening", "TIME", "1989-10-26TEV"),
        (
            "Profit fell in the third quarter. For the quarter a year ago, it rose.",
            "the quarter a year ago",
            "DATE",
            "1988-Q3",
        ),
        ("Earnings will be lower for the fiscal year.", "the fiscal year", "DATE", "1989"),
        (
            "Sales fell to $300 million last year, from $450 million the year before.",
            "the year before",
            "DATE",
            "1987",
        ),
        (
            "The case may be heard the week of Nov. 6, lawyers said.",
            "the week of Nov. 6",
            "DATE",
            "1989-W45",
        ),
        ("The bands march each July through the town.", "each July", "SET", "XXXX-07"),
        (
            "Shares closed on Friday, Oct. 20, 1989, down from the previous Friday.",
            "the previous Friday",
            "DATE",
            "1989-10-13",
        ),
        (
            "Talks began on Tuesday, Oct. 3, 1989. The following Monday they collapsed.",
            "The following Monday",
            "DATE",
            "1989-10-09",
        ),
    ],
)
def test_reference_days_and_periods(text: str, span: str, type_: str, value: str) -> None:
    check(text, THU, span, type_, value)


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        # A deadline lies ahead even when it was set in the past.
        (
            "The INS has given them until 9 a.m. Tuesday to sign.",
            "9 a.m. Tuesday",
            "TIME",
            "2000-04-04T09:00",
        ),
        (
            "Officials postponed until Friday any action on the case.",
            "Friday",
            "DATE",
            "2000-04-07",
        ),
        # Not so when "until" ends a past state, opens the sentence or follows "not".
        ("He remained in hospital until Tuesday, officials said.", "Tuesday", "DATE", "2000-03-28"),
        ("The troops stayed in the town until Friday.", "Friday", "DATE", "2000-03-31"),
        ("Until Saturday, they had not called him a suspect.", "Saturday", "DATE", "2000-04-01"),
        ("It was not until Saturday that he spoke.", "Saturday", "DATE", "2000-04-01"),
    ],
)
def test_deadlines(text: str, span: str, type_: str, value: str) -> None:
    check(text, MON, span, type_, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The father will leave at 4 in the morning.", "4 in the morning", "2020-09-15T04:00"),
        ("The rally began at 4:30 in the afternoon.", "4:30 in the afternoon", "2020-09-15T16:30"),
        ("Shots rang out at 10 at night.", "10 at night", "2020-09-15T22:00"),
    ],
)
def test_hour_with_part_of_day(text: str, span: str, value: str) -> None:
    check(text, TUE, span, "TIME", value)


def test_week_of_a_day_without_document_date() -> None:
    assert find(
        "It was heard the week of Oct. 9, 1989.", None, "the week of Oct. 9, 1989"
    ).value == ("1989-W41")
    timex = find("It will be heard the week of Nov. 6.", None, "the week of Nov. 6")
    assert (timex.value, timex.anchored) == ("XXXX-WXX", False)
