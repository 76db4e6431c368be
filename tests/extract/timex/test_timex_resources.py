"""The resource files: every rule compiles and matches its own example."""

from __future__ import annotations

import re

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


#: Repetitive input that once made matching slow, with what 2000 copies of it must give: how
#: many expressions, and the distinct (text, type, value) of those. How time grows with such
#: input is measured by ``bench/tempeval_speed.py``.
REPETITIVE = [
    ("9", 0, set()),
    ("May ", 1, {("May", "DATE", "XXXX-05")}),
    ("the past ", 2000, {("the past", "DATE", "PAST_REF")}),
    ("1999-", 2000, {("1999", "DATE", "1999")}),
    ("Monday ", 2000, {("Monday", "DATE", "XXXX-WXX-1")}),
    ("12:30 ", 2000, {("12:30", "TIME", "XXXX-XX-XXT12:30")}),
    ("12:", 1000, {("12:12", "TIME", "XXXX-XX-XXT12:12")}),
    ("May 5 of 2020 ", 4000, {("May 5", "DATE", "XXXX-05-05"), ("2020", "DATE", "2020")}),
]


@pytest.mark.parametrize(("unit", "count", "distinct"), REPETITIVE, ids=[r[0] for r in REPETITIVE])
def test_repetitive_text_gives_the_expected_expressions(
    unit: str, count: int, distinct: set[tuple[str, str, str]]
) -> None:
    found = tag(unit * 2000, None)
    assert len(found) == count
    assert {(t.text, t.type, t.value) for t in found} == distinct
