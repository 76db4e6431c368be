"""A whole workspace in one file, and back: documents, events, mentions, corrections, edits.

The file is gzip-compressed JSON Lines: a first line naming the format and schema version,
then one line per row, ``{"table": …, "row": {…}}``, a document's file bytes in base64. It
restores into an empty workspace on SQLite or PostgreSQL alike, in one transaction.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
from pathlib import Path

from sqlalchemy import LargeBinary, func, insert, select, text

from workspace.snapshots import write_snapshot
from workspace.store import Workspace, WorkspaceError, set_meta
from workspace.tables import SCHEMA_VERSION, TABLES, documents, meta, snapshots

FORMAT = "eventline-workspace"
#: Rows inserted per statement on restore.
_BATCH = 1_000
#: Every table but the settings and the snapshots (a cache, written again on restore).
_DATA_TABLES = tuple(table for table in TABLES if table not in (meta, snapshots))


def export_backup(workspace: Workspace, path: Path) -> int:
    """Write the workspace to ``path`` (replaced only once complete); return the rows written."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    count = 0
    try:
        with workspace.reading() as connection, gzip.open(temporary, "wt", encoding="utf-8") as out:
            out.write(json.dumps({"format": FORMAT, "schema_version": SCHEMA_VERSION}) + "\n")
            for table in _DATA_TABLES:
                binary = [c.name for c in table.columns if isinstance(c.type, LargeBinary)]
                ordered = select(table).order_by(*table.primary_key.columns)
                for row in connection.execute(ordered).mappings():
                    values = dict(row)
                    for name in binary:
                        values[name] = base64.b64encode(values[name]).decode("ascii")
                    out.write(json.dumps({"table": table.name, "row": values}) + "\n")
                    count += 1
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def import_backup(workspace: Workspace, path: Path) -> int:
    """Load the backup at ``path`` into an empty workspace; return the rows read."""
    tables = {table.name: table for table in _DATA_TABLES}
    pending: dict[str, list[dict]] = {name: [] for name in tables}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            header = json.loads(stream.readline() or "{}")
            if header.get("format") != FORMAT:
                raise WorkspaceError(f"{path} is not an Eventline workspace backup")
            if int(header.get("schema_version", 0)) > SCHEMA_VERSION:
                raise WorkspaceError(f"{path} comes from a newer Eventline; upgrade to restore it")
            for line in stream:
                entry = json.loads(line)
                table = tables[entry["table"]]
                row = entry["row"]
                for column in table.columns:
                    if isinstance(column.type, LargeBinary):
                        row[column.name] = base64.b64decode(row[column.name])
                pending[table.name].append(row)
    except (OSError, EOFError, ValueError, KeyError) as error:
        raise WorkspaceError(f"cannot read the backup {path}: {error}") from None
    with workspace.writing() as connection:
        held = connection.execute(select(func.count()).select_from(documents)).scalar_one()
        if held:
            raise WorkspaceError(
                f"{workspace.name} already holds {held} documents; restore into an empty workspace"
            )
        for name, rows in pending.items():
            for start in range(0, len(rows), _BATCH):
                connection.execute(insert(tables[name]), rows[start : start + _BATCH])
        if connection.dialect.name == "postgresql":
            for table in tables.values():
                if "id" in table.c and table.c.id.autoincrement is True:
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                        )
                    )
        set_meta(connection, {"merge_pending": "0"})
        write_snapshot(connection)
    return sum(len(rows) for rows in pending.values())
