"""Years outside 1600-2099 next to a month: their own year, never the document's."""

from datetime import date

import pytest

from extract import tag

DCT = date(2020, 9, 15)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The castle fell on 1 January 1066 after a siege.", "1 January 1066", "1066-01-01"),
        ("Harold died on Saturday, 14 October 1066.", "Saturday, 14 October 1066", "1066-10-14"),
        ("It was signed on October 14, 1066, at dawn.", "October 14, 1066", "1066-10-14"),
        ("The treaty expires in March 2100, officials said.", "March 2100", "2100-03"),
        ("The lease ends in March 1999.", "March 1999", "1999-03"),
        ("The base opens in summer 2150.", "summer 2150", "2150-SU"),
        ("Sales in Q3 2150 will tell.", "Q3 2150", "2150-Q3"),
        ("The fleet sailed in the third quarter of 1500.", "the third quarter of 1500", "1500-Q3"),
        ("It ends in the first half of 2150.", "the first half of 2150", "2150-H1"),
        ("They will meet at Christmas 2150.", "Christmas 2150", "2150-12-25"),
        ("The bond matures on 2150-03-01.", "2150-03-01", "2150-03-01"),
        ("The bond matures on 3/14/2150.", "3/14/2150", "2150-03-14"),
    ],
)
def test_a_month_with_a_far_year_keeps_that_year(text: str, expression: str, value: str) -> None:
    assert [(timex.text, timex.value) for timex in tag(text, DCT)] == [(expression, value)]


def test_a_far_year_alone_is_not_a_date() -> None:
    assert tag("In 2150 the sea will rise; in 1500 troops marched.", DCT) == []


def test_a_month_before_a_comma_and_a_far_number_is_left_untagged_not_misdated() -> None:
    assert tag("Talks ended in March, 2100 delegates said.", DCT) == []
    assert [t.value for t in tag("It rose in December, the agency said.", DCT)] == ["2020-12"]
