"""Test helper: look up one tagged expression by its text."""

import datetime as dt

from extract.timex import Timex, tag


def find(text: str, dct: dt.date | None, span: str) -> Timex:
    """The expression tagged exactly as ``span`` in ``text``."""
    found = tag(text, dct)
    for timex in found:
        if timex.text == span:
            return timex
    raise AssertionError(f"{span!r} not tagged in {text!r}; got {[t.text for t in found]}")
