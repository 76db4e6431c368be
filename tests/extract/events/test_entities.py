"""Actors a user filters by, on short articles written in the styles of a wire report, a
business story, a sports report and an opinion piece."""

from datetime import date

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.documents import parse_document

PUBLISHED = date(2024, 3, 6)  # a Wednesday

WIRE = """\
KYIV, March 5 (Reuters) - European Trade Commissioner Valdis Dombrovskis signed a grain
agreement with Ukraine on Tuesday, Reuters reported.

Dombrovskis said on Tuesday that the first shipments would leave Odesa in April.
"""

BUSINESS = """\
Nordvik Robotics Corp. said on Monday it would buy the drone maker Skyward Labs for $2 billion.

International Business Machines (IBM) said on Tuesday it would supply the chips. IBM shares
rose on Tuesday.

The company said on Wednesday that its new HelioBot 7 would ship in May, and that the
BotStore would open in June. Nordvik shares rose 4% on Wednesday.

Chief executive Marta Lindqvist founded Nordvik in 2011. In 2015 she moved the company to Oslo.
"""

SPORTS = """\
Harbour City beat Fenwick Athletic 3-1 on Saturday. Manager John Eustace praised his players
after the match on Saturday.

Eustace said on Sunday that striker Tom Abara would miss the game against Ridgeway on Tuesday.
"""

OPINION = """\
When Apple Inc. launched the iPhone 3G on July 11, 2008, few saw what it would do to the
music business. Steve Jobs had opened the iTunes Store in 2003. Jobs called it the future.
"""


def actors(text: str, lexicon: Lexicon) -> list[list[str]]:
    """The actors of each sentence with events, in order."""
    rows = extract_events(parse_document(text, "story.md", PUBLISHED), lexicon)
    by_sentence = {row["sentence"]: row["actors"] for row in rows}
    return [cell.split("; ") if cell else [] for cell in by_sentence.values()]


def test_a_job_title_is_not_part_of_a_name(lexicon: Lexicon) -> None:
    wire = actors(WIRE, lexicon)
    assert wire[0] == ["Valdis Dombrovskis", "Ukraine"]
    sports = actors(SPORTS, lexicon)
    assert "John Eustace" in sports[1]
    assert not any("Manager" in name for row in sports for name in row)


def test_a_later_surname_is_the_full_name(lexicon: Lexicon) -> None:
    assert actors(WIRE, lexicon)[1] == ["Valdis Dombrovskis"]
    sports = actors(SPORTS, lexicon)
    assert sports[2][0] == "John Eustace"
    assert "Tom Abara" in sports[2]


def test_an_outlet_crediting_the_story_is_no_actor(lexicon: Lexicon) -> None:
    assert not any("Reuters" in row for row in actors(WIRE, lexicon))


def test_an_outlet_acting_in_the_story_is_an_actor(lexicon: Lexicon) -> None:
    text = "Reuters fired two editors on Monday after the report was withdrawn.\n"
    assert actors(text, lexicon) == [["Reuters"]]


def test_an_outlet_that_published_the_piece_is_no_actor(lexicon: Lexicon) -> None:
    text = (
        "In a Washington Post op-ed on Monday, Senator Mark Hollis called for new sanctions.\n\n"
        "A BBC poll published on Sunday showed support for the plan falling.\n\n"
        "The BBC sued the ministry on Tuesday over the leaked memo.\n"
    )
    assert actors(text, lexicon) == [["Mark Hollis"], [], ["BBC"]]


def test_an_organization_word_of_a_name_is_one_organization(lexicon: Lexicon) -> None:
    text = (
        "The Bank of Japan raised interest rates on Tuesday, and the Bank of England held them."
        "\n\nThe Ministry of Defence said on Tuesday that Japan would join.\n"
    )
    assert actors(text, lexicon) == [
        ["Bank of Japan", "Bank of England"],
        ["Ministry of Defence", "Japan"],
    ]


def test_products_in_the_plural_and_with_a_leading_model_number(lexicon: Lexicon) -> None:
    text = (
        "Skyward Labs said on Monday it had sold 3 million HelioPads, more than any HelioPad "
        "so far.\n\nThe 787 Dreamliner was grounded on Tuesday after 300 Marines left.\n"
    )
    assert actors(text, lexicon) == [["Skyward Labs", "HelioPad"], ["787 Dreamliner"]]


def test_a_single_name_that_speaks_is_an_organization(lexicon: Lexicon) -> None:
    text = (
        "Velmora said on Tuesday that it would cut 500 jobs.\n\n"
        "Officials said the plan was approved on Monday.\n\n"
        "The cuts at Velmora will start in May, the company said.\n"
    )
    # "Officials" is capitalized only to open a sentence: no name
    assert actors(text, lexicon) == [["Velmora"], [], ["Velmora"]]


def test_a_country_in_a_currency_is_no_actor(lexicon: Lexicon) -> None:
    text = "Shares of Veltra Corp. rose US$5.41 on Tuesday, and the U.S. dollar fell.\n"
    assert actors(text, lexicon) == [["Veltra", "United States"]]  # the dollar's, not "US$"


def test_a_defined_acronym_names_the_organization(lexicon: Lexicon) -> None:
    business = actors(BUSINESS, lexicon)
    assert business[1] == ["IBM"]  # "International Business Machines (IBM)"
    assert business[2] == ["IBM"]  # "IBM shares rose"


def test_a_legal_form_is_not_part_of_the_name(lexicon: Lexicon) -> None:
    business = actors(BUSINESS, lexicon)
    assert business[0][0] == "Nordvik Robotics"
    assert "Skyward Labs" in business[0]
    opinion = actors(OPINION, lexicon)
    assert opinion[0][:2] == ["Apple", "iPhone 3G"]


def test_the_first_word_of_a_company_name_is_the_company(lexicon: Lexicon) -> None:
    business = actors(BUSINESS, lexicon)
    assert business[4] == ["Nordvik Robotics"]  # "Nordvik shares rose 4% on Wednesday"


def test_products_by_shape(lexicon: Lexicon) -> None:
    business = actors(BUSINESS, lexicon)
    assert "HelioBot 7" in business[3]
    assert "BotStore" in business[3]
    opinion = actors(OPINION, lexicon)
    assert "iPhone 3G" in opinion[0]
    assert opinion[1] == ["Steve Jobs", "iTunes Store"]


def test_the_company_is_the_organization_the_story_is_about(lexicon: Lexicon) -> None:
    business = actors(BUSINESS, lexicon)
    assert business[3][0] != "Nordvik Robotics"  # named by the description, not in the text
    assert "Nordvik Robotics" in business[3]


def test_he_or_she_opening_a_sentence_is_the_person_named_before(lexicon: Lexicon) -> None:
    business = actors(BUSINESS, lexicon)
    assert business[-1][0] == "Marta Lindqvist"  # "In 2015 she moved the company to Oslo"


def test_numbers_after_other_capitalized_words_are_no_products(lexicon: Lexicon) -> None:
    text = "Article 5 was invoked on Monday, and Flight 370 was found in March 2015.\n"
    assert actors(text, lexicon) == [[]]


def test_shares_of_a_company_are_the_company(lexicon: Lexicon) -> None:
    text = (
        "Shares of Veltra Corp. jumped on Thursday after the chipmaker raised its forecast.\n\n"
        "Veltra said on Friday that demand was strong.\n"
    )
    assert actors(text, lexicon) == [["Veltra"], ["Veltra"]]


def test_people_in_a_short_sentence_dense_with_names_are_actors(lexicon: Lexicon) -> None:
    """Most of its words are capitalized, but its verb is not: no Title Case headline."""
    text = "Talks in Montevideo\n\nWalter Benitez met Jose Muller on Monday.\n"
    rows = extract_events(parse_document(text, "short.txt", PUBLISHED), lexicon)
    assert [(row["date"], row["actors"]) for row in rows] == [
        ("2024-03-04", "Walter Benitez; Jose Muller")
    ]


def test_capitalized_words_of_a_title_case_sentence_are_no_names(lexicon: Lexicon) -> None:
    text = "Talks in Montevideo\n\nUnion Holds Talks With Port Bosses Amid Strike on Monday.\n"
    rows = extract_events(parse_document(text, "title-case.txt", PUBLISHED), lexicon)
    assert [(row["date"], row["actors"]) for row in rows] == [("2024-03-04", "")]


def test_an_outlet_of_a_dateline_unknown_to_the_lexicon_is_the_source_not_an_actor(
    lexicon: Lexicon,
) -> None:
    text = "MONTEVIDEO (Southern Cone Wire) - Walter Benitez met Jose Muller on Monday.\n"
    (row,) = extract_events(parse_document(text, "wire.txt", PUBLISHED), lexicon)
    assert (row["actors"], row["source"], row["location"]) == (
        "Walter Benitez; Jose Muller",
        "Southern Cone Wire",
        "Montevideo",
    )
