"""The sweep for candidate pairs cut into date segments, swept at once by worker processes."""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, wait
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from extract.knowledge.happenings import HappeningWords
from extract.merging.candidates import scored_pairs
from extract.merging.features import Values, mentions_of
from extract.merging.keys import packed_keys
from extract.merging.scoring import MAX_GAP_DAYS

if TYPE_CHECKING:
    import numpy as np

    from extract.merging.planner import MentionDates, Reader, SharedStore


def keys_in_parallel(
    pool: Executor,
    rows: SharedStore[Values],
    segments: Iterable[tuple[np.ndarray, np.ndarray]],
    rank: array[int],
    words: HappeningWords,
) -> np.ndarray:
    """:func:`pair_keys` of every candidate pair, found in date ``segments`` (see
    :func:`date_segments`) by the processes of ``pool``. They read the rows themselves, find
    their mentions (with ``words``) and write the keys of each segment to a temporary file next
    to them, read into place here: neither side holds a segment's keys twice, nor a worker all
    of them."""
    import numpy as np

    reader = rows.reader()
    with tempfile.TemporaryDirectory(prefix=".pairs-", dir=rows.directory) as directory:
        paths: list[Path] = []
        pending: list[Future[int]] = []
        try:
            for number, (opened, arrivals) in enumerate(segments):
                paths.append(Path(directory, str(number)))
                pending.append(
                    pool.submit(_segment_keys, reader, opened, arrivals, rank, words, paths[-1])
                )
            counts = [future.result() for future in pending]
        finally:  # no worker may still write into the directory when it is removed
            for future in pending:
                future.cancel()
            wait(pending)
        keys = np.empty(sum(counts), dtype=np.int64)
        at = 0
        for path, count in zip(paths, counts, strict=True):
            _read_into(path, keys[at : at + count])
            at += count
    return keys


def _segment_keys(
    rows: Reader[Values],
    opened: np.ndarray,
    arrivals: np.ndarray,
    rank: array[int],
    words: HappeningWords,
    path: Path,
) -> int:
    """Write the keys of the pairs of one segment of rows (see :func:`date_segments`) to
    ``path``, in a worker process; return how many there are."""
    count = 0
    with path.open("wb") as stream:
        late, early = arrivals.tolist(), opened.tolist()
        pairs = scored_pairs(
            mentions_of(late, rows.items(late), words), mentions_of(early, rows.items(early), words)
        )
        for part in packed_keys(pairs, rank):
            stream.write(part.data)
            count += len(part)
    return count


def _read_into(path: Path, keys: np.ndarray) -> None:
    """Fill ``keys`` from the file at ``path``, which holds exactly as many."""
    view = keys.data.cast("B")
    with path.open("rb", buffering=0) as stream:
        while view:
            done = stream.readinto(view)
            if not done:
                raise OSError(f"{path} holds fewer candidate pairs than its worker wrote")
            view = view[done:]


def date_segments(
    dates: MentionDates, order: np.ndarray, count: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``order`` (positions of the mentions in date order) cut into ``count`` segments of
    arrivals, each with the mentions before it whose dates are still open at its first arrival
    (ending at most ``MAX_GAP_DAYS`` before it starts): what the sweep holds when it gets there.
    Both as rows, in date order."""
    import numpy as np

    starts, ends = (
        np.frombuffer(column, dtype=np.int64)[order] for column in (dates.starts, dates.ends)
    )
    bounds = np.linspace(0, len(order), count + 1).astype(int).tolist()
    for first, stop in pairwise(bounds):
        if first < stop:
            still_open = np.flatnonzero(ends[:first] >= starts[first] - MAX_GAP_DAYS)
            yield dates.rows_at(order[still_open]), dates.rows_at(order[first:stop])
