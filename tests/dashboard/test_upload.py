from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard import loading, upload
from dashboard.sandbox import Extracted, Worker
from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGED_EVENT_COLUMNS

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fake_extract(data: bytes, name: str, published: date | None, worker: Worker) -> Extracted:
    return Extracted(fake_rows(data, name, published))


def fake_rows(data: bytes, name: str, published: date | None) -> list[dict[str, str]]:
    if b"boom" in data:
        raise ValueError("bad front matter")
    ids = {"event_id": f"{name}-1", "doc_id": name}
    if b"undated" in data:
        return [{c: "" for c in EVENT_COLUMNS} | ids | {"title": "x"}]
    if b"nothing" in data:
        return []
    row = {c: "" for c in EVENT_COLUMNS} | ids
    row |= {"date": "2020-01-02", "end_date": "2020-01-02"}
    row["published"] = published.isoformat() if published else ""
    return [row]


@pytest.fixture()
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload, "extract_file", fake_extract)


def test_one_bad_file_does_not_stop_the_others(fake: None) -> None:
    seen: list[tuple[int, str]] = []
    outcome = upload.extract_files(
        [("a.md", b"ok"), ("b.txt", b"boom"), ("c.pdf", b"ok"), ("d.TXT", b"ok")],
        date(2020, 1, 5),
        lambda done, name: seen.append((done, name)),
    )
    assert [r["event_id"] for r in outcome.rows] == ["a.md-1", "d.TXT-1"]
    assert outcome.rows[0]["published"] == "2020-01-05"
    assert outcome.errors == [
        "b.txt: could not be read (bad front matter).",
        "c.pdf: refused, only .txt, .md, .html, .htm files are accepted.",
    ]
    assert seen == [(0, "a.md"), (1, "b.txt"), (2, "c.pdf"), (3, "d.TXT")]


def test_files_without_dates_are_reported(fake: None) -> None:
    outcome = upload.extract_files([("u.md", b"undated"), ("n.md", b"nothing")], None)
    assert outcome.notes == [
        "u.md: 1 events found but none has a date; they are listed in the table only.",
        "n.md: no events found.",
    ]
    frame, mentions = outcome.merged()
    assert list(frame.columns) == list(MERGED_EVENT_COLUMNS)
    assert list(mentions.columns) == list(MENTION_COLUMNS)
    assert len(loading.prepare(frame).events) == 1


def test_only_new_drops_known_ids(events: pd.DataFrame) -> None:
    extra = events.iloc[:3].copy()
    extra.loc[extra.index[0], "event_id"] = "brand-new-1"
    fresh, known = upload.only_new(events, extra)
    assert list(fresh["event_id"]) == ["brand-new-1"]
    assert known == 2


def _real_extractor() -> None:
    try:
        import extract.events.build  # noqa: F401
    except ImportError as err:
        pytest.skip(f"the extractor cannot be imported yet: {err}")


def test_real_extractor_on_the_demo_article() -> None:
    _real_extractor()
    article = next(ARTICLES.glob("*.md"))
    with Worker(None) as worker:
        rows = upload.extract_file(article.read_bytes(), article.name, None, worker).rows
    assert rows and all(list(r) == list(EVENT_COLUMNS) for r in rows)
    assert any(r["date"] for r in rows)


def test_real_extractor_uses_the_given_publication_date() -> None:
    _real_extractor()
    text = b"On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n"
    with Worker(None) as worker:
        rows = upload.extract_file(text, "plain.txt", date(2020, 9, 15), worker).rows
    assert {r["published"] for r in rows} == {"2020-09-15"}
    assert "2020-09-14" in {r["date"] for r in rows}


def test_real_extractor_errors_name_the_file() -> None:
    _real_extractor()
    outcome = upload.extract_files([("bin.md", b"\x00\x01\x02\xff" * 50)], None)
    assert outcome.rows == [] and len(outcome.errors) == 1
    assert outcome.errors[0].startswith("bin.md: could not be read")


def test_real_extractor_reads_web_pages() -> None:
    _real_extractor()
    page = FIXTURES / "html" / "meta-published-time.html"
    outcome = upload.extract_files([(page.name, page.read_bytes())], None)
    assert outcome.errors == [] and outcome.rows
    assert {row["doc_id"] for row in outcome.rows} == {"meta-published-time"}
    assert all(row["published"] for row in outcome.rows)


def test_uploaded_articles_are_merged_among_themselves() -> None:
    _real_extractor()
    files = sorted((FIXTURES / "outlets").glob("*exile.md"))
    outcome = upload.extract_files([(f.name, f.read_bytes()) for f in files], None)
    merged, mentions = outcome.merged()
    exile = merged[merged["title"].str.contains("Tikhanovskaya")]
    assert list(exile["sources"]) == ["3"]
    assert list(exile["date_conflict"]) == ["2020-08-10 (Danube Post)"]
    assert set(mentions["merged_id"]) == set(merged["event_id"])
    assert len(mentions) == len(outcome.rows)


def test_uploads_sharing_a_name_keep_both_with_a_note() -> None:
    text = (ARTICLES / "putin-lukashenko-sochi.md").read_bytes().replace(b"\nid: ", b"\nold: ")
    outcome = upload.extract_files([("story.md", text), ("story.md", text)], None)
    doc_ids = {row["doc_id"] for row in outcome.rows}
    assert doc_ids == {"story", "story-2"}
    assert len({row["event_id"] for row in outcome.rows}) == len(outcome.rows)
    assert outcome.notes == ['story.md: doc_id "story" is taken by story.md, using "story-2".']
    events, _ = outcome.merged()
    assert (events["sources"] == "2").any()


HARBOUR = (
    b"---\nid: harbour\npublished: 2020-09-15\n---\n"
    b"On Monday, the harbour board of Qarlinta agreed with Vladimir Putin to open a ferry line.\n"
)


def test_eventline_lexicons_extends_the_lexicons_of_uploads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _real_extractor()
    (tmp_path / "actors.csv").write_text(
        "name,aliases,kind\nQarlinta Harbour Board,harbour board of Qarlinta,organization\n"
    )
    monkeypatch.setenv("EVENTLINE_LEXICONS", str(tmp_path))
    outcome = upload.extract_files([("harbour.md", HARBOUR)], None)
    assert outcome.errors == []
    assert [row["actors"] for row in outcome.rows] == ["Qarlinta Harbour Board; Vladimir Putin"]
    events, _ = outcome.merged()
    assert events["actors"].tolist() == ["Qarlinta Harbour Board; Vladimir Putin"]


def test_a_bad_eventline_lexicons_gives_one_message_and_no_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _real_extractor()
    monkeypatch.setenv("EVENTLINE_LEXICONS", str(tmp_path / "missing"))
    outcome = upload.extract_files([("harbour.md", HARBOUR)], None)
    assert outcome.rows == []
    assert outcome.errors == [
        f"EVENTLINE_LEXICONS: bad lexicon {tmp_path / 'missing'}: not a directory;"
        " no file was extracted."
    ]
