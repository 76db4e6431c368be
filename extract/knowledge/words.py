"""Word lists and small tables shipped with the lexicons: a list has one word or phrase a line
(``#`` starts a comment), a table is CSV with a header."""

from __future__ import annotations

import csv
import io
from functools import cache

from extract.knowledge.lexicon import DEFAULT_DATA_DIR


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of the shipped word list ``name`` (e.g. ``"job_titles.txt"``), in order."""
    text = (DEFAULT_DATA_DIR / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def word_set(name: str) -> frozenset[str]:
    """The entries of the shipped word list ``name`` as a set."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the shipped CSV file ``name``, keyed by its header."""
    text = (DEFAULT_DATA_DIR / name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text, newline="")))
