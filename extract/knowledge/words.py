"""Word lists shipped with the lexicons: one word or phrase a line, ``#`` starts a comment."""

from __future__ import annotations

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
