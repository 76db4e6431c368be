"""Corrections: stored against the evidence, re-applied after re-extraction, with history."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sample_articles import DEMO, OUTLETS, files

from workspace.edits import Conflict, add_event, edit, revert, target_of
from workspace.ingest import Extractor, ingest
from workspace.store import Workspace, WorkspaceError
from workspace.views import curated_events, event_key, history, read_stored

LOAN = "putin-lukashenko-sochi-3"


def row_of(workspace: Workspace, event_id: str) -> tuple[dict[str, str], pd.DataFrame]:
    stored = read_stored(workspace)
    row = stored.events.set_index("event_id").loc[event_id].to_dict() | {"event_id": event_id}
    return row, stored.documents


def correct(workspace: Workspace, event_id: str, **changes: str) -> list[Conflict]:
    row, docs = row_of(workspace, event_id)
    seen = {field: row[field] for field in changes if field in row}
    return edit(workspace, event_key(docs, row), event_id, changes, seen, author="tester")


def curated(workspace: Workspace) -> pd.DataFrame:
    return curated_events(workspace).events.set_index("event_id")


def test_a_corrected_title_and_date_are_marked_and_kept_in_history(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    assert correct(workspace, LOAN, title="Russia lends Belarus $1.5bn", date="2020-09-13") == []
    events = curated(workspace)
    loan = events.loc[LOAN]
    assert (loan["title"], loan["date"], loan["end_date"], loan["timex"]) == (
        "Russia lends Belarus $1.5bn",
        "2020-09-13",
        "2020-09-13",
        "2020-09-13",
    )
    assert (loan["curated"], loan["corrected"]) == ("yes", "date; title")
    assert events.loc["putin-lukashenko-sochi-1", "curated"] == ""
    assert (events["curated"] == "yes").sum() == 1
    original = read_stored(workspace).events.set_index("event_id").loc[LOAN]
    assert original["title"].startswith("Putin: We agreed that Moscow would grant Minsk")
    edits = history(workspace, int(loan["target"]))
    assert list(edits["field"]) == ["date", "title"]
    assert list(edits["old_value"]) == ["2020-09-14", original["title"]]
    assert set(edits["author"]) == {"tester"}


def test_a_date_with_its_precision(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    correct(workspace, LOAN, date="2020-09-01", end_date="2020-09-30", precision="month")
    loan = curated(workspace).loc[LOAN]
    assert (loan["date"], loan["end_date"], loan["precision"], loan["timex"]) == (
        "2020-09-01",
        "2020-09-30",
        "month",
        "2020-09",
    )


def test_corrections_survive_an_extractor_change_that_shifts_event_ids(
    workspace: Workspace, tmp_path: Path
) -> None:
    ingest(workspace, files(DEMO))
    correct(workspace, LOAN, title="Russia lends Belarus $1.5bn")
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "triggers.csv").write_text("word,event,standalone\ncongratulated,statement,yes\n")
    report = ingest(workspace, files(DEMO), extractor=Extractor(lexicon))
    assert report.replaced == [DEMO.name]
    events = curated(workspace)
    loan = events[events["title"] == "Russia lends Belarus $1.5bn"]
    assert (list(loan.index), list(loan["curated"])) == (["putin-lukashenko-sochi-4"], ["yes"])


def test_corrections_follow_a_changed_document_by_their_sentence(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    correct(workspace, LOAN, title="Russia lends Belarus $1.5bn")
    correct(workspace, "putin-lukashenko-sochi-5", date="2019-06-01", precision="month")
    text = DEMO.read_text().replace(
        "Putin Affirms Support for Lukashenko, Consolidates Russia-Belarus Cooperation against "
        "Foreign Intervention\n\nTheme:",
        "Putin Affirms Support for Lukashenko, Consolidates Russia-Belarus Cooperation against "
        "Foreign Intervention\n\nOn Sunday, Lukashenko flew to Sochi.\n\nTheme:",
        1,
    )
    assert text != DEMO.read_text()
    ingest(workspace, [(DEMO.name, text.encode())])
    events = curated(workspace)
    loan = events[events["title"] == "Russia lends Belarus $1.5bn"]
    assert list(loan.index) == ["putin-lukashenko-sochi-4"]
    assert loan.iloc[0]["sentence"].startswith("“We agreed that during this complicated period")
    last_year = events[events["date_text"] == "last year"].iloc[0]
    assert (last_year["date"], last_year["precision"]) == ("2019-06-01", "month")
    assert events.loc[events["date_text"] == "Today", "curated"].tolist() == [""]


def test_not_an_event_removes_the_row_and_revert_brings_it_back(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    correct(workspace, "putin-lukashenko-sochi-17", not_event="yes")
    view = curated_events(workspace)
    assert "putin-lukashenko-sochi-17" not in set(view.events["event_id"])
    assert list(view.removed["event_id"]) == ["putin-lukashenko-sochi-17"]
    target = int(view.removed.iloc[0]["target"])
    assert revert(workspace, target, "not_event", "yes")
    assert "putin-lukashenko-sochi-17" in set(curated_events(workspace).events["event_id"])


def test_an_event_added_from_a_sentence(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    row, docs = row_of(workspace, "putin-lukashenko-sochi-1")
    values = {"date": "2020-09-14", "title": "Lukashenko arrives in Sochi", "actors": "Lukashenko"}
    target = add_event(workspace, event_key(docs, row), values)
    added = curated(workspace).loc[f"putin-lukashenko-sochi-added-{target}"]
    assert (added["title"], added["date"], added["precision"], added["actors"]) == (
        "Lukashenko arrives in Sochi",
        "2020-09-14",
        "day",
        "Lukashenko",
    )
    assert (added["curated"], added["corrected"], added["source"]) == (
        "yes",
        "added",
        "Global Research",
    )
    assert added["sentence"] == row["sentence"]


def test_joining_two_rows_and_splitting_a_merged_one(workspace: Workspace) -> None:
    ingest(workspace, files(*sorted(OUTLETS.iterdir())))
    before = curated(workspace)
    assert before.loc["baltic-wire-election-1", "sources"] == "2"
    row, docs = row_of(workspace, "baltic-wire-exile-1")
    into = target_of(workspace, event_key(docs, row), "baltic-wire-exile-1")
    correct(workspace, "danube-post-loan-1", joined_to=str(into))
    correct(workspace, "baltic-wire-election-1", split="yes")
    view = curated_events(workspace)
    events = view.events.set_index("event_id")
    assert "danube-post-loan-1" not in events.index
    joined = events.loc["baltic-wire-exile-1"]
    assert "danube-post-loan" in joined["doc_ids"] and joined["corrected"].endswith("joined")
    assert events.loc["baltic-wire-election-1", "sources"] == "1"
    assert events.loc["minsk-monitor-election-1", "sources"] == "1"
    assert events.loc["minsk-monitor-election-1", "curated"] == "yes"
    merged = view.mentions.set_index("event_id")["merged_id"]
    assert merged["danube-post-loan-1"] == "baltic-wire-exile-1"
    assert merged["minsk-monitor-election-1"] == "minsk-monitor-election-1"


def test_a_stale_edit_of_the_same_field_is_a_conflict_not_an_overwrite(
    workspace: Workspace,
) -> None:
    ingest(workspace, files(DEMO))
    row, docs = row_of(workspace, LOAN)
    key, seen = event_key(docs, row), {"title": row["title"], "actors": row["actors"]}
    assert edit(workspace, key, LOAN, {"title": "First"}, seen) == []
    conflicts = edit(workspace, key, LOAN, {"title": "Second", "actors": "Putin"}, seen)
    assert conflicts == [Conflict("title", row["title"], "First", "Second")]
    assert "changed by someone else to “First”" in conflicts[0].message()
    loan = curated(workspace).loc[LOAN]
    assert (loan["title"], loan["actors"]) == ("First", "Putin")


def test_only_event_fields_can_be_corrected(workspace: Workspace) -> None:
    ingest(workspace, files(DEMO))
    with pytest.raises(WorkspaceError, match="cannot correct doc_id, sentence"):
        correct(workspace, LOAN, sentence="x", doc_id="y")
