import re
from datetime import date

import pytest

from extract.events.actors import (
    SentenceActors,
    _lead_words,
    _titled_matches,
    _titled_pattern,
    find_actors,
    unknown_people,
)
from extract.events.amounts import find_amounts
from extract.events.narrative import Anchor, Narrative
from extract.events.periods import to_period
from extract.events.places import find_locations, locations_in
from extract.events.topics import _topics, find_topics, matched_topics
from extract.events.triggers import find_triggers
from extract.knowledge.lexicon import Lexicon, Topic
from extract.text.joined import SEPARATOR, ByText, Joined
from extract.text.names import Mention, matches_from, occurrences

#: Every Unicode character but the surrogates.
EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)

SENTENCES = [
    "President Tokayev met spokesman Dmitry Peskov in Moscow.",
    "Opposition Leader Maria Kolesnikova Monday said the Central Election Commission lied.",
    "Shares of Italian insurer Generali fell after Kolesnikova spoke.",
    "Peskov said Moscow would grant Minsk a state loan.",
    "Putin Affirms Support for Lukashenko After Talks",
    f"minister Anna Smith-Jones{SEPARATOR} arrived; Smith-Jones and Peskov left.",
    "Talks in Minsk and flights from Moscow, Russia, with the National Guard.",
]


def test_joined_splits_mentions_by_text() -> None:
    joined = Joined(["ab", "", "cde"])
    assert joined.text == f"ab{SEPARATOR}{SEPARATOR}cde"
    assert joined.part(joined.text, 2) == "cde"
    mentions = [Mention(0, 2, "x"), Mention(4, 7, "y")]
    assert joined.split(mentions) == [[Mention(0, 2, "x")], [], [Mention(0, 3, "y")]]


def test_sentence_actors_match_per_sentence_matching(lexicon: Lexicon) -> None:
    actors = SentenceActors(Joined(SENTENCES), lexicon)
    people = unknown_people(SENTENCES, lexicon)
    assert actors.people == people
    assert "Kolesnikova" in people
    for index, sentence in enumerate(SENTENCES):
        assert actors.actors(index) == find_actors(sentence, lexicon, people)


def test_people_are_found_with_every_listed_place_blanked(lexicon: Lexicon) -> None:
    """Blanking the actor "Mexico" leaves "City" of the place "Mexico City"; people are not
    found in that text."""
    sentences = ["Talks began.", "In Mexico City Anna Vorn said so.", "Later Vorn left."]
    actors = SentenceActors(Joined(sentences), lexicon)
    assert actors.people == unknown_people(sentences, lexicon) == {"Vorn": "Anna Vorn"}
    assert actors.actors(2) == find_actors(sentences[2], lexicon, actors.people)


def test_by_text_looks_up_what_split_groups() -> None:
    joined = Joined(["ab", "", "cde", "f"])
    mentions = [Mention(0, 2, "x"), Mention(1, 2, "z"), Mention(4, 7, "y"), Mention(8, 9, "w")]
    by_text = ByText(joined, mentions)
    assert [by_text[index] for index in range(4)] == joined.split(mentions)
    assert ByText(joined, [])[2] == []


def test_sentence_places_give_per_sentence_locations(lexicon: Lexicon) -> None:
    sentences = [
        *SENTENCES,
        "Sochi, Russia hosted talks in Minsk.",
        "In Minsk",
        "He flew to Moscow, then visited Sochi, Russia, and in Bobruisk met locals.",
    ]
    actors = SentenceActors(Joined(sentences), lexicon)
    for index, sentence in enumerate(sentences):
        located = locations_in(sentence, actors.places(index), lexicon)
        assert located == find_locations(sentence, lexicon)
    assert locations_in(sentences[-1], actors.places(len(sentences) - 1), lexicon) == [
        "Sochi",
        "Bobruisk",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The WHO warned.",
        "Who knows?",
        "The vote in the re-elected parliament, the e-vote and the polling station.",
        "Polling Stations opened; VOTERS queued.",
        "Wahl: Die Wähler stimmten ab (vote).",
        "",
    ],
)
def test_topics_are_those_whose_patterns_match(lexicon: Lexicon, text: str) -> None:
    topics = _topics(lexicon)
    patterns = zip(topics.names, topics.patterns, strict=True)
    expected = [name for name, pattern in patterns if pattern.search(text)]
    assert matched_topics(text, lexicon) == expected


def test_topics_with_keywords_beyond_ascii_words_are_always_tried() -> None:
    custom = Lexicon(
        actors=(),
        places=(),
        topics=(Topic("money", ("€ bonds", "loan")), Topic("talks", ("talks",))),
        triggers={},
        boilerplate=(),
        person_titles=(),
    )
    assert _topics(custom).unfiltered == frozenset({0})
    assert find_topics("They sold € bonds.", custom) == ["money"]
    assert find_topics("The talks went on.", custom) == ["talks"]


def test_quotes_continuing_a_daily_narrative_refer_to_its_day() -> None:
    narrative = Narrative()
    assert not narrative.continues(0, "He said so.", quoted=False)
    period = to_period("2020-09-14")
    assert period is not None
    narrative.move_to(0, Anchor(period, "2020-09-14", "Monday"))
    assert narrative.continues(9, "“We agree,” he said.", quoted=True)
    assert narrative.reference_date(continuing=True, quoted=True) == date(2020, 9, 14)
    assert narrative.reference_date(continuing=False, quoted=True) is None
    assert narrative.reference_date(continuing=True, quoted=False) is None


def test_surnames_that_are_not_single_words_are_matched_too(lexicon: Lexicon) -> None:
    people = {"Smith-Jones": "Anna Smith-Jones", "Peskov": "Dmitry Peskov"}
    assert find_actors("Then Smith-Jones and Peskov left.", lexicon, people) == [
        "Anna Smith-Jones",
        "Dmitry Peskov",
    ]


def test_matches_from_finds_what_finditer_finds() -> None:
    pattern = re.compile(r"(?<![\w-])(?:ab|abc|b)\w*")
    text = "ab abc xabc -b b-ab cab abab"
    starts = occurrences(["ab", "b"], text)
    found = [match.span() for match in matches_from(pattern, text, starts)]
    assert found == [match.span() for match in pattern.finditer(text)]


def test_only_three_letters_fold_to_ascii_without_lowercasing_to_it() -> None:
    """Currency names are looked for in lowercased text; that finds all the regex engine finds
    unless one of these three letters occurs."""
    odd = {
        char
        for letter in "abcdefghijklmnopqrstuvwxyz"
        for char in re.findall(f"(?i:{letter})", EVERY_CHARACTER)
        if char.lower() != letter
    }
    assert odd == {"\u0130", "\u0131", "\u017f"}


def test_lowercasing_keeps_whitespace_and_what_is_no_word_character_or_hyphen() -> None:
    """Trigger words are looked for in lowercased text by what surrounds them."""
    for char in re.findall(r"[^\w-]", EVERY_CHARACTER):
        lowered = char.lower()
        assert not re.search(r"[\w-]", lowered)
        assert lowered.isspace() == char.isspace()


def test_lowercasing_makes_ascii_letters_of_only_two_other_characters() -> None:
    """Trigger words are looked for in lowercased text: no other character lowercases to
    something holding an ASCII letter or a hyphen, and only dotted capital I changes length."""
    odd = {
        char
        for char in EVERY_CHARACTER
        if not re.fullmatch(r"[A-Za-z-]", char) and re.search(r"[a-z-]", char.lower())
    }
    assert odd == {"\u0130", "\u212a"}
    assert {char for char in EVERY_CHARACTER if len(char.lower()) != 1} == {"\u0130"}


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("They MET; re-met and talks--met.", [5]),
        ("x\u0130met, \u212amet, \u0130\u0130 met", [2, 8, 16]),
        ("\u212aILLED", []),
    ],
)
def test_trigger_words_are_whole_ascii_words(
    lexicon: Lexicon, text: str, starts: list[int]
) -> None:
    assert [mention.start for mention in find_triggers(text, lexicon)] == starts


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Mikhail Mishustin met Deputy Prime Minister Alexei Overchuk.",
        "The ex-president Zorbaz and vice-president Quill spoke to PRESIDENT Tokayev.",
        "Mr. Smith, Mrs.Jones and president\tZorbaz; Sen. Brown-Smith; Gen.Lee.",
        "Ministers Anna Vorn said; minister anna vorn; minister",
    ],
)
def test_titled_names_are_the_titled_pattern_matches(lexicon: Lexicon, text: str) -> None:
    starts = _lead_words(lexicon).starts(text)
    found = [match.span() for match in _titled_matches(text, lexicon, starts)]
    assert found == [match.span() for match in _titled_pattern(lexicon).finditer(text)]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [("It cost 5 u\u017fd.", ["5 USD"]), ("On Aug. 9 they met.", []), ("A $5 fee.", ["5 USD"])],
)
def test_amounts_with_folded_letters(text: str, amounts: list[str]) -> None:
    assert find_amounts(text) == amounts


@pytest.mark.parametrize(
    "title", ["President", "PRES\u0130DENT", "pres\u0131dent", "pre\u017fident", "PRESIDENT"]
)
def test_titles_with_folded_letters_are_found(lexicon: Lexicon, title: str) -> None:
    assert find_actors(f"The {title} Zorbaz spoke.", lexicon) == ["Zorbaz"]
