"""Writing event tables atomically: temporary files next to the targets, then renames.

:func:`write_events` streams its rows, so the table is never held in memory.
:func:`write_tables` writes several tables (merged events and their mentions) that appear
together: every file is complete before any is renamed into place. A path ending in
``.parquet`` gets Parquet (every column a string, as in the CSV); any other path gets CSV.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from extract.schema import EVENT_COLUMNS

#: Rows per Parquet row group.
PARQUET_BATCH = 10_000
PARQUET_SUFFIX = ".parquet"

#: Rows keyed by column, or as their values in the order of the columns.
Rows = Iterable[Mapping[str, str]] | Iterable[tuple[str, ...]]


def mentions_path(events: Path) -> Path:
    """Where the mentions of the events file ``events`` go, in the same directory and format.

    A name ending in "events" has it replaced by "mentions" (``events.csv`` ->
    ``mentions.csv``, ``belarus-events.parquet`` -> ``belarus-mentions.parquet``); any other
    name gets "-mentions" appended (``belarus.csv`` -> ``belarus-mentions.csv``).
    """
    events = Path(events)
    stem = events.stem
    if stem.lower().endswith("events"):
        stem = stem[: -len("events")] + "mentions"
    else:
        stem += "-mentions"
    return events.with_name(stem + events.suffix)


def write_events(rows: Rows, path: Path, columns: Sequence[str] = EVENT_COLUMNS) -> int:
    """Write ``rows`` (keyed by ``columns``, or tuples of values in their order) as CSV or
    Parquet, chosen by the extension of ``path``, and return how many were written.

    The file only appears once complete: an error or interruption leaves any previous file at
    ``path`` untouched and no temporary file behind.
    """
    return write_tables([(rows, Path(path), columns)])[0]


def write_tables(tables: Sequence[tuple[Rows, Path, Sequence[str]]]) -> list[int]:
    """Write each ``(rows, path, columns)`` table as :func:`write_events` does; return the counts.

    All temporary files are written before the first rename, so a failure while writing
    leaves every previous file untouched. The renames happen under a lock on the directories
    of the tables, so of two runs writing the same tables at once, the files left are all of
    one run, never a mix.
    """
    return _write_all(
        [(rows, Path(path), columns, _is_parquet(path)) for rows, path, columns in tables]
    )


def write_events_csv(rows: Rows, path: Path, columns: Sequence[str] = EVENT_COLUMNS) -> int:
    """Like :func:`write_events`, always CSV."""
    return _write_all([(rows, Path(path), columns, False)])[0]


def _is_parquet(path: Path) -> bool:
    return Path(path).suffix.lower() == PARQUET_SUFFIX


def _write_all(tables: Sequence[tuple[Rows, Path, Sequence[str], bool]]) -> list[int]:
    with ExitStack() as stack:
        temporaries = [stack.enter_context(_temporary(path)) for _, path, _, _ in tables]
        counts = [
            _write(rows, temporary.path, columns, parquet)
            for (rows, _, columns, parquet), temporary in zip(tables, temporaries, strict=True)
        ]
        for (_, path, _, _), temporary in zip(tables, temporaries, strict=True):
            _sync(temporary.path)
            os.chmod(temporary.path, _mode_for(path))
        with _locked({path.parent for _, path, _, _ in tables}):
            for (_, path, _, _), temporary in zip(tables, temporaries, strict=True):
                os.replace(temporary.path, path)
                temporary.renamed = True
        return counts


def _write(rows: Rows, path: Path, columns: Sequence[str], parquet: bool) -> int:
    return _write_parquet(rows, path, columns) if parquet else _write_csv(rows, path, columns)


def _write_csv(rows: Rows, path: Path, columns: Sequence[str]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(_csv_line(columns))
        for row in rows:
            values = row if isinstance(row, tuple) else [row.get(column, "") for column in columns]
            stream.write(_csv_line(values))
            count += 1
    return count


def _csv_line(fields: Sequence[str]) -> str:
    """One CSV record, as ``csv.writer`` writes it in its default dialect: a field holding a
    comma, a double quote or a line break is quoted, its quotes doubled; a lone empty field is
    quoted; the record ends with CRLF.

    Joining strings is several times faster than the csv module, which copies long fields (the
    paragraph, the sentence) character by character.
    """
    if len(fields) == 1 and not fields[0]:
        return '""\r\n'
    return (
        ",".join(
            [
                '"' + field.replace('"', '""') + '"'
                if "," in field or '"' in field or "\n" in field or "\r" in field
                else field
                for field in fields
            ]
        )
        + "\r\n"
    )


def _write_parquet(rows: Rows, path: Path, columns: Sequence[str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(column, pa.string()) for column in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[Mapping[str, str]] = []
        for row in rows:
            batch.append(dict(zip(columns, row, strict=True)) if isinstance(row, tuple) else row)
            count += 1
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


@dataclass
class _Temporary:
    path: Path
    renamed: bool = False


@contextmanager
def _temporary(path: Path) -> Iterator[_Temporary]:
    """A new temporary file next to ``path``, removed on exit unless it was renamed."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = _Temporary(Path(name))
    try:
        yield temporary
    finally:
        if not temporary.renamed:
            temporary.path.unlink(missing_ok=True)


@contextmanager
def _locked(directories: Iterable[Path]) -> Iterator[None]:
    """An exclusive lock (``flock``) on each of ``directories``, taken in a fixed order."""
    with ExitStack() as stack:
        for directory in sorted({os.path.realpath(directory) for directory in directories}):
            handle = os.open(directory, os.O_RDONLY)
            stack.callback(os.close, handle)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


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
