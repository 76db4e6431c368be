"""The workspace's tables, as SQLAlchemy Core metadata, and the migrations that build them.

Plain tables with readable names, every event value stored as text as in ``events.csv``, so
that ``sqlite3``, Datasette or pandas can read them without Eventline:

- ``documents``: one row per article, its file bytes, body text, metadata and content hash;
- ``mentions``: the events of each document (``MENTION_COLUMNS``), with their merged event;
- ``events``: the merged events table (``MERGED_EVENT_COLUMNS``), as ``python -m extract``
  writes it, before corrections;
- ``corrected_events``: what each correction is about (the key that survives re-extraction;
  an added event's key is ``added:`` and a random id);
- ``corrections``: the current value of each corrected field; ``edits``: every change made;
- ``meta``: the schema version and a counter bumped by every change (``generation``);
- ``snapshots``: the ``events`` table as one Parquet file, written with it, so that the
  dashboard reads 100,000 events in a fraction of a second (a cache: never the only copy).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

from extract.schema import MENTION_COLUMNS, MERGED_EVENT_COLUMNS

#: The schema version this code reads and writes.
SCHEMA_VERSION = 2

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("doc_id", Text, primary_key=True),
    Column("name", Text, nullable=False),  # the file name it was added as
    Column("content_hash", Text, nullable=False, index=True),  # sha256 of the file's bytes
    Column("content", LargeBinary, nullable=False),  # the file as added
    Column("text", Text, nullable=False),  # the body text that offsets refer to
    Column("title", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("published", Text, nullable=False, default=""),
    Column("extractor", Text, nullable=False),  # fingerprint of the extractor that read it
    Column("added_at", Text, nullable=False),
    Column("extracted_at", Text, nullable=False),
)


def _text_columns(names: tuple[str, ...], key: str) -> list[Column]:
    return [Column(name, Text, primary_key=name == key, nullable=False) for name in names]


mentions = Table(
    "mentions",
    metadata,
    *_text_columns(MENTION_COLUMNS, "event_id"),
    Index("mentions_doc_id", "doc_id"),
    Index("mentions_merged_id", "merged_id"),
)

events = Table("events", metadata, *_text_columns(MERGED_EVENT_COLUMNS, "event_id"))

corrected_events = Table(
    "corrected_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),  # "extracted", or "added" from a sentence
    Column("key", Text, nullable=False, unique=True),  # content hash:start:end:date text
    Column("doc_id", Text, nullable=False, index=True),
    Column("content_hash", Text, nullable=False),
    Column("char_start", Text, nullable=False),
    Column("char_end", Text, nullable=False),
    Column("date_text", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("event_id", Text, nullable=False),  # the event's id when it was corrected
    Column("created_at", Text, nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column(
        "target_id",
        Integer,
        ForeignKey("corrected_events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("field", Text, primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

edits = Table(
    "edits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "target_id",
        Integer,
        ForeignKey("corrected_events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("field", Text, nullable=False),
    Column("old_value", Text, nullable=False),
    Column("new_value", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("author", Text, nullable=False, default=""),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("name", Text, primary_key=True),  # the table it copies
    Column("version", Text, nullable=False),  # equals meta "<name>_version" while current
    Column("data", LargeBinary, nullable=False),  # Parquet, every column a string
)

#: Tables whose columns follow the event table's (new columns are added on opening).
EVENT_TABLES: tuple[Table, ...] = (mentions, events)

#: Tables in the order their rows can be inserted (parents first).
TABLES: tuple[Table, ...] = (
    meta,
    documents,
    mentions,
    events,
    corrected_events,
    corrections,
    edits,
    snapshots,
)


def _create_version_1(connection: Connection) -> None:
    metadata.create_all(
        connection, tables=[t for t in metadata.sorted_tables if t is not snapshots]
    )


def _add_snapshots(connection: Connection) -> None:
    metadata.create_all(connection, tables=[snapshots])


#: ``MIGRATIONS[n]`` brings a database at version ``n`` to version ``n + 1``.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {0: _create_version_1, 1: _add_snapshots}
