"""The synthetic events generator used by the load benchmark and the large-file tests."""

from pathlib import Path

import events_generator
import pandas as pd

from dashboard import loading
from extract.schema import EVENT_COLUMNS, PRECISIONS


def test_generated_events_are_valid_and_deterministic() -> None:
    frame = events_generator.generate_events(2000, seed=1)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert frame.equals(events_generator.generate_events(2000, seed=1))
    assert not frame.equals(events_generator.generate_events(2000, seed=2))
    result = loading.prepare(frame, "generated")
    assert result.problems == []
    assert len(result.events) == 2000
    assert set(frame["precision"]) - {""} <= set(PRECISIONS)
    assert {"day", "month", "year"} <= set(frame["precision"])
    assert frame["doc_id"].nunique() > 100
    assert len(loading.value_counts(result.events, "actors")) > 100


def test_csv_and_parquet_files_load_the_same(tmp_path: Path) -> None:
    csv = events_generator.write_events(tmp_path / "e.csv", 300, seed=4)
    parquet = events_generator.write_events(tmp_path / "e.parquet", 300, seed=4)
    from_csv = loading.load_events(csv)
    from_parquet = loading.load_events(parquet)
    assert from_csv.problems == from_parquet.problems == []
    pd.testing.assert_frame_equal(from_csv.events, from_parquet.events)
