"""Properties that hold for any input text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex import tag

WORDS = st.sampled_from(
    (
        *("Monday", "May", "may", "march", "March", "1992", "2020", "Aug.", "9,", "last", "next"),
        *("this", "year", "month", "week", "ago", "the", "$1.5", "62%", "1,200", "(T)oday", "now"),
        *("two", "days", "later", "every", "weekly", "5", "p.m.", "EST", "1980s", "'80s", "14"),
        *("to", "25", "quarter", "third-quarter", "fiscal", "12:30", "a", "decade", "9999999"),
        *("—", "“", "”", "(", ")", "-", ".", "\n"),
    )
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))
DATES = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.dates())


@settings(max_examples=150, deadline=None)
@given(TEXTS, DATES)
def test_offsets_and_determinism(text: str, dct: dt.date | None) -> None:
    found = tag(text, dct)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        previous_end = timex.end
    assert tag(text, dct) == found
