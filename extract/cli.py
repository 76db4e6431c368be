"""Command line: ``python -m extract PATH... -o OUT.csv``."""

from __future__ import annotations

import argparse
import re
import signal
import sys
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from types import FrameType
from typing import TextIO, cast

from extract import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    MERGED_EVENT_COLUMNS,
    DocIds,
    DocumentError,
    Lexicon,
    LexiconError,
    find_documents,
    load_lexicon,
    write_events,
)
from extract.merging.spool import spooled_merge
from extract.reading.controls import strip_controls
from extract.reading.frontmatter import parse_date
from extract.running.output import Rows, mentions_path, write_tables
from extract.running.parallel import (
    MAX_WORKERS_PER_CORE,
    Workers,
    default_workers,
    local_workers,
    run_local,
)
from extract.running.pipeline import Outcome
from extract.running.spreadsheet import neutralized
from extract.running.targets import target_problem

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 128 + signal.SIGTERM

#: Without a terminal, progress is reported every this many documents.
PROGRESS_EVERY = 100

_EPILOG = """\
merging:
  Events that several documents report are merged into one row per happening, with the
  columns sources, doc_ids, urls, outlets, date_conflict and merge_reason added (see
  docs/merging.md).
  Every per-document event is also written, with the id of its merged event, to the
  mentions file: next to OUT, named by replacing a final "events" in its name with
  "mentions" (events.csv -> mentions.csv), else by appending "-mentions"
  (belarus.parquet -> belarus-mentions.parquet). Both files appear together or not at all.
  Merging keeps the rows (beyond the first 20,000) in a temporary file next to OUT until the
  end of the run (removed however the run ends) and only what deciding needs in memory;
  --no-merge streams them to OUT as documents are read, one row per event of each document,
  without a mentions file.

exit status:
  0  every document was read and the events were written
  1  some documents were skipped (each one is named on stderr with the reason), or, with
     --strict, the run stopped at the first bad document and wrote nothing
  2  wrong usage, or an output that is one of the inputs or not a regular file
  130, 143  interrupted (Ctrl-C) or terminated (SIGTERM): nothing written, no file left behind

The CSV is for programs: every cell is written as extracted, so a cell starting with "=", "+",
"-" or "@" would be read as a formula by a spreadsheet. --spreadsheet-safe prefixes such cells
with "'", as the dashboard's download does.
"""


#: Details dropped from a reason when skipped documents are counted by reason.
_REASON_DETAIL = re.compile(r"\s*(?:'[^']*'|\([^)]*\)|,.*)")


class _Stop(Exception):
    """Raised to end a ``--strict`` run at the first bad document."""


class _Terminated(BaseException):
    """Raised on SIGTERM, to clean up as on Ctrl-C (a BaseException, as KeyboardInterrupt is,
    so that nothing catching errors of one document stops it)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, also used for ``--help``."""
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated events from news articles into one CSV or Parquet table.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=(
            "article file, or directory searched recursively for .txt, .md, .html and .htm "
            "files (saved web pages: the main article text is read)"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="events file to write: Parquet if it ends in .parquet, else CSV",
    )
    parser.add_argument(
        "--workspace",
        metavar="PATH",
        help=(
            "add the documents to this workspace (SQLite file or postgresql:// URL) instead of"
            " writing a table; unchanged documents are skipped, see docs/workspace.md"
        ),
    )
    merging = parser.add_mutually_exclusive_group()
    merging.add_argument(
        "--mentions",
        type=Path,
        metavar="PATH",
        help="mentions file to write (default: next to OUT, see merging below)",
    )
    merging.add_argument(
        "--no-merge",
        dest="merge",
        action="store_false",
        help="one row per event of each document, streamed; no merging, no mentions file",
    )
    parser.add_argument(
        "--published",
        type=_published_argument,
        metavar="YYYY-MM-DD",
        help="publication date for documents whose front matter has none",
    )
    parser.add_argument(
        "--lexicons",
        type=Path,
        metavar="DIR",
        help=(
            "directory of lexicon files (actors.csv, places.csv, topics.csv, triggers.csv,"
            " boilerplate.txt, person_titles.txt, event_families.csv, participants.csv,"
            " aspect_words.txt, subordinators.txt) that extend the shipped ones: a row with a"
            " shipped row's name replaces it, other rows and lines are added"
        ),
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first bad document, write nothing"
    )
    parser.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="prefix cells a spreadsheet would run as formulas with ' (see below)",
    )
    runner = parser.add_mutually_exclusive_group()
    runner.add_argument(
        "--workers",
        type=_positive,
        default=default_workers(),
        metavar="N",
        help=(
            "documents are read, and large merges decided, in N processes (default: the number"
            f" of cores, here %(default)s; at most {MAX_WORKERS_PER_CORE} per core)"
        ),
    )
    runner.add_argument(
        "--dask",
        metavar="tcp://HOST:PORT",
        help="run on the Dask cluster with this scheduler; the input must be on shared storage",
    )
    return parser


def main(argv: Sequence[str] | None = None, stderr: TextIO | None = None) -> int:
    """Run the command and return its exit status."""
    messages = _Messages(stderr or sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.workspace:
        if args.output or args.dask or args.strict or not args.merge or args.mentions:
            parser.error("--workspace takes only PATH..., --published and --lexicons")
        return _ingest(args, messages)
    if args.output is None:
        parser.error("the following arguments are required: -o/--output (or --workspace)")
    mentions = (args.mentions or mentions_path(args.output)) if args.merge else None
    if mentions is not None and mentions.resolve() == args.output.resolve():
        parser.error(f"the mentions file would overwrite the events file {args.output}")
    for target in (args.output, mentions):
        problem = target and target_problem(target, args.paths)
        if problem:
            messages.say(problem)
            return EXIT_USAGE
    most = MAX_WORKERS_PER_CORE * default_workers()
    if args.workers > most:
        messages.say(f"--workers {args.workers} is more than this machine can use, {most} used")
        args.workers = most
    targets = " and ".join(str(path) for path in (args.output, mentions) if path)
    if args.lexicons:
        args.lexicons = args.lexicons.resolve()
    try:
        lexicon = load_lexicon(args.lexicons)
    except LexiconError as error:
        messages.say(f"bad lexicon {error}")
        return EXIT_USAGE
    try:
        with _terminated_as_exception(), local_workers(args.workers) as workers:
            outcomes = _outcomes(args, workers)
            run = _Run(outcomes, args.strict, messages, args.spreadsheet_safe)
            with closing(outcomes):
                if mentions is None:
                    written = write_events(run.cells(run.rows()), args.output, EVENT_COLUMNS)
                    summary = run.summary(f"{_count(written, 'event')} written to {args.output}")
                else:
                    summary = _write_merged(run, args.output, mentions, workers, lexicon)
    except _Stop:
        messages.say(f"stopped (--strict), nothing written to {targets}")
        return EXIT_SKIPPED
    except KeyboardInterrupt:
        messages.say(f"interrupted, nothing written to {targets}")
        return EXIT_INTERRUPTED
    except _Terminated:
        messages.say(f"terminated, nothing written to {targets}")
        return EXIT_TERMINATED
    except OSError as error:
        messages.say(_failure(error, targets, [args.output, mentions]))
        return EXIT_SKIPPED
    messages.say(summary)
    return EXIT_SKIPPED if run.skipped else EXIT_OK


def _failure(error: OSError, targets: str, outputs: Sequence[Path | None]) -> str:
    """The line for an ``error`` that ended the run: what could not be read or written."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return f"cannot write {targets}: {reason}"
    folders = {path.resolve().parent for path in outputs if path}
    verb = "write" if Path(error.filename).resolve().parent in folders else "read"
    return f"cannot {verb} {error.filename}: {reason}"


def _ingest(args: argparse.Namespace, messages: _Messages) -> int:
    """Add the documents to the workspace ``args.workspace``; see :mod:`workspace.command`."""
    from workspace.command import ingest_paths
    from workspace.store import WorkspaceError

    say = messages.say
    progress = messages.progress if messages.live else lambda message: None
    lexicons = args.lexicons.resolve() if args.lexicons else None
    try:
        with _terminated_as_exception():
            report = ingest_paths(
                args.workspace, args.paths, args.published, lexicons, say, progress
            )
    except LexiconError as error:
        say(f"bad lexicon {error}")
        return EXIT_USAGE
    except WorkspaceError as error:
        say(str(error))
        return EXIT_SKIPPED
    except KeyboardInterrupt:
        say("interrupted; the documents stored so far are kept, the next run merges them")
        return EXIT_INTERRUPTED
    except _Terminated:
        say("terminated; the documents stored so far are kept, the next run merges them")
        return EXIT_TERMINATED
    say(f"{report.summary()} in {args.workspace}")
    return EXIT_SKIPPED if report.errors else EXIT_OK


@contextmanager
def _terminated_as_exception() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`_Terminated` in the main thread, so that
    temporary files are removed and workers stopped as on Ctrl-C."""

    def terminate(number: int, frame: FrameType | None) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_merged(
    run: _Run, output: Path, mentions: Path, workers: Workers, lexicon: Lexicon
) -> str:
    """Spool every row, merge across documents (with the ``workers`` at scale), write both
    tables; return the summary."""
    rows = run.rows(
        then=lambda: f"merging {_count(run.events, 'event')} of {_count(run.read, 'document')}"
    )
    with spooled_merge(rows, output, lexicon, workers) as (merged, mention_rows):
        events, count = write_tables(
            [
                (run.cells(merged), output, MERGED_EVENT_COLUMNS),
                (run.cells(mention_rows), mentions, MENTION_COLUMNS),
            ]
        )
    return run.summary(
        f"{_count(events, 'event')} written to {output}, {_count(count, 'mention')} to {mentions}"
    )


def _outcomes(args: argparse.Namespace, workers: Workers) -> Generator[Outcome, None, None]:
    """Each document's outcome in discovery order, computed by the local ``workers`` or on a
    cluster."""
    documents = find_documents(args.paths)
    if args.dask:
        from extract.running.distributed import run_dask

        return run_dask(documents, args.published, args.dask, args.lexicons)
    return run_local(documents, args.published, workers, args.lexicons)


class _Run:
    """One pass over the documents' outcomes, counting what was read and skipped."""

    def __init__(
        self,
        outcomes: Iterator[Outcome],
        strict: bool,
        messages: _Messages,
        spreadsheet_safe: bool = False,
    ) -> None:
        self.outcomes = outcomes
        self.strict = strict
        self.messages = messages
        self.spreadsheet_safe = spreadsheet_safe
        self.read = 0
        self.events = 0
        self.skipped: Counter[str] = Counter()
        self.doc_ids = DocIds()

    def rows(self, then: Callable[[], str] | None = None) -> Iterator[dict[str, str]]:
        """The rows of the documents read; once all are read, ``then()`` is reported if given
        (what the run goes on to do)."""
        for outcome in self.outcomes:
            if outcome.error:
                self._skip(outcome.error)
                continue
            self.read += 1
            self._progress()
            if outcome.notice:
                self.messages.say(f"{outcome.name}: {outcome.notice}")
            notice = self.doc_ids.claim(outcome.name, outcome.rows)
            if notice:
                self.messages.say(notice)
            self.events += len(outcome.rows)
            yield from outcome.rows
        if then:
            self.messages.say(then())

    def cells(self, rows: Rows) -> Rows:
        """``rows`` as written: neutralized for spreadsheets when asked."""
        # neutralized() keeps the kind of rows it is given: all dicts, or all tuples.
        return cast(Rows, neutralized(rows)) if self.spreadsheet_safe else rows

    def summary(self, written: str) -> str:
        """The last line of a run: documents read and skipped, then ``written``."""
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(self.skipped.items()))
        detail = f" ({reasons})" if reasons else ""
        return f"{_count(self.read, 'document')} read, {skipped} skipped{detail}, {written}"

    def _skip(self, error: DocumentError) -> None:
        self.messages.say(f"skipped {error}")
        self.skipped[_REASON_DETAIL.sub("", error.reason)] += 1
        if self.strict:
            raise _Stop

    def _progress(self) -> None:
        message = f"{_count(self.read, 'document')} read"
        if self.messages.live:
            self.messages.progress(message)
        elif self.read % PROGRESS_EVERY == 0:
            self.messages.say(message)


class _Messages:
    """Lines for the user on ``stream``. On a terminal, progress rewrites one line in place,
    ended by the next message."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self._open = False  # a progress line awaits its end

    def say(self, message: str) -> None:
        """Print ``message`` on a line of its own."""
        if self._open:
            print(file=self.stream)
            self._open = False
        print(f"extract: {strip_controls(message)}", file=self.stream)

    def progress(self, message: str) -> None:
        """Show ``message`` in place of the previous progress line (on a terminal)."""
        print(f"\rextract: {strip_controls(message)}", end="", file=self.stream, flush=True)
        self._open = True


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _positive(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return int(value)


def _published_argument(value: str) -> date:
    try:
        return parse_date(value, "--published")
    except DocumentError as error:
        raise argparse.ArgumentTypeError(error.reason) from None
