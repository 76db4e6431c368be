"""Documents: decoded text split into front matter and body."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.decoding import decode_text
from extract.errors import DocumentError
from extract.frontmatter import parse_date, split_front_matter

__all__ = ["Document", "DocumentError", "decode_text", "parse_document", "read_document"]


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


def parse_document(text: str, name: str, published: date | None = None) -> Document:
    """Build a :class:`Document` from decoded text.

    ``name`` is the file name: its stem is the ``doc_id`` unless the front matter has ``id``.
    ``published`` is the fallback when the front matter has no ``published`` date.
    """
    fields, body_offset = split_front_matter(text, name)
    if "published" in fields and fields["published"]:
        published = parse_date(fields["published"], name)
    body = text[body_offset:]
    if not body.strip():
        raise DocumentError(name, "no text after the front matter")
    return Document(
        doc_id=fields.get("id") or Path(name).stem,
        text=body,
        title=fields.get("title", ""),
        published=published,
        source=fields.get("source", ""),
        url=fields.get("url", ""),
        meta=fields,
        body_offset=body_offset,
    )


def read_document(path: Path, published: date | None = None) -> Document:
    """Read, decode and parse the file at ``path``; any failure is a :class:`DocumentError`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(str(path), f"{_describe(error, path)}") from None
    return parse_document(decode_text(data, str(path)), str(path), published)


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
