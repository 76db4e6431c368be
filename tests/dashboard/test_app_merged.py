"""The app on a merged events file (with its mentions), and uploads of web pages."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import assert_clean, make_app, summary, table_ids
from test_timelinejs import validate

from extract.schema import MERGED_EVENT_COLUMNS

EXILE = "baltic-wire-exile-1"
HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "meta-published-time.html"


@pytest.fixture()
def merged_app(monkeypatch: pytest.MonkeyPatch, merged_csv: Path) -> AppTest:
    return make_app(monkeypatch, merged_csv)


def card(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if "el-evidence" in h.proto.body)


def test_min_sources_filter_narrows_the_view_and_the_url(merged_app: AppTest) -> None:
    at = merged_app.run()
    assert_clean(at)
    assert summary(at).startswith("**9 of 9 events shown**")
    at.number_input(key="f_sources").set_value(3).run()
    assert_clean(at)
    assert summary(at).startswith("**2 of 9 events shown**")
    assert EXILE in table_ids(at)
    assert at.query_params == {"sources": "3"}
    at.button(key="reset").click().run()
    assert summary(at).startswith("**9 of 9")


def test_min_sources_from_the_url(merged_app: AppTest) -> None:
    merged_app.query_params = {"sources": "2"}
    at = merged_app.run()
    assert_clean(at)
    assert at.number_input(key="f_sources").value == 2
    assert summary(at).startswith("**4 of 9 events shown**")


def test_evidence_lists_every_source_and_the_date_conflict(merged_app: AppTest) -> None:
    merged_app.query_params = {"event": EXILE}
    at = merged_app.run()
    assert_clean(at)
    html = card(at)
    assert "Reported by 3 sources" in html
    assert "Sources disagree on the date: 2020-08-10 (Danube Post)" in html
    assert (
        '<div class="el-why">Joined as one happening: same kind (journey); shared actors'
        " (Svetlana Tikhanovskaya, Belarus, Lithuania); same participants (ministers); 1 day"
        " apart, same day; wording 0.92-1.00.</div>"
    ) in html
    assert html.count('class="el-outlet"') == 3
    for outlet in ("Baltic Wire", "Danube Post", "Eastern Herald"):
        assert f'<span class="el-outlet">{outlet}</span>' in html


def test_downloads_keep_merge_columns_and_timelinejs_is_valid(
    merged_app: AppTest, downloads: dict[str, Callable[[], bytes]]
) -> None:
    at = merged_app.run()
    at.number_input(key="f_sources").set_value(2).run()
    assert_clean(at)
    name = "eventline-events-2-sources-2020-08-09_2020-09-14"
    rows = list(csv.DictReader(io.StringIO(downloads[f"{name}.csv"]().decode(), newline="")))
    assert list(rows[0]) == list(MERGED_EVENT_COLUMNS)
    assert {row["sources"] for row in rows} == {"2", "3"}
    timeline = json.loads(downloads["eventline-timelinejs-2-sources-2020-08-09_2020-09-14.json"]())
    validate(timeline)
    assert {slide["unique_id"] for slide in timeline["events"]} == {r["event_id"] for r in rows}


def test_a_web_page_upload_adds_its_events(
    monkeypatch: pytest.MonkeyPatch, events_csv: Path
) -> None:
    at = make_app(monkeypatch, events_csv).run()
    at.file_uploader[0].set_value((HTML.name, HTML.read_bytes(), "text/html"))
    at.run()
    at.button(key="extract").click().run(timeout=120)
    assert_clean(at)
    assert not at.error
    added = int(at.success[0].value.split()[1])
    assert added > 0
    assert summary(at).startswith(f"**{31 + added} of {31 + added}")
    assert any(i.startswith("meta-published-time-") for i in table_ids(at))
