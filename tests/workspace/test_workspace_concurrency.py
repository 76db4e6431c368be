"""Two users editing at once, each in a process of its own: nothing is lost, and the same
field changed by both is a conflict for the later one, never a silent overwrite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sample_articles import DEMO, ROOT, files

from workspace.ingest import ingest
from workspace.store import Workspace
from workspace.views import curated_events, history

EDITOR = Path(__file__).with_name("editor.py")


def run_together(location: str, tmp_path: Path, *jobs: tuple[str, str]) -> list[str]:
    """Run one editor per ``(field, value)`` at the same time; return what each printed."""
    start = tmp_path / "start"
    processes = [
        subprocess.Popen(
            [sys.executable, str(EDITOR), location, field, value, str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for field, value in jobs
    ]
    start.touch()
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        outputs.append(out)
    return outputs


def test_two_processes_editing_other_fields_lose_nothing(
    workspace: Workspace, workspace_location: str, tmp_path: Path
) -> None:
    ingest(workspace, files(DEMO))
    outputs = run_together(workspace_location, tmp_path, ("title", "A"), ("actors", "B"))
    assert outputs == ["", ""]
    events = curated_events(workspace).events.set_index("event_id")
    assert len(events) == 17
    assert events.loc["putin-lukashenko-sochi-7", "title"] == "A putin-lukashenko-sochi-7"
    assert events.loc["putin-lukashenko-sochi-7", "actors"] == "B putin-lukashenko-sochi-7"
    assert (events["title"] == "A " + events.index).all()
    assert (events["actors"] == "B " + events.index).all()
    assert set(events["corrected"]) == {"title; actors"}
    assert len(history(workspace)) == 34


def test_two_processes_editing_the_same_field_give_one_conflict_each_edit(
    workspace: Workspace, workspace_location: str, tmp_path: Path
) -> None:
    ingest(workspace, files(DEMO))
    first, second = run_together(workspace_location, tmp_path, ("topics", "A"), ("topics", "B"))
    conflicts = first.splitlines() + second.splitlines()
    assert len(conflicts) == 17
    events = curated_events(workspace).events.set_index("event_id")
    kept = events["topics"].str.split(" ").str[0]
    assert set(kept) <= {"A", "B"}
    for line in conflicts:
        field, stored = line.split(" ", 1)
        event_id = stored.split(" ", 1)[1]
        assert field == "topics" and events.loc[event_id, "topics"] == stored
    assert len(history(workspace)) == 17
