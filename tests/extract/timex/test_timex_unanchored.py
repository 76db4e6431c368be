"""Without a document date, relative expressions stay underspecified and unanchored."""

from __future__ import annotations

import pytest
from tagged import find


@pytest.mark.parametrize(
    ("text", "span", "value", "anchored"),
    [
        ("They met on Monday.", "Monday", "XXXX-WXX-1", False),
        ("The vote was on August 9.", "August 9", "XXXX-08-09", False),
        ("Prices rose last month.", "last month", "XXXX-XX", False),
        ("Prices rose last year.", "last year", "XXXX", False),
        ("Markets fell yesterday.", "yesterday", "XXXX-XX-XX", False),
        ("Shops close on Thanksgiving.", "Thanksgiving", "XXXX-11-XX", False),
        ("Shops close on Christmas Day.", "Christmas Day", "XXXX-12-25", False),
        ("It was signed on Aug. 9, 2020.", "Aug. 9, 2020", "2020-08-09", True),
        ("The strike lasted three months.", "three months", "P3M", True),
        (
            "It sank on Aug. 3, 2020. Two days later it was found.",
            "Two days later",
            "2020-08-05",
            True,
        ),
    ],
)
def test_without_dct(text: str, span: str, value: str, anchored: bool) -> None:
    timex = find(text, None, span)
    assert (timex.value, timex.anchored) == (value, anchored)
