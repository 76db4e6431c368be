"""A whole workspace to one file and back (from either database into SQLite, and from SQLite
into PostgreSQL); the command line."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_articles import DEMO, OUTLETS, ROOT, files

from workspace.backup import export_backup, import_backup
from workspace.edits import edit
from workspace.ingest import counts, ingest
from workspace.store import Workspace, WorkspaceError
from workspace.views import curated_events, event_key, history, read_stored


def test_a_backup_restores_documents_events_and_corrections(
    workspace: Workspace, tmp_path: Path
) -> None:
    ingest(workspace, files(DEMO))
    stored = read_stored(workspace)
    row = stored.events.iloc[0].to_dict()
    assert row["event_id"] == "putin-lukashenko-sochi-17"
    edit(workspace, event_key(stored.documents, row), row["event_id"], {"title": "CIS founded"}, {})
    backup = tmp_path / "backup.jsonl.gz"
    assert export_backup(workspace, backup) == 1 + 17 + 18 + 1 + 1 + 1
    with gzip.open(backup, "rt") as stream:
        assert json.loads(stream.readline()) == {
            "format": "eventline-workspace",
            "schema_version": 2,
        }
    target = Workspace.open(tmp_path / "restored.sqlite")
    assert import_backup(target, backup) == 39
    assert counts(target) == {"documents": 1, "events": 17, "mentions": 18}
    restored = curated_events(target).events.set_index("event_id")
    assert restored.loc["putin-lukashenko-sochi-17", "title"] == "CIS founded"
    assert restored.loc["putin-lukashenko-sochi-17", "curated"] == "yes"
    assert list(history(target)["new_value"]) == ["CIS founded"]
    with pytest.raises(WorkspaceError, match="already holds 1 documents"):
        import_backup(target, backup)


def test_restoring_onto_postgresql_continues_the_ids(postgresql_url: str, tmp_path: Path) -> None:
    source = Workspace.open(tmp_path / "w.sqlite")
    ingest(source, files(DEMO))
    stored = read_stored(source)
    row = stored.events.iloc[0].to_dict()
    edit(source, event_key(stored.documents, row), row["event_id"], {"title": "One"}, {})
    export_backup(source, tmp_path / "b.jsonl.gz")
    target = Workspace.open(postgresql_url)
    import_backup(target, tmp_path / "b.jsonl.gz")
    restored = read_stored(target)
    row = restored.events.iloc[1].to_dict()
    edit(target, event_key(restored.documents, row), row["event_id"], {"title": "Two"}, {})
    assert list(history(target)["new_value"]) == ["Two", "One"]
    target.close()


def test_a_file_that_is_not_a_backup_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "x.gz"
    path.write_bytes(gzip.compress(b'{"format": "other"}\n'))
    with pytest.raises(WorkspaceError, match="is not an Eventline workspace backup"):
        import_backup(workspace, path)


def test_the_command_line_adds_lists_backs_up_and_removes(tmp_path: Path) -> None:
    database = tmp_path / "w.sqlite"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )

    added = run("extract", str(OUTLETS), str(DEMO), "--workspace", str(database))
    assert added.returncode == 0, added.stderr
    assert added.stderr.splitlines()[-1] == (
        f"extract: 10 documents added, 0 extracted again, 0 unchanged, 0 refused;"
        f" 33 events extracted in {database}"
    )
    again = run("extract", str(DEMO), "--workspace", str(database))
    assert "0 documents added, 0 extracted again, 1 unchanged" in again.stderr
    listing = run("workspace", "documents", str(database))
    assert listing.stdout.splitlines()[0] == (
        "baltic-wire-election\tbaltic-wire-election.md\t"
        "Lukashenko claims landslide in disputed vote"
    )
    assert run("workspace", "backup", str(database), str(tmp_path / "b.gz")).returncode == 0
    assert run("workspace", "remove", str(database), "baltic-wire-election").returncode == 0
    missing = run("workspace", "remove", str(database), "nothing-here")
    assert (missing.returncode, missing.stderr) == (1, "workspace: no document nothing-here\n")
    restored = run("workspace", "restore", str(tmp_path / "b.gz"), str(tmp_path / "r.sqlite"))
    assert restored.returncode == 0, restored.stderr
    assert len(run("workspace", "documents", str(tmp_path / "r.sqlite")).stdout.splitlines()) == 10
    usage = run("extract", str(DEMO), "--workspace", str(database), "-o", "x.csv")
    assert (
        usage.returncode == 2
        and "--workspace takes only PATH..., --published and --lexicons" in usage.stderr
    )
