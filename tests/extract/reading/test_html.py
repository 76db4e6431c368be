from datetime import date
from pathlib import Path

import pytest

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon
from extract.reading.discovery import find_documents
from extract.reading.documents import (
    DocumentError,
    decode_text,
    load_document,
    parse_document,
    parse_html_document,
    read_document,
)

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
#: Dates and words that only appear in navigation, ads, comments, related links and footers.
CHROME_DATES = ("2020-09-30", "2020-10-03", "2021-01-05", "2020-12-01", "2020-10-02", "2020-05-05")
CHROME_WORDS = ("Subscribe", "Advertisement", "Sponsored", "Comment", "Reader42", "Newsletter")


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "published", "title", "source", "url"),
    [
        (
            "meta-published-time.html",
            date(2020, 9, 15),
            "Putin and Lukashenko meet in Sochi",
            "The Daily Meridian",
            "https://meridian.example/world/sochi-talks",
        ),
        (
            "jsonld-news-article.html",
            date(2020, 9, 15),
            "Russia agrees $1.5 billion loan to Belarus",
            "Northern Ledger",
            "",
        ),
        (
            "byline-only.html",
            date(2020, 8, 10),
            "Belarus votes in presidential election",
            "",
            "",
        ),
    ],
)
def test_page_metadata(name: str, published: date, title: str, source: str, url: str) -> None:
    doc = parse_html_document(page(name), name)
    assert (doc.doc_id, doc.published, doc.title, doc.source, doc.url) == (
        Path(name).stem,
        published,
        title,
        source,
        url,
    )
    assert doc.body_offset == 0


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_navigation_ads_comments_and_footer_are_dropped(name: str, lexicon: Lexicon) -> None:
    doc = parse_html_document(page(name), name)
    assert not any(word in doc.text for word in CHROME_WORDS)
    rows = extract_events(doc, lexicon)
    assert rows
    assert not {row["date"] for row in rows} & set(CHROME_DATES)


def test_article_events_are_dated_from_the_page(lexicon: Lexicon) -> None:
    rows = extract_events(parse_html_document(page("byline-only.html"), "vote.html"), lexicon)
    assert ("2020-08-09", "day") in {(row["date"], row["precision"]) for row in rows}
    rows = extract_events(parse_html_document(page("jsonld-news-article.html"), "x.html"), lexicon)
    loan = next(row for row in rows if "1500000000 USD" in row["amount"])
    assert loan["date"] == "2020-09-14" and loan["source"] == "Northern Ledger"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    doc = parse_html_document(page("meta-published-time.html"), "a.html")
    paragraphs = doc.text.strip().split("\n\n")
    assert paragraphs[0] == "Putin and Lukashenko meet in Sochi"
    assert paragraphs[1].startswith("SOCHI, Russia")


def test_page_date_wins_over_the_fallback() -> None:
    fallback = date(2021, 1, 1)
    assert parse_html_document(page("byline-only.html"), "a.html", fallback).published == date(
        2020, 8, 10
    )
    bare = b"<html><body><article><p>Ministers met in Minsk on Tuesday.</p></article></body></html>"
    assert parse_html_document(bare, "b.html", fallback).published == fallback


def test_bylines_in_comments_and_footers_are_ignored() -> None:
    markup = (
        "<html><body><div class='comments'><p>Posted on March 3, 2019 by a reader</p></div>"
        "<article><p>Published Sept. 14, 2020</p><p>Leaders met in Sochi on Monday for talks "
        "on the crisis, officials said.</p></article>"
        "<footer>Posted on 1 January 2021</footer></body></html>"
    )
    assert parse_html_document(markup, "a.html").published == date(2020, 9, 14)


def test_a_page_whose_body_mentions_comments_keeps_its_article() -> None:
    markup = (
        "<html><body class='post has-comments'><article><p>Leaders met in Sochi on Monday "
        "for talks on the crisis, officials said.</p></article></body></html>"
    )
    assert "Leaders met in Sochi" in parse_html_document(markup, "a.html").text


def test_text_input_is_accepted_too() -> None:
    text = page("jsonld-news-article.html").decode("utf-8")
    assert parse_html_document(text, "a.html") == parse_html_document(
        page("jsonld-news-article.html"), "a.html"
    )


def test_every_entry_point_dispatches_on_the_extension(tmp_path: Path) -> None:
    data = page("meta-published-time.html")
    expected = parse_html_document(data, "talks.html")
    assert load_document(data, "talks.html") == expected
    assert parse_document(decode_text(data, "talks.HTM"), "talks.HTM").text == expected.text
    path = tmp_path / "talks.html"
    path.write_bytes(data)
    assert read_document(path).text == expected.text


def test_legacy_charset_declared_in_the_page() -> None:
    markup = (
        '<html><head><meta charset="windows-1252"><title>Café talks</title></head><body>'
        "<article><p>The ministers met at the Café Central in Vienna on Tuesday, "
        "officials said.</p></article></body></html>"
    ).encode("cp1252")
    assert "Café Central" in load_document(markup, "cafe.html").text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n ", "empty file"),
        (b"\x00\x01\x02\x03", "not an HTML page"),
        (b"<html><head><title>T</title></head><body></body></html>", "no article text"),
    ],
)
def test_broken_or_empty_pages_raise_a_one_line_error(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as error:
        load_document(data, "page.html")
    assert reason in error.value.reason
    assert "\n" not in str(error.value)


def test_discovery_finds_web_pages(tmp_path: Path) -> None:
    for name in ("a.html", "b.HTM", "c.md", "d.txt", "e.css", "f.json"):
        (tmp_path / name).write_text("x")
    found = [f.path.name for f in find_documents([tmp_path])]
    assert found == ["a.html", "b.HTM", "c.md", "d.txt"]
