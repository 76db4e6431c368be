"""Topics that fit any news: the IPTC top level with narrower topics under it."""

from datetime import date

from extract import topic_order, topic_parents
from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.documents import parse_document

PUBLISHED = date(2024, 3, 6)  # a Wednesday

SPORTS = """\
Harbour City beat Fenwick Rovers 3-1 on Saturday to go top of the league.

Fenwick Rovers sacked their manager on Sunday.
"""

WIRE = """\
VILNIUS, March 5 (AP) - Lithuania's parliament voted on Tuesday to raise the defence budget.
"""

OPINION = """\
We should remember what happened on Monday: the committee simply decided to wait.
"""

ELECTION = "Voters went to the polls on Sunday to elect a new president.\n"


def topics(text: str, lexicon: Lexicon) -> list[str]:
    rows = extract_events(parse_document(text, "story.md", PUBLISHED), lexicon)
    return [row["topics"] for row in rows]


def test_a_sports_story_is_about_sport_even_where_a_sentence_says_nothing_of_it(
    lexicon: Lexicon,
) -> None:
    assert topics(SPORTS, lexicon) == ["sport", "sport"]  # "league" in the first sentence only


def test_a_vote_in_parliament_is_legislature_not_an_election(lexicon: Lexicon) -> None:
    (cell,) = topics(WIRE, lexicon)
    assert cell.split("; ")[0] == "politics"
    assert "legislature" in cell.split("; ")
    assert "elections" not in cell


def test_a_missile_strike_is_war_and_a_walkout_is_a_strike(lexicon: Lexicon) -> None:
    (attack,) = topics("A missile strike hit a power plant in Kharkiv on Monday.\n", lexicon)
    assert "military & security" in attack.split("; ")  # and energy: a power plant
    assert "strikes" not in attack and "labour" not in attack
    walkout = topics("Dock workers went on strike on Monday over unpaid wages.\n", lexicon)
    assert walkout == ["labour; strikes"]


def test_an_election_is_politics_and_elections(lexicon: Lexicon) -> None:
    assert topics(ELECTION, lexicon) == ["politics; elections"]


def test_an_event_with_a_trigger_and_no_keyword_gets_its_kind_of_event_topic(
    lexicon: Lexicon,
) -> None:
    assert topics(OPINION, lexicon) == ["politics"]  # "decided": a decision


def test_the_vocabulary_puts_each_top_level_topic_before_its_narrower_ones(
    lexicon: Lexicon,
) -> None:
    order = topic_order(lexicon)
    assert order[:4] == ("politics", "elections", "legislature", "diplomacy")
    assert "sport" in order and "weather" in order
    parents = topic_parents(lexicon)
    assert parents["elections"] == "politics"
    assert parents["military & security"] == "conflict & war"
    assert parents["sport"] == "sport"
    assert sum(name == parent for name, parent in parents.items()) == 17  # IPTC's top level
