"""One document from path to rows: the unit of work that local and cluster runs share.

Everything here is picklable so that worker processes (local or on a cluster) can run it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from extract.events.build import extract_events
from extract.knowledge.lexicon import Lexicon, load_lexicon
from extract.reading.discovery import Found
from extract.reading.documents import DocumentError, read_document


@dataclass(frozen=True)
class Outcome:
    """The rows of one document, or why it was skipped (kept as text: it crosses processes)."""

    name: str
    rows: list[dict[str, str]]
    reason: str = ""

    @property
    def error(self) -> DocumentError | None:
        """The skip as a :class:`DocumentError`, or None when the document was read."""
        return DocumentError(self.name, self.reason) if self.reason else None


def process(found: Found, published: date | None) -> Outcome:
    """Read and extract one document; a bad file or a failing extraction becomes ``error``."""
    try:
        if found.problem:
            raise DocumentError(str(found.path), found.problem)
        document = read_document(found.path, published)
    except DocumentError as error:
        return Outcome(error.name, [], error.reason)
    try:
        rows = extract_events(document, _lexicon())
    except Exception as error:  # a bug on one document must not lose the others
        reason = f"extraction failed, {type(error).__name__}: {error}"
        return Outcome(str(found.path), [], reason)
    return Outcome(str(found.path), rows)


@cache
def _lexicon() -> Lexicon:
    """The default lexicon, looked up once per process."""
    return load_lexicon()


def process_batch(batch: Sequence[Found], published: date | None) -> list[Outcome]:
    """:func:`process` over a batch, in order."""
    return [process(found, published) for found in batch]
