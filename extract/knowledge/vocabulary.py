"""The topic vocabulary: top-level topics, each with its narrower ones, in the lexicon's order.

The default top level is that of the IPTC Media Topics (https://iptc.org/standards/media-topics/,
© IPTC, CC BY 4.0), with short labels; ``topics.csv`` gives each topic's IPTC code.
"""

from __future__ import annotations

from functools import cache

from extract.knowledge.lexicon import Lexicon


@cache
def topic_parents(lexicon: Lexicon) -> dict[str, str]:
    """Each topic's top-level topic (a top-level topic's own name), in the lexicon's order; a
    parent that names no topic of the lexicon counts as a top-level topic too."""
    parents = {topic.name: topic.parent or topic.name for topic in lexicon.topics}
    for parent in list(parents.values()):
        parents.setdefault(parent, parent)
    return parents


@cache
def topic_order(lexicon: Lexicon) -> tuple[str, ...]:
    """Every topic, each top-level one followed by its narrower ones: the order in which a
    legend or a list of colours takes them."""
    parents = topic_parents(lexicon)
    top = [name for name, parent in parents.items() if name == parent]
    return tuple(
        name for head in top for name in (head, *(n for n, p in parents.items() if p == head != n))
    )


def top_level(lexicon: Lexicon, topic: str) -> str:
    """The top-level topic of ``topic`` (itself when it is one or is unknown)."""
    return topic_parents(lexicon).get(topic, topic)
