"""Merging without holding the rows: they wait in a file on disk, compact records in memory.

:func:`spooled_merge` writes each row to a temporary spool file next to the output and keeps a
few pointers a row in memory (:class:`extract.merging.planner.Planner`), which reads the
mergeable rows back in date order to decide the merge; the merged events and the mentions are
then built by reading the rows back once more for each table. Its output is that of
:func:`extract.merging.merge.merge_events`, row for row, each row as its values in the order of
the table's columns.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

from extract.knowledge.lexicon import Lexicon
from extract.merging.features import Values
from extract.merging.planner import Planner
from extract.merging.rows import mention_values, merged_values, values_of

if TYPE_CHECKING:
    from extract.running.parallel import Workers

Tables = tuple[Iterator[Values], Iterator[Values]]
_T = TypeVar("_T")
#: Bytes read at a time when the items are read in order.
_READ_BUFFER = 1 << 16


class Spool(Generic[_T]):
    """Objects appended to a file, read back by index or in order, in this process or (see
    :meth:`reader`) in others. The objects are those :mod:`marshal` writes: tuples of strings,
    numbers, dicts of them."""

    def __init__(self, stream: BinaryIO, path: Path) -> None:
        self._stream = stream
        self._path = path
        self._bounds = array("q", [0])  # where each object starts, then where the last ends
        self._unflushed = False

    def append(self, item: _T) -> None:
        data = marshal.dumps(item)  # type: ignore[arg-type]
        self._stream.write(data)
        self._bounds.append(self._bounds[-1] + len(data))
        self._unflushed = True

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, index: int) -> _T:
        self._flush()
        item: _T = _read(self._stream.fileno(), self._bounds, index)
        return item

    def __iter__(self) -> Iterator[_T]:
        return iter(self.reader())

    @property
    def directory(self) -> Path:
        """The directory of the spool's file."""
        return self._path.parent

    def reader(self) -> SpoolReader[_T]:
        """A reader of the objects appended so far that can be sent to another process."""
        self._flush()
        return SpoolReader(self._path, self._bounds)

    def _flush(self) -> None:
        """Write what the stream still buffers to the file, where readers read."""
        if self._unflushed:
            self._stream.flush()
            self._unflushed = False


@dataclass(frozen=True)
class SpoolReader(Generic[_T]):
    """Reads the objects of a spool from its file: by index, or all in order."""

    path: Path
    #: Where each object starts, then where the last ends.
    bounds: array[int]

    def items(self, indices: Iterable[int]) -> Iterator[_T]:
        """The objects at ``indices``, in that order."""
        handle = os.open(self.path, os.O_RDONLY)
        try:
            for index in indices:
                yield _read(handle, self.bounds, index)
        finally:
            os.close(handle)

    def __iter__(self) -> Iterator[_T]:
        bounds = self.bounds
        with self.path.open("rb", buffering=_READ_BUFFER) as stream:
            for index in range(len(bounds) - 1):
                yield marshal.loads(stream.read(bounds[index + 1] - bounds[index]))


def _read(handle: int, bounds: array[int], index: int) -> Any:
    """The object at ``index`` of the spool file open as ``handle``, with the ``bounds`` of
    its objects."""
    start = bounds[index]
    return marshal.loads(os.pread(handle, bounds[index + 1] - start, start))


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
    rows: Iterable[Mapping[str, object]],
    target: Path,
    lexicon: Lexicon | None = None,
    workers: Workers | None = None,
) -> Iterator[Tables]:
    """Merge ``rows`` as :func:`extract.merging.merge.merge_events` does, spooling them next to
    ``target``; yield ``(merged events, mentions)`` as iterators, valid inside the block, of
    rows as values in the order of ``MERGED_EVENT_COLUMNS`` and ``MENTION_COLUMNS``.
    ``workers``: see :meth:`extract.merging.planner.Planner.plan`."""
    with spooled(Path(target)) as spool:
        planner = Planner(lexicon, spool)
        for row in rows:
            planner.add(values_of(row))
        plan = planner.plan(workers)
        merged = (
            merged_values(list(map(spool.__getitem__, members)), lead, planner.lexicon)
            for members, lead in plan.groups()
        )
        mentions = (mention_values(values, plan, i) for i, values in enumerate(spool))
        yield merged, mentions
