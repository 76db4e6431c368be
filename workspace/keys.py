"""The key a correction is stored against, and finding its event again after re-extraction.

Event ids are numbers in document order and change whenever the extractor finds one event more
or less; the key instead names the evidence: the document's content hash, the span of the
sentence and the date expression. When the document or the extractor changed, so that the
exact key is gone, the event is found by its sentence text (and date expression) in the same
document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

#: Columns of an event row that make its key (with the document's content hash).
KEY_COLUMNS = ("doc_id", "char_start", "char_end", "date_text", "sentence")


@dataclass(frozen=True)
class EventKey:
    """What a correction is about: an event of a document, by its evidence."""

    doc_id: str
    content_hash: str
    char_start: str
    char_end: str
    date_text: str
    sentence: str

    @property
    def exact(self) -> str:
        """The key as one string: content hash, span and date expression."""
        return f"{self.content_hash}:{self.char_start}:{self.char_end}:{self.date_text}"


def key_of(row: Mapping[str, str], content_hash: str) -> EventKey:
    """The key of an event ``row`` of a document whose bytes hash to ``content_hash``."""
    return EventKey(
        doc_id=str(row["doc_id"]),
        content_hash=content_hash,
        char_start=str(row["char_start"]),
        char_end=str(row["char_end"]),
        date_text=str(row["date_text"]),
        sentence=str(row["sentence"]),
    )


def find_events(
    keys: Iterable[tuple[int, EventKey]], mentions: pd.DataFrame, hashes: Mapping[str, str]
) -> dict[int, str]:
    """The per-document event (its ``event_id`` in ``mentions``) each key names now.

    ``hashes`` maps each doc_id to the content hash of its current version. A key is found,
    in this order, by its exact span and date expression in the same content, by its sentence
    and date expression in the same document, or by its sentence alone when only one event of
    the document comes from it. Keys not found are left out.
    """
    keys = list(keys)
    wanted = {key.doc_id for _, key in keys}
    rows = mentions[mentions["doc_id"].isin(wanted)]
    exact: dict[str, str] = {}
    by_sentence: dict[tuple[str, str, str], str] = {}
    by_text: dict[tuple[str, str], list[str]] = {}
    for row in rows[["event_id", *KEY_COLUMNS]].itertuples(index=False):
        row_hash = hashes.get(row.doc_id, "")
        exact.setdefault(
            f"{row_hash}:{row.char_start}:{row.char_end}:{row.date_text}", row.event_id
        )
        by_sentence.setdefault((row.doc_id, row.sentence, row.date_text), row.event_id)
        by_text.setdefault((row.doc_id, row.sentence), []).append(row.event_id)
    found: dict[int, str] = {}
    for target, key in keys:
        event_id = exact.get(key.exact) or by_sentence.get(
            (key.doc_id, key.sentence, key.date_text)
        )
        if event_id is None:
            candidates = by_text.get((key.doc_id, key.sentence), [])
            event_id = candidates[0] if len(candidates) == 1 else None
        if event_id is not None:
            found[target] = event_id
    return found
