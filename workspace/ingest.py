"""Adding documents to a workspace: extract, store, merge across every document.

Each document is stored with its events in a transaction of its own, and marks the merged
events as out of date; :func:`remerge` then rebuilds the ``events`` table and the mentions'
``merged_id`` from every document in one transaction. A run killed half-way therefore leaves
whole documents, and the next ingest (or :func:`remerge`) completes the merge.

A file whose bytes are already in the workspace, read by the same extractor, is skipped. A
document read by another extractor (a new version, other lexicons) is extracted again, and a
changed document (same ``doc_id``, same file name, new content) replaces its old version; the
corrections are kept apart and applied when the events are read (:mod:`workspace.corrections`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path, PurePath

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.engine import Connection

import extract
from extract import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    MERGED_EVENT_COLUMNS,
    Document,
    DocumentError,
    Lexicon,
    load_document,
    load_lexicon,
)
from extract.merging.spool import spooled_merge
from extract.reading.documents import read_bytes
from workspace.snapshots import write_snapshot
from workspace.store import Workspace, get_meta, now, set_meta
from workspace.tables import documents, events, mentions

#: Rows inserted per statement.
BATCH = 2_000
#: File name endings of the extractor's code and data, hashed into its fingerprint.
_FINGERPRINTED = (".py", ".tsv", ".csv", ".txt", ".json")


@dataclass(frozen=True, eq=False)
class Extractor:
    """The event extractor with its lexicons: the shipped ones, extended by those of
    ``lexicon_dir`` (see :func:`extract.load_lexicon`).

    Its :attr:`fingerprint` changes with the extractor's code, rules or lexicons: documents
    read by another fingerprint are extracted again.
    """

    lexicon_dir: Path | None = None

    @cached_property
    def lexicon(self) -> Lexicon:
        """The lexicon the extractor looks words up in."""
        return load_lexicon(self.lexicon_dir)

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of the extractor's code and data files."""
        digest = hashlib.sha256()
        package = Path(extract.__file__).parent
        for path in sorted(package.rglob("*")):
            if path.suffix in _FINGERPRINTED and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(package)).encode() + path.read_bytes())
        if self.lexicon_dir:
            for path in sorted(Path(self.lexicon_dir).iterdir()):
                if path.is_file():
                    digest.update(path.name.encode() + path.read_bytes())
        return digest.hexdigest()[:16]

    def extract(self, document: Document) -> tuple[list[dict[str, str]], str]:
        """The rows of ``document`` (``EVENT_COLUMNS``), at most its event limit (see
        :mod:`extract.events.limits`), and the notice saying how many more it gave, or ""."""
        from extract.running.pipeline import document_rows

        rows, notice = document_rows(document, self.lexicon)
        return as_strings(rows), notice


def as_strings(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """``rows`` with every ``EVENT_COLUMNS`` value a string."""
    return [{c: str(row.get(c, "") or "") for c in EVENT_COLUMNS} for row in rows]


def content_hash(data: bytes) -> str:
    """The content hash of a file: sha256 of its bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class IngestReport:
    """What an ingest did, document by document (names as given), and why files were refused."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events: int = 0

    @property
    def changed(self) -> bool:
        """Whether any document was added or extracted again."""
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        """One line: documents added, extracted again, skipped and refused; events extracted."""
        return (
            f"{_count(len(self.added), 'document')} added, {len(self.replaced)} extracted again,"
            f" {len(self.skipped)} unchanged, {len(self.errors)} refused;"
            f" {_count(self.events, 'event')} extracted"
        )


def ingest(
    workspace: Workspace,
    files: Iterable[tuple[str, bytes]],
    published: date | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[int, str], None] = lambda done, name: None,
) -> IngestReport:
    """Add the ``(file name, bytes)`` files to the workspace and merge the events again.

    ``published`` anchors files that give no publication date. A broken file gets one error
    naming it; the other files are still added.
    """
    extractor = extractor or Extractor()
    report = IngestReport()
    for done, (name, data) in enumerate(files):
        progress(done, name)
        try:
            add_document(workspace, name, data, published, extractor, report)
        except DocumentError as error:
            report.errors.append(f"{PurePath(name).name}: {error.reason}")
    remerge(workspace, extractor.lexicon, force=report.changed)
    return report


def add_document(
    workspace: Workspace,
    name: str,
    data: bytes,
    published: date | None,
    extractor: Extractor,
    report: IngestReport,
) -> None:
    """Store one file and its events in one transaction, unless the same bytes were already
    read by this extractor; raises :class:`DocumentError` for a file that cannot be read."""
    name = PurePath(name).name
    digest = content_hash(data)
    with workspace.reading() as connection:
        same = connection.execute(
            select(documents.c.doc_id, documents.c.extractor).where(
                documents.c.content_hash == digest
            )
        ).first()
    if same is not None and same.extractor == extractor.fingerprint:
        report.skipped.append(name)
        return
    document = load_document(data, name, published=published)
    rows, notice = extractor.extract(document)
    with workspace.writing() as connection:
        doc_id = same.doc_id if same is not None else _doc_id(connection, document.doc_id, name)
        replaced = _remove(connection, doc_id)
        for row in rows:
            row["event_id"] = doc_id + row["event_id"].removeprefix(document.doc_id)
            row["doc_id"] = doc_id
        stamp = now()
        connection.execute(
            insert(documents).values(
                doc_id=doc_id,
                name=name,
                content_hash=digest,
                content=data,
                text=document.text,
                title=document.title,
                source=document.source,
                url=document.url,
                published=document.published.isoformat() if document.published else "",
                extractor=extractor.fingerprint,
                added_at=replaced or stamp,
                extracted_at=stamp,
            )
        )
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            connection.execute(
                insert(mentions),
                [{**row, "merged_id": row["event_id"], "merge_score": ""} for row in batch],
            )
        set_meta(connection, {"merge_pending": "1"})
    (report.replaced if replaced else report.added).append(name)
    if doc_id != document.doc_id:
        report.notes.append(f'{name}: doc_id "{document.doc_id}" is taken, using "{doc_id}"')
    if notice:
        report.notes.append(f"{name}: {notice}")
    if not rows:
        report.notes.append(f"{name}: no events found.")
    report.events += len(rows)


def _doc_id(connection: Connection, wanted: str, name: str) -> str:
    """``wanted``, unless another file holds it: then ``wanted-2``, ``wanted-3``, … A document
    of the same file name and doc_id is the same document, in a new version."""
    doc_id, number = wanted, 1
    while True:
        holder = connection.execute(
            select(documents.c.name).where(documents.c.doc_id == doc_id)
        ).scalar()
        if holder is None or holder == name:
            return doc_id
        number += 1
        doc_id = f"{wanted}-{number}"


def _remove(connection: Connection, doc_id: str) -> str:
    """Remove a document and its events; return when it was first added ('' if absent)."""
    added = connection.execute(
        select(documents.c.added_at).where(documents.c.doc_id == doc_id)
    ).scalar()
    connection.execute(delete(mentions).where(mentions.c.doc_id == doc_id))
    connection.execute(delete(documents).where(documents.c.doc_id == doc_id))
    return added or ""


def remove_document(workspace: Workspace, doc_id: str, lexicon: Lexicon | None = None) -> bool:
    """Remove a document and its events (its corrections stay, unused, for if it comes back);
    return whether it was there."""
    with workspace.writing() as connection:
        found = bool(_remove(connection, doc_id))
        if found:
            set_meta(connection, {"merge_pending": "1"})
    remerge(workspace, lexicon, force=found)
    return found


def remerge(workspace: Workspace, lexicon: Lexicon | None = None, force: bool = False) -> bool:
    """Rebuild the merged ``events`` and the mentions' ``merged_id`` from every document, in
    one transaction, when documents changed since the last merge (or ``force``); return
    whether it ran."""
    with workspace.reading() as connection:
        pending = get_meta(connection).get("merge_pending") == "1"
    if not (pending or force) or workspace.read_only:
        return False
    with workspace.writing() as connection, tempfile.TemporaryDirectory() as folder:
        rows = (
            row._asdict()
            for row in connection.execute(select(*[mentions.c[c] for c in EVENT_COLUMNS]))
        )
        with spooled_merge(rows, Path(folder) / "merge", lexicon) as (merged, mention_rows):
            connection.execute(delete(events))
            _insert(connection, events, MERGED_EVENT_COLUMNS, merged)
            connection.execute(delete(mentions))
            _insert(connection, mentions, MENTION_COLUMNS, mention_rows)
        write_snapshot(connection)
        set_meta(connection, {"merge_pending": "0"})
    return True


def _insert(
    connection: Connection, table: Table, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]
) -> None:
    batch: list[dict[str, str]] = []
    for values in rows:
        batch.append(dict(zip(columns, values, strict=True)))
        if len(batch) == BATCH:
            connection.execute(insert(table), batch)
            batch = []
    if batch:
        connection.execute(insert(table), batch)


def counts(workspace: Workspace) -> dict[str, int]:
    """How many documents, events and mentions the workspace holds."""
    with workspace.reading() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (documents, events, mentions)
        }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def seed(workspace: Workspace, folder: Path, extractor: Extractor | None = None) -> IngestReport:
    """Add the articles of ``folder`` to a workspace opened for the first time (no documents,
    never seeded); once seeded, a workspace is never seeded again, even when emptied."""
    with workspace.reading() as connection:
        seeded = get_meta(connection).get("seeded") == "1"
        held = connection.execute(select(func.count()).select_from(documents)).scalar_one()
    if seeded or held or workspace.read_only:
        return IngestReport()
    found = [item.path for item in extract.find_documents([Path(folder)]) if not item.problem]
    unread: list[str] = []
    report = ingest(workspace, _readable(found, unread), None, extractor)
    report.errors += unread
    with workspace.writing() as connection:
        set_meta(connection, {"seeded": "1"})
    return report


def _readable(paths: list[Path], unread: list[str]) -> Iterator[tuple[str, bytes]]:
    """The name and bytes of each regular file of ``paths`` (see
    :func:`extract.reading.documents.read_bytes`); why the others are not read goes to
    ``unread``."""
    for path in paths:
        try:
            yield path.name, read_bytes(path)
        except DocumentError as error:
            unread.append(f"{path.name}: {error.reason}")
