"""The library entry: ``import extract`` gives the whole pipeline, and stays cheap."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import extract

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "articles" / "putin-lukashenko-sochi.md"


def test_a_document_from_a_path_or_from_bytes_gives_the_same_events() -> None:
    from_path = extract.extract_events(extract.read_document(DEMO))
    from_bytes = extract.extract_events(extract.load_document(DEMO.read_bytes(), DEMO.name))
    assert from_path == from_bytes
    assert list(from_path[0]) == list(extract.EVENT_COLUMNS)
    sochi = [row for row in from_path if row["date"] == "2020-09-14"]
    assert sochi[0]["event_id"] == "putin-lukashenko-sochi-1"
    assert sochi[0]["location"] == "Sochi"


def test_find_extract_and_merge_across_documents() -> None:
    outlets = REPO / "tests" / "fixtures" / "outlets"
    found = list(extract.find_documents([outlets]))
    assert [item.path.name for item in found][:2] == [
        "baltic-wire-election.md",
        "baltic-wire-exile.md",
    ]
    lexicon = extract.load_lexicon()
    rows = [
        row
        for item in found
        for row in extract.extract_events(extract.read_document(item.path), lexicon)
    ]
    merged, mentions = extract.merge_events(rows, lexicon)
    assert len(mentions) == len(rows) > len(merged)
    assert list(merged[0]) == list(extract.MERGED_EVENT_COLUMNS)
    assert list(mentions[0]) == list(extract.MENTION_COLUMNS)


def test_tag_dates_alone() -> None:
    (monday,) = extract.tag("They met on Monday.", date(2020, 9, 15))
    assert (monday.text, monday.type, monday.value) == ("Monday", "DATE", "2020-09-14")


def test_article_file_names() -> None:
    assert extract.DOCUMENT_SUFFIXES == (".txt", ".md", ".html", ".htm")
    assert extract.is_document_name("Story.HTM")
    assert not extract.is_document_name("notes.csv")


def test_importing_the_package_loads_no_part_of_the_pipeline() -> None:
    code = "import sys, extract; print(sorted(m for m in sys.modules if m.startswith('extract')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['extract']"


def test_the_tagger_loads_no_part_of_the_event_pipeline() -> None:
    code = "import sys, extract.timex; print(sorted({m.split('.')[1] for m in sys.modules"
    code += " if m.startswith('extract.')}))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['knowledge', 'text', 'timex']"
