"""A fixed colour and marker shape per topic, from the topic vocabulary.

A topic's style depends only on its place in the vocabulary file
(``extract/knowledge/en/topics.csv``, extended by ``$EVENTLINE_LEXICONS``; narrower topics
first), never on the events shown: the same in every session, after every upload and in
every export of the chart. Topics the vocabulary does not know get a style from their name.
The colours are the colour-blind-safe qualitative scheme of Paul Tol ("muted", as CARTO's
"Safe"); past ten topics the colours repeat with another marker shape, so that no two topics
look alike.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd

from dashboard.loading import exploded_values

#: Colour-blind-safe colours (Paul Tol's muted scheme plus a dark brown), in order of use.
PALETTE: tuple[str, ...] = (
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
    "#117733",
    "#332288",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
)
#: Marker shapes of the first, second and third round of colours.
SHAPES: tuple[str, ...] = ("circle", "square", "diamond")
NO_TOPIC = "(no topic)"
NO_TOPIC_COLOUR = "#9AA0A6"


@dataclass(frozen=True)
class TopicStyle:
    """How a topic's events are drawn: a colour and a Plotly marker shape."""

    colour: str
    shape: str


def style_at(position: int) -> TopicStyle:
    """The style of the topic at ``position`` in the vocabulary."""
    turn = position % (len(PALETTE) * len(SHAPES))
    return TopicStyle(PALETTE[turn % len(PALETTE)], SHAPES[turn // len(PALETTE)])


def topic_styles(vocabulary: Sequence[str], topics: Iterable[str]) -> dict[str, TopicStyle]:
    """The style of each of ``topics``: by its place in ``vocabulary``, else by its name."""
    position = {name.casefold(): i for i, name in enumerate(vocabulary)}
    styles = {}
    for topic in topics:
        known = position.get(topic.casefold())
        styles[topic] = style_at(known if known is not None else zlib.crc32(topic.encode()))
    styles[NO_TOPIC] = TopicStyle(NO_TOPIC_COLOUR, SHAPES[0])
    return styles


def in_vocabulary_order(topics: Iterable[str], vocabulary: Sequence[str]) -> list[str]:
    """``topics`` in the order of the vocabulary, those it does not know after, by name."""
    position = {name.casefold(): i for i, name in enumerate(vocabulary)}
    return sorted(topics, key=lambda t: (position.get(t.casefold(), len(position)), t))


@dataclass(frozen=True)
class Vocabulary:
    """The topic names in the order their styles are given, and the narrower ones (those
    with a parent topic)."""

    names: tuple[str, ...]
    narrower: frozenset[str]


@cache
def load_vocabulary(lexicons: str | None) -> Vocabulary:
    """The topic vocabulary of the lexicons (the shipped ones extended by ``lexicons``): the
    narrower topics in file order, then the others. An event is coloured by its most specific
    topic, so the narrower topics get the first, most distinct styles.

    A lexicon that cannot be read gives an empty vocabulary (styles then come from names);
    the upload reports the lexicon's problem.
    """
    from extract import LexiconError, load_lexicon

    try:
        topics = load_lexicon(lexicons).topics
    except LexiconError:
        return Vocabulary((), frozenset())
    narrower = [t.name for t in topics if t.parent]
    broader = [t.name for t in topics if not t.parent]
    return Vocabulary((*narrower, *broader), frozenset(narrower))


def colour_topics(cells: pd.Series, narrower: frozenset[str] = frozenset()) -> pd.Series:
    """The topic that colours each event: its most specific one (the first narrower topic of
    the vocabulary, else its first topic); :data:`NO_TOPIC` when it has none."""
    values = exploded_values(cells)
    first = values[~values.index.duplicated()]
    if narrower:
        specific = values[values.isin(narrower)]
        specific = specific[~specific.index.duplicated()]
        first = specific.combine_first(first)
    return first.reindex(cells.index).fillna(NO_TOPIC).astype(object)
