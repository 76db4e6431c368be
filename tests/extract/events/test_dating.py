"""Dating events: the date attached to each event's clause, else the publication date for news
told as news, else nothing. Short articles in the styles of a business story, a sports
report, a wire report and an opinion piece."""

from datetime import date

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.documents import parse_document

WEDNESDAY = date(2021, 3, 10)  # "Tuesday" is 2021-03-09


def dated(text: str, lexicon: Lexicon, published: date | None = WEDNESDAY) -> list[tuple]:
    rows = extract_events(parse_document(text, "story.md", published), lexicon)
    return [(r["date"], r["end_date"], r["date_source"], r["date_text"]) for r in rows]


def sentences_dated(text: str, lexicon: Lexicon, published: date = WEDNESDAY) -> dict:
    rows = extract_events(parse_document(text, "story.md", published), lexicon)
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        found.setdefault(row["sentence"], []).append((row["date"], row["date_source"]))
    return found


BUSINESS = (
    "Northwind Foods has cut its profit forecast for the year.\n\n"
    "The company said on Tuesday it would close 500 stores in the fourth quarter.\n\n"
    "Sales fell 20% compared to May 2019, and revenue was down 4% from a year earlier.\n\n"
    "Northwind posted a profit of $3 million for last year.\n\n"
    "Its shares closed at their lowest level since 2008, traders say.\n"
)


def test_a_lead_in_the_present_perfect_is_dated_by_publication(lexicon: Lexicon) -> None:
    found = sentences_dated(BUSINESS, lexicon)
    assert found["Northwind Foods has cut its profit forecast for the year."] == [
        ("2021-03-10", "published")
    ]


def test_two_events_of_one_sentence_take_their_own_dates(lexicon: Lexicon) -> None:
    rows = dated(BUSINESS, lexicon)
    assert ("2021-03-09", "2021-03-09", "explicit", "Tuesday") in rows
    assert ("2021-10-01", "2021-12-31", "explicit", "the fourth quarter") in rows


def test_comparisons_measures_and_records_date_no_event(lexicon: Lexicon) -> None:
    texts = {row[3] for row in dated(BUSINESS, lexicon)}
    assert not texts & {"May 2019", "a year earlier", "last year", "2008"}


def test_a_reported_statement_is_news_of_the_publication_day(lexicon: Lexicon) -> None:
    found = sentences_dated(BUSINESS, lexicon)
    assert found["Its shares closed at their lowest level since 2008, traders say."] == [
        ("2021-03-10", "published")
    ]


SPORTS = (
    "Rovers beat United 2-1 on Saturday to win the cup for the first time since 1960.\n\n"
    "The winning goal came in the 89th minute.\n\n"
    "Manager John Eustace said his players had earned the trophy.\n\n"
    "The club plans to open a new training ground by 2030.\n"
)
SUNDAY = date(2021, 3, 14)


def test_the_first_time_since_is_no_date_of_the_event(lexicon: Lexicon) -> None:
    rows = dated(SPORTS, lexicon, SUNDAY)
    assert ("2021-03-13", "2021-03-13", "explicit", "Saturday") in rows
    assert not [row for row in rows if row[0].startswith("1960")]


def test_a_statement_after_the_match_takes_the_match_day(lexicon: Lexicon) -> None:
    found = sentences_dated(SPORTS, lexicon, SUNDAY)
    assert found["Manager John Eustace said his players had earned the trophy."] == [
        ("2021-03-13", "inferred")
    ]


def test_a_deadline_dates_no_event(lexicon: Lexicon) -> None:
    rows = dated(SPORTS, lexicon, SUNDAY)
    assert not [row for row in rows if row[0].startswith("2030")]


OPINION = (
    "Our city deserves better than another broken promise.\n\n"
    "For years the council has argued about the bridge. Meanwhile the river rose and fell.\n\n"
    "Nobody remembers who first drew the plans. When Mayor Ellen Park founded the party, "
    "she promised honesty. Voters believed her. The bridge was never built.\n\n"
    "It is time the council kept its word.\n"
)


def test_past_events_told_without_a_date_stay_undated(lexicon: Lexicon) -> None:
    found = sentences_dated(OPINION, lexicon)
    for sentence in (
        "When Mayor Ellen Park founded the party, she promised honesty.",
        "Voters believed her.",
        "The bridge was never built.",
        "Nobody remembers who first drew the plans.",
    ):
        assert sentence not in found
    assert not [
        dating for datings in found.values() for dating in datings if dating[0] != "2021-03-10"
    ]


def test_without_publication_date_nothing_is_dated_by_it(lexicon: Lexicon) -> None:
    assert dated(BUSINESS, lexicon, published=None) == [
        ("", "", "unanchored", "Tuesday"),
        ("", "", "unanchored", "the fourth quarter"),
    ]


WIRE = (
    "Ukraine's parliament approved a new budget on Tuesday, officials said.\n\n"
    "Lawmakers also approved a rise in military spending. The finance minister, who took office "
    "in 2019, told reporters the plan would be sent to the president next week.\n\n"
    "Two days after the vote, the government is due to publish the details.\n"
)


def test_wire_statements_take_the_day_of_the_news(lexicon: Lexicon) -> None:
    found = sentences_dated(WIRE, lexicon)
    assert found["Lawmakers also approved a rise in military spending."] == [
        ("2021-03-09", "inferred")
    ]
    rows = dated(WIRE, lexicon)
    assert ("2019-01-01", "2019-12-31", "explicit", "2019") in rows
    assert ("2021-03-15", "2021-03-21", "explicit", "next week") in rows


COURT = (
    "Shares of Brightline Motors fell on Tuesday.\n\n"
    "In Ohio, a class-action lawsuit was filed against the carmaker in January over claims of "
    "faulty brakes.\n\n"
    "Sales rose 4% against a year earlier.\n"
)


def test_a_date_after_the_party_a_suit_is_against_dates_the_suit(lexicon: Lexicon) -> None:
    found = sentences_dated(COURT, lexicon)
    suit = "In Ohio, a class-action lawsuit was filed against the carmaker in January over " + (
        "claims of faulty brakes."
    )
    assert found[suit] == [("2021-01-01", "explicit")]  # "claims" after "over" is a noun
    assert not [row for row in dated(COURT, lexicon) if row[3] == "a year earlier"]


FESTIVAL = (
    "Yesterday, at this year's Harbour Festival, the mayor opened a new bridge.\n\n"
    "Shares in the builder rose 6% on Monday, their best day in 2021.\n"
)


def test_a_date_within_another_date_of_its_clause_is_the_one_told(lexicon: Lexicon) -> None:
    rows = dated(FESTIVAL, lexicon, date(2021, 3, 16))
    assert [row[:3] for row in rows] == [
        ("2021-03-15", "2021-03-15", "explicit"),
        ("2021-03-15", "2021-03-15", "explicit"),
    ]


STRIKE = (
    "KYIV, March 7 (Reuters) - Russian missiles struck a power plant in Kharkiv on Monday, "
    "officials said.\n\n"
    "Two days after the strike, engineers restored power to most of the city, the mayor said "
    "on Thursday.\n\n"
    "Three days after the summit, the talks resumed.\n"
)


def test_a_date_told_by_an_earlier_event_is_counted_from_its_day(lexicon: Lexicon) -> None:
    found = sentences_dated(STRIKE, lexicon, date(2024, 3, 7))
    restored = (
        "Two days after the strike, engineers restored power to most of the city, the mayor "
        "said on Thursday."
    )
    # the strike on Monday the 4th; the statement on Thursday the 7th
    assert found[restored] == [("2024-03-06", "explicit"), ("2024-03-07", "explicit")]


def test_a_date_told_by_an_event_the_story_never_told_dates_nothing(lexicon: Lexicon) -> None:
    found = sentences_dated(STRIKE, lexicon, date(2024, 3, 7))
    assert "Three days after the summit, the talks resumed." not in found


DERBY = (
    "Harbour City beat Fenwick Athletic 3-1 on Saturday, with striker Tom Abara scoring twice.\n\n"
    "Abara thanked the fans after the final whistle.\n\n"
    "He dedicated the win to his mother.\n\n"
    "Abara called the goal “the best of my life”.\n\n"
    "Midfielder Sam Okoro, the club's captain, missed the game with an injury.\n\n"
    "Abara was voted player of the season in 2019.\n\n"
    "Abara's former coach Lee Marsh watched from the stands.\n"
)


def test_what_a_person_of_the_story_did_next_takes_the_narrative_date(lexicon: Lexicon) -> None:
    found = sentences_dated(DERBY, lexicon, SUNDAY)
    assert found["Abara thanked the fans after the final whistle."] == [("2021-03-13", "inferred")]
    assert found["He dedicated the win to his mother."] == [("2021-03-13", "inferred")]
    # told of him, though it ends with his words
    assert found["Abara called the goal “the best of my life”."] == [("2021-03-13", "inferred")]
    # a person the story has not named before may be background: no date is lent
    assert "Midfielder Sam Okoro, the club's captain, missed the game with an injury." not in found
    # the subject is the person named last before the verb, here new to the story
    assert "Abara's former coach Lee Marsh watched from the stands." not in found


def test_what_was_done_to_a_person_lends_no_date(lexicon: Lexicon) -> None:
    found = sentences_dated(DERBY, lexicon, SUNDAY)
    assert found["Abara was voted player of the season in 2019."] == [("2019-01-01", "explicit")]
    assert "He was booked twice." not in sentences_dated(
        DERBY.replace("He dedicated the win to his mother.", "He was booked twice."),
        lexicon,
        SUNDAY,
    )


def test_a_name_after_to_is_no_infinitive(lexicon: Lexicon) -> None:
    text = "The store was renamed to iTunes Store in 2006, as the company began selling films.\n"
    assert dated(text, lexicon) == [("2006-01-01", "2006-12-31", "explicit", "2006")]


LEAVE = (
    "Harbour Bank chief executive Anna Berg announced on Monday that she would take medical "
    "leave.\n\n"
    "She fought cancer in 2004 and took six months off in 2009.\n\n"
    "Berg has not said when she will return, but said she would remain chief executive.\n\n"
    "She left finance director Tom Reed in charge of the bank.\n"
)


def test_after_a_flashback_the_story_is_back_at_the_news(lexicon: Lexicon) -> None:
    found = sentences_dated(LEAVE, lexicon, date(2011, 1, 18))
    assert found["She fought cancer in 2004 and took six months off in 2009."] == [
        ("2004-01-01", "explicit"),
        ("2009-01-01", "explicit"),
    ]
    # not 2004: the statement in between returned the story to Monday's news
    assert found["She left finance director Tom Reed in charge of the bank."] == [
        ("2011-01-17", "inferred")
    ]


CUP = (
    "Rovers beat United 2-1 in the cup final on Saturday, with John Eustace in charge.\n\n"
    "The club's shares rose 3% on Monday after the win.\n\n"
    "The board met on Tuesday to discuss a new stadium.\n\n"
    "During the final, Eustace praised his players.\n\n"
    "He thanked the travelling fans.\n"
)


def test_a_clause_placed_at_an_earlier_event_takes_its_day(lexicon: Lexicon) -> None:
    found = sentences_dated(CUP, lexicon, date(2021, 3, 17))
    # the final of Saturday, not the board meeting of Tuesday the story was at
    assert found["During the final, Eustace praised his players."] == [("2021-03-13", "inferred")]
    # and the story is back at the final
    assert found["He thanked the travelling fans."] == [("2021-03-13", "inferred")]


LAUNCH = (
    "Northwind launched its online store on March 3, 2020.\n\n"
    "Since its launch the store has sold more than 3 million items.\n"
)


def test_a_state_since_an_earlier_event_starts_on_its_day(lexicon: Lexicon) -> None:
    found = sentences_dated(LAUNCH, lexicon)
    since = "Since its launch the store has sold more than 3 million items."
    assert found[since] == [("2020-03-03", "explicit")]


def test_what_happened_this_week_happened_by_the_publication_day(lexicon: Lexicon) -> None:
    text = (
        "Harbour Bank has filed a lawsuit against its former auditor this week.\n\n"
        "The trial will open later this month.\n"
    )
    rows = dated(text, lexicon)  # published on Wednesday, 2021-03-10
    assert rows == [
        ("2021-03-08", "2021-03-10", "explicit", "this week"),  # filed by Wednesday
        ("2021-03-01", "2021-03-31", "explicit", "later this month"),  # still to come
    ]


def test_a_month_told_in_the_past_is_the_one_before_publication(lexicon: Lexicon) -> None:
    text = (
        "The price was set in May.\n\n"
        "The deal will close in May.\n\n"
        "The firm was founded in May 2023, its filing says.\n"
    )
    rows = dated(text, lexicon)  # published in March 2021
    assert ("2020-05-01", "2020-05-31", "explicit", "May") in rows  # the May before
    assert ("2021-05-01", "2021-05-31", "explicit", "May") in rows  # still to come
    assert ("2023-05-01", "2023-05-31", "explicit", "May 2023") in rows  # as written
