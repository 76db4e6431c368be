"""Merging with the rows spooled to disk gives what ``merge_events`` gives."""

import random
from array import array
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

import extract.merging.candidates
import extract.merging.features
import extract.merging.keys
import extract.merging.planner
import extract.merging.scoring
import extract.merging.segments
import extract.merging.spool
from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.merging.merge import merge_events
from extract.merging.planner import Planner
from extract.merging.rows import values_of
from extract.merging.spool import spooled, spooled_merge
from extract.reading.discovery import find_documents
from extract.reading.documents import read_document
from extract.running.parallel import local_workers
from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGED_EVENT_COLUMNS

OUTLETS = Path(__file__).resolve().parents[2] / "fixtures" / "outlets"


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
    tmp_path: Path,
    outlet_rows: list[dict[str, str]],
    lexicon: Lexicon,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(extract.merging.spool, "KEPT_IN_MEMORY", 3)
    with spooled_merge(outlet_rows, tmp_path / "events.csv", lexicon):
        spools = list(tmp_path.iterdir())
        assert len(spools) == 1
        assert spools[0].name.startswith(".events.csv.")
        assert spools[0].stat().st_size > 0
    assert list(tmp_path.iterdir()) == []


def test_few_rows_stay_in_memory(
    tmp_path: Path, outlet_rows: list[dict[str, str]], lexicon: Lexicon
) -> None:
    with spooled_merge(outlet_rows, tmp_path / "events.csv", lexicon) as (merged, mentions):
        assert len(list(mentions)) == len(outlet_rows)
        assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError])
def test_the_spool_is_removed_when_the_run_fails(tmp_path: Path, error: type) -> None:
    with pytest.raises(error), spooled(tmp_path / "events.csv") as spool:
        spool.append(dict.fromkeys(EVENT_COLUMNS, "x"))
        raise error
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kept", [0, 1, 5])
def test_the_spool_reads_items_back_by_index_and_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: int
) -> None:
    monkeypatch.setattr(extract.merging.spool, "KEPT_IN_MEMORY", kept)
    rows = [{column: f"{column}-{n}" for column in EVENT_COLUMNS} for n in range(3)]
    with spooled(tmp_path / "events.csv") as spool:
        spool.append(rows[0])
        spool.append(rows[1])
        assert spool[0] == rows[0]
        spool.append(rows[2])  # after a read, still at the end: not over the rows after it
        assert spool[1] == rows[1]
        assert list(spool) == rows
        assert spool[0] == rows[0]
        assert len(spool) == 3
        assert len(list(tmp_path.iterdir())) == (kept < 3)


def test_a_reader_of_a_spool_in_memory_reads_its_file(tmp_path: Path) -> None:
    with spooled(tmp_path / "events.csv") as spool:
        spool.append(("a", "b"))
        spool.append(("c",))
        assert list(tmp_path.iterdir()) == []
        reader = spool.reader()
        assert reader.path.parent == tmp_path
        assert list(reader.items([1, 0, 1])) == [("c",), ("a", "b"), ("c",)]
        assert list(reader) == [("a", "b"), ("c",)]
        spool.append(("d",))
        assert list(spool) == [("a", "b"), ("c",), ("d",)]
    assert list(tmp_path.iterdir()) == []


def varied_rows(count: int, seed: int) -> list[dict[str, str]]:
    """Rows of many documents over two months: days, weeks and months, shared actors, title
    words and amounts, some of them copies of others."""
    rng = random.Random(seed)
    actors = ["Vladimir Putin", "Alexander Lukashenko", "NATO", "Belarus", "Russia", ""]
    words = ["talks", "loan", "election", "protest", "summit", "sanctions", "Minsk", "Sochi"]
    rows: list[dict[str, str]] = []
    for n in range(count):
        if rows and rng.random() < 0.2:
            row = dict(rng.choice(rows))  # a copy in another outlet
        else:
            day = date(2020, 8, 1) + timedelta(days=rng.randrange(60))
            start, end, precision = day, day, "day"
            if rng.random() < 0.15:
                start, precision = day - timedelta(days=day.weekday()), "week"
                end = start + timedelta(days=6)
            elif rng.random() < 0.1:
                start, precision = day.replace(day=1), "month"
                end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            row = dict.fromkeys(EVENT_COLUMNS, "")
            row.update(
                date=start.isoformat(),
                end_date=end.isoformat(),
                precision=precision,
                timex=start.isoformat(),
                title=" ".join(rng.sample(words, 3)),
                actors="; ".join(sorted(filter(None, set(rng.sample(actors, 2))))),
                amount=rng.choice(["", "", "", "1500000000 USD"]),
                confidence="0.85",
                mentions="1",
            )
        doc_id = f"doc{rng.randrange(count // 3)}"
        row.update(event_id=f"{doc_id}-{n}", doc_id=doc_id, source=doc_id.title())
        rows.append(row)
    return rows


def test_a_plan_found_in_several_processes_is_the_plan_of_one(
    tmp_path: Path, lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract.merging.planner, "PARALLEL_SWEEP_MIN", 0)
    rows = [values_of(row) for row in varied_rows(900, seed=5)]
    plans = []
    for count in (1, 3):
        with spooled(tmp_path / "events.csv") as spool, local_workers(count) as workers:
            planner = Planner(lexicon, spool)
            for row in rows:
                planner.add(row)
            plans.append(planner.plan(workers))
            spool_file = spool.reader().path.name
            assert [path.name for path in tmp_path.iterdir()] == [spool_file]  # no pairs left
    assert plans[1] == plans[0]
    assert len(plans[0].scores) > len(rows) / 3


def test_a_failing_worker_stops_the_plan_and_leaves_no_files(
    tmp_path: Path, lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_: object) -> Iterator[object]:
        raise RuntimeError("sweep failed")
        yield

    monkeypatch.setattr(extract.merging.planner, "PARALLEL_SWEEP_MIN", 0)
    monkeypatch.setattr(
        extract.merging.segments, "scored_pairs", failing
    )  # the forked workers see it
    with spooled(tmp_path / "events.csv") as spool, local_workers(2) as workers:
        planner = Planner(lexicon, spool)
        for row in varied_rows(300, seed=3):
            planner.add(values_of(row))
        with pytest.raises(RuntimeError, match="sweep failed"):
            planner.plan(workers)
        spool_file = spool.reader().path.name
        assert [path.name for path in tmp_path.iterdir()] == [spool_file]  # no pairs left


def test_each_mention_scores_its_best_pair_within_its_event(lexicon: Lexicon) -> None:
    rows = varied_rows(900, seed=11)
    _, mentions = merge_events(rows, lexicon)
    features = {
        row["event_id"]: extract.merging.features.mention_of(i, values_of(row), lexicon.happenings)
        for i, row in enumerate(rows)
    }
    events: dict[str, list[str]] = {}
    for mention in mentions:
        events.setdefault(mention["merged_id"], []).append(mention["event_id"])
    for mention in mentions:
        own = features[mention["event_id"]]
        others = [features[other] for other in events[mention["merged_id"]]]
        scores = [
            extract.merging.scoring.pair_score(own, other) for other in others if other is not own
        ]
        assert mention["merge_score"] == (f"{max(scores):.2f}" if scores else "")
    assert len(events) < len(mentions) * 0.8


def joined_pair_by_pair(planner: Planner) -> set[frozenset[int]]:
    """The groups of joining every ranked pair in turn, as the docstring of ``cluster`` says,
    with nothing passed over: first the pairs of one document, then all."""
    records = planner.records
    ids = extract.merging.planner.IdOrder(records.column("event_id"))
    order = extract.merging.planner.date_order(planner._dates, ids)
    by_date = planner._dates.rows_at(order).tolist()
    pairs = extract.merging.candidates.scored_pairs(
        extract.merging.features.mentions_of(
            by_date, map(planner.rows.__getitem__, by_date), planner.lexicon.happenings
        )
    )
    ranked = extract.merging.keys.Ranked(ids, extract.merging.keys.pair_keys(pairs, ids.rank))
    group = list(range(len(records)))

    def root(row: int) -> int:
        while group[row] != row:
            row = group[row]
        return row

    rows = [records[row] for row in range(len(records))]
    docs = {row: {record.doc_id} for row, record in enumerate(rows)}
    days = {
        row: (date.fromisoformat(record.date), date.fromisoformat(record.end_date or record.date))
        for row, record in enumerate(rows)
    }
    pairs = [
        (a, b)
        for _, firsts, seconds in ranked.chunks()
        for a, b in zip(firsts.tolist(), seconds.tolist(), strict=True)
    ]
    same_document = [(a, b) for a, b in pairs if rows[a].doc_id == rows[b].doc_id]
    for joining_one_document, (a, b) in [
        *((True, pair) for pair in same_document),
        *((False, pair) for pair in pairs),
    ]:
        ga, gb = root(a), root(b)
        start, end = max(days[ga][0], days[gb][0]), min(days[ga][1], days[gb][1])
        shared = docs[ga] & docs[gb]
        allowed = not shared or (joining_one_document and shared == {rows[a].doc_id})
        if ga != gb and allowed and (start - end).days <= 2:
            group[gb] = ga
            docs[ga] |= docs[gb]
            days[ga] = start, end
    found: dict[int, set[int]] = {}
    for row in range(len(records)):
        found.setdefault(root(row), set()).add(row)
    return {frozenset(rows) for rows in found.values() if len(rows) > 1}


@pytest.mark.parametrize("chunk", [5, 65_536])
def test_groups_are_those_of_joining_every_pair_in_turn(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(extract.merging.keys, "CHUNK", chunk)  # pairs passed over chunk by chunk
    planner = Planner(lexicon)
    for row in varied_rows(1200, seed=3):
        planner.add(values_of(row))
    plan = planner.plan()
    expected = joined_pair_by_pair(planner)
    assert {frozenset(rows) for rows in plan.members.values()} == expected
    assert sum(map(len, expected)) > 400


@pytest.mark.parametrize("chunk", [2, 65_536])
def test_pair_keys_pack_each_pair_of_a_class(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(extract.merging.keys, "CHUNK", chunk)
    rank = array("q", [3, 0, 4, 1, 2])  # row -> position of its event id
    found = [(0.75, [0, 2], 1), (1.0, [3], 4), (0.5, [], 2), (0.6123, [1, 4, 0], 3)]
    keys = extract.merging.keys.pair_keys(iter(found), rank)
    size, scale = len(rank), extract.merging.scoring.SCORE_SCALE
    expected = [
        ((scale - round(score * scale)) * size + rank[other]) * size + rank[row]
        for score, others, row in found
        for other in others
    ]
    assert keys.tolist() == expected
