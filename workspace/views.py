"""Reading a workspace into frames: its events as curated, as extracted, and its documents."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.engine import Connection

from extract.schema import MENTION_COLUMNS, MERGED_EVENT_COLUMNS
from workspace.curation import Curated, Stored, curate
from workspace.keys import EventKey, key_of
from workspace.snapshots import event_order, read_snapshot
from workspace.store import Workspace
from workspace.tables import corrected_events, corrections, documents, edits, events, mentions

#: Columns of the documents listing (the file's bytes and text are left out).
DOCUMENT_COLUMNS = ("doc_id", "name", "content_hash", "title", "source", "url", "published")


def read_stored(workspace: Workspace) -> Stored:
    """Everything the curated events are computed from, in one consistent snapshot: the
    events (from their Parquet snapshot when it is current), and only the mentions that
    corrections need (those of corrected documents, and of the events they are part of)."""
    with workspace.reading() as connection:
        targets = _frame(connection, corrected_events, tuple(corrected_events.c.keys()))
        extracted = read_snapshot(connection)
        if extracted is None:
            extracted = _frame(connection, events, MERGED_EVENT_COLUMNS, event_order())
        return Stored(
            events=extracted,
            mentions=_mentions_near(connection, sorted(set(targets["doc_id"]))),
            documents=_frame(connection, documents, DOCUMENT_COLUMNS),
            targets=targets,
            corrections=_frame(connection, corrections, tuple(corrections.c.keys())),
        )


def _mentions_near(connection: Connection, doc_ids: list[str]) -> pd.DataFrame:
    """The mentions of the documents ``doc_ids`` and of the merged events they are in."""
    if not doc_ids:
        return pd.DataFrame(columns=list(MENTION_COLUMNS), dtype=str)
    merged = select(mentions.c.merged_id).where(mentions.c.doc_id.in_(doc_ids))
    return _frame(
        connection,
        mentions,
        MENTION_COLUMNS,
        where=mentions.c.doc_id.in_(doc_ids) | mentions.c.merged_id.in_(merged),
    )


def event_mentions(
    workspace: Workspace, event_id: str, curated: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The mentions of the event ``event_id``; with ``curated`` (the mentions as corrections
    left them), those a join or split moved count where they were moved to."""
    moved = (
        dict(zip(curated["event_id"], curated["merged_id"], strict=True))
        if curated is not None
        else {}
    )
    here = [mention for mention, merged in moved.items() if merged == event_id]
    with workspace.reading() as connection:
        found = _frame(
            connection,
            mentions,
            MENTION_COLUMNS,
            where=(mentions.c.merged_id == event_id) | mentions.c.event_id.in_(here),
        )
    found["merged_id"] = found["event_id"].map(moved).fillna(found["merged_id"])
    return found[found["merged_id"] == event_id].reset_index(drop=True)


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
    connection: Connection,
    table: Table,
    columns: tuple[str, ...],
    order: tuple = (),
    where: ColumnElement[bool] | None = None,
) -> pd.DataFrame:
    """The rows of ``table`` (those ``where`` says) as strings, in the ``order`` given, else
    in that of its primary key."""
    query = select(*[table.c[c] for c in columns]).order_by(*(order or table.primary_key.columns))
    if where is not None:
        query = query.where(where)
    rows = connection.execute(query).fetchall()
    frame = pd.DataFrame(rows, columns=list(columns), dtype=object)
    return frame.fillna("").astype(str)
