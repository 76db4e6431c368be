"""Documents: decoded text split into front matter and body, or a saved web page's article.

One entry point per input form, each choosing by the file name's extension (``.html``/``.htm``
are web pages, anything else is text with optional front matter):

- :func:`load_document` for a file's bytes (uploads),
- :func:`read_document` for a path,
- :func:`parse_document` for already decoded text.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.reading.controls import strip_controls
from extract.reading.dateline import headline_of, read_dateline
from extract.reading.decoding import decode_text, refuse_binary_start
from extract.reading.errors import DocumentError
from extract.reading.frontmatter import parse_date, split_front_matter
from extract.reading.html import is_html_name, read_page

__all__ = [
    "Document",
    "DocumentError",
    "decode_text",
    "load_document",
    "parse_document",
    "parse_html_document",
    "read_document",
]


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the body; ``body_offset`` is where it starts in the file text."""

    doc_id: str
    text: str
    title: str = ""
    published: date | None = None
    source: str = ""
    url: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    body_offset: int = 0
    notice: str = ""  # what the reader noticed about the document (a dateline contradicting it)


def parse_document(text: str, name: str, published: date | None = None) -> Document:
    """Build a :class:`Document` from decoded text.

    ``name`` is the file name: its stem is the ``doc_id`` unless the front matter has ``id``.
    ``published`` is the fallback when the front matter has no ``published`` date and no wire
    dateline or date line gives one (see :mod:`extract.reading.dateline`); a dateline's outlet
    is the ``source`` when the front matter names none, and without front matter a first line
    that reads as a headline is the ``title``. A ``name``
    ending in ``.html``/``.htm`` is read as a web page (see :func:`parse_html_document`).
    """
    if is_html_name(name):
        return parse_html_document(text, name, published)
    fields, body_offset = split_front_matter(text, name)
    body = text[body_offset:]
    if not body.strip():
        raise DocumentError(name, "no text after the front matter")
    dateline = read_dateline(body)
    notice = ""
    if "published" in fields and fields["published"]:
        published = parse_date(fields["published"], name)
        if dateline.day and dateline.day != published:
            notice = (
                f"the dateline says {dateline.day.isoformat()}, "
                f"the front matter published {published.isoformat()}; kept {published.isoformat()}"
            )
    elif dateline.day:
        published = dateline.day
    title = fields.get("title", "")
    if not title and not fields:
        title = headline_of(body)
    return Document(
        doc_id=fields.get("id") or strip_controls(Path(name).stem),
        text=body,
        title=title,
        published=published,
        source=fields.get("source", "") or dateline.outlet,
        url=fields.get("url", ""),
        meta=fields,
        body_offset=body_offset,
        notice=notice,
    )


def parse_html_document(markup: bytes | str, name: str, published: date | None = None) -> Document:
    """Build a :class:`Document` from a saved web page (bytes or decoded text).

    The text is the main article only (no navigation, ads, comments or footer); ``title``,
    ``url`` and ``source`` (the site name) come from the page's metadata. The publication date
    found in the page wins; ``published`` is the fallback for pages without one, as it is for
    front matter. ``doc_id`` is the file name's stem; ``body_offset`` is 0 and offsets refer to
    the extracted text, not to the markup.
    """
    page = read_page(markup, name)
    meta = {
        "title": page.title,
        "published": page.published.isoformat() if page.published else "",
        "source": page.site_name,
        "url": page.url,
        "author": page.author,
    }
    return Document(
        doc_id=strip_controls(Path(name).stem),
        text=strip_controls(page.text),
        title=strip_controls(page.title),
        published=page.published or published,
        source=page.site_name,
        url=page.url,
        meta={key: value for key, value in meta.items() if value},
    )


def load_document(data: bytes, name: str, published: date | None = None) -> Document:
    """Build a :class:`Document` from the bytes of the file ``name`` (e.g. an upload).

    Web pages go to :func:`parse_html_document` undecoded, so that their declared charset is
    honoured; other files are decoded with :func:`decode_text` and parsed with
    :func:`parse_document`. Any failure is a :class:`DocumentError`.
    """
    if is_html_name(name):
        return parse_html_document(data, name, published)
    return parse_document(decode_text(data, name), name, published)


#: Files larger than this are not read: no news article comes near it, and reading one would
#: hold it, and what is extracted from it, in memory.
MAX_DOCUMENT_BYTES = 20_000_000
#: The first block, read before the rest to tell a binary file without reading it whole.
FIRST_BLOCK = 65_536


def read_document(path: Path, published: date | None = None) -> Document:
    """Read the file at ``path`` and build its :class:`Document`, as :func:`load_document`.

    Only a regular file of at most ``MAX_DOCUMENT_BYTES`` is read, and only when its first
    block is not binary: a FIFO, a device (``/dev/zero``) or a huge sparse file is refused
    without waiting on it or reading it whole.
    """
    return load_document(read_bytes(path), str(path), published)


def read_bytes(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (see :func:`read_document`); any reason not to
    read it is a :class:`DocumentError`."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise DocumentError(str(path), _describe(error, path)) from None
    with os.fdopen(handle, "rb") as stream:
        mode = os.fstat(handle)
        if not stat.S_ISREG(mode.st_mode):
            raise DocumentError(str(path), f"not a regular file ({file_kind(mode.st_mode)})")
        if mode.st_size > limit:
            raise DocumentError(
                str(path),
                f"too large ({_megabytes(mode.st_size)}, the limit is {_megabytes(limit)})",
            )
        try:
            first = stream.read(FIRST_BLOCK)
            refuse_binary_start(first, str(path))
            data = first + stream.read(limit + 1 - len(first))
        except OSError as error:
            raise DocumentError(str(path), _describe(error, path)) from None
    if len(data) > limit:  # it grew while being read
        raise DocumentError(str(path), f"too large (above {_megabytes(limit)})")
    return data


def file_kind(mode: int) -> str:
    """What a file that is not regular is, in words."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    )
    return next((word for test, word in kinds if test(mode)), "a special file")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _describe(error: OSError, path: Path) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return "broken symbolic link"
    if error.errno == errno.EACCES:
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a directory"
    return f"unreadable ({error.strerror or error})"
