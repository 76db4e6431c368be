"""Merging with the rows spooled to disk gives what ``merge_events`` gives."""

from pathlib import Path

import pytest

from extract.discovery import find_documents
from extract.documents import read_document
from extract.events import extract_events
from extract.lexicon import Lexicon
from extract.merge import merge_events
from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGED_EVENT_COLUMNS
from extract.spool import spooled, spooled_merge

OUTLETS = Path(__file__).resolve().parents[1] / "fixtures" / "outlets"


@pytest.fixture(scope="module")
def outlet_rows(lexicon: Lexicon) -> list[dict[str, str]]:
    found = find_documents([OUTLETS])
    return [row for f in found for row in extract_events(read_document(f.path), lexicon)]


def test_spooled_merge_equals_merge_events(
    tmp_path: Path, outlet_rows: list[dict[str, str]], lexicon: Lexicon
) -> None:
    with spooled_merge(outlet_rows, tmp_path / "events.csv", lexicon) as (merged, mentions):
        spooled_tables = (
            [dict(zip(MERGED_EVENT_COLUMNS, values, strict=True)) for values in merged],
            [dict(zip(MENTION_COLUMNS, values, strict=True)) for values in mentions],
        )
    assert spooled_tables == merge_events(outlet_rows, lexicon)
    assert any(row["sources"] != "1" for row in spooled_tables[0])


def test_rows_wait_next_to_the_target_and_are_removed(
    tmp_path: Path, outlet_rows: list[dict[str, str]], lexicon: Lexicon
) -> None:
    with spooled_merge(outlet_rows, tmp_path / "events.csv", lexicon):
        spools = list(tmp_path.iterdir())
        assert len(spools) == 2
        assert all(spool.name.startswith(".events.csv.") for spool in spools)
        assert all(spool.stat().st_size > 0 for spool in spools)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError])
def test_the_spool_is_removed_when_the_run_fails(tmp_path: Path, error: type) -> None:
    with pytest.raises(error), spooled(tmp_path / "events.csv") as spool:
        spool.append(dict.fromkeys(EVENT_COLUMNS, "x"))
        raise error
    assert list(tmp_path.iterdir()) == []


def test_the_spool_reads_items_back_by_index_and_in_order(tmp_path: Path) -> None:
    rows = [{column: f"{column}-{n}" for column in EVENT_COLUMNS} for n in range(3)]
    with spooled(tmp_path / "events.csv") as spool:
        spool.append(rows[0])
        spool.append(rows[1])
        assert spool[0] == rows[0]
        spool.append(rows[2])  # after a read, still at the end: not over the rows after it
        assert spool[1] == rows[1]
        assert list(spool) == rows
        assert spool[0] == rows[0]
