"""Wire datelines, date lines and headlines at the top of an article."""

from datetime import date
from pathlib import Path

from extract.cli import main
from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.dateline import Dateline, headline_of, read_dateline
from extract.reading.documents import parse_document

WIRE = (
    "Grain deal signed in Kyiv\n\n"
    "KYIV, March 5 (Reuters) - Ukraine signed a grain agreement with Poland on Monday, "
    "officials said. The first shipments are due in April 2024.\n"
)


def test_a_wire_dateline_gives_place_outlet_and_day() -> None:
    assert read_dateline(WIRE) == Dateline("Kyiv", "Reuters", date(2024, 3, 5), 53)
    assert read_dateline("WASHINGTON (AP) — The Senate voted on Tuesday.\n") == Dateline(
        "Washington", "AP", None, 18
    )


def test_a_date_line_gives_the_day() -> None:
    assert read_dateline("Monday, 3 March 2024\n\nThe storm hit the coast.\n") == Dateline(
        day=date(2024, 3, 3), end=20
    )


def test_an_ordinary_opening_is_no_dateline() -> None:
    assert read_dateline("The storm hit the coast on Monday - and left.\n") == Dateline()


def test_without_front_matter_the_dateline_dates_the_story(lexicon: Lexicon) -> None:
    doc = parse_document(WIRE, "grain.txt")
    assert (doc.published, doc.source, doc.title) == (
        date(2024, 3, 5),
        "Reuters",
        "Grain deal signed in Kyiv",
    )
    rows = extract_events(doc, lexicon)
    assert [(r["date"], r["date_text"], r["date_source"]) for r in rows][:1] == [
        ("2024-03-04", "Monday", "explicit")
    ]
    assert "March 5" not in {r["date_text"] for r in rows}  # the filing day is no event
    assert all("Reuters" not in r["actors"] for r in rows)


def test_a_headline_is_a_short_line_of_its_own() -> None:
    assert headline_of("Storm batters the coast\n\nThe storm hit.\n") == "Storm batters the coast"
    assert headline_of("The storm hit the coast on Monday.\n\nIt left.\n") == ""
    assert headline_of("Storm batters the coast\nand more lines follow.\n") == ""


def test_a_dateline_contradicting_the_front_matter_is_reported(tmp_path: Path) -> None:
    article = tmp_path / "grain.md"
    article.write_text("---\npublished: 2024-03-07\nsource: Kyiv Post\n---\n" + WIRE)
    import io

    stderr = io.StringIO()
    assert main([str(article), "-o", str(tmp_path / "out.csv"), "--no-merge"], stderr=stderr) == 0
    assert (
        f"{article}: the dateline says 2024-03-05, the front matter published 2024-03-07; "
        "kept 2024-03-07"
    ) in stderr.getvalue()
