"""``python -m extract PATH... --workspace PATH``: add documents to a workspace.

And ``python -m workspace``: back a workspace up to one file, restore it, list or remove its
documents.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from extract.reading.discovery import find_documents
from extract.reading.documents import DocumentError, read_bytes
from workspace.backup import export_backup, import_backup
from workspace.ingest import Extractor, IngestReport, add_document, counts, remerge, remove_document
from workspace.store import Workspace, WorkspaceError


def ingest_paths(
    location: str,
    paths: Sequence[Path],
    published: date | None,
    lexicons: Path | None,
    say: Callable[[str], None],
    progress: Callable[[str], None],
) -> IngestReport:
    """Add the documents found under ``paths`` to the workspace at ``location``, read with the
    shipped lexicons extended by ``lexicons``; each refused file is reported with ``say``.
    Raises :class:`WorkspaceError`."""
    workspace = Workspace.open(location)
    extractor = Extractor(lexicons)
    report = IngestReport()
    try:
        for number, (name, data) in enumerate(_files(paths, report, say), start=1):
            errors = len(report.errors)
            try:
                add_document(workspace, name, data, published, extractor, report)
            except Exception as error:  # noqa: BLE001 - one bad document must not stop the run
                report.errors.append(f"{name}: {getattr(error, 'reason', error)}")
            for message in report.errors[errors:]:
                say(f"skipped {message}")
            progress(f"{number} documents read")
        if report.changed:
            say(f"merging the events of {counts(workspace)['documents']} documents")
        remerge(workspace, extractor.lexicon, force=report.changed)
    finally:
        workspace.close()
    return report


def _files(
    paths: Sequence[Path], report: IngestReport, say: Callable[[str], None]
) -> Iterator[tuple[str, bytes]]:
    """The name and bytes of each document found; a file that is not regular, too large or
    binary from its first block is reported and skipped without being read whole (a FIFO would
    never end, ``/dev/zero`` neither)."""
    for found in find_documents(paths):
        try:
            if found.problem:
                raise DocumentError(str(found.path), found.problem)
            data = read_bytes(found.path)
        except DocumentError as error:
            report.errors.append(f"{found.path}: {error.reason}")
            say(f"skipped {report.errors[-1]}")
            continue
        yield str(found.path), data


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m workspace``: backup, restore, documents, remove."""
    parser = argparse.ArgumentParser(
        prog="python -m workspace", description="Back up, restore and list an Eventline workspace."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    backup = commands.add_parser("backup", help="write the whole workspace to one file")
    backup.add_argument("workspace")
    backup.add_argument("file", type=Path, help="the backup file to write (.jsonl.gz)")
    restore = commands.add_parser("restore", help="load a backup file into an empty workspace")
    restore.add_argument("file", type=Path)
    restore.add_argument("workspace")
    listing = commands.add_parser("documents", help="list the documents of a workspace")
    listing.add_argument("workspace")
    remove = commands.add_parser("remove", help="remove documents and their events")
    remove.add_argument("workspace")
    remove.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except WorkspaceError as error:
        print(f"workspace: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "restore":
        workspace = Workspace.open(args.workspace)
        written = import_backup(workspace, args.file)
        print(f"workspace: restored {written} rows from {args.file} into {workspace.name}")
        return 0
    workspace = Workspace.open(args.workspace, read_only=args.command != "remove")
    try:
        if args.command == "backup":
            rows = export_backup(workspace, args.file)
            print(f"workspace: {rows} rows written to {args.file}")
        elif args.command == "documents":
            from workspace.views import read_stored

            for row in read_stored(workspace).documents.itertuples(index=False):
                print(f"{row.doc_id}\t{row.name}\t{row.title}")
        else:
            missing = [d for d in args.doc_ids if not remove_document(workspace, d)]
            if missing:
                print(f"workspace: no document {', '.join(missing)}", file=sys.stderr)
                return 1
    finally:
        workspace.close()
    return 0
