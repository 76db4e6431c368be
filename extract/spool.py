"""Merging without holding the rows: full rows wait in a file on disk, compact records in memory.

:func:`spooled_merge` writes each row to a temporary spool file next to the output and keeps
only what deciding the merge needs (:class:`extract.merge.Planner`); the merged events and the
mentions are then built by reading the rows back. Its output is that of
:func:`extract.merge.merge_events`, row for row.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from extract.lexicon import Lexicon
from extract.merge import Planner, mention_row, merged_row, normalized
from extract.schema import EVENT_COLUMNS

Tables = tuple[Iterator[dict[str, str]], Iterator[dict[str, str]]]


class Spool:
    """Rows of ``EVENT_COLUMNS`` appended to a file, read back by index or in order."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._offsets = array("q")

    def append(self, row: Mapping[str, str]) -> None:
        self._offsets.append(self._stream.tell())
        pickle.dump(tuple(row[column] for column in EVENT_COLUMNS), self._stream, protocol=5)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, index: int) -> dict[str, str]:
        self._stream.seek(self._offsets[index])
        return dict(zip(EVENT_COLUMNS, pickle.load(self._stream), strict=True))

    def __iter__(self) -> Iterator[dict[str, str]]:
        for index in range(len(self)):
            yield self[index]


@contextmanager
def spooled(target: Path) -> Iterator[Spool]:
    """An empty spool in a temporary file next to ``target``, removed on exit however it ends."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".spool", dir=target.parent)
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield Spool(stream)
    finally:
        Path(name).unlink(missing_ok=True)


@contextmanager
def spooled_merge(
    rows: Iterable[Mapping[str, str]], target: Path, lexicon: Lexicon | None = None
) -> Iterator[Tables]:
    """Merge ``rows`` as :func:`extract.merge.merge_events` does, spooling them next to
    ``target``; yield ``(merged events, mentions)`` as iterators, valid inside the block."""
    planner = Planner(lexicon)
    with spooled(Path(target)) as spool:
        for row in rows:
            row = normalized(row)
            spool.append(row)
            planner.add(row)
        plan = planner.plan()
        merged = (merged_row([spool[i] for i in members], lead) for members, lead in plan.groups())
        mentions = (mention_row(row, plan, i) for i, row in enumerate(spool))
        yield merged, mentions
