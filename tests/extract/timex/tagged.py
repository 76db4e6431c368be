"""Test helpers: look up one tagged expression by its text, check its type and value."""

import datetime as dt

from extract.timex import Timex, tag

TUE = dt.date(2020, 9, 15)  # a Tuesday
THU = dt.date(1989, 10, 26)


def find(text: str, dct: dt.date | None, span: str) -> Timex:
    """The expression tagged exactly as ``span`` in ``text``."""
    found = tag(text, dct)
    for timex in found:
        if timex.text == span:
            return timex
    raise AssertionError(f"{span!r} not tagged in {text!r}; got {[t.text for t in found]}")


def check(text: str, dct: dt.date, span: str, type_: str, value: str) -> None:
    """Assert that ``span`` is tagged with ``type_`` and ``value``."""
    timex = find(text, dct, span)
    assert (timex.type, timex.value) == (type_, value), timex
