"""Candidate pairs packed into one sortable 64-bit key each, and read back best first in chunks
(:class:`Ranked`): dense corpora give many pairs, so each takes a few bytes."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from extract.merging.scoring import SCORE_SCALE

if TYPE_CHECKING:
    import numpy as np

    from extract.merging.planner import IdOrder

#: Pairs are packed and decoded in chunks of this many.
CHUNK = 65_536


def pair_keys(pairs: Iterable[tuple[float, list[int], int]], rank: array[int]) -> np.ndarray:
    """The pairs (as :func:`scored_pairs` gives them) as keys that sort best first, ties by
    the ids of their mentions (their ``rank``), packed into one 64-bit integer each (see
    :class:`Ranked`)."""
    return _joined(list(packed_keys(pairs, rank)))


def packed_keys(
    pairs: Iterable[tuple[float, list[int], int]], rank: array[int]
) -> Iterator[np.ndarray]:
    """The keys of :func:`pair_keys`, computed with numpy about ``CHUNK`` pairs at a time,
    each chunk as it is done."""
    import numpy as np

    size, ranks = len(rank), np.frombuffer(rank, dtype=np.int64)
    losses, seconds, counts, firsts = array("q"), array("q"), array("q"), array("q")

    def pack() -> np.ndarray:
        loss, second, count, first = (
            np.frombuffer(column, dtype=np.int64) for column in (losses, seconds, counts, firsts)
        )
        loss, second = np.repeat(loss, count), np.repeat(ranks[second], count)
        return (loss * size + ranks[first]) * size + second

    for score, others, row in pairs:
        losses.append(SCORE_SCALE - round(score * SCORE_SCALE))
        seconds.append(row)
        counts.append(len(others))
        firsts.extend(others)
        if len(firsts) >= CHUNK:
            yield pack()
            del losses[:], seconds[:], counts[:], firsts[:]
    yield pack()


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    """The ``parts`` end to end, each freed once copied: memory holds little more than the
    result (its pages are only taken as they are written)."""
    import numpy as np

    joined = np.empty(sum(map(len, parts)), dtype=np.int64)
    at = 0
    while parts:
        part = parts.pop(0)
        joined[at : at + len(part)] = part
        at += len(part)
    return joined


class Ranked:
    """Pairs best first, ties by the ids of their mentions, from their keys (see
    :func:`pair_keys`: a few bytes a pair, as dense corpora give many pairs), which it sorts
    in place. Holds up to 40 million rows."""

    def __init__(self, ids: IdOrder, keys: np.ndarray) -> None:
        self.size = len(ids.rows)
        self.by_rank = ids.rows
        keys.sort()
        self.keys = keys

    def chunks(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The pairs in order, ``CHUNK`` at a time: their scores and the rows of their two
        mentions, as arrays."""
        import numpy as np

        by_rank = np.frombuffer(self.by_rank, dtype=np.int64)
        for start in range(0, len(self.keys), CHUNK):
            loss, pair = np.divmod(self.keys[start : start + CHUNK], self.size * self.size)
            a, b = np.divmod(pair, self.size)
            yield (SCORE_SCALE - loss) / SCORE_SCALE, by_rank[a], by_rank[b]
