"""Run the extractor on uploaded article files (text, Markdown or saved web pages).

The files go through the library (:mod:`extract`) as on the command line: the events of one
batch of uploads are merged among themselves (:func:`extract.merge_events`) and then appended
to the events already shown; they are never merged with those. ``$EVENTLINE_LEXICONS`` names a
directory of lexicon files that extend the shipped ones, as ``--lexicons`` does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.sandbox import Extracted, Worker
from extract import DOCUMENT_SUFFIXES, MENTION_COLUMNS, MERGED_EVENT_COLUMNS, is_document_name

#: The user's lexicon directory, if any.
LEXICONS_ENV = "EVENTLINE_LEXICONS"

#: Events one upload may give: the files after are not read, with an error naming them.
MAX_UPLOAD_EVENTS = 50_000

#: Extensions the upload accepts: those the extractor reads, without the dot.
ALLOWED_EXTENSIONS: tuple[str, ...] = tuple(suffix.lstrip(".") for suffix in DOCUMENT_SUFFIXES)


@dataclass
class UploadOutcome:
    """Events extracted from a batch of files, and one message per file that needs one."""

    rows: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def merged(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The extracted events merged across the uploaded files, and their mentions, as
        string frames (``MERGED_EVENT_COLUMNS``, ``MENTION_COLUMNS``)."""
        from extract import load_lexicon, merge_events

        events, mentions = merge_events(self.rows, load_lexicon(lexicons_directory()))
        return (
            pd.DataFrame(events, columns=list(MERGED_EVENT_COLUMNS), dtype=str).fillna(""),
            pd.DataFrame(mentions, columns=list(MENTION_COLUMNS), dtype=str).fillna(""),
        )


def only_new(events: pd.DataFrame, extracted: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The extracted events whose ids are not in ``events`` yet, and how many were dropped."""
    fresh = extracted[~extracted["event_id"].isin(set(events["event_id"]))]
    return fresh, len(extracted) - len(fresh)


def has_allowed_extension(name: str) -> bool:
    """Whether ``name`` ends with one of the accepted article extensions."""
    return is_document_name(name)


def lexicons_directory() -> str | None:
    """The user's lexicon directory from ``$EVENTLINE_LEXICONS``, or None."""
    return os.environ.get(LEXICONS_ENV) or None


def extract_file(data: bytes, name: str, published: date | None, worker: Worker) -> Extracted:
    """Events of one article file, read by ``worker``; ``published`` anchors files whose
    front matter has none."""
    return worker.extract(data, name, published)


def extract_files(
    files: Iterable[tuple[str, bytes]],
    published: date | None,
    progress: Callable[[int, str], None] = lambda done, name: None,
) -> UploadOutcome:
    """Extract every file in one worker process with a memory limit (see
    :mod:`dashboard.sandbox`); a failing file gives one error naming it and the others go on.

    ``progress`` is called with the number of files finished and the current file name. A bad
    lexicon directory gives one error naming it, and no file is extracted.
    """
    from extract import LexiconError, load_lexicon

    outcome = UploadOutcome()
    try:
        load_lexicon(lexicons_directory())
    except LexiconError as error:
        outcome.errors.append(f"{LEXICONS_ENV}: bad lexicon {error}; no file was extracted.")
        return outcome
    with Worker(lexicons_directory()) as worker:
        _extract_each(files, published, progress, outcome, worker)
    return outcome


def _extract_each(
    files: Iterable[tuple[str, bytes]],
    published: date | None,
    progress: Callable[[int, str], None],
    outcome: UploadOutcome,
    worker: Worker,
) -> None:
    """Extract the ``files`` one by one into ``outcome``, up to :data:`MAX_UPLOAD_EVENTS`."""
    from extract import DocIds

    doc_ids = DocIds()
    for done, (name, data) in enumerate(files):
        progress(done, name)
        if not has_allowed_extension(name):
            allowed = ", ".join(f".{e}" for e in ALLOWED_EXTENSIONS)
            outcome.errors.append(f"{name}: refused, only {allowed} files are accepted.")
            continue
        room = MAX_UPLOAD_EVENTS - len(outcome.rows)
        if room <= 0:
            outcome.errors.append(
                f"{name}: not read, this upload already gave {MAX_UPLOAD_EVENTS:,} events;"
                " upload it again on its own."
            )
            continue
        try:
            extracted = extract_file(data, name, published, worker)
        except Exception as err:  # noqa: BLE001 - one broken file must not stop the batch
            outcome.errors.append(f"{name}: could not be read ({_reason(err)}).")
            continue
        rows = extracted.rows[:room]
        if extracted.notice:
            outcome.notes.append(f"{name}: {extracted.notice}.")
        if len(rows) < len(extracted.rows):
            outcome.notes.append(
                f"{name}: only its first {len(rows):,} events kept, the upload's limit of"
                f" {MAX_UPLOAD_EVENTS:,} events is reached."
            )
        renamed = doc_ids.claim(name, rows)
        if renamed:
            outcome.notes.append(f"{renamed}.")
        dated = sum(1 for row in rows if row["date"])
        if not rows:
            outcome.notes.append(f"{name}: no events found.")
        elif not dated:
            outcome.notes.append(
                f"{name}: {len(rows)} events found but none has a date; "
                "they are listed in the table only."
            )
        outcome.rows.extend(rows)


def _reason(err: Exception) -> str:
    return str(err).strip() or type(err).__name__
