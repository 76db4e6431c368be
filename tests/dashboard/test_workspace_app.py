"""The dashboard on a workspace, driven through streamlit.testing: uploads that a new session
sees, corrections with their marks, conflicts between sessions, read-only, the original."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import options
from workspace.ingest import ingest
from workspace.store import WORKSPACE_ENV, Workspace

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
DEMO = ROOT / "data" / "articles" / "putin-lukashenko-sochi.md"
SANCTIONS = (
    b"---\ntitle: Sanctions on Minsk\npublished: 2021-03-02\nsource: Test Wire\n---\n"
    b"The European Union imposed new sanctions on Belarus on Monday, its ministers said.\n"
)
LOAN = "putin-lukashenko-sochi-3"


@pytest.fixture()
def location(monkeypatch: pytest.MonkeyPatch, workspace_location: str) -> str:
    """A workspace holding the demo article, named by $EVENTLINE_WORKSPACE."""
    monkeypatch.delenv(options.EVENTS_ENV, raising=False)
    monkeypatch.setenv(WORKSPACE_ENV, workspace_location)
    workspace = Workspace.open(workspace_location)
    ingest(workspace, [(DEMO.name, DEMO.read_bytes())])
    workspace.close()
    return workspace_location


def session() -> AppTest:
    """A new browser session of the app."""
    return AppTest.from_file(APP, default_timeout=60).run()


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "events shown" in m.value)


def clean(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):  # noqa: ANN201 - a streamlit.testing element
    return next(b for b in at.button if b.label == label)


def select(at: AppTest, event_id: str) -> AppTest:
    at.session_state["selected_event"] = event_id
    return clean(at.run())


def form_input(at: AppTest, field: str):  # noqa: ANN201
    return next(t for t in at.text_input if t.key and t.key.startswith(f"fix_{field}_"))


def table(at: AppTest) -> pd.DataFrame:
    """The event table as shown, by event id."""
    shown = next(d.value for d in at.dataframe if "date_text" in d.value.columns)
    return shown.set_axis(list(at.session_state["table_event_ids"]))


def test_an_upload_is_stored_and_seen_by_a_new_session(location: str) -> None:
    at = clean(session())
    assert summary(at).startswith("**17 of 17 events shown**")
    at.file_uploader[0].set_value(("sanctions.md", SANCTIONS, "text/markdown"))
    at = clean(button(at.run(), "Extract events").click().run())
    assert any("1 document added" in s.value for s in at.success)
    assert summary(at).startswith("**18 of 18 events shown**")
    fresh = clean(session())
    assert summary(fresh).startswith("**18 of 18 events shown**")
    assert table(fresh).loc["sanctions-1", "date"] == "2021-03-01"


def test_a_document_can_be_removed(location: str) -> None:
    at = clean(session())
    at.selectbox(key="remove_doc").select("putin-lukashenko-sochi")
    at = clean(button(at.run(), "Remove document").click().run())
    assert any("Removed putin-lukashenko-sochi" in i.value for i in at.info)
    assert "There are no events yet" in " ".join(i.value for i in at.info)
    assert "There are no events yet" in " ".join(i.value for i in clean(session()).info)


def test_a_corrected_date_is_marked_in_the_table_and_downloads(
    location: str, downloads: dict
) -> None:
    at = select(clean(session()), LOAN)
    form_input(at, "date").input("2020-09-10")
    at = clean(button(at, "Save corrections").click().run())
    assert [s.value for s in at.success][-1] == "Corrections saved."
    row = table(at).loc[LOAN]
    assert (row["date"], row["end_date"], row["corrected"]) == ("2020-09-10", "2020-09-10", "date")
    assert table(at).loc["putin-lukashenko-sochi-1", "corrected"] == ""
    name = next(n for n in downloads if n.endswith(".csv"))
    exported = pd.read_csv(io.BytesIO(downloads[name]()), dtype=str, keep_default_na=False)
    assert list(exported.columns[-2:]) == ["curated", "corrected"]
    loan = exported.set_index("event_id").loc[LOAN]
    assert (loan["date"], loan["curated"], loan["corrected"]) == ("2020-09-10", "yes", "date")
    fresh = clean(session())
    assert table(fresh).loc[LOAN, "date"] == "2020-09-10"
    fresh.toggle(key="show_original").set_value(True)
    original = table(clean(fresh.run()))
    assert (original.loc[LOAN, "date"], original.loc[LOAN, "corrected"]) == ("2020-09-14", "")


def test_the_same_field_saved_by_two_sessions_is_a_conflict(location: str) -> None:
    first = select(clean(session()), LOAN)
    second = select(clean(session()), LOAN)
    form_input(first, "title").input("Russia lends Belarus $1.5bn")
    first = clean(button(first, "Save corrections").click().run())
    form_input(second, "title").input("A loan for Minsk")
    form_input(second, "actors").input("Putin; Lukashenko")
    second = clean(button(second, "Save corrections").click().run())
    warnings = [w.value for w in second.warning]
    assert any(
        w.startswith("title: changed by someone else to “Russia lends Belarus \\$1.5bn”")
        for w in warnings
    )
    row = table(second).loc[LOAN]
    assert (row["title"], row["actors"]) == ("Russia lends Belarus $1.5bn", "Putin; Lukashenko")


def test_not_an_event_hides_the_row_until_it_is_restored(location: str) -> None:
    at = select(clean(session()), "putin-lukashenko-sochi-11")
    at = clean(button(at, "Not an event").click().run())
    assert summary(at).startswith("**16 of 16 events shown**")
    assert "putin-lukashenko-sochi-11" not in set(table(at).index)
    at = clean(session())
    at.selectbox(key="restore_row").set_value("1")
    at = clean(button(at.run(), "Restore row").click().run())
    assert any(i.value == "Row restored." for i in at.info)
    assert summary(at).startswith("**17 of 17 events shown**")


def test_an_event_added_from_a_sentence(location: str) -> None:
    at = select(clean(session()), "putin-lukashenko-sochi-1")
    next(t for t in at.text_input if t.key.startswith("add_date_")).input("2020-09-14")
    next(t for t in at.text_input if t.key.startswith("add_title_")).input("Lukashenko in Sochi")
    at = clean(button(at, "Add event").click().run())
    assert summary(at).startswith("**18 of 18 events shown**")
    added = table(at)[table(at)["title"] == "Lukashenko in Sochi"]
    assert list(added["corrected"]) == ["added"] and list(added["date"]) == ["2020-09-14"]


def test_read_only_shows_no_upload_and_no_corrections(
    location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(options.READ_ONLY_ENV, "1")
    at = select(clean(session()), LOAN)
    assert not at.file_uploader
    assert not [b for b in at.button if b.label in ("Save corrections", "Not an event")]
    assert "read-only" in " ".join(c.value for c in at.caption)


def test_without_options_a_new_workspace_is_seeded_from_the_articles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(options.EVENTS_ENV, raising=False)
    monkeypatch.delenv(WORKSPACE_ENV, raising=False)
    monkeypatch.setattr(options, "DEFAULT_WORKSPACE", tmp_path / "workspace.sqlite")
    at = clean(session())
    assert summary(at).startswith("**17 of 17 events shown**")
    assert (tmp_path / "workspace.sqlite").exists()


def test_a_workspace_that_cannot_be_opened_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(options.EVENTS_ENV, raising=False)
    monkeypatch.setenv(WORKSPACE_ENV, "postgresql://nobody@127.0.0.1:9/none")
    at = clean(session())
    assert at.error[0].value.startswith(
        "Cannot open the workspace: workspace postgresql:\u2060//nobody@\u2060127.0.0.1\\:9/none: "
    )
