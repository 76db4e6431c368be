"""Boilerplate: the parts of an article that are not the story (notes, bios, footers)."""

from __future__ import annotations

import re
from functools import cache

from extract.knowledge.lexicon import BoilerplateRule

_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")

#: An ``end:`` rule only cuts the rest of the text when it matches in this last share of it.
FOOTER_SHARE = 0.5


def story_paragraphs(
    text: str, spans: list[tuple[int, int]], rules: tuple[BoilerplateRule, ...], title: str = ""
) -> set[int]:
    """Indexes of the paragraphs in ``spans`` that belong to the story.

    Drops paragraphs matching a rule, paragraphs repeating the document ``title``, and
    everything from a footer rule's match on when that match is in the last part of the text.
    """
    kept: set[int] = set()
    any_rule = _any_rule(rules)
    title = title.strip()
    for index, (start, end) in enumerate(spans):
        paragraph = text[start:end]
        rule = None
        if any_rule is None or any_rule.match(paragraph):
            rule = next((rule for rule in rules if rule.pattern.match(paragraph)), None)
        if rule and rule.to_end and start >= (1 - FOOTER_SHARE) * len(text):
            break
        if rule is None and paragraph.strip() != title:
            kept.add(index)
    return kept


@cache
def _any_rule(rules: tuple[BoilerplateRule, ...]) -> re.Pattern[str] | None:
    """One pattern matching where any rule matches, so most paragraphs are checked once; None
    when the rules cannot be combined (different flags, references to groups)."""
    if any(rule.pattern.flags != rules[0].pattern.flags for rule in rules):
        return None
    if any(_GROUP_REFERENCE.search(rule.pattern.pattern) for rule in rules):
        return None
    try:
        return re.compile(
            "|".join(f"(?:{rule.pattern.pattern})" for rule in rules), rules[0].pattern.flags
        )
    except re.error:
        return None
