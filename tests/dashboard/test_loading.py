from datetime import date
from pathlib import Path

import pandas as pd

from dashboard import loading
from extract.schema import EVENT_COLUMNS


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode()


def test_fixture_loads_all_rows_with_derived_columns(events: pd.DataFrame) -> None:
    assert len(events) == 31
    assert list(events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    unanchored = events[events["date"] == ""]
    assert len(unanchored) == 1
    assert unanchored[loading.START].isna().all()
    dated = events.dropna(subset=[loading.START])
    assert (dated[loading.START] <= dated[loading.END]).all()


def test_missing_file_gives_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = loading.load_events(tmp_path / "nope.csv")
    assert result.events.empty
    assert "Cannot read" in result.problems[0]


def test_empty_file() -> None:
    result = loading.read_events_csv(b"", "empty.csv")
    assert result.events.empty
    assert result.problems == ["empty.csv is empty."]
    assert list(result.events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)


def test_header_only_file_has_no_events_and_no_problem() -> None:
    result = loading.read_events_csv(",".join(EVENT_COLUMNS).encode(), "header.csv")
    assert result.events.empty
    assert result.problems == []


def test_missing_columns_are_filled_and_reported(raw_rows: pd.DataFrame) -> None:
    result = loading.read_events_csv(_csv(raw_rows.drop(columns=["paragraph", "topics"])), "f")
    assert len(result.events) == len(raw_rows)
    assert "topics" in result.problems[0] and "paragraph" in result.problems[0]
    assert (result.events["topics"] == "").all()


def test_bad_dates_skip_only_those_rows(raw_rows: pd.DataFrame) -> None:
    raw_rows.loc[2, "date"] = "2020-13-45"
    raw_rows.loc[4, "end_date"] = "yesterday"
    raw_rows.loc[5, "end_date"] = "1999-01-01"  # before its start
    result = loading.read_events_csv(_csv(raw_rows), "bad.csv")
    assert len(result.events) == len(raw_rows) - 3
    assert result.problems == ["bad.csv: skipped 3 rows with invalid dates (lines 4, 6, 7)."]


def test_duplicate_and_missing_ids_are_skipped(raw_rows: pd.DataFrame) -> None:
    raw_rows.loc[1, "event_id"] = raw_rows.loc[0, "event_id"]
    raw_rows.loc[3, "event_id"] = ""
    result = loading.read_events_csv(_csv(raw_rows), "ids.csv")
    assert len(result.events) == len(raw_rows) - 2
    assert result.events["event_id"].is_unique
    assert len(result.problems) == 2


def test_unparseable_bytes() -> None:
    result = loading.read_events_csv(b"\xff\xfe\x00bad", "binary.csv")
    assert result.events.empty
    assert "not UTF-8" in result.problems[0]


def test_empty_end_date_defaults_to_date(raw_rows: pd.DataFrame) -> None:
    raw_rows.loc[0, "end_date"] = ""
    events = loading.read_events_csv(_csv(raw_rows), "f").events
    assert events.loc[0, "end_date"] == events.loc[0, "date"]


def test_value_counts_split_multi_valued_cells(events: pd.DataFrame) -> None:
    counts = loading.value_counts(events, "actors")
    assert counts["Vladimir Putin"] == 4
    assert list(counts)[0] == max(counts, key=counts.get)
    assert "" not in counts


def test_combine_keeps_first_of_repeated_ids(events: pd.DataFrame) -> None:
    extra = events.iloc[:2].copy()
    extra.loc[extra.index[1], "event_id"] = "new-1"
    combined = loading.combine(events, extra)
    assert len(combined) == len(events) + 1
    assert combined["event_id"].is_unique


def test_date_span(events: pd.DataFrame) -> None:
    assert loading.date_span(events) == (date(1994, 7, 10), date(2020, 12, 31))
    assert loading.date_span(events[events["date"] == ""]) == (None, None)
    assert loading.date_span(loading.empty_events()) == (None, None)


def test_parquet_file_loads_like_csv(tmp_path: Path, raw_rows: pd.DataFrame) -> None:
    path = tmp_path / "events.parquet"
    raw_rows.to_parquet(path, index=False)
    result = loading.load_events(path)
    assert result.problems == []
    pd.testing.assert_frame_equal(result.events, loading.read_events_csv(_csv(raw_rows), "").events)


def test_broken_parquet_gives_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_bytes(b"not parquet at all")
    result = loading.load_events(path)
    assert result.events.empty
    assert "not a readable Parquet file" in result.problems[0]
    path.write_bytes(b"")
    assert loading.load_events(path).problems == [f"{path.name} is empty."]


def test_exploded_values_keep_the_row_index() -> None:
    cells = pd.Series(["a; b", "", " ; c ;"], index=[4, 7, 9])
    values = loading.exploded_values(cells)
    assert list(zip(values.index, values, strict=True)) == [(4, "a"), (4, "b"), (9, "c")]


def test_catalog_lists_filter_choices(events: pd.DataFrame) -> None:
    catalog = loading.catalog(events)
    assert catalog.actors == loading.value_counts(events, "actors")
    assert list(catalog.doc_titles) == list(events["doc_id"].unique())
    assert sum(catalog.docs.values()) == len(events)
