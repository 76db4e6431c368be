"""Sentence boundaries the tagger uses: the extractor's splitter (stops before a capital or a
digit, blank lines), each sentence reaching to the start of the next."""

from __future__ import annotations

import pytest

from extract.timex.tense import Sentences


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("It rained. Then it snowed.", [0, 11]),
        ("Sales rose! 2020 was good? Yes… And “quoted.” Then", [0, 12, 27, 32, 46]),
        ("One\n\nTwo\n \n\nThree", [0, 5, 12]),
        ("Ends.\n\n\nNext", [0, 8]),
        ("Mr. Smith left the U.S. Army. He", [0, 30]),
        ("no capital. after the stop", [0]),
        ("(Jan. 5) Said.) Next", [0, 16]),
    ],
)
def test_sentence_starts(text: str, starts: list[int]) -> None:
    assert Sentences(text).starts == starts
