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
    ],
)
def test_a_month_with_a_far_year_keeps_that_year(text: str, expression: str, value: str) -> None:
    assert [(timex.text, timex.value) for timex in tag(text, DCT)] == [(expression, value)]


def test_a_far_year_alone_is_not_a_date() -> None:
    assert tag("In 2150 the sea will rise; in 1500 troops marched.", DCT) == []
