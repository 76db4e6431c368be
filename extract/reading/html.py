"""Saved web pages: the main article text and its metadata, found by trafilatura.

Everything runs offline on the given markup: trafilatura drops navigation, ads, comments and
footers, and finds the title, URL, site name and publication date. The date comes from
htmldate's quick search (``article:published_time`` and similar meta tags, JSON-LD
``datePublished``, ``<time>`` elements, the URL), else from a visible byline such as
"Published Sept. 14, 2020" or "Posted on 14 September 2020". Comment sections and page footers
are removed first, and htmldate's extensive search is off: it takes any date written in the
page, copyright lines included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING

from extract.reading.errors import DocumentError
from extract.reading.frontmatter import parse_date

if TYPE_CHECKING:
    from configparser import ConfigParser

    from lxml.html import HtmlElement

#: File extensions read as HTML.
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")

_DATE_SEARCH = {"original_date": True, "extensive_search": False}

_MONTH = r"[A-Z][a-z]{2,8}\.?"
_BYLINE = re.compile(
    r"\b(?:Published|Posted)(?:\s+on)?:?\s+(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
)

#: Page parts that are never the article and whose dates are never its date: comment sections
#: and page footers. An article's own ``<footer>`` (which may hold its byline) stays, and so
#: does anything holding an ``<article>`` (a ``<body class="has-comments">``).
_NOT_ARTICLE = (
    "//*[contains(@class, 'comment') or contains(@id, 'comment')]"
    "[not(self::body or self::article or .//article)]"
    " | //footer[not(ancestor::article)]"
)


@dataclass(frozen=True)
class Page:
    """What a web page says about its article; empty strings where the page says nothing."""

    text: str  # the article text, one paragraph per block, blocks separated by blank lines
    title: str = ""
    published: date | None = None
    url: str = ""
    site_name: str = ""
    author: str = ""


def is_html_name(name: str) -> bool:
    """Whether the file ``name`` has an HTML extension (``.html``, ``.htm``)."""
    return PurePath(name).suffix.lower() in HTML_SUFFIXES


def read_page(markup: bytes | str, name: str) -> Page:
    """Extract the article of a saved web page; ``name`` only labels errors.

    Bytes are decoded by trafilatura (which honours the page's declared charset). Raises
    :class:`DocumentError` for markup that is empty, not HTML, or has no article text.
    """
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    if not markup.strip():
        raise DocumentError(name, "empty file")
    tree = load_html(markup)
    if tree is None:
        raise DocumentError(name, "not an HTML page")
    for element in tree.xpath(_NOT_ARTICLE):
        element.drop_tree()
    byline_date = _byline_date(tree)
    try:
        found = bare_extraction(
            tree,
            with_metadata=True,
            date_extraction_params=_DATE_SEARCH,
            include_comments=False,
            include_tables=False,
            include_images=False,
            config=_config(),
        )
    except Exception as error:  # lxml and trafilatura raise many types on hostile markup
        raise DocumentError(name, f"unreadable HTML ({type(error).__name__})") from None
    # bare_extraction gives a dict only when asked for one
    if found is None or isinstance(found, dict) or not (text := _paragraphs(found.text or "")):
        raise DocumentError(name, "no article text found in the HTML page")
    return Page(
        text=text,
        title=_clean(found.title),
        published=_published(found.date) or byline_date,
        url=_clean(found.url),
        site_name=_clean(found.sitename),
        author=_clean(found.author),
    )


@cache
def _config() -> ConfigParser:
    """trafilatura's defaults, without its signal-based timeout (which only works in the main
    thread, and the dashboard extracts in a worker thread)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _paragraphs(text: str) -> str:
    """trafilatura's one-block-a-line text with blank lines between blocks."""
    blocks = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _byline_date(tree: HtmlElement) -> date | None:
    """The first "Published <date>" in the page's visible text."""
    text = " ".join(" ".join(tree.xpath("//body//text()[not(ancestor::script)]")).split())
    for match in _BYLINE.finditer(text):
        try:
            return parse_date(match.group("date"), "byline")
        except DocumentError:
            continue
    return None


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())
