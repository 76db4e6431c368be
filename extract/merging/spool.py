"""Merging without holding the rows: they wait in a file on disk, compact records in memory.

:func:`spooled_merge` writes each row to a temporary spool file next to the output (unless
there are few: see ``KEPT_IN_MEMORY``) and keeps a few pointers a row in memory
(:class:`extract.merging.planner.Planner`), which reads the mergeable rows back in date order
to decide the merge; the merged events and the mentions are then built by reading the rows back
once more for each table. Its output is that of
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
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from extract.knowledge.lexicon import Lexicon
from extract.merging.features import Values
from extract.merging.planner import Planner
from extract.merging.rows import mention_values, merged_values, values_of

if TYPE_CHECKING:
    from extract.running.parallel import Workers

Tables = tuple[Iterator[Values], Iterator[Values]]
_T = TypeVar("_T")
#: A spool keeps up to this many objects in memory (rows of news: about 36 MB), and writes
#: them to its file only when one more comes or another process is to read them: the rows of a
#: few MB of news never go to disk.
KEPT_IN_MEMORY = 20_000
#: Bytes read at a time when the objects are read in order.
_READ_BUFFER = 1 << 16


class Spool(Generic[_T]):
    """Objects appended, read back by index or in order, in this process or (see
    :meth:`reader`) in others. Up to ``KEPT_IN_MEMORY`` of them stay in memory; with more, they
    all go to a temporary file next to ``target``, removed by :meth:`close`. The objects are those
    :mod:`marshal` writes: tuples of strings, numbers, dicts of them."""

    def __init__(self, target: Path) -> None:
        self._target = target
        self._limit = KEPT_IN_MEMORY
        self._kept: list[_T] = []
        self._file: _File | None = None

    def append(self, item: _T) -> None:
        if self._file:
            self._file.append(item)
            return
        self._kept.append(item)
        if len(self._kept) > self._limit:
            self._spill()

    def __len__(self) -> int:
        return len(self._file) if self._file else len(self._kept)

    def __getitem__(self, index: int) -> _T:
        if self._file:
            item: _T = self._file[index]
            return item
        return self._kept[index]

    def __iter__(self) -> Iterator[_T]:
        return iter(self._file.reader()) if self._file else iter(self._kept)

    @property
    def directory(self) -> Path:
        """The directory of the spool's file."""
        return self._target.parent

    def reader(self) -> SpoolReader[_T]:
        """A reader of the objects appended so far that can be sent to another process (they
        are written to the file first)."""
        return self._spill().reader()

    def close(self) -> None:
        """Remove the file, if any."""
        if self._file:
            self._file.close()

    def _spill(self) -> _File:
        """The spool's file, holding the objects kept in memory until now."""
        if self._file is None:
            self._file = _File(self._target)
            for item in self._kept:
                self._file.append(item)
            self._kept = []
        return self._file


class _File:
    """Objects written to a temporary file next to ``target``, read back by index or in order."""

    def __init__(self, target: Path) -> None:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".spool", dir=target.parent
        )
        self.path = Path(name)
        self._stream = os.fdopen(handle, "w+b")
        self._bounds = array("q", [0])  # where each object starts, then where the last ends
        self._unflushed = False

    def append(self, item: object) -> None:
        data = marshal.dumps(item)  # type: ignore[arg-type]
        self._stream.write(data)
        self._bounds.append(self._bounds[-1] + len(data))
        self._unflushed = True

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, index: int) -> Any:
        self._flush()
        return _read(self._stream.fileno(), self._bounds, index)

    def reader(self) -> SpoolReader[Any]:
        self._flush()
        return SpoolReader(self.path, self._bounds)

    def close(self) -> None:
        self._stream.close()
        self.path.unlink(missing_ok=True)

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
    """An empty spool whose file, if it needs one, is next to ``target``, removed on exit
    however it ends."""
    spool: Spool[Any] = Spool(target)
    try:
        yield spool
    finally:
        spool.close()


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
