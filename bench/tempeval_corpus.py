"""TempEval-3 TimeML files: plain text, document creation time and gold TIMEX3 spans."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Span:
    """A temporal expression: character offsets into the plain text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    """One corpus file."""

    name: str
    text: str
    dct: dt.date
    gold: list[Span]


def read_document(path: Path) -> Document:
    """Parse a ``.tml`` file: the text of ``<TEXT>`` with tags removed, and its TIMEX3 tags."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if not dct_tag:
        raise ValueError(f"{path}: no DCT")
    dct = dt.date.fromisoformat(dict(_ATTR.findall(dct_tag[1]))["value"][:10])
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body:
        raise ValueError(f"{path}: no TEXT")
    pieces: list[str] = []
    length = 0
    gold: list[Span] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    source = body[1]
    for m in _TAG.finditer(source):
        chunk = html.unescape(source[position : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = m.end()
        if m[2] != "TIMEX3":
            continue
        if m[1]:
            if open_timex:
                attrs = open_timex[1]
                gold.append(Span(open_timex[0], length, attrs["type"], attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(m[3])))
    pieces.append(html.unescape(source[position:]))
    return Document(path.stem, "".join(pieces), dct, gold)


def read_corpus(directory: Path) -> list[Document]:
    """All ``.tml`` files of a corpus directory, by name."""
    return [read_document(path) for path in sorted(directory.glob("*.tml"))]
