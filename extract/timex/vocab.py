"""Word lists of the grammar, read from the package's resource files."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

LANGUAGE = "en"


def _lines(name: str) -> list[list[str]]:
    """Rows of a resource file: tab-separated, ``#`` comments and blank lines skipped."""
    text = (files(__package__) / "resources" / LANGUAGE / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def table(name: str) -> dict[str, str]:
    """A two-column resource file as a mapping from lower-cased word to value."""
    return {row[0].lower(): row[1] if len(row) > 1 else "" for row in _lines(name)}


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A resource file's rows, as written."""
    return tuple(tuple(row) for row in _lines(name))


def alternation(words: list[str]) -> str:
    """A regex matching any of ``words`` (lower-cased), longest first; spaces match whitespace."""
    parts = []
    for word in sorted({word.lower() for word in words}, key=len, reverse=True):
        parts.append(r"\s+".join(re.escape(piece) for piece in word.split()))
    return "(?:" + "|".join(parts) + ")"


def plural(word: str) -> str:
    """English plural of a unit word."""
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word == "millennium":
        return "millennia"
    return word + "s"
