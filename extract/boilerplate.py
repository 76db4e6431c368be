"""Boilerplate: the parts of an article that are not the story (notes, bios, footers)."""

from __future__ import annotations

from extract.lexicon import BoilerplateRule

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
    for index, (start, end) in enumerate(spans):
        paragraph = text[start:end]
        rule = next((rule for rule in rules if rule.pattern.match(paragraph)), None)
        if rule and rule.to_end and start >= (1 - FOOTER_SHARE) * len(text):
            break
        if rule is None and paragraph.strip() != title.strip():
            kept.add(index)
    return kept
