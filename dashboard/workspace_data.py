"""The dashboard's data from a workspace: opened (and seeded when new), read into the frames
the timeline, the table and the downloads use, with the corrections applied."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import pandas as pd

from dashboard import loading, upload
from dashboard.sandbox import UploadError, Worker
from extract import Document, DocumentError, LexiconError
from workspace.curation import CURATION_COLUMNS, TARGET, curate
from workspace.ingest import (
    Extractor,
    IngestReport,
    as_strings,
    ingest,
    remerge,
    remove_document,
    seed,
)
from workspace.store import Workspace, WorkspaceError
from workspace.views import event_mentions, read_stored

#: Columns the workspace's events carry beyond the event table's.
EXTRA_COLUMNS = (*CURATION_COLUMNS, TARGET)


@dataclass(frozen=True)
class WorkspaceData:
    """One snapshot of a workspace: the curated events (``events``), prepared as
    :func:`dashboard.loading.prepare` does, and on demand the extractor's own (``original``);
    the mentions near corrections (as corrections left them), the rows marked not an event,
    the documents."""

    events: pd.DataFrame
    extracted: pd.DataFrame
    mentions: pd.DataFrame
    removed: pd.DataFrame
    documents: pd.DataFrame
    problems: list[str] = field(default_factory=list)

    @cached_property
    def original(self) -> pd.DataFrame:
        """The events as the extractor gave them, prepared."""
        blank = dict.fromkeys(EXTRA_COLUMNS, "")
        return prepared(self.extracted.assign(**blank), "workspace events").events


def open_workspace(
    location: str, read_only: bool, articles: Path | None, lexicons: str | None
) -> Workspace:
    """Open the workspace at ``location``; a new one is seeded from the folder ``articles``
    (when given), a merge left pending is done. Raises :class:`WorkspaceError` with a one-line
    message."""
    workspace = Workspace.open(location, read_only=read_only)
    extractor = Extractor(Path(lexicons) if lexicons else None)
    if articles is not None and articles.is_dir():
        seed(workspace, articles, extractor)
    remerge(workspace, extractor.lexicon)
    return workspace


def read_workspace(workspace: Workspace) -> WorkspaceData:
    """The workspace's events with the corrections applied, and the rest of the snapshot."""
    stored = read_stored(workspace)
    curated = curate(stored)
    events = prepared(curated.events, "workspace events")
    removed = prepared(curated.removed, "removed events") if not curated.removed.empty else None
    return WorkspaceData(
        events=events.events,
        extracted=stored.events,
        mentions=curated.mentions,
        removed=removed.events if removed else events.events.iloc[:0],
        documents=stored.documents,
        problems=events.problems,
    )


def selected_mentions(
    workspace: Workspace, data: WorkspaceData, event_id: str, original: bool
) -> pd.DataFrame:
    """The mentions of the selected event (none when no event is selected), as corrected
    unless the ``original`` events are shown."""
    if not event_id:
        return loading.empty_mentions()
    return event_mentions(workspace, event_id, None if original else data.mentions)


def prepared(frame: pd.DataFrame, name: str) -> loading.LoadResult:
    """``frame`` validated and extended as an events table is, keeping its curation columns."""
    result = loading.prepare(frame, name)
    events = result.events.assign(**dict.fromkeys(EXTRA_COLUMNS, ""))
    marked = frame[(frame[list(EXTRA_COLUMNS)] != "").any(axis=1)]
    if not (events.empty or marked.empty):
        extra = marked.drop_duplicates("event_id").set_index("event_id")
        rows = events["event_id"].isin(extra.index)
        for column in EXTRA_COLUMNS:
            events.loc[rows, column] = events.loc[rows, "event_id"].map(extra[column])
    return loading.LoadResult(events, result.problems, merged=True)


def add_files(
    workspace: Workspace,
    files: list[tuple[str, bytes]],
    published: date | None,
    lexicons: str | None,
    progress: Callable[[int, str], None],
) -> IngestReport:
    """Add uploaded files to the workspace, extracted in the upload worker process with its
    memory limit (see :mod:`dashboard.sandbox`); never raises for a bad file or lexicon."""
    try:
        with Worker(lexicons) as worker:
            directory = Path(lexicons) if lexicons else None
            extractor = IsolatedExtractor(directory, worker, upload.MAX_UPLOAD_EVENTS)
            return ingest(workspace, files, published, extractor, progress)
    except WorkspaceError as error:
        return IngestReport(errors=[str(error)])
    except LexiconError as error:
        return IngestReport(errors=[f"bad lexicon {error}"])


@dataclass(frozen=True, eq=False)
class IsolatedExtractor(Extractor):
    """The workspace's extractor, run in the upload ``worker`` process, giving at most
    ``limit`` events in all (the upload's limit)."""

    worker: Worker | None = None
    limit: int = 50_000
    _given: list[int] = field(default_factory=lambda: [0])  # events given so far

    def extract(self, document: Document) -> tuple[list[dict[str, str]], str]:
        """As :meth:`Extractor.extract`, in the worker; raises :class:`DocumentError` when the
        document needs more memory than the worker has, or the upload's limit is reached."""
        assert self.worker is not None
        room = self.limit - self._given[0]
        if room <= 0:
            reason = f"not read, this upload already gave {self.limit:,} events"
            raise DocumentError(document.doc_id, reason + "; upload it again on its own")
        try:
            extracted = self.worker.read(document)
        except UploadError as error:
            raise DocumentError(document.doc_id, str(error)) from None
        rows, notices = extracted.rows[:room], [extracted.notice] if extracted.notice else []
        if len(rows) < len(extracted.rows):
            notices.append(f"only its first {room:,} events kept, the upload's limit is reached")
        self._given[0] += len(rows)
        return as_strings(rows), "; ".join(notices)


def remove(workspace: Workspace, doc_id: str) -> str:
    """Remove a document; the line to show."""
    try:
        found = remove_document(workspace, doc_id)
    except WorkspaceError as error:
        return str(error)
    return f"Removed {doc_id} and its events." if found else f"{doc_id} was already removed."
