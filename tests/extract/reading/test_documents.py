from datetime import date
from pathlib import Path

import pytest

from extract.reading.documents import DocumentError, decode_text, parse_document, read_document

ARTICLE = """---
id: sochi-talks
title: Talks in Sochi
published: 2020-09-15
source: Example News
url: https://example.org/sochi
author: A. Writer
---
On Monday, the two leaders met in Sochi.
"""


def test_front_matter_fields_and_body() -> None:
    doc = parse_document(ARTICLE, "talks.md")
    assert doc.doc_id == "sochi-talks"
    assert doc.title == "Talks in Sochi"
    assert doc.published == date(2020, 9, 15)
    assert (doc.source, doc.url) == ("Example News", "https://example.org/sochi")
    assert doc.meta["author"] == "A. Writer"
    assert doc.text == "On Monday, the two leaders met in Sochi.\n"
    assert ARTICLE[doc.body_offset :] == doc.text


def test_doc_id_falls_back_to_file_name_without_extension() -> None:
    doc = parse_document("---\ntitle: T\n---\nBody text here.\n", "dir/my-article.md")
    assert doc.doc_id == "my-article"


def test_without_front_matter_the_whole_text_is_the_body() -> None:
    doc = parse_document("Just a story.\n", "plain.txt")
    assert (doc.doc_id, doc.text, doc.title, doc.published, doc.body_offset) == (
        "plain",
        "Just a story.\n",
        "",
        None,
        0,
    )


@pytest.mark.parametrize(
    "value", ["2020-09-15", "September 15, 2020", "15 September 2020", "Sep 15, 2020", "2020-9-15"]
)
def test_published_date_formats(value: str) -> None:
    doc = parse_document(f"---\npublished: {value}\n---\nText.\n", "a.md")
    assert doc.published == date(2020, 9, 15)


def test_published_fallback_only_when_front_matter_has_none() -> None:
    fallback = date(2021, 1, 1)
    assert parse_document("Text.\n", "a.md", fallback).published == fallback
    assert parse_document(ARTICLE, "a.md", fallback).published == date(2020, 9, 15)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: T\nthis line has no colon\n---\nText.\n", "malformed front matter"),
        ("---\ntitle: T\nText without an end.\n", "malformed front matter"),
        ("---\ntitle: T\npublished: 2020-01-01\n", "unclosed front matter"),
        ("---\npublished: 2020-13-45\n---\nText.\n", "impossible published date"),
        ("---\npublished: not a date\n---\nText.\n", "unreadable published date"),
        ("---\ntitle: Only front matter\n---\n\n", "no text after the front matter"),
    ],
)
def test_bad_front_matter_is_one_line_error_naming_the_file(text: str, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        parse_document(text, "bad.md")
    message = str(caught.value)
    assert message.startswith("bad.md: ")
    assert reason in message
    assert "\n" not in message


STORY = "Der Präsident traf sich am Montag mit dem Minister. Ça va très bien, merci. " * 3
RUSSIAN = "Президент Беларуси встретился с президентом России в Сочи в понедельник. " * 3


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (STORY.encode("utf-8"), STORY),
        (STORY.encode("latin-1"), STORY),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (STORY.encode("utf-16"), STORY),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), STORY),
        (b"line one\r\nline two\r\n", "line one\nline two\n"),
    ],
)
def test_decode_text_detects_encodings(data: bytes, expected: str) -> None:
    assert decode_text(data, "x.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_decode_text_refuses_empty_and_binary_data(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        decode_text(data, "x.txt")


def test_read_document_reports_missing_and_broken_links(tmp_path: Path) -> None:
    link = tmp_path / "broken.md"
    link.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(DocumentError, match="broken symbolic link"):
        read_document(link)
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(DocumentError, match="symbolic link loop"):
        read_document(loop)
