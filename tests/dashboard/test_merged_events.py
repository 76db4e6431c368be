"""Merged events files: loading with and without the merge columns, mentions, filtering by
number of sources, marker sizes, evidence of several sources, exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from test_timelinejs import validate

from dashboard import evidence, export, figure, filters, loading, params, traces
from dashboard.state import FilterState
from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGE_COLUMNS, MERGED_EVENT_COLUMNS


@pytest.fixture(scope="module")
def merged(merged_csv: Path) -> pd.DataFrame:
    result = loading.load_events(merged_csv)
    assert result.problems == [] and result.merged
    return result.events


@pytest.fixture(scope="module")
def mentions(merged_csv: Path) -> pd.DataFrame:
    result = loading.load_mentions(merged_csv)
    assert result.problems == []
    return result.events


def exile(events: pd.DataFrame) -> pd.Series:
    return events[events["title"].str.contains("Tikhanovskaya left")].iloc[0]


def test_merged_file_keeps_the_merge_columns(merged: pd.DataFrame) -> None:
    assert list(merged.columns[: len(MERGED_EVENT_COLUMNS)]) == list(MERGED_EVENT_COLUMNS)
    assert len(merged) == 9
    row = exile(merged)
    assert row["sources"] == "3" and row[loading.SOURCES] == 3
    assert row["date_conflict"] == "2020-08-10 (Danube Post)"


def test_per_document_file_gets_single_source_merge_columns(events: pd.DataFrame) -> None:
    result = loading.load_events(Path(__file__).parent / "fixtures" / "events.csv")
    assert not result.merged and result.problems == []
    assert (events["sources"] == "1").all() and (events[loading.SOURCES] == 1).all()
    assert (events["doc_ids"] == events["doc_id"]).all()
    assert (events["urls"] == events["url"]).all()
    assert (events["outlets"] == events["source"]).all()
    assert (events["date_conflict"] == "").all()


def test_a_merged_file_written_before_merge_reasons_is_still_merged(merged_csv: Path) -> None:
    raw = pd.read_csv(merged_csv, dtype=str, keep_default_na=False).drop(columns="merge_reason")
    result = loading.read_events_csv(raw.to_csv(index=False).encode(), "older.csv")
    assert result.merged and result.problems == []
    row = exile(result.events)
    assert (row["sources"], row["merge_reason"]) == ("3", "")


def test_unreadable_source_counts_count_as_one(merged_csv: Path) -> None:
    raw = pd.read_csv(merged_csv, dtype=str, keep_default_na=False)
    raw.loc[0, "sources"] = "many"
    result = loading.read_events_csv(raw.to_csv(index=False).encode(), "x.csv")
    assert result.events.loc[0, loading.SOURCES] == 1


def test_mentions_are_read_next_to_the_events_file(
    merged_csv: Path, merged: pd.DataFrame, mentions: pd.DataFrame
) -> None:
    assert list(mentions.columns) == list(MENTION_COLUMNS)
    assert len(mentions) == 15
    assert set(mentions["merged_id"]) == set(merged["event_id"])
    lead = exile(merged)["event_id"]
    rows = loading.mentions_of(mentions, lead)
    assert rows[0]["event_id"] == lead
    assert sorted(r["source"] for r in rows) == ["Baltic Wire", "Danube Post", "Eastern Herald"]


def test_parquet_mentions_and_missing_or_broken_files(tmp_path: Path, merged_csv: Path) -> None:
    raw = pd.read_csv(merged_csv.with_name("mentions.csv"), dtype=str, keep_default_na=False)
    raw.to_parquet(tmp_path / "belarus-mentions.parquet", index=False)
    assert len(loading.load_mentions(tmp_path / "belarus-events.parquet").events) == 15
    nothing = loading.load_mentions(tmp_path / "other.csv")
    assert nothing.events.empty and nothing.problems == []
    (tmp_path / "old-mentions.csv").write_text("event_id,title\na-1,x\n")
    old = loading.load_mentions(tmp_path / "old.csv")
    assert old.events.empty and "lacks the merged_id column" in old.problems[0]


def test_min_sources_filter_and_url(merged: pd.DataFrame) -> None:
    state = FilterState(min_sources=3)
    shown = filters.apply_filters(merged, state)
    assert len(shown) == 2 and (shown[loading.SOURCES] >= 3).all()
    assert params.encode_params(state) == {"sources": "3"}
    assert filters.describe(state) == "3-sources"
    decoded = params.decode_params({"sources": "2"}, [], [], [])
    assert decoded.state.min_sources == 2 and decoded.ignored == []
    bad = params.decode_params({"sources": "0"}, [], [], [])
    assert bad.state.min_sources == 1 and "sources='0'" in bad.ignored[0]


def test_markers_grow_with_sources_up_to_a_cap() -> None:
    sizes = traces.marker_sizes(pd.Series([1, 2, 3, 50]), large=False)
    assert list(sizes) == [11, 14, 17, traces.MAX_MARKER_SIZE]
    assert traces.marker_sizes(pd.Series([50]), large=True)[0] == traces.MAX_SMALL_MARKER_SIZE


def test_timeline_shows_sources_in_hover_size_and_legend(merged: pd.DataFrame) -> None:
    fig = figure.build_timeline(merged, None, list(loading.catalog(merged).topics))
    markers = [t for t in fig.data if t.type == "scatter" and t.hovertext is not None]
    by_id = {
        i: (size, text)
        for t in markers
        for i, size, text in zip(t.customdata, t.marker.size, t.hovertext, strict=True)
    }
    size, text = by_id[exile(merged)["event_id"]]
    assert size == 17
    assert "Reported by 3 sources: Baltic Wire; Danube Post; Eastern Herald" in text
    assert "Sources disagree on the date: 2020-08-10 (Danube Post)" in text
    assert "larger: more sources" in figure.key_text(merged)


def test_evidence_lists_every_source_with_the_conflict(
    merged: pd.DataFrame, mentions: pd.DataFrame
) -> None:
    row = exile(merged)
    card = evidence.evidence_html(
        row[list(MERGED_EVENT_COLUMNS)].to_dict(), loading.mentions_of(mentions, row["event_id"])
    )
    assert "Reported by 3 sources" in card
    assert "Sources disagree on the date: 2020-08-10 (Danube Post)" in card
    assert card.count("<li>") == 3
    assert card.count('class="el-outlet"') == 3 and "Danube Post</span>" in card
    assert "(differs)" in card
    assert 'href="https://danubepost.example/europe/opposition-leader-vilnius"' in card


def test_evidence_escapes_sources_and_links_only_web_urls() -> None:
    event = {c: "" for c in MERGED_EVENT_COLUMNS} | {
        "event_id": "a-1",
        "date": "2020-08-10",
        "end_date": "2020-08-10",
        "sources": "2",
        "outlets": "<b>Evil</b>; Good",
        "date_conflict": "2020-08-11 (<i>x</i>)",
    }
    first = event | {"source": "<script>1</script>", "url": "javascript:alert(1)"}
    second = event | {"event_id": "b-1", "source": "Good", "url": "https://good.example/a?x=1&y=2"}
    second |= {"date": "2020-08-11", "end_date": "2020-08-11", "date_text": "<Tuesday>"}
    card = evidence.evidence_html(event, [first, second])
    assert "<script>" not in card and "<b>Evil" not in card and "<i>x" not in card
    assert "javascript:" not in card.split("link not shown")[0]
    assert 'href="https://good.example/a?x=1&amp;y=2"' in card
    assert "“&lt;Tuesday&gt;” → 2020-08-11" in card
    without = evidence.evidence_html(event | {"urls": "javascript:x; https://ok.example/"})
    assert "Source links" in without and 'href="https://ok.example/"' in without
    assert 'href="javascript' not in without


def test_single_source_evidence_is_unchanged(events: pd.DataFrame) -> None:
    row = events.iloc[0][list(MERGED_EVENT_COLUMNS)].to_dict()
    card = evidence.evidence_html(row)
    assert "Reported by" not in card and "el-sources" not in card


def test_exports_keep_the_input_columns(merged: pd.DataFrame, events: pd.DataFrame) -> None:
    merged_header = next(
        csv.reader(io.StringIO(export.to_csv(merged, export.export_columns(True)).decode()))
    )
    assert merged_header == list(MERGED_EVENT_COLUMNS)
    plain = json.loads(export.to_json(events, export.export_columns(False)))
    assert list(plain[0]) == list(EVENT_COLUMNS)
    assert not set(MERGE_COLUMNS) & set(plain[0])


def test_timelinejs_download_is_valid(merged: pd.DataFrame) -> None:
    data = json.loads(export.to_timelinejs_json(merged, "Eventline: all"))
    validate(data)
    assert len(data["events"]) == 9
    slide = next(s for s in data["events"] if s["unique_id"] == exile(merged)["event_id"])
    assert "Other dates reported: 2020-08-10 (Danube Post)" in slide["text"]["text"]
    assert export.file_name("all", None, None, "json", kind="timelinejs") == (
        "eventline-timelinejs-all.json"
    )


def test_a_copied_events_file_finds_its_mentions(tmp_path: Path, merged_csv: Path) -> None:
    shutil.copy(merged_csv, tmp_path / "belarus.csv")
    shutil.copy(merged_csv.with_name("mentions.csv"), tmp_path / "belarus-mentions.csv")
    assert len(loading.load_mentions(tmp_path / "belarus.csv").events) == 15
