"""The resource files: every rule compiles and matches its own example."""

from __future__ import annotations

import re

import pytest

from extract.timex.grammar import grammar

RULES = grammar().rules


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_rule_matches_its_example(rule) -> None:
    assert rule.example, rule.name
    assert re.search(rule.regex(), rule.example, re.IGNORECASE), rule.name


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_long_runs_stay_fast() -> None:
    import time

    from extract.timex import tag

    texts = ["9" * 50_000, "May " * 20_000, "the past " * 10_000, "1999-" * 10_000]
    for text in texts:
        began = time.perf_counter()
        tag(text, None)
        assert time.perf_counter() - began < 2.0
