import csv
import io
import json
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import export, loading
from extract.schema import EVENT_COLUMNS


def test_csv_has_schema_columns_in_order_and_all_rows(events: pd.DataFrame) -> None:
    rows = list(csv.reader(io.StringIO(export.to_csv(events).decode())))
    assert rows[0] == list(EVENT_COLUMNS)
    assert [r[0] for r in rows[1:]] == list(events["event_id"])


def test_csv_round_trips_through_the_loader(events: pd.DataFrame) -> None:
    again = loading.read_events_csv(export.to_csv(events), "export").events
    pd.testing.assert_frame_equal(again, events)


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_like_text_is_neutralized(events: pd.DataFrame, prefix: str) -> None:
    evil = events.iloc[:1].copy()
    evil["title"] = prefix + 'HYPERLINK("http://x")'
    evil["actors"] = prefix + "cmd|' /C calc'!A0"
    header, row = csv.reader(io.StringIO(export.to_csv(evil).decode(), newline=""))
    out = dict(zip(header, row, strict=True))
    assert out["title"] == "'" + prefix + 'HYPERLINK("http://x")'
    assert out["actors"] == "'" + prefix + "cmd|' /C calc'!A0"


def test_dates_and_numbers_are_left_alone(events: pd.DataFrame) -> None:
    odd = events.iloc[:1].copy()
    odd["confidence"] = "-0.5"
    odd["char_start"] = "-1"
    out = pd.read_csv(io.BytesIO(export.to_csv(odd)), dtype=str, keep_default_na=False)
    assert out.loc[0, "confidence"] == "-0.5"
    assert out.loc[0, "char_start"] == "-1"
    assert out.loc[0, "date"] == odd.iloc[0]["date"]


def test_json_keeps_text_unchanged(events: pd.DataFrame) -> None:
    evil = events.iloc[:2].copy()
    evil["title"] = ["=1+1", "<script>x</script> “quoted”"]
    records = json.loads(export.to_json(evil))
    assert [r["title"] for r in records] == ["=1+1", "<script>x</script> “quoted”"]
    assert list(records[0]) == list(EVENT_COLUMNS)


def test_file_names_say_what_they_hold() -> None:
    name = export.file_name("putin", date(2020, 8, 1), date(2020, 9, 30), "csv")
    assert name == "eventline-events-putin-2020-08-01_2020-09-30.csv"
    assert export.file_name("all", None, None, "json") == "eventline-events-all.json"


@given(st.text(max_size=30))
def test_no_exported_text_cell_starts_like_a_formula(text: str) -> None:
    cell = export.neutralize(text)
    assert not cell.startswith(export.FORMULA_PREFIXES)
    assert cell in (text, "'" + text)


def test_three_downloads_named_for_the_view(events: pd.DataFrame) -> None:
    files = export.downloads(events.iloc[:2], "putin", date(2020, 9, 1), None, merged=False)
    assert [(f.label, f.file_name, f.mime) for f in files] == [
        ("Download CSV", "eventline-events-putin-2020-09-01_end.csv", "text/csv"),
        ("Download JSON", "eventline-events-putin-2020-09-01_end.json", "application/json"),
        (
            "Download TimelineJS",
            "eventline-timelinejs-putin-2020-09-01_end.json",
            "application/json",
        ),
    ]
    rows = list(csv.DictReader(io.StringIO(files[0].build().decode(), newline="")))
    assert [r["event_id"] for r in rows] == list(events["event_id"].iloc[:2])
    assert "sources" not in rows[0]
    assert json.loads(files[2].build())["title"]["text"]["headline"] == "Eventline: putin"
