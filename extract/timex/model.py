"""The temporal expression record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, with its TIMEX3 type and value."""

    start: int  # character offset in the text
    end: int  # exclusive; text[start:end] == self.text
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value, e.g. 2020-09-14, 2020-W38, P3M, XXXX-WXX-1, PRESENT_REF
    anchored: bool  # False when a relative value had no document date to resolve it
