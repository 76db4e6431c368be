from pathlib import Path

from extract.events.actors import find_actors, find_speaker, unknown_people
from extract.events.places import dateline_place, find_locations
from extract.events.topics import find_topics
from extract.knowledge.lexicon import DEFAULT_DATA_DIR, Lexicon, load_lexicon


def test_default_lexicon_ships_inside_the_package(lexicon: Lexicon) -> None:
    package = Path(__file__).resolve().parents[3] / "extract" / "knowledge" / "en"
    assert Path(str(DEFAULT_DATA_DIR)) == package
    assert (package / "actors.csv").is_file()
    assert len(lexicon.actors) >= 300
    kinds = {actor.kind for actor in lexicon.actors}
    assert kinds == {"person", "organization", "outlet", "country"}
    assert load_lexicon() is lexicon


def test_aliases_map_to_one_canonical_actor(lexicon: Lexicon) -> None:
    text = "Putin, Vladimir Putin and President Putin met the CSTO and the U.S."
    assert find_actors(text, lexicon) == [
        "Vladimir Putin",
        "Collective Security Treaty Organization",
        "United States",
    ]


def test_names_match_whole_words_only(lexicon: Lexicon) -> None:
    assert find_actors("Belarusian officials and Russian troops", lexicon) == []


def test_unknown_people_and_organizations_are_detected(lexicon: Lexicon) -> None:
    text = (
        "Opposition figure Maria Kolesnikova was detained, said spokesman Ivan Petrov "
        "of the Viasna Human Rights Centre. On Monday, Kazakh President Tokayev spoke."
    )
    assert find_actors(text, lexicon) == [
        "Maria Kolesnikova",
        "Ivan Petrov",
        "Viasna Human Rights Centre",
        "Kassym-Jomart Tokayev",
    ]


def test_surnames_of_people_seen_earlier_in_the_document(lexicon: Lexicon) -> None:
    sentences = ["Maria Kolesnikova was detained.", "Later Kolesnikova tore up her passport."]
    people = unknown_people(sentences, lexicon)
    assert people == {"Kolesnikova": "Maria Kolesnikova"}
    assert find_actors("Later Kolesnikova tore up her passport.", lexicon, people) == [
        "Maria Kolesnikova"
    ]


def test_months_weekdays_places_and_sentence_openers_are_not_actors(lexicon: Lexicon) -> None:
    text = "On Monday August Rains fell in Sochi. Both Leaders spoke. In Paris Tuesday Morning."
    assert find_actors(text, lexicon) == []


def test_topics_from_keywords(lexicon: Lexicon) -> None:
    text = "Moscow would grant Minsk a state loan after the presidential election protests."
    assert find_topics(text, lexicon) == [
        "politics",
        "economy & business",
        "conflict & war",
        "elections",
        "economy & finance",
        "protest & unrest",
    ]
    assert find_topics("The WHO warned.", lexicon) == ["health"]
    assert find_topics("Who knows?", lexicon) == []


def test_locations(lexicon: Lexicon) -> None:
    assert find_locations("Putin met Lukashenko in Sochi, Russia.", lexicon) == ["Sochi"]
    assert find_locations("Russia will help Belarus.", lexicon) == []
    assert find_locations("Protests in Bobruisk and in Minsk in September.", lexicon) == [
        "Bobruisk",
        "Minsk",
    ]


def test_capitals_standing_for_governments_are_actors(lexicon: Lexicon) -> None:
    assert find_actors("Moscow would grant Minsk a state loan.", lexicon) == ["Russia", "Belarus"]
    assert find_actors("Talks in Minsk and flights from Moscow.", lexicon) == []


def test_names_introduced_by_a_kind_of_organization(lexicon: Lexicon) -> None:
    assert find_actors("Shares of Italian insurer Generali fell.", lexicon) == ["Generali"]


def test_settlements_and_datelines(lexicon: Lexicon) -> None:
    assert find_locations("Meloni visited the town of Norcia.", lexicon) == ["Norcia"]
    assert dateline_place("ROME (Example Wire) — A quake struck.", lexicon) == "Rome"
    assert dateline_place("Rome was quiet.", lexicon) == ""


def test_non_name_words_around_a_name_are_trimmed(lexicon: Lexicon) -> None:
    text = "Police said they detained Opposition Leader Maria Kolesnikova Monday near the border."
    assert find_actors(text, lexicon) == ["Maria Kolesnikova"]


def test_title_case_headlines_give_no_guessed_people(lexicon: Lexicon) -> None:
    headline = "Putin Affirms Support for Lukashenko, Consolidates Cooperation"
    assert find_actors(headline, lexicon) == ["Vladimir Putin", "Alexander Lukashenko"]


def test_countries_named_as_places_are_not_actors(lexicon: Lexicon) -> None:
    text = "Putin met Lukashenko in Sochi, Russia, and troops stay in Belarus."
    assert find_actors(text, lexicon) == ["Vladimir Putin", "Alexander Lukashenko"]


def test_the_speaker_is_the_person_before_the_reporting_verb(lexicon: Lexicon) -> None:
    assert find_speaker("Putin spokesman Dmitry Peskov affirmed that it is legal.", lexicon) == (
        "Peskov"
    )
    assert find_speaker("On the Kremlin website, Putin said the following:", lexicon) == "Putin"
    assert find_speaker("Russia said nothing.", lexicon) == ""
