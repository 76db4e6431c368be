"""Opening a workspace: plain tables, schema version, WAL, read-only, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sample_articles import OUTLETS, files
from sqlalchemy import inspect, update

from workspace.ingest import ingest, remerge
from workspace.snapshots import read_snapshot
from workspace.store import Workspace, WorkspaceError, database_url, set_meta
from workspace.tables import meta
from workspace.views import read_stored


def test_a_new_workspace_has_plain_tables_and_the_schema_version(workspace: Workspace) -> None:
    names = set(inspect(workspace.engine).get_table_names())
    assert names == {
        "meta",
        "documents",
        "mentions",
        "events",
        "corrected_events",
        "corrections",
        "edits",
        "snapshots",
    }
    assert workspace.version() == 2
    assert workspace.generation() == 0


def test_every_change_bumps_the_generation(workspace: Workspace) -> None:
    with workspace.writing():
        pass
    with workspace.writing():
        pass
    assert workspace.generation() == 2


def test_a_failing_change_is_rolled_back_whole(workspace: Workspace) -> None:
    with pytest.raises(ZeroDivisionError), workspace.writing() as connection:
        connection.execute(update(meta).where(meta.c.key == "generation").values(value="40"))
        raise ZeroDivisionError
    assert workspace.generation() == 0


def test_sqlite_workspace_is_in_wal_mode_and_readable_with_sqlite3(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "w.sqlite"
    Workspace.open(path).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone() == ("2",)


def test_a_newer_schema_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Workspace.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    with pytest.raises(WorkspaceError, match=r"w.sqlite has schema version 7, newer than"):
        Workspace.open(path)


def test_read_only_refuses_changes_and_missing_files(
    workspace_location: str, tmp_path: Path
) -> None:
    Workspace.open(workspace_location).close()
    opened = Workspace.open(workspace_location, read_only=True)
    with pytest.raises(WorkspaceError, match="read-only"), opened.writing():
        pass
    opened.close()
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "none.sqlite", read_only=True)


def test_locations_become_urls(tmp_path: Path) -> None:
    assert database_url("postgresql://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert database_url(tmp_path / "w.sqlite") == f"sqlite:///{tmp_path}/w.sqlite"


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"^workspace postgresql://nobody@127.0.0.1:9/x: .*"):
        Workspace.open("postgresql://nobody@127.0.0.1:9/x")


def test_columns_the_event_table_gained_are_added_and_filled(workspace_location: str) -> None:
    opened = Workspace.open(workspace_location)
    ingest(
        opened, files(OUTLETS / "baltic-wire-election.md", OUTLETS / "minsk-monitor-election.md")
    )
    with opened.writing() as connection:
        connection.exec_driver_sql("ALTER TABLE events DROP COLUMN merge_reason")
        connection.exec_driver_sql("ALTER TABLE mentions DROP COLUMN merge_score")
    opened.close()
    with pytest.raises(WorkspaceError, match="needs new columns; open it once without read-only"):
        Workspace.open(workspace_location, read_only=True)
    reopened = Workspace.open(workspace_location)
    assert remerge(reopened)
    events = read_stored(reopened).events.set_index("event_id")
    reason = events.loc["baltic-wire-election-1", "merge_reason"]
    assert reason.startswith("same kind (election); shared actors (Alexander Lukashenko)")
    assert "merge_score" in {c["name"] for c in inspect(reopened.engine).get_columns("mentions")}
    reopened.close()


def test_the_events_snapshot_is_the_table_and_a_stale_one_is_not_used(
    workspace: Workspace,
) -> None:
    ingest(workspace, files(*sorted(OUTLETS.iterdir())))
    with workspace.reading() as connection:
        snapshot = read_snapshot(connection)
    assert snapshot is not None
    assert list(snapshot["event_id"][:3]) == [
        "baltic-wire-election-1",
        "minsk-monitor-election-2",
        "baltic-wire-exile-1",
    ]
    with workspace.writing() as connection:
        set_meta(connection, {"events_version": "stale"})
    with workspace.reading() as connection:
        assert read_snapshot(connection) is None
    from_rows = read_stored(workspace).events
    assert from_rows.equals(snapshot.astype(from_rows.dtypes.to_dict()))
