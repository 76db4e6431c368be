"""Writing the event table atomically: a temporary file next to the target, then a rename.

Rows are written as they come, so the table is never held in memory. A path ending in
``.parquet`` gets Parquet (every column a string, as in the CSV); any other path gets CSV.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from extract.schema import EVENT_COLUMNS

#: Rows per Parquet row group.
PARQUET_BATCH = 10_000


def write_events(rows: Iterable[Mapping[str, str]], path: Path) -> int:
    """Write ``rows`` as CSV or Parquet, chosen by the extension of ``path``; return the count."""
    if Path(path).suffix.lower() == ".parquet":
        return write_events_parquet(rows, path)
    return write_events_csv(rows, path)


def write_events_csv(rows: Iterable[Mapping[str, str]], path: Path) -> int:
    """Write ``rows`` (keyed by ``EVENT_COLUMNS``) to ``path`` and return how many were written.

    The file only appears once complete: an error or interruption leaves any previous file at
    ``path`` untouched and no temporary file behind.
    """
    count = 0
    with (
        _replacing(Path(path)) as temporary,
        temporary.open("w", encoding="utf-8", newline="") as stream,
    ):
        writer = csv.DictWriter(stream, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_events_parquet(rows: Iterable[Mapping[str, str]], path: Path) -> int:
    """Like :func:`write_events_csv`, in Parquet, one string column per ``EVENT_COLUMNS``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(column, pa.string()) for column in EVENT_COLUMNS])
    count = 0
    with _replacing(Path(path)) as temporary, pq.ParquetWriter(temporary, schema) as writer:
        batch: list[Mapping[str, str]] = []
        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` on success, removed on any failure."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _sync(temporary)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _sync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; new files get ``rw-r--r--``."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644
