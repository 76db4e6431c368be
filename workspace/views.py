"""Reading a workspace into frames: its events as curated, as extracted, and its documents."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from extract.schema import MENTION_COLUMNS, MERGED_EVENT_COLUMNS
from workspace.curation import Curated, Stored, curate
from workspace.keys import EventKey, key_of
from workspace.store import Workspace
from workspace.tables import corrected_events, corrections, documents, edits, events, mentions

#: Columns of the documents listing (the file's bytes and text are left out).
DOCUMENT_COLUMNS = ("doc_id", "name", "content_hash", "title", "source", "url", "published")


def read_stored(workspace: Workspace) -> Stored:
    """Everything the curated events are computed from, in one consistent snapshot."""
    with workspace.reading() as connection:
        return Stored(
            events=_frame(
                connection,
                events,
                MERGED_EVENT_COLUMNS,
                (events.c.date == "", events.c.date, events.c.event_id),
            ),
            mentions=_frame(connection, mentions, MENTION_COLUMNS),
            documents=_frame(connection, documents, DOCUMENT_COLUMNS),
            targets=_frame(connection, corrected_events, tuple(corrected_events.c.keys())),
            corrections=_frame(connection, corrections, tuple(corrections.c.keys())),
        )


def curated_events(workspace: Workspace) -> Curated:
    """The events with every correction applied."""
    return curate(read_stored(workspace))


def history(workspace: Workspace, target: int | None = None) -> pd.DataFrame:
    """The edits (of one corrected event, or all), newest first: time, field, old and new
    value, author."""
    query = select(edits).order_by(edits.c.id.desc())
    if target is not None:
        query = query.where(edits.c.target_id == target)
    with workspace.reading() as connection:
        return pd.read_sql(query, connection).astype(str)


def event_key(workspace_documents: pd.DataFrame, row: dict[str, str]) -> EventKey:
    """The key of an event row, with the content hash of its document from the listing."""
    match = workspace_documents.loc[workspace_documents["doc_id"] == row["doc_id"], "content_hash"]
    return key_of(row, str(match.iloc[0]) if not match.empty else "")


def _frame(
    connection: Connection, table: Table, columns: tuple[str, ...], order: tuple = ()
) -> pd.DataFrame:
    """All rows of ``table`` as strings, in the ``order`` given, else of its primary key."""
    query = select(*[table.c[c] for c in columns]).order_by(*(order or table.primary_key.columns))
    result = connection.execute(query)
    frame = pd.DataFrame(result.fetchall(), columns=list(columns), dtype=object)
    return frame.fillna("").astype(str)
