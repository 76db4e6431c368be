"""Names written with accents read as names: the letter classes, and the events of a wire
report about people and places whose names carry them."""

import re

import extract
from extract.text.letters import LOWER, UPPER

WIRE = """---
id: montevideo-wire
published: 2026-03-12
---
Union leader Walter Benítez met José Müller in Montevideo on Monday.

Andrés Quiroga was sworn in on Tuesday.

Émile Durand said on Wednesday that the port would reopen.
"""


def test_capitals_and_small_letters_include_accented_ones() -> None:
    capital, small = re.compile(f"[{UPPER}]"), re.compile(f"[{LOWER}]")
    assert [bool(capital.fullmatch(c)) for c in "ÉŁŠÜAé1"] == [True] * 5 + [False, False]
    assert [bool(small.fullmatch(c)) for c in "éłšüaÉ-"] == [True] * 5 + [False, False]


def test_people_named_with_accents_are_actors_of_a_wire_report() -> None:
    rows = extract.extract_events(extract.load_document(WIRE.encode(), "montevideo-wire.md"))
    assert [(row["date"], row["actors"]) for row in rows] == [
        ("2026-03-09", "Walter Benítez; José Müller"),
        ("2026-03-10", "Andrés Quiroga"),
        ("2026-03-11", "Émile Durand"),
    ]
