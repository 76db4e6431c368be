"""One document from path to rows: the unit of work that local and cluster runs share.

Everything here is picklable so that worker processes (local or on a cluster) can run it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from extract import Document, DocumentError, Found, Lexicon, load_lexicon, read_document
from extract.events.build import event_rows, find_events
from extract.events.limits import event_limit, limit_notice


@dataclass(frozen=True)
class Outcome:
    """The rows of one document, or why it was skipped (kept as text: it crosses processes),
    and a ``notice`` for a document read with a limit (see :mod:`extract.events.limits`)."""

    name: str
    rows: list[dict[str, str]]
    reason: str = ""
    notice: str = ""

    @property
    def error(self) -> DocumentError | None:
        """The skip as a :class:`DocumentError`, or None when the document was read."""
        return DocumentError(self.name, self.reason) if self.reason else None


def process(found: Found, published: date | None, lexicons: Path | None = None) -> Outcome:
    """Read and extract one document; a bad file or a failing extraction becomes ``error``.

    ``lexicons`` is the user's lexicon directory (see :func:`extract.load_lexicon`), loaded once
    per process."""
    try:
        if found.problem:
            raise DocumentError(str(found.path), found.problem)
        document = read_document(found.path, published)
    except DocumentError as error:
        return Outcome(error.name, [], error.reason)
    try:
        rows, notice = document_rows(document, load_lexicon(lexicons))
    except Exception as error:  # a bug on one document must not lose the others
        reason = f"extraction failed, {type(error).__name__}: {error}"
        return Outcome(str(found.path), [], reason)
    notices = [text for text in (document.notice, notice) if text]
    return Outcome(str(found.path), rows, notice="; ".join(notices))


def document_rows(document: Document, lexicon: Lexicon) -> tuple[list[dict[str, str]], str]:
    """The rows of ``document``'s events, at most :func:`event_limit` of them, and the notice
    saying how many more were found, or ""."""
    events = find_events(document, lexicon)
    limit = event_limit(document.text)
    return event_rows(document, events[:limit]), limit_notice(len(events), limit)


def process_batch(
    batch: Sequence[Found], published: date | None, lexicons: Path | None = None
) -> list[Outcome]:
    """:func:`process` over a batch, in order."""
    return [process(found, published, lexicons) for found in batch]
