"""Merging without holding the rows: full rows wait in a file on disk, compact records in memory.

:func:`spooled_merge` writes each row to a temporary spool file next to the output, and what
scoring needs of each mergeable row to another (:class:`extract.merging.planner.Planner`),
keeping a few pointers a row in memory; the merged events and the mentions are then built by
reading the rows back. Its output is that of :func:`extract.merging.merge.merge_events`, row
for row, each row as its values in the order of the table's columns.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

from extract.knowledge.lexicon import Lexicon
from extract.merging.planner import Planner
from extract.merging.rows import Values, mention_values, merged_values, normalized
from extract.schema import EVENT_COLUMNS

if TYPE_CHECKING:
    from extract.running.parallel import Workers

Tables = tuple[Iterator[Values], Iterator[Values]]
_T = TypeVar("_T")


class Spool(Generic[_T]):
    """Objects appended to a file, read back by index or in order, in this process or (see
    :meth:`reader`) in others."""

    def __init__(self, stream: BinaryIO, path: Path) -> None:
        self._stream = stream
        self._path = path
        self._offsets = array("q")

    def append(self, item: _T) -> None:
        self._offsets.append(self._stream.seek(0, os.SEEK_END))
        pickle.dump(item, self._stream, protocol=5)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, index: int) -> _T:
        self._stream.seek(self._offsets[index])
        item: _T = pickle.load(self._stream)
        return item

    def __iter__(self) -> Iterator[_T]:
        for index in range(len(self)):
            yield self[index]

    @property
    def directory(self) -> Path:
        """The directory of the spool's file."""
        return self._path.parent

    def reader(self) -> SpoolReader[_T]:
        """A reader of the objects appended so far that can be sent to another process."""
        self._stream.flush()
        return SpoolReader(self._path, self._offsets)


@dataclass(frozen=True)
class SpoolReader(Generic[_T]):
    """Reads the objects of a spool by index, from its file."""

    path: Path
    offsets: array[int]

    def items(self, indices: Iterable[int]) -> Iterator[_T]:
        """The objects at ``indices``, in that order."""
        with self.path.open("rb") as stream:
            for index in indices:
                stream.seek(self.offsets[index])
                yield pickle.load(stream)


@contextmanager
def spooled(target: Path) -> Iterator[Spool[Any]]:
    """An empty spool in a temporary file next to ``target``, removed on exit however it ends."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".spool", dir=target.parent)
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield Spool(stream, Path(name))
    finally:
        Path(name).unlink(missing_ok=True)


@contextmanager
def spooled_merge(
    rows: Iterable[Mapping[str, str]],
    target: Path,
    lexicon: Lexicon | None = None,
    workers: Workers | None = None,
) -> Iterator[Tables]:
    """Merge ``rows`` as :func:`extract.merging.merge.merge_events` does, spooling them and what
    scoring needs of them next to ``target``; yield ``(merged events, mentions)`` as iterators,
    valid inside the block, of rows as values in the order of ``MERGED_EVENT_COLUMNS`` and
    ``MENTION_COLUMNS``. ``workers``: see :meth:`extract.merging.planner.Planner.plan`."""
    with spooled(Path(target)) as spool, spooled(Path(target)) as features:
        planner = Planner(lexicon, features)
        for row in rows:
            row = normalized(row)
            spool.append(tuple(row[column] for column in EVENT_COLUMNS))
            planner.add(row)
        plan = planner.plan(workers)

        merged = (
            merged_values(list(map(spool.__getitem__, members)), lead, planner.lexicon)
            for members, lead in plan.groups()
        )
        mentions = (mention_values(values, plan, i) for i, values in enumerate(spool))
        yield merged, mentions
