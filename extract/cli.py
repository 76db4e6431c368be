"""Command line: ``python -m extract PATH... -o OUT.csv``."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from extract.discovery import find_documents
from extract.documents import DocumentError, read_document
from extract.events import extract_events
from extract.frontmatter import parse_date
from extract.lexicon import load_lexicon
from extract.output import write_events_csv

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_INTERRUPTED = 130

#: Without a terminal, progress is reported every this many documents.
PROGRESS_EVERY = 100

_EPILOG = """\
exit status:
  0  every document was read and the events were written
  1  some documents were skipped (each one is named on stderr with the reason), or, with
     --strict, the run stopped at the first bad document and wrote nothing
  2  wrong usage
"""


#: Details dropped from a reason when skipped documents are counted by reason.
_REASON_DETAIL = re.compile(r"\s*(?:'[^']*'|\([^)]*\)|,.*)")


class _Stop(Exception):
    """Raised to end a ``--strict`` run at the first bad document."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, also used for ``--help``."""
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated events from news articles into one CSV table.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="article file, or directory searched recursively for .txt and .md files",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="CSV file to write")
    parser.add_argument(
        "--published",
        type=_published_argument,
        metavar="YYYY-MM-DD",
        help="publication date for documents whose front matter has none",
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first bad document, write nothing"
    )
    return parser


def main(argv: Sequence[str] | None = None, stderr: TextIO | None = None) -> int:
    """Run the command and return its exit status."""
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    run = _Run(args.paths, args.published, args.strict, stderr)
    try:
        written = write_events_csv(run.rows(), args.output)
    except _Stop:
        print(f"extract: stopped (--strict), nothing written to {args.output}", file=stderr)
        return EXIT_SKIPPED
    except KeyboardInterrupt:
        print(f"extract: interrupted, nothing written to {args.output}", file=stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        print(f"extract: cannot write {args.output}: {error.strerror or error}", file=stderr)
        return EXIT_SKIPPED
    print(run.summary(written, args.output), file=stderr)
    return EXIT_SKIPPED if run.skipped else EXIT_OK


class _Run:
    """One pass over the documents, counting what was read and skipped."""

    def __init__(
        self, paths: Sequence[Path], published: date | None, strict: bool, stderr: TextIO
    ) -> None:
        self.paths = paths
        self.published = published
        self.strict = strict
        self.stderr = stderr
        self.read = 0
        self.skipped: Counter[str] = Counter()

    def rows(self) -> Iterator[dict[str, str]]:
        lexicon = load_lexicon()
        for found in find_documents(self.paths):
            try:
                if found.problem:
                    raise DocumentError(str(found.path), found.problem)
                document = read_document(found.path, self.published)
            except DocumentError as error:
                self._skip(error)
                continue
            try:
                rows = extract_events(document, lexicon)
            except Exception as error:  # a bug on one document must not lose the others
                self._skip(
                    DocumentError(
                        str(found.path), f"extraction failed, {type(error).__name__}: {error}"
                    )
                )
                continue
            self.read += 1
            self._progress()
            yield from rows

    def summary(self, written: int, output: Path) -> str:
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(self.skipped.items()))
        detail = f" ({reasons})" if reasons else ""
        return (
            f"extract: {_count(self.read, 'document')} read, {skipped} skipped{detail}, "
            f"{_count(written, 'event')} written to {output}"
        )

    def _skip(self, error: DocumentError) -> None:
        print(f"extract: skipped {error}", file=self.stderr)
        self.skipped[_REASON_DETAIL.sub("", error.reason)] += 1
        if self.strict:
            raise _Stop

    def _progress(self) -> None:
        if self.read % PROGRESS_EVERY == 0 or self.stderr.isatty():
            print(f"extract: {_count(self.read, 'document')} read", file=self.stderr)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _published_argument(value: str) -> date:
    try:
        return parse_date(value, "--published")
    except DocumentError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
