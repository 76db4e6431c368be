"""Adding documents: stored with their events, unchanged ones skipped, changed ones replaced,
removed; a run killed half-way is completed by the next."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sample_articles import DEMO, OUTLETS, ROOT, files
from sqlalchemy import select

from workspace.ingest import counts, ingest, remove_document
from workspace.store import Workspace
from workspace.tables import documents
from workspace.views import read_stored


def test_documents_are_stored_with_their_events(workspace: Workspace) -> None:
    report = ingest(workspace, files(DEMO))
    assert report.added == ["putin-lukashenko-sochi.md"]
    assert counts(workspace) == {"documents": 1, "events": 17, "mentions": 18}
    stored = read_stored(workspace)
    first = stored.events.set_index("event_id").loc["putin-lukashenko-sochi-1"]
    assert (first["date"], first["date_text"], first["char_start"]) == (
        "2020-09-14",
        "Monday",
        "116",
    )
    document = stored.documents.iloc[0]
    assert document["title"].startswith("Putin Affirms Support for Lukashenko")
    assert document["published"] == "2020-09-15"
    assert len(document["content_hash"]) == 64
    with workspace.reading() as connection:
        content = connection.execute(select(documents.c.content)).scalar_one()
    assert content == DEMO.read_bytes()


def test_the_same_content_is_skipped(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    generation = workspace.generation()
    report = ingest(workspace, [("copy.md", DEMO.read_bytes())])
    assert report.skipped == ["copy.md"] and not report.added
    assert workspace.generation() == generation
    assert counts(workspace)["documents"] == 1


def test_a_changed_document_replaces_its_events(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    changed = DEMO.read_text().replace("met with Belarusian", "talked with Belarusian")
    report = ingest(workspace, [(DEMO.name, changed.encode())])
    assert report.replaced == [DEMO.name]
    sentences = read_stored(workspace).events.set_index("event_id")["sentence"]
    assert "Vladimir Putin talked with Belarusian" in sentences["putin-lukashenko-sochi-1"]
    assert not sentences.str.contains("met with Belarusian").any()
    assert counts(workspace)["documents"] == 1


def test_events_are_merged_across_documents(workspace: Workspace) -> None:
    ingest(workspace, files(*sorted(OUTLETS.iterdir())))
    assert counts(workspace) == {"documents": 9, "events": 9, "mentions": 15}
    events = read_stored(workspace).events.set_index("event_id")
    assert events.loc["baltic-wire-election-1", "sources"] == "2"
    assert (
        events.loc["baltic-wire-election-1", "doc_ids"]
        == "baltic-wire-election; minsk-monitor-election"
    )


def test_a_file_that_cannot_be_read_is_named_and_the_others_arrive(workspace: Workspace) -> None:
    report = ingest(workspace, [("broken.md", b"---\ntitle: x\n"), *files(DEMO)])
    assert len(report.errors) == 1 and report.errors[0].startswith("broken.md: ")
    assert report.added == [DEMO.name]


def test_removing_a_document_removes_its_events(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO, OUTLETS / "danube-post-loan.md"))
    assert remove_document(workspace, "putin-lukashenko-sochi")
    assert not remove_document(workspace, "putin-lukashenko-sochi")
    left = read_stored(workspace)
    assert list(left.documents["doc_id"]) == ["danube-post-loan"]
    assert set(left.events["doc_id"]) == {"danube-post-loan"}


def test_a_killed_ingest_leaves_whole_documents_and_the_next_completes_it(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    text = DEMO.read_text()
    for number in range(60):
        (articles / f"copy-{number:02}.md").write_text(
            text.replace("id: putin-lukashenko-sochi", f"id: copy-{number:02}")
        )
    database = tmp_path / "w.sqlite"
    command = [sys.executable, "-m", "extract", str(articles), "--workspace", str(database)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    stored = 0
    while process.poll() is None and stored < 3:
        time.sleep(0.05)
        if database.exists():
            with sqlite3.connect(database, timeout=30) as connection:
                if connection.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'documents'"
                ).fetchone()[0]:
                    stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    with sqlite3.connect(database) as connection:
        held = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        per_document = connection.execute(
            "SELECT d.doc_id, count(m.event_id) FROM documents d "
            "LEFT JOIN mentions m ON m.doc_id = d.doc_id GROUP BY d.doc_id"
        ).fetchall()
        orphans = connection.execute(
            "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
    assert 3 <= held < 60
    assert {count for _, count in per_document} == {18} and orphans == 0
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert f"{60 - held} documents added" in finished.stderr
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM mentions").fetchone() == (1080,)
        assert connection.execute(
            "SELECT value FROM meta WHERE key = 'merge_pending'"
        ).fetchone() == ("0",)
        assert connection.execute(
            "SELECT count(*) FROM mentions WHERE merged_id NOT IN (SELECT event_id FROM events)"
        ).fetchone() == (0,)


def test_seeding_skips_a_fifo_instead_of_waiting_on_it(tmp_path: Path) -> None:
    from workspace.ingest import seed

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_bytes(DEMO.read_bytes())
    os.mkfifo(folder / "b.txt")
    workspace = Workspace.open(str(tmp_path / "w.sqlite"))
    try:
        report = seed(workspace, folder)
        assert report.added == ["a.md"]
        assert report.errors == ["b.txt: not a regular file (a FIFO)"]
    finally:
        workspace.close()
