"""Eventline extractor: dated events from news articles, as one normalized table.

The library, as the command line, the dashboard and the benchmarks use it::

    from datetime import date
    from pathlib import Path

    import extract

    lexicon = extract.load_lexicon()  # or load_lexicon("my-lexicons/") to extend it
    rows = []
    for found in extract.find_documents([Path("articles")]):
        document = extract.read_document(found.path)  # or load_document(data, name)
        rows += extract.extract_events(document, lexicon)  # rows keyed by EVENT_COLUMNS
    merged, mentions = extract.merge_events(rows, lexicon)
    extract.tag("They met on Monday.", date(2020, 9, 15))  # the temporal tagger alone

A document that cannot be read raises :class:`DocumentError`, a bad lexicon file
:class:`LexiconError`; both say what is wrong and where in one line. Names are imported on
first use, so ``import extract`` (and ``import extract.timex``) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.events.build import extract_events
    from extract.knowledge.lexicon import Lexicon, LexiconError, load_lexicon
    from extract.knowledge.vocabulary import topic_order, topic_parents
    from extract.merging.merge import merge_events
    from extract.reading.discovery import (
        DOCUMENT_SUFFIXES,
        Found,
        find_documents,
        is_document_name,
    )
    from extract.reading.docids import DocIds
    from extract.reading.documents import Document, DocumentError, load_document, read_document
    from extract.running.output import write_events
    from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGED_EVENT_COLUMNS
    from extract.timex import Timex, tag

#: Each public name and the module that defines it.
_MODULES: dict[str, str] = {
    "DOCUMENT_SUFFIXES": "extract.reading.discovery",
    "DocIds": "extract.reading.docids",
    "Document": "extract.reading.documents",
    "DocumentError": "extract.reading.documents",
    "EVENT_COLUMNS": "extract.schema",
    "Found": "extract.reading.discovery",
    "Lexicon": "extract.knowledge.lexicon",
    "LexiconError": "extract.knowledge.lexicon",
    "MENTION_COLUMNS": "extract.schema",
    "MERGED_EVENT_COLUMNS": "extract.schema",
    "Timex": "extract.timex",
    "extract_events": "extract.events.build",
    "find_documents": "extract.reading.discovery",
    "is_document_name": "extract.reading.discovery",
    "load_document": "extract.reading.documents",
    "load_lexicon": "extract.knowledge.lexicon",
    "merge_events": "extract.merging.merge",
    "read_document": "extract.reading.documents",
    "tag": "extract.timex",
    "topic_order": "extract.knowledge.vocabulary",
    "topic_parents": "extract.knowledge.vocabulary",
    "write_events": "extract.running.output",
}

__all__ = [
    "DOCUMENT_SUFFIXES",
    "DocIds",
    "Document",
    "DocumentError",
    "EVENT_COLUMNS",
    "Found",
    "Lexicon",
    "LexiconError",
    "MENTION_COLUMNS",
    "MERGED_EVENT_COLUMNS",
    "Timex",
    "extract_events",
    "find_documents",
    "is_document_name",
    "load_document",
    "load_lexicon",
    "merge_events",
    "read_document",
    "tag",
    "topic_order",
    "topic_parents",
    "write_events",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
