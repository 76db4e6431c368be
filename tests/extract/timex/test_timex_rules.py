"""Rule families: explicit and relative dates, periods, durations, sets, times, references."""

from __future__ import annotations

import datetime as dt

import pytest
from tagged import THU, TUE, check

EXPLICIT = [
    ("The deal closed on Aug. 9, 2020, in Minsk.", "Aug. 9, 2020", "DATE", "2020-08-09"),
    ("It was signed 14 September 2020 in Sochi.", "14 September 2020", "DATE", "2020-09-14"),
    ("Results are due 2020-10-01 at noon.", "2020-10-01", "DATE", "2020-10-01"),
    ("The rule took effect in July 1997.", "July 1997", "DATE", "1997-07"),
    ("Prices peaked in 1992 and fell.", "1992", "DATE", "1992"),
    (
        "A new law was passed on Monday, Oct. 12, 1998.",
        "Monday, Oct. 12, 1998",
        "DATE",
        "1998-10-12",
    ),
    ("Filed on 9/14/2020 with the court.", "9/14/2020", "DATE", "2020-09-14"),
    ("Filed on 14/09/2020 in London.", "14/09/2020", "DATE", "2020-09-14"),
    ("The law applies from Jan 1, 2021.", "Jan 1, 2021", "DATE", "2021-01-01"),
    ("It ended in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
]

RELATIVE_DAYS = [
    ("On Monday, the leaders met in Sochi.", "Monday", "DATE", "2020-09-14"),
    ("The leaders will meet on Monday.", "Monday", "DATE", "2020-09-21"),
    ("The minister said Friday that talks failed.", "Friday", "DATE", "2020-09-11"),
    ("Officials are expected to vote Thursday.", "Thursday", "DATE", "2020-09-17"),
    ("Last Tuesday the bank cut rates.", "Last Tuesday", "DATE", "2020-09-08"),
    ("We fly out next Friday.", "next Friday", "DATE", "2020-09-18"),
    ("(T)oday we start the exercises.", "(T)oday", "DATE", "2020-09-15"),
    ("Markets fell yesterday.", "yesterday", "DATE", "2020-09-14"),
    ("Talks resume tomorrow.", "tomorrow", "DATE", "2020-09-16"),
    ("Critics attacked Wednesday's ruling.", "Wednesday", "DATE", "2020-09-09"),
    ("Families met on Thanksgiving 2019.", "Thanksgiving 2019", "DATE", "2019-11-28"),
    ("Stores were busy last Christmas.", "last Christmas", "DATE", "2019-12-25"),
    ("The panel met on August 9.", "August 9", "DATE", "2020-08-09"),
    ("The vote is set for Nov. 3 nationwide.", "Nov. 3", "DATE", "2020-11-03"),
]

MONTHS_YEARS = [
    ("Exercises this month were not discussed.", "this month", "DATE", "2020-09"),
    ("Last month, prices rose.", "Last month", "DATE", "2020-08"),
    ("Inflation slowed last year.", "last year", "DATE", "2019"),
    ("Growth should recover next year.", "next year", "DATE", "2021"),
    ("Sales rose in January.", "January", "DATE", "2020-01"),
    ("Output will rise in December.", "December", "DATE", "2020-12"),
    ("It happened in June last year.", "June last year", "DATE", "2019-06"),
    ("Taxes rose earlier this year.", "earlier this year", "DATE", "2020"),
    ("The plant opened late last November.", "late last November", "DATE", "2019-11"),
    ("Rates stayed flat in fiscal 2019.", "fiscal 2019", "DATE", "2019"),
    ("Two weeks ago the firm was sold.", "Two weeks ago", "DATE", "2020-W36"),
    ("Three years ago the plant closed.", "Three years ago", "DATE", "2017"),
]

PERIODS = [
    ("Profit fell in the third quarter.", "the third quarter", "DATE", "2020-Q3"),
    ("Third-quarter profit fell.", "Third-quarter", "DATE", "2020-Q3"),
    ("Sales grew in the first half of 2019.", "the first half of 2019", "DATE", "2019-H1"),
    ("The factory reopened last winter.", "last winter", "DATE", "2019-WI"),
    ("Elections are due in the spring of 2021.", "the spring of 2021", "DATE", "2021-SP"),
    ("Debt soared in the 1980s.", "the 1980s", "DATE", "198"),
    ("Debt soared in the '80s.", "the '80s", "DATE", "198"),
    ("Art of the 20th century changed.", "the 20th century", "DATE", "19"),
    ("The Q4 2019 report was late.", "Q4 2019", "DATE", "2019-Q4"),
    ("Sales slipped in H1 2020.", "H1 2020", "DATE", "2020-H1"),
]

DURATIONS = [
    ("The strike lasted three months.", "three months", "DURATION", "P3M"),
    ("It took a decade to finish.", "a decade", "DURATION", "P10Y"),
    ("The flight lasts two hours.", "two hours", "DURATION", "PT2H"),
    ("Profit rose in the first nine months.", "the first nine months", "DURATION", "P9M"),
    ("He signed a two-year contract.", "two-year", "DURATION", "P2Y"),
    ("The talks took several weeks.", "several weeks", "DURATION", "PXW"),
    ("The rebels have held the town for weeks.", "weeks", "DURATION", "PXW"),
    ("The strike will last two more weeks.", "two more weeks", "DURATION", "P2W"),
    ("Prices rose over the past 20 years.", "the past 20 years", "DURATION", "P20Y"),
    ("Rents soared in recent years.", "recent years", "DURATION", "PXY"),
    ("Repairs take two to three weeks.", "two to three weeks", "DURATION", "P2W"),
]

SETS = [
    ("The board meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The show airs weekly.", "weekly", "SET", "P1W"),
    ("Rent is reviewed annually.", "annually", "SET", "P1Y"),
    ("It airs live on Sundays at noon.", "Sundays", "SET", "XXXX-WXX-7"),
    ("It airs live on Sundays at 1PM.", "Sundays at 1PM", "SET", "XXXX-WXX-7T13:00"),
    ("The council meets twice a year.", "twice a year", "SET", "P1Y"),
]

TIMES = [
    (
        "The vote ended at 5 p.m. EST Nov. 9, officials said.",
        "5 p.m. EST Nov. 9",
        "TIME",
        "2020-11-09T17:00",
    ),
    (
        "The attack came at 10:35 a.m. on Monday.",
        "10:35 a.m. on Monday",
        "TIME",
        "2020-09-14T10:35",
    ),
    ("The vote ended at 10:35 a.m.", "10:35 a.m.", "TIME", "2020-09-15T10:35"),
    (
        "Talks resume on Jan. 30. Stocks rose by 3:15 p.m. ET.",
        "3:15 p.m. ET",
        "TIME",
        "2020-09-15T15:15",
    ),
    ("They met Monday morning.", "Monday morning", "DATE", "2020-09-14TMO"),
    ("Shots were heard last night.", "last night", "TIME", "2020-09-14TNI"),
    ("The market opens at 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME", "2020-09-15T09:00"),
]

REFERENCES = [
    ("Now, I am delighted to be here.", "Now", "DATE", "PRESENT_REF"),
    ("Prices have recently fallen.", "recently", "DATE", "PAST_REF"),
    ("Nobody knows what the future holds.", "the future", "DATE", "FUTURE_REF"),
    ("Such wars were common in the past.", "the past", "DATE", "PAST_REF"),
]

NARRATIVE = [
    (
        "The ship left on Aug. 3, 2020. Two days later it sank.",
        "Two days later",
        "DATE",
        "2020-08-05",
    ),
    (
        "Talks began Aug. 3, 2020. The following week they collapsed.",
        "The following week",
        "DATE",
        "2020-W33",
    ),
    (
        "The ship sank on Aug. 3, 2020. The next morning divers came.",
        "The next morning",
        "TIME",
        "2020-08-04TMO",
    ),
    (
        "Profit rose in the third quarter from $5 million a year earlier.",
        "a year earlier",
        "DATE",
        "2019-Q3",
    ),
    (
        "Third-quarter sales fell. In the year-earlier period they rose.",
        "the year-earlier period",
        "DATE",
        "2019-Q3",
    ),
    ("Revenue fell 5% from a year ago.", "a year ago", "DATE", "2019"),
]


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    EXPLICIT
    + RELATIVE_DAYS
    + MONTHS_YEARS
    + PERIODS
    + DURATIONS
    + SETS
    + TIMES
    + REFERENCES
    + NARRATIVE,
)
def test_expression(text: str, span: str, type_: str, value: str) -> None:
    check(text, TUE, span, type_, value)


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Third-quarter sales fell. Profit fell in the quarter.", "the quarter", "DATE", "1989-Q3"),
        ("Sales in the latest quarter were weak.", "the latest quarter", "DATE", "1989-Q3"),
        ("Sales will rise in the first quarter.", "the first quarter", "DATE", "1990-Q1"),
        ("The bid was extended to Nov. 20 from Friday.", "Nov. 20", "DATE", "1989-11-20"),
        ("Revenue for the year ended June 30 rose.", "the year", "DURATION", "P1Y"),
        (
            "Third-quarter net fell. In the 1988 period it rose.",
            "the 1988 period",
            "DATE",
            "1988-Q3",
        ),
        ("Fourth-quarter net fell from year-earlier profit.", "year-earlier", "DATE", "1988-Q4"),
        ("Growth slowed over the past two months.", "the past two months", "DURATION", "P2M"),
        (
            "Net rose from the year-earlier nine months.",
            "the year-earlier nine months",
            "DURATION",
            "P9M",
        ),
        ("Rebels attacked over the weekend, officials said.", "the weekend", "DATE", "1989-W42-WE"),
    ],
)
def test_financial_news(text: str, span: str, type_: str, value: str) -> None:
    check(text, THU, span, type_, value)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The fair runs Sept 14 to 25 in Paris.", ("Sept 14", "2020-09-14"), ("25", "2020-09-25")),
        ("Output rose in 1999-2000 sharply.", ("1999", "1999"), ("2000", "2000")),
        (
            "The summit will meet on April 24 and 25.",
            ("April 24", "2021-04-24"),
            ("25", "2021-04-25"),
        ),
    ],
)
def test_ranges_give_two_expressions(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    check(text, TUE, first[0], "DATE", first[1])
    check(text, TUE, second[0], "DATE", second[1])


def test_clock_time_after_a_year_is_on_the_document_date() -> None:
    check(
        "In 1998 the plant closed. The vote starts at noon.",
        TUE,
        "noon",
        "TIME",
        "2020-09-15T12:00",
    )


def test_tense_decides_between_two_equally_near_months() -> None:
    text = "The airline will double its flights by August in a push abroad."
    check(text, dt.date(2020, 2, 13), "August", "DATE", "2020-08")
    text = "The airline doubled its flights in August."
    check(text, dt.date(2020, 2, 13), "August", "DATE", "2019-08")
