"""Details of the text-handling steps: decoding, sentence ends, titles, editorial marks."""

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.events.titles import _without_trailing_clause, headline
from extract.reading.decoding import decode_text
from extract.reading.errors import DocumentError
from extract.reading.frontmatter import split_front_matter
from extract.text.sentences import split_sentences
from extract.text.textnorm import analysis_text


def test_control_characters_are_a_share_of_characters_not_bytes() -> None:
    assert decode_text(("é" * 96 + "\x01" * 4).encode(), "x.txt").startswith("é")
    with pytest.raises(DocumentError, match="binary file"):
        decode_text(("é" * 94 + "\x01" * 6).encode(), "x.txt")


def test_plain_text_runs_import_no_html_or_encoding_detection_libraries() -> None:
    code = (
        "import sys, extract.cli; "
        "print(sorted({'trafilatura', 'charset_normalizer', 'dateparser'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("J. R. Smith met him. It ended.", ["J. R. Smith met him.", "It ended."]),
        (
            "They brought food, water, etc. The trip ended.",
            ["They brought food, water, etc.", "The trip ended."],
        ),
        (
            "They met in the U.S. Congress today. It ended.",
            ["They met in the U.S. Congress today.", "It ended."],
        ),
        (
            "It is abcdefghijklmnopqrstuvwxyzab. Next one.",
            ["It is abcdefghijklmnopqrstuvwxyzab.", "Next one."],
        ),
        ("He met Gen. Smith. Then left.", ["He met Gen. Smith.", "Then left."]),
    ],
)
def test_sentence_ends_after_initials_acronyms_and_abbreviations(
    text: str, sentences: list[str]
) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("sentence", "date", "title"),
    [
        (
            "Russia said on Monday it would act, which surprised many.",
            "Monday",
            "Russia said it would act",
        ),
        (
            "Belarus held drills on Friday, but we expect more and they agree.",
            "Friday",
            "Belarus held drills, but we expect more",
        ),
        ("Russia agreed on Monday, which pleased them and we liked it.", "Monday", "Russia agreed"),
        (
            "The “peace” talks began on Friday in Minsk, Belarus.",
            "Friday",
            "The peace talks began in Minsk",
        ),
        (
            "The ministers' talks began as early as   \n  2019 in Geneva.",
            "2019",
            "The ministers talks began in Geneva",
        ),
        (
            "Separately, the North Atlantic Treaty Organization (NATO) met on Monday in Brussels.",
            "Monday",
            "The NATO met in Brussels",
        ),
        (
            "An agreement was signed on Monday , he said .",
            "Monday",
            "Agreement was signed, he said",
        ),
    ],
)
def test_titles_drop_trailing_clauses_quotes_places_and_acronym_names(
    sentence: str, date: str, title: str
) -> None:
    start = sentence.index(date)
    assert headline(sentence, start, [(start, start + len(date))]) == title


_COMMA_OR_JOINED_CLAUSE = re.compile(
    r",\s+(?:which|who|adding|saying|according to)\b.*$"
    r"|\s+(?:and|but)\s+(?:we|they|I|he|she|it)\b(?:\s+[\w’'-]+){0,4}$",
    re.I,
)


@given(
    st.lists(
        st.sampled_from(["x", "and", "BUT", "we", "It", "which", "who", ",", "'s", "é", "İ"]),
        max_size=12,
    )
)
def test_trailing_clause_is_cut_where_the_first_of_both_kinds_starts(words: list[str]) -> None:
    title = " ".join(words)
    assert _without_trailing_clause(title) == _COMMA_OR_JOINED_CLAUSE.sub("", title)


@pytest.mark.parametrize(
    ("text", "analysed"),
    [
        ("He (sic) said", "He       said"),
        ("Said\n(SIC) it", "Said       it"),
        ("(T)oday", "  Today"),
    ],
)
def test_editorial_marks_are_blanked_in_place(text: str, analysed: str) -> None:
    assert analysis_text(text) == analysed


def test_front_matter_values_are_stripped() -> None:
    fields, offset = split_front_matter("---\ntitle:   A  B   \nurl:x\n---\nBody", "x")
    assert fields == {"title": "A  B", "url": "x"}
    assert offset == 31
