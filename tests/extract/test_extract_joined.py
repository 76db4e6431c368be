import re

import pytest

from extract.actors import SentenceActors, find_actors, unknown_people
from extract.amounts import find_amounts
from extract.joined import SEPARATOR, Joined
from extract.lexicon import Lexicon
from extract.names import Mention, matches_from, occurrences

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
    """Titles and currency names are looked for in lowercased text; that finds all the regex
    engine finds unless one of these three letters occurs."""
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    odd = {
        char
        for letter in "abcdefghijklmnopqrstuvwxyz"
        for char in re.findall(f"(?i:{letter})", every)
        if char.lower() != letter
    }
    assert odd == {"\u0130", "\u0131", "\u017f"}


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
