"""What merging reads of a row: its values, its mergeable period, its event words."""

from datetime import date

import pytest

from extract.knowledge.happenings import Found, happening_words, tokens_of
from extract.merging.features import _title_words, mentions_of, period
from extract.merging.rows import values_of
from extract.schema import EVENT_COLUMNS

WORDS = happening_words(
    [
        {
            "family": "meeting",
            "identified_by": "kind",
            "words": "talks ahead of",
            "object_words": "",
        },
        {"family": "visit", "identified_by": "kind", "words": "met", "object_words": ""},
        {"family": "vote", "identified_by": "object", "words": "voted", "object_words": "budget"},
    ],
    [{"participant": "protesters", "words": "protesters"}],
    [],
    ["ahead of", "as"],
)


def row(**values: str) -> tuple[str, ...]:
    return tuple(values.get(column, "") for column in EVENT_COLUMNS)


def test_values_of_a_row_are_strings_in_column_order() -> None:
    values = values_of({"doc_id": "a", "event_id": "a-1", "mentions": 2, "amount": None})
    assert values[:2] == ("a-1", "a")
    assert values[EVENT_COLUMNS.index("mentions")] == "2"
    assert values[EVENT_COLUMNS.index("amount")] == ""
    assert values.count("") == len(EVENT_COLUMNS) - 3


def test_values_of_a_row_of_strings_are_its_own() -> None:
    full = {column: f"{column}!" for column in reversed(EVENT_COLUMNS)}
    assert values_of(full) == tuple(f"{column}!" for column in EVENT_COLUMNS)


@pytest.mark.parametrize(
    ("first", "last", "precision", "days"),
    [
        ("2020-08-09", "", "day", (date(2020, 8, 9), date(2020, 8, 9))),
        ("2020-08-01", "2020-08-31", "month", (date(2020, 8, 1), date(2020, 8, 31))),
        ("2020-08-03", "2020-08-09", "week", (date(2020, 8, 3), date(2020, 8, 9))),
        ("2020-01-01", "2020-12-31", "year", None),
        ("", "", "day", None),
        ("2020-02-30", "", "day", None),
    ],
)
def test_a_period_is_that_of_rows_dated_to_the_day_week_or_month(
    first: str, last: str, precision: str, days: tuple[date, date] | None
) -> None:
    expected = days and (days[0].toordinal(), days[1].toordinal())
    assert period(row(date=first, end_date=last, precision=precision)) == expected


def test_mentions_are_those_of_rows_that_can_merge() -> None:
    rows = [
        row(doc_id="a", date="2020-08-09", precision="day", title="Leaders met", actors="X; Y"),
        row(doc_id="b", date="2020-08-01", end_date="2020-12-31", precision="half"),
        row(doc_id="c", date="2020-08-01", end_date="2020-08-31", precision="month"),
    ]
    found = list(mentions_of([7, 8, 9], rows, WORDS))
    assert [(m.index, m.doc_id, m.day) for m in found] == [(7, "a", True), (9, "c", False)]
    assert found[0].actors == {"X", "Y"}
    assert found[0].families == {"visit"}
    assert found[0].start == found[0].end == date(2020, 8, 9).toordinal()


def test_the_main_clause_ends_at_a_subordinator_outside_the_phrases_found() -> None:
    assert WORDS.find("Talks ahead of the budget vote as protesters met") == Found(
        families=frozenset({"meeting", "vote", "visit"}),
        main_families=frozenset({"meeting", "vote"}),
        object_families=frozenset({"vote"}),
        participants=frozenset({"protesters"}),
        phrases=("talks ahead of", "budget", "protesters", "met"),
    )
    found = WORDS.find("They met ahead of the budget, voted")
    assert (found.families, found.main_families) == ({"visit", "vote"}, {"visit"})
    assert found.phrases == ("met", "budget", "voted")


def test_tokens_are_lowercase_words_commas_and_semicolons() -> None:
    assert tokens_of("Putin's TALKS, in Minsk; a 5-day visit (x-ray)") == [
        "putin's",
        "talks",
        ",",
        "in",
        "minsk",
        ";",
        "a",
        "day",
        "visit",
        "x-ray",
    ]


def test_event_words_are_found_in_tokens_as_in_text() -> None:
    text = "Talks ahead of the budget vote as protesters met"
    assert WORDS.find_in(tokens_of(text)) == WORDS.find(text)
    assert WORDS.find_in(["they", "met", ",", "voted"]).main_families == {"visit"}


def test_title_words_drop_short_words_stopwords_possessives_and_plurals() -> None:
    assert _title_words("Putin's talks on the budget, as its protesters met; a bus-stops") == {
        "putin",
        "talk",
        "budget",
        "protester",
        "met",
        "bus-stop",
    }
    assert _title_words("The crisis of the news: gas") == {"crisis", "news", "gas"}


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("The budget was adopted on Tuesday", {"vote"}),  # an object word after "the"
        ("This year's budget was adopted", {"vote"}),  # within three words
        ("The talks ahead of the summit ended", {"meeting"}),  # an event word right after
        ("The ministers met in Minsk", set()),  # an event word further on: a verb
        ("Parliament adopted the budget", set()),  # not at the start
    ],
)
def test_a_title_opening_with_the_and_an_event_word_refers_to_that_kind(
    title: str, family: set[str]
) -> None:
    assert WORDS.referred_in(tokens_of(title)) == family
