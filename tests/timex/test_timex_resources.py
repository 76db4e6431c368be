"""The resource files: every rule compiles and matches its own example."""

from __future__ import annotations

import re
import time

import pytest

from extract.timex import tag
from extract.timex.grammar import grammar
from extract.timex.resolve import FUNCTIONS

RULES = grammar().rules


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_rule_matches_its_example(rule) -> None:
    assert rule.example, rule.name
    assert re.search(rule.regex(), rule.example, re.IGNORECASE), rule.name


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_value_template_calls_known_functions(rule) -> None:
    assert set(re.findall(r"@(\w+)\(", rule.value)) <= set(FUNCTIONS)


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "unit", ["9", "May ", "the past ", "1999-", "Monday ", "12:30 ", "12:", "May 5 of 2020 "]
)
def test_time_grows_linearly_with_repetitive_text(unit: str) -> None:
    tag(unit * 20, None)  # compile the rules involved

    def seconds(copies: int) -> float:
        began = time.process_time()
        tag(unit * copies, None)
        return time.process_time() - began

    assert seconds(2000) < 8 * seconds(500) + 0.05
