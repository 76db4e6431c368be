"""How a match can begin: the heads of patterns, and those of the text at a token."""

from __future__ import annotations

import re

import pytest

from extract.timex.firsts import first_heads, head_of
from extract.timex.grammar import grammar
from extract.timex.tokens import Tokens

RULES = grammar().rules

HEADS = [
    (r"ab", {"ab"}),
    (r"a\s+b", {"a b"}),
    (r"last\s+years?", {"last year", "last years"}),
    (r"mid-\w+", {"mid-"}),
    (r"\d+\s*%", {"0 ", "0%"}),
    (r"(?:the\s+)?\d+(?:st|nd)", {"0n", "0s", "the "}),
    (r"(?:a|an)\s+hour", {"a hour", "an hour"}),
    (r"(?:jan|feb)\.?\s+\d", {"feb ", "feb.", "jan ", "jan."}),
    (r"\(?\d{3}\)", {"(", "0)"}),
    (r"(?:new\s+year|new)\b", {"new", "new year"}),
]


@pytest.mark.parametrize(("pattern", "heads"), HEADS)
def test_first_heads(pattern: str, heads: set[str]) -> None:
    assert first_heads(pattern) == heads


@pytest.mark.parametrize("pattern", [r"x*", r"[^a]b", r"(?i:a)", r"a{5,}", r"(?:a|)"])
def test_patterns_that_may_begin_with_anything(pattern: str) -> None:
    assert first_heads(pattern) is None


@pytest.mark.parametrize(
    ("word", "gap", "following", "head"),
    [
        ("last", " ", "year", ("last", "last year")),
        ("2020", "-", "09", ("0", "0-")),
        ("may", " ", "5", ("may", "may ")),
        ("mid", "-", "september", ("mid", "mid-")),
        ("today", "", "", ("today", "today")),
    ],
)
def test_head_of(word: str, gap: str, following: str, head: tuple[str, str]) -> None:
    assert head_of(word, gap, following) == head


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_example_begins_with_a_head_of_its_rule(rule) -> None:
    heads = first_heads(rule.regex())
    tokens = Tokens(rule.example)
    pattern = re.compile(rule.regex())
    for j, start in enumerate(tokens.starts):
        if pattern.match(tokens.low, start):
            word = tokens.words[j]
            following = tokens.words[j + 1] if j + 1 < len(tokens) else ""
            gap = tokens.low[start + len(word) : tokens.starts[j + 1] if following else None]
            head = head_of(word, gap, following)
            assert heads is None or head is None or head[0] in heads or head[1] in heads
            break
