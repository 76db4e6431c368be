"""Numbers and words that look like dates but are not."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.timex import tag

DCT = dt.date(2020, 9, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow would grant Minsk a loan of $1.5 billion.",
        "He won a near-62% – 25% victory margin.",
        "Unemployment reached 10 percent.",
        "The index gained 1.5 points.",
        "Call 555-123-4567 for details.",
        "About 1,992 people attended.",
        "(W)e are aware of the developments, and we are for Belarusians.",
        "What's going on in Belarus may continue.",
        "Thousands will march on the capital.",
        "The 6-year-old boy and the 52-year-old man were hurt.",
        "Its quarterly dividend rose.",
        "Jan Novak spoke to reporters.",
        "June Carter and August Wilson spoke.",
        "There were 2000 people at the 14 venues.",
        "Thousands joined the March for Life in the capital.",
        "A second group of investors held more than a quarter of the shares.",
    ],
)
def test_not_a_date(text: str) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT) if t.type != "DURATION"] == []
