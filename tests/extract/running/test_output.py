import csv
import fcntl
import os
import threading
from pathlib import Path

import pytest

import extract.running.output
from extract.running.output import write_events, write_events_csv, write_tables
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


AWKWARD = [
    "",
    " ",
    "plain",
    "a, b",
    'say "no"',
    '"',
    "two\nlines",
    "carriage\rreturn",
    "crlf\r\n",
    "tab\tand ; semicolon",
    "Łukašenka — «Минск» 🇧🇾",
    "\u2028 line separator",
    "'single'",
    "trailing space ",
]


@pytest.mark.parametrize("columns", [("only",), ("a", "b"), tuple(f"c{i}" for i in range(14))])
def test_csv_is_written_byte_for_byte_as_the_csv_module_writes_it(
    tmp_path: Path, columns: tuple[str, ...]
) -> None:
    rows = [
        {column: AWKWARD[(i + j) % len(AWKWARD)] for j, column in enumerate(columns)}
        for i in range(len(AWKWARD))
    ]
    path = tmp_path / "events.csv"
    write_events_csv(rows, path, columns)
    expected = tmp_path / "expected.csv"
    with expected.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows([[row[column] for column in columns] for row in rows])
    assert path.read_bytes() == expected.read_bytes()
    with path.open(newline="", encoding="utf-8") as stream:
        assert list(csv.DictReader(stream)) == rows


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


def test_parquet_has_the_csv_columns_as_strings(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert write_events([ROW, ROW], path) == 2
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS)
    assert {str(field.type) for field in table.schema} == {"string"}
    assert table.to_pylist() == [ROW, ROW]
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]


def test_parquet_in_row_groups_and_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(extract.running.output, "PARQUET_BATCH", 2)
    path = tmp_path / "events.parquet"
    assert write_events([ROW] * 5, path) == 5
    assert pq.ParquetFile(path).num_row_groups == 3
    assert write_events([], path) == 0
    assert pq.read_table(path).num_rows == 0
    assert pq.read_table(path).column_names == list(EVENT_COLUMNS)


def test_parquet_failure_midway_keeps_the_previous_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "events.parquet"
    path.write_text("previous\n")

    def rows():
        yield ROW
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_events(rows(), path)
    assert path.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]


def test_tables_appear_together_or_not_at_all(tmp_path: Path) -> None:
    events, mentions = tmp_path / "events.csv", tmp_path / "mentions.parquet"
    extra = {**ROW, "merged_id": "m-1"}
    columns = (*EVENT_COLUMNS, "merged_id")
    assert write_tables([([ROW], events, EVENT_COLUMNS), ([extra] * 2, mentions, columns)]) == [
        1,
        2,
    ]
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(mentions).column_names == list(columns)

    def failing():
        yield extra
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_tables([([], events, EVENT_COLUMNS), (failing(), mentions, columns)])
    assert len(rows_of(events)) == 1 and pq.read_table(mentions).num_rows == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "mentions.parquet"]


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize("name", ["events.csv", "events.parquet"])
def test_rows_may_be_tuples_of_values_in_column_order(tmp_path: Path, name: str) -> None:
    other = {column: f"{column}, other" for column in EVENT_COLUMNS}
    by_key, by_position = tmp_path / "keys" / name, tmp_path / "tuples" / name
    by_key.parent.mkdir()
    by_position.parent.mkdir()
    assert write_events([ROW, other], by_key) == 2
    assert write_events([tuple(ROW.values()), tuple(other.values())], by_position) == 2
    assert by_position.read_bytes() == by_key.read_bytes()


def test_the_pair_of_tables_is_renamed_under_a_lock_on_their_directory(tmp_path: Path) -> None:
    """Two runs started together mixed their events and mentions files (1 run in 20): the
    renames of one run now wait while another run holds the directory's lock."""
    events, mentions = tmp_path / "events.csv", tmp_path / "mentions.csv"
    handle = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)  # another run renaming its pair
    writer = threading.Thread(
        target=write_tables,
        args=([([ROW], events, EVENT_COLUMNS), ([ROW], mentions, EVENT_COLUMNS)],),
    )
    try:
        writer.start()
        writer.join(timeout=2)
        assert writer.is_alive()
        assert not events.exists() and not mentions.exists()
    finally:
        os.close(handle)
    writer.join(timeout=30)
    assert events.exists() and mentions.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.csv", "mentions.csv"]
