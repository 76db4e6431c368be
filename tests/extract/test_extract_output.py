import csv
from pathlib import Path

import pytest

from extract.output import write_events_csv
from extract.schema import EVENT_COLUMNS

ROW = {column: f"{column}-value" for column in EVENT_COLUMNS}


def test_writes_header_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_events_csv([ROW, ROW], path) == 2
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows == [ROW, ROW]
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_a_failure_midway_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("previous\n")

    def rows():
        yield ROW
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_events_csv(rows(), path)
    assert path.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
