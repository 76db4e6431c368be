from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.documents import parse_document
from extract.schema import DATE_SOURCES, EVENT_COLUMNS, PRECISIONS

PUBLISHED = date(2021, 3, 10)  # a Wednesday; "Monday" is 2021-03-08


def events(text: str, lexicon: Lexicon, published: date | None = PUBLISHED) -> list[dict]:
    return extract_events(parse_document(text, "story.md", published), lexicon)


def test_rows_have_every_column_as_strings(lexicon: Lexicon) -> None:
    rows = events("On Monday, the two presidents met in Minsk.", lexicon)
    assert len(rows) == 1
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert all(isinstance(value, str) for value in rows[0].values())
    assert rows[0]["date"] == "2021-03-08"
    assert rows[0]["date_source"] == "explicit"


def test_dateless_sentence_with_a_trigger_takes_the_narrative_date(lexicon: Lexicon) -> None:
    text = (
        "On Monday, Emmanuel Macron met Olaf Scholz in Paris.\n\n"
        "“We agreed that Berlin would lend Paris €2 billion,” Macron said.\n\n"
        "The weather was fine.\n"
    )
    rows = events(text, lexicon)
    assert [(row["date"], row["date_source"]) for row in rows] == [
        ("2021-03-08", "explicit"),
        ("2021-03-08", "inferred"),
    ]
    assert rows[1]["amount"] == "2000000000 EUR"
    assert float(rows[1]["confidence"]) < float(rows[0]["confidence"])


def test_events_dated_by_the_publication_date_rank_below_explicit_dates(lexicon: Lexicon) -> None:
    text = (
        "Northwind Foods has agreed to buy its rival Eastway Dairies for $2 billion.\n\n"
        "The price was set in May.\n"
    )
    rows = events(text, lexicon)
    assert [(r["date_source"], r["actors"] != "") for r in rows] == [
        ("published", True),
        ("explicit", False),
    ]
    # a trigger and two actors do not lift a borrowed date above a bare explicit month
    assert float(rows[0]["confidence"]) < 0.5 <= float(rows[1]["confidence"])


def test_an_infinitive_keeps_its_date_and_the_verb_before_it_the_story_s(lexicon: Lexicon) -> None:
    text = (
        "On Monday, Emmanuel Macron met Olaf Scholz in Paris.\n\n"
        "The two leaders agreed to meet again in May.\n\n"
        "Ursula von der Leyen later met the two leaders in Brussels.\n"
    )
    rows = events(text, lexicon)
    assert [(r["date"], r["date_source"], r["actors"]) for r in rows] == [
        ("2021-03-08", "explicit", "Emmanuel Macron; Olaf Scholz"),
        ("2021-05-01", "explicit", ""),  # the meeting to come, in May
        ("2021-03-08", "inferred", ""),  # the agreement, at the meeting
        # names its own actor: the meeting's are not lent to it
        ("2021-03-08", "inferred", "Ursula von der Leyen"),
    ]


def test_relative_dates_in_quotes_from_a_dated_event_refer_to_that_day(lexicon: Lexicon) -> None:
    text = (
        "On Monday, Emmanuel Macron met Olaf Scholz in Paris.\n\n"
        "“Today we start the negotiations,” Macron told reporters.\n"
    )
    assert [row["date"] for row in events(text, lexicon)] == ["2021-03-08", "2021-03-08"]


def test_without_publication_date_relative_dates_are_unanchored(lexicon: Lexicon) -> None:
    text = "On Monday, the ministers met in Geneva. The treaty was signed on 3 March 2021."
    rows = events(text, lexicon, published=None)
    assert [(r["date"], r["end_date"], r["date_source"]) for r in rows] == [
        ("", "", "unanchored"),
        ("2021-03-03", "2021-03-03", "explicit"),
    ]
    assert rows[0]["precision"] == "day"
    assert rows[0]["published"] == ""


def test_repeated_mentions_merge(lexicon: Lexicon) -> None:
    text = (
        "Belarus held a presidential election on August 9, 2020.\n\n"
        "The opposition says it won the August 9, 2020 election.\n"
    )
    rows = events(text, lexicon)
    election = [row for row in rows if row["date"] == "2020-08-09"]
    assert len(election) == 1
    assert election[0]["mentions"] == "2"
    # the claim itself is news of the publication day
    assert [(r["date"], r["date_source"]) for r in rows if r not in election] == [
        ("2021-03-10", "published")
    ]


def test_boilerplate_yields_no_events(lexicon: Lexicon) -> None:
    text = (
        "On Monday, the two presidents met in Minsk. " * 5
        + "\n\nNote to readers: share this article from January 2020.\n\n"
        + "Disclaimer: published on 1 January 2019.\n\n"
        + "Copyright © 2021, all rights reserved since 2001.\n"
    )
    rows = events(text, lexicon)
    assert {row["date"] for row in rows} == {"2021-03-08"}


def test_durations_and_sets_are_not_event_dates(lexicon: Lexicon) -> None:
    text = "The talks lasted three months. The show airs three times weekly on Sundays."
    rows = events(text, lexicon)
    # the lead is news of the publication day; the duration and the set date nothing
    assert [(r["date"], r["date_source"], r["date_text"]) for r in rows] == [
        ("2021-03-10", "published", "")
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "On Monday, ",
                "Putin ",
                "met ",
                "“We agreed",
                ".” ",
                "in Sochi, Russia. ",
                "last month ",
                "$1.5 billion ",
                "(T)oday ",
                "Aug. 9 ",
                "\n\n",
                "— a 1992 alliance — ",
                "Note to readers: ",
                "62% ",
                "(sic) ",
                "x",
            ]
        ),
        max_size=30,
    )
)
def test_any_text_gives_well_formed_rows(lexicon: Lexicon, pieces: list[str]) -> None:
    text = "".join(pieces) or "x"
    doc = parse_document(text, "fuzz.md", PUBLISHED) if text.strip() else None
    if doc is None:
        return
    for row in extract_events(doc, lexicon):
        start, end = int(row["char_start"]), int(row["char_end"])
        assert " ".join(doc.text[start:end].split()) == row["sentence"]
        assert len(row["title"]) <= 90
        assert row["date_source"] in DATE_SOURCES
        assert row["precision"] in (*PRECISIONS, "")


def test_unanchored_mentions_of_one_date_merge(lexicon: Lexicon) -> None:
    text = (
        "The opposition says it won the August 9 election.\n\n"
        "Observers doubt the Aug. 9 presidential election was fair.\n"
    )
    rows = events(text, lexicon, published=None)
    assert [(row["timex"], row["mentions"], row["title"]) for row in rows] == [
        ("XXXX-08-09", "2", "Presidential election")
    ]


def test_a_subject_pointing_back_keeps_the_narrative_actors_beside_those_named(
    lexicon: Lexicon,
) -> None:
    text = (
        "Talks in Sochi\n\n"
        "Vladimir Putin met Alexander Lukashenko in Sochi on Monday. "
        "Both leaders discussed trade, along with US-orchestrated protests. "
        "Russia agreed to lend Belarus money."
    )
    rows = events(text, lexicon)
    assert [(row["date"], row["actors"]) for row in rows] == [
        ("2021-03-08", "Vladimir Putin; Alexander Lukashenko"),
        ("2021-03-08", "United States; Vladimir Putin; Alexander Lukashenko"),
        ("2021-03-08", "Russia; Belarus"),  # names its own: not lent the narrative's
    ]
