"""Many texts searched as one: a regex pass over their joined text finds the matches of each.

The texts are joined by a control character. That works for the patterns of the extractor's
lexicon modules: none of them matches a control character, so no match reaches across two
texts, and to their lookarounds (``(?<![\\w-])``, ``\\b``...) the separator looks like the edge
of a text. A control character that a text already holds is read as another one, which those
patterns treat alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from extract.text.names import Mention

SEPARATOR = "\x00"
_STAND_IN = "\x01"


class Joined:
    """``texts`` joined by :data:`SEPARATOR`, with the offset of each in the joined text."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.text = SEPARATOR.join(text.replace(SEPARATOR, _STAND_IN) for text in self.texts)
        self.starts = []
        position = 0
        for text in self.texts:
            self.starts.append(position)
            position += len(text) + 1

    def index(self, position: int) -> int:
        """The number of the text that holds ``position`` of the joined text."""
        return bisect_right(self.starts, position) - 1

    def part(self, text: str, index: int) -> str:
        """Text number ``index`` out of ``text``: the joined text or one of the same length."""
        start = self.starts[index]
        return text[start : start + len(self.texts[index])]

    def split(self, mentions: Iterable[Mention]) -> list[list[Mention]]:
        """``mentions`` of the joined text grouped by text, in order, with offsets in it."""
        parts: list[list[Mention]] = [[] for _ in self.texts]
        for start, end, name in mentions:
            index = self.index(start)
            offset = self.starts[index]
            parts[index].append(Mention(start - offset, end - offset, name))
        return parts


class ByText:
    """Mentions of a joined text, sorted by start, looked up by text with offsets in it: the
    parts of :meth:`Joined.split` one at a time, for when few texts are asked for."""

    def __init__(self, joined: Joined, mentions: Sequence[Mention]) -> None:
        self.joined, self.mentions = joined, mentions
        self.starts = [mention.start for mention in mentions]

    def __getitem__(self, index: int) -> list[Mention]:
        offset = self.joined.starts[index]
        return [
            Mention(start - offset, end - offset, name)
            for start, end, name in self.between(offset, offset + len(self.joined.texts[index]))
        ]

    def between(self, start: int, end: int) -> Sequence[Mention]:
        """The mentions starting from ``start`` to before ``end`` (the span of a text in the
        joined text), with their offsets in the joined text."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
