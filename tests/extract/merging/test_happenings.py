"""One happening, one row, across outlets that tell it in their own words
(tests/fixtures/happenings: four stories, four outlets each), and happenings of one day and place
that stay apart."""

from pathlib import Path

import pytest

import extract

SETS = Path(__file__).resolve().parents[2] / "fixtures" / "happenings"
Tables = tuple[list[dict[str, str]], list[dict[str, str]]]


@pytest.fixture(scope="module")
def stories(lexicon: extract.Lexicon) -> dict[str, Tables]:
    """Each story's merged events and mentions, as the command line makes them."""
    found = {}
    for folder in sorted(path for path in SETS.iterdir() if path.is_dir()):
        rows = [
            row
            for document in extract.find_documents([folder])
            for row in extract.extract_events(extract.read_document(document.path), lexicon)
        ]
        found[folder.name] = extract.merge_events(rows, lexicon)
    return found


def event_of(tables: Tables, doc_id: str, words: str, day: str) -> dict[str, str]:
    """The merged event of the mention of ``doc_id`` on ``day`` whose sentence holds ``words``."""
    merged, mentions = tables
    (mention,) = [
        m for m in mentions if m["doc_id"] == doc_id and words in m["sentence"] and m["date"] == day
    ]
    (event,) = [row for row in merged if row["event_id"] == mention["merged_id"]]
    return event


def test_talks_told_as_met_held_talks_summit_and_visit_are_one_event(
    stories: dict[str, Tables],
) -> None:
    talks = event_of(stories["chisinau"], "prut-courier-talks", "met Romanian", "2024-11-04")
    assert talks["sources"] == "4"
    assert talks["doc_ids"].split("; ") == [
        "black-sea-dispatch-chisinau",
        "carpathian-times-runoff",  # "held a summit", no actor named
        "continental-review-moldova",  # "visited Chisinau for talks"
        "prut-courier-talks",
    ]
    assert talks["merge_reason"] == (
        "same kind (meeting); same place (Chisinau); shared actors (Elena Moraru, Andrei"
        " Vasilescu); same day; wording 0.47-0.72"
    )


def test_a_central_bank_decision_on_the_day_of_a_summit_in_the_same_city_stays_apart(
    stories: dict[str, Tables],
) -> None:
    chisinau = stories["chisinau"]
    rate = event_of(chisinau, "black-sea-dispatch-chisinau", "lowered its key rate", "2024-11-04")
    talks = event_of(chisinau, "black-sea-dispatch-chisinau", "held talks", "2024-11-04")
    assert rate["event_id"] != talks["event_id"]
    assert (rate["sources"], rate["title"]) == (
        "3",
        "The National Bank of Moldova reduced its policy rate to 3.6 percent",
    )


def test_unnamed_protesters_marching_and_rallying_are_one_march(
    stories: dict[str, Tables],
) -> None:
    chisinau = stories["chisinau"]
    march = event_of(chisinau, "prut-courier-talks", "protesters marched", "2024-11-03")
    assert march["doc_ids"] == "black-sea-dispatch-chisinau; prut-courier-talks"
    assert march["actors"] == "Moldova"  # named by one side only
    runoff = event_of(chisinau, "carpathian-times-runoff", "Moldovans voted", "2024-11-03")
    assert runoff["event_id"] != march["event_id"]  # the same day, another happening


def test_a_subordinate_mention_is_its_own_event_titled_for_it(stories: dict[str, Tables]) -> None:
    merged, mentions = stories["chisinau"]
    (since,) = [
        m
        for m in mentions
        if m["doc_id"] == "prut-courier-talks"
        and m["date"] == "2024-11-03"
        and "met" in m["sentence"]
    ]
    assert since["title"] == "Presidential runoff"
    runoff = event_of(
        stories["chisinau"], "carpathian-times-runoff", "Moldovans voted", "2024-11-03"
    )
    assert since["merged_id"] == runoff["event_id"]
    assert runoff["sources"] == "3"


def test_fled_and_left_a_day_apart_are_one_event_with_the_conflict_shown(
    stories: dict[str, Tables],
) -> None:
    exile = event_of(stories["chisinau"], "prut-courier-talks", "Rusu fled", "2024-11-01")
    assert (exile["date"], exile["sources"]) == ("2024-11-02", "3")
    assert exile["date_conflict"] == "2024-11-01 (Prut Courier)"
    assert "1 day apart" in exile["merge_reason"]


def test_exercises_begun_due_to_start_and_maneuvers_are_one_event_apart_from_the_border(
    stories: dict[str, Tables],
) -> None:
    grodno = stories["grodno"]
    drills = event_of(grodno, "vistula-herald-drills", "began joint military", "2025-09-12")
    assert drills["doc_ids"].split("; ") == [
        "eastern-observer-maneuvers",
        "nieman-post-border",
        "vistula-herald-drills",
    ]
    border = event_of(grodno, "vistula-herald-drills", "closed all its border", "2025-09-12")
    assert border["event_id"] != drills["event_id"]
    assert border["doc_ids"].split("; ") == [
        "northern-gazette-poland",
        "nieman-post-border",  # "Warsaw shut its frontier"
        "vistula-herald-drills",
    ]


def test_two_votes_of_one_day_in_one_parliament_stay_apart(stories: dict[str, Tables]) -> None:
    riga = stories["riga"]
    budget = event_of(riga, "daugava-daily-parliament", "adopted the supplementary", "2025-06-18")
    immunity = event_of(riga, "northern-ledger-riga", "lift the immunity", "2025-06-18")
    assert budget["event_id"] != immunity["event_id"]
    assert budget["sources"] == "4"  # "voted to approve", "adopted", "passed", "backed"
    assert immunity["doc_ids"] == "daugava-daily-parliament; northern-ledger-riga"
    protest = event_of(riga, "northern-ledger-riga", "tractors took part", "2025-06-18")
    assert protest["sources"] == "4"  # no actor named by any outlet


def test_a_signing_and_a_rate_decision_in_one_city_on_one_day_stay_apart(
    stories: dict[str, Tables],
) -> None:
    hanoi = stories["hanoi"]
    signed = event_of(hanoi, "pacific-wire-hanoi", "was signed in Hanoi", "2025-03-13")
    rate = event_of(hanoi, "pacific-wire-hanoi", "left interest rates on hold", "2025-03-13")
    assert signed["event_id"] != rate["event_id"]
    assert rate["doc_ids"] == "mekong-times-trade; pacific-wire-hanoi; saigon-ledger-deal"


def test_one_sentence_giving_a_happening_two_dates_is_one_event(
    stories: dict[str, Tables],
) -> None:
    arrival = event_of(
        stories["hanoi"], "asia-business-daily-vietnam", "arrived in the Vietnamese", "2025-03-12"
    )
    assert (arrival["sources"], arrival["mentions"]) == ("1", "2")
    assert arrival["date_conflict"] == "2025-03-13 (Asia Business Daily)"
    assert arrival["merge_reason"].endswith("told more than once by one document")


def test_a_document_naming_its_signing_as_told_before_tells_it_once(
    stories: dict[str, Tables],
) -> None:
    hanoi = stories["hanoi"]
    # "The European Union and Vietnam signed ..." and, later, "The agreement was signed on
    # Thursday by Aaltonen and ...": no actor or place in common, one signing
    signed = event_of(hanoi, "mekong-times-trade", "Union and Vietnam signed", "2025-03-13")
    again = event_of(hanoi, "mekong-times-trade", "The agreement was signed", "2025-03-13")
    assert again["event_id"] == signed["event_id"] == "asia-business-daily-vietnam-1"
    assert (signed["sources"], signed["mentions"]) == ("4", "5")
    arrival = event_of(hanoi, "mekong-times-trade", "arrived in Hanoi", "2025-03-12")
    assert arrival["event_id"] == "saigon-ledger-deal-2"  # "for the signing": another happening


def test_one_clause_dated_overnight_on_wednesday_is_one_event(stories: dict[str, Tables]) -> None:
    grodno = stories["grodno"]
    # "Polish fighter jets shot down drones ... overnight on Wednesday": two date expressions
    night = event_of(grodno, "vistula-herald-drills", "shot down drones", "2025-09-11")
    day = event_of(grodno, "vistula-herald-drills", "shot down drones", "2025-09-10")
    assert night["event_id"] == day["event_id"] == "eastern-observer-maneuvers-3"
    assert night["date_conflict"] == "2025-09-11TNI (Vistula Herald)"
