import random
from datetime import date, timedelta
from pathlib import Path

import pytest

import extract.merging.candidates
from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.merging.merge import merge_events
from extract.reading.discovery import find_documents
from extract.reading.documents import read_document
from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGED_EVENT_COLUMNS

OUTLETS = Path(__file__).resolve().parents[2] / "fixtures" / "outlets"


def event(event_id: str, day: str = "2020-09-14", **fields: str) -> dict[str, str]:
    """An events.csv row; ``event_id`` is "<doc_id>-<n>"."""
    row = dict.fromkeys(EVENT_COLUMNS, "")
    row.update(
        event_id=event_id,
        doc_id=event_id.rsplit("-", 1)[0],
        date=day,
        end_date=day,
        precision="day",
        timex=day,
        title="Putin met Lukashenko in Sochi",
        actors="Vladimir Putin; Alexander Lukashenko",
        confidence="0.85",
        mentions="1",
        source=event_id.rsplit("-", 1)[0].title(),
    )
    row.update(fields)
    return row


def groups(rows: list[dict[str, str]]) -> list[set[str]]:
    _, mentions = merge_events(rows)
    by_event: dict[str, set[str]] = {}
    for mention in mentions:
        by_event.setdefault(mention["merged_id"], set()).add(mention["event_id"])
    return sorted(by_event.values(), key=sorted)


@pytest.fixture(scope="module")
def outlet_rows(lexicon: Lexicon) -> list[dict[str, str]]:
    found = find_documents([OUTLETS])
    return [row for f in found for row in extract_events(read_document(f.path), lexicon)]


@pytest.fixture(scope="module")
def merged(outlet_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return merge_events(outlet_rows)[0]


def find(merged: list[dict[str, str]], day: str, *words: str) -> dict[str, str]:
    (match,) = [
        row for row in merged if row["date"] == day and all(w in row["title"] for w in words)
    ]
    return match


def test_outlets_reporting_one_happening_merge_into_one_event(merged: list[dict]) -> None:
    summit = find(merged, "2020-09-14", "met", "Sochi")
    assert summit["sources"] == "3"
    assert summit["outlets"].split("; ") == ["Baltic Wire", "Eastern Herald", "Minsk Monitor"]
    assert len(summit["urls"].split("; ")) == 3
    assert {"Vladimir Putin", "Alexander Lukashenko"} <= set(summit["actors"].split("; "))
    assert summit["date_conflict"] == ""

    loan = find(merged, "2020-09-14", "$1.5 billion")
    assert loan["sources"] == "2" and loan["amount"] == "1500000000 USD"
    assert set(loan["doc_ids"].split("; ")) == {"danube-post-loan", "minsk-monitor-sochi"}

    election = find(merged, "2020-08-09", "presidential election")
    assert election["sources"] == "2"
    assert set(election["outlets"].split("; ")) == {"Baltic Wire", "Minsk Monitor"}


def test_a_conflicting_date_is_kept_visible(merged: list[dict]) -> None:
    exile = find(merged, "2020-08-11", "Tikhanovskaya")
    assert exile["sources"] == "3"
    assert exile["date_conflict"] == "2020-08-10 (Danube Post)"
    assert not [
        row for row in merged if row["date"] == "2020-08-10" and "Tikhanovskaya" in row["title"]
    ]


def test_events_that_merely_share_a_date_stay_apart(merged: list[dict]) -> None:
    for words in (("Xi Jinping", "met"), ("Yoshihide Suga",), ("discussed",)):
        assert find(merged, "2020-09-14", *words)["sources"] == "1"
    assert find(merged, "2020-08-09", "protesters")["sources"] == "1"
    assert len([row for row in merged if row["date"] == "2020-09-14"]) == 5


def test_every_mention_is_kept_with_its_merged_event(
    outlet_rows: list[dict[str, str]], merged: list[dict]
) -> None:
    _, mentions = merge_events(outlet_rows)
    assert [list(m) for m in mentions] == [list(MENTION_COLUMNS)] * len(outlet_rows)
    assert [{c: m[c] for c in EVENT_COLUMNS} for m in mentions] == outlet_rows
    assert {m["merged_id"] for m in mentions} == {row["event_id"] for row in merged}
    assert sum(int(row["sources"]) for row in merged) == len(outlet_rows)
    assert all(list(row) == list(MERGED_EVENT_COLUMNS) for row in merged)
    scored = [m for m in mentions if m["merge_score"]]
    assert scored and all(0.5 <= float(m["merge_score"]) <= 1 for m in scored)


def test_result_does_not_depend_on_input_order(outlet_rows: list[dict[str, str]]) -> None:
    shuffled = outlet_rows[:]
    random.Random(7).shuffle(shuffled)
    merged, mentions = merge_events(outlet_rows)
    merged_again, mentions_again = merge_events(shuffled)
    assert merged_again == merged
    key = {m["event_id"]: m for m in mentions}
    assert all(key[m["event_id"]] == m for m in mentions_again)


def test_the_most_precise_date_wins_without_conflict() -> None:
    month = event("a-1", "2020-09-01", end_date="2020-09-30", precision="month", timex="2020-09")
    merged, _ = merge_events([month, event("b-1")])
    assert [(r["date"], r["precision"], r["sources"], r["date_conflict"]) for r in merged] == [
        ("2020-09-14", "day", "2", "")
    ]


def test_the_date_most_sources_give_wins_then_the_earlier() -> None:
    rows = [event("a-1", "2020-08-11"), event("b-1", "2020-08-10"), event("c-1", "2020-08-11")]
    (merged,) = merge_events(rows)[0]
    assert (merged["date"], merged["date_conflict"]) == ("2020-08-11", "2020-08-10 (B)")
    (tied,) = merge_events(rows[:2])[0]
    assert (tied["date"], tied["date_conflict"]) == ("2020-08-10", "2020-08-11 (A)")


@pytest.mark.parametrize(
    "other",
    [
        event("b-1", actors="Xi Jinping; Angela Merkel", title="Xi met Merkel in Sochi"),
        event("b-1", amount="500000000 USD"),
        event("b-1", "2020-09-17"),
        event("b-1", "2020-01-01", end_date="2020-12-31", precision="year", timex="2020"),
        event("a-2", title="Putin and Lukashenko discussed the protests in Belarus"),
        event("b-1", actors="", title="Floods hit the south of the country"),
    ],
    ids=["other-actors", "other-amount", "three-days-apart", "year", "same-document", "unlike"],
)
def test_events_that_do_not_merge(other: dict[str, str]) -> None:
    first = event("a-1", amount="1500000000 USD")
    assert groups([first, other]) == [{"a-1"}, {other["event_id"]}]


def test_a_document_telling_one_happening_twice_gives_one_event() -> None:
    again = event("a-2", "2020-09-15", title="Putin met Lukashenko in Sochi", mentions="2")
    other = event("a-3", title="Putin and Lukashenko discussed the protests in Belarus")
    merged, mentions = merge_events([event("a-1"), event("b-1"), again, other])
    assert [m["merged_id"] for m in mentions] == ["a-1", "a-1", "a-1", "a-3"]
    summit = merged[0]
    assert (summit["sources"], summit["mentions"], summit["doc_ids"]) == ("2", "4", "a; b")
    assert summit["date_conflict"] == "2020-09-15 (A)"


def test_one_clause_dated_by_a_day_and_a_night_is_one_event_but_not_a_list_of_days() -> None:
    march = {"title": "Protesters marched in Minsk", "actors": "", "char_start": "40"}
    night = event("a-1", "2020-09-13", timex="2020-09-13TNI", **march)
    day = event("a-2", "2020-09-14", **march)
    again = event("a-3", "2020-09-15", timex="2020-09-15TNI", **{**march, "char_start": "90"})
    assert groups([night, day, again]) == [{"a-1", "a-2"}, {"a-3"}]  # another sentence
    listed = [event(f"b-{n}", f"2020-09-{n:02}", **march) for n in (13, 14, 15)]
    assert groups(listed) == [{"b-13"}, {"b-14"}, {"b-15"}]


def test_undated_events_stay_single() -> None:
    rows = [event("a-1", "", precision="month", timex="XXXX-08"), event("b-1", "", timex="")]
    merged, _ = merge_events(rows)
    assert [r["sources"] for r in merged] == ["1", "1"]


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, object]]:
    """The pairs of mentions merging scores while the test runs."""
    asked: list[tuple[object, object]] = []
    score = extract.merging.candidates.pair_score

    def recording(a: object, b: object) -> float:
        asked.append((a, b))
        return score(a, b)

    monkeypatch.setattr(extract.merging.candidates, "pair_score", recording)
    return asked


def test_candidates_are_blocked_by_date(scored: list[tuple[object, object]]) -> None:
    start = date(2000, 1, 1)
    rows = [event(f"d{i}-1", (start + timedelta(days=i // 2)).isoformat()) for i in range(4000)]
    merged, _ = merge_events(rows)
    assert len(scored) < 8 * len(rows)
    assert len(merged) < len(rows)
    assert all(int(row["sources"]) <= 6 for row in merged)


def test_copies_of_an_article_are_scored_once_per_mention(
    scored: list[tuple[object, object]],
) -> None:
    copies = [event(f"outlet{i}-1") for i in range(200)]  # a wire story in 200 outlets
    reworded = event("other-1", title="Putin and Lukashenko met in Sochi")  # the same words
    merged, mentions = merge_events([*copies, reworded])
    assert len(scored) < 2 * len(copies)  # not one per pair: 20,100
    assert [row["sources"] for row in merged] == ["201"]
    assert {m["merge_score"] for m in mentions} == {"0.95"}  # actors, kind, wording


def test_daily_reports_do_not_chain_into_one_event() -> None:
    rows = [event(f"d{i}-1", f"2020-08-{i:02d}") for i in range(1, 11)]
    for row in merge_events(rows)[0]:
        spread = [r["date"] for r in rows if r["doc_id"] in row["doc_ids"].split("; ")]
        assert (date.fromisoformat(max(spread)) - date.fromisoformat(min(spread))).days <= 2
