"""The bundled demo article yields the events an analyst expects, with the right dates."""

from datetime import date
from pathlib import Path

import pytest

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.documents import read_document


@pytest.fixture(scope="module")
def events(lexicon: Lexicon, demo_article: Path) -> list[dict[str, str]]:
    return extract_events(read_document(demo_article), lexicon)


def find(events: list[dict[str, str]], *keywords: str) -> list[dict[str, str]]:
    return [
        event
        for event in events
        if all(k.lower() in (event["title"] + " " + event["sentence"]).lower() for k in keywords)
    ]


def one(events: list[dict[str, str]], date_: str, *keywords: str) -> dict[str, str]:
    matching = [event for event in find(events, *keywords) if event["date"] == date_]
    assert matching, f"no event with {keywords} on {date_}: {[e['title'] for e in events]}"
    return matching[0]


def test_document_metadata(events: list[dict[str, str]]) -> None:
    assert {event["doc_id"] for event in events} == {"putin-lukashenko-sochi"}
    assert {event["published"] for event in events} == {"2020-09-15"}
    assert [event["event_id"] for event in events] == [
        f"putin-lukashenko-sochi-{n}" for n in range(1, len(events) + 1)
    ]


def test_presidential_election(events: list[dict[str, str]]) -> None:
    election = one(events, "2020-08-09", "election")
    assert election["precision"] == "day"
    assert int(election["mentions"]) >= 2


def test_sochi_meeting(events: list[dict[str, str]]) -> None:
    meeting = one(events, "2020-09-14", "met", "Sochi")
    assert meeting["title"] == (
        "Vladimir Putin met with Belarusian President Alexander Lukashenko in Sochi"
    )
    assert {"Vladimir Putin", "Alexander Lukashenko"} <= set(meeting["actors"].split("; "))
    assert "Sochi" in meeting["location"].split("; ")
    assert meeting["date_source"] == "explicit"
    assert meeting["date_text"] == "Monday"


def test_state_loan_agreed_at_the_meeting(events: list[dict[str, str]]) -> None:
    loan = one(events, "2020-09-14", "loan", "agreed")
    assert loan["amount"] == "1500000000 USD"
    assert loan["date_source"] in ("inferred", "explicit")


def test_military_exercises_start_on_the_meeting_day(events: list[dict[str, str]]) -> None:
    exercises = one(events, "2020-09-14", "start", "military exercises")
    assert exercises["precision"] == "day"
    assert not find(
        [event for event in events if event["date"] == "2020-09-15"], "military exercises"
    )


def test_tikhanovskaya_op_ed(events: list[dict[str, str]]) -> None:
    op_ed = one(events, "2020-09-14", "op-ed")
    assert "Svetlana Tikhanovskaya" in op_ed["actors"]


def test_border_reserve_disbanded(events: list[dict[str, str]]) -> None:
    disband = one(events, "2020-09-14", "disband", "reserve")
    assert "Russia" in disband["actors"]


def test_putin_statement_last_month(events: list[dict[str, str]]) -> None:
    statement = one(events, "2020-08-01", "Putin said", "formed")
    assert (statement["end_date"], statement["precision"]) == ("2020-08-31", "month")
    assert statement["timex"] == "2020-08"


def test_collective_security_alliance_of_1992(events: list[dict[str, str]]) -> None:
    alliance = one(events, "1992-01-01", "1992", "alliance")
    assert (alliance["end_date"], alliance["precision"]) == ("1992-12-31", "year")


def test_no_junk_dates(events: list[dict[str, str]]) -> None:
    for event in events:
        assert event["date_text"] not in ("62%", "25%", "1.5", "three times weekly")
        assert "Sundays" not in event["sentence"]
        assert "Disclaimer" not in event["sentence"]
        assert "copyright" not in event["sentence"].lower()
        assert date.fromisoformat(event["date"]) <= date(2020, 9, 30)


def test_offsets_point_at_the_sentence(events: list[dict[str, str]], demo_article: Path) -> None:
    text = read_document(demo_article).text
    for event in events:
        sentence = text[int(event["char_start"]) : int(event["char_end"])]
        assert " ".join(sentence.split()) == event["sentence"]
        assert len(event["title"]) <= 90
        assert 0 < float(event["confidence"]) <= 1
