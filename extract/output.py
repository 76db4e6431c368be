"""Writing the event table atomically: a temporary file next to the target, then a rename."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from extract.schema import EVENT_COLUMNS


def write_events_csv(rows: Iterable[Mapping[str, str]], path: Path) -> int:
    """Write ``rows`` (keyed by ``EVENT_COLUMNS``) to ``path`` and return how many were written.

    The file only appears once complete: an error or interruption leaves any previous file at
    ``path`` untouched and no temporary file behind.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            count = 0
            for row in rows:
                writer.writerow(row)
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; new files get ``rw-r--r--``."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644
