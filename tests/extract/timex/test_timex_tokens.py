"""Tokens: runs of letters or of digits of the lower-cased text, with their offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex.tokens import TOKEN, Tokens

ASCII = st.text(st.characters(max_codepoint=127), max_size=200)
MIXED = st.text(max_size=200)
#: ASCII letters and digits among other characters that are not letters or digits.
PUNCTUATED = st.text(st.sampled_from([*"aZ9_ .,'-\n", *"’“—…\xa0€½²😀\ud800"]), max_size=200)


def _expected(text: str) -> tuple[list[str], list[int]]:
    """The tokens and their starts, found one by one with ``TOKEN``."""
    found = list(TOKEN.finditer(Tokens(text).low))
    return [m[0] for m in found], [m.start() for m in found]


@settings(max_examples=300, deadline=None)
@given(st.one_of(ASCII, MIXED, PUNCTUATED))
def test_tokens_are_the_runs_of_letters_or_digits(text: str) -> None:
    tokens = Tokens(text)
    assert (tokens.words, tokens.starts) == _expected(text)


def test_ascii_and_other_text_split_alike() -> None:
    ascii_text = "On May 5, 2020_at 10am: X-35 (T)oday's 3rd qtr."
    for other in (ascii_text + " é", ascii_text + " “ok”…", ascii_text + " ½"):
        assert Tokens(other).words[: len(Tokens(ascii_text))] == Tokens(ascii_text).words
    assert Tokens(ascii_text).words == [
        *("on", "may", "5", "2020", "at", "10", "am", "x", "35", "t", "oday", "s", "3", "rd"),
        "qtr",
    ]
