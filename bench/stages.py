"""Where one process spends its time: the stages of an extraction, each timed on its own.

Usage: python bench/stages.py [--size 10] [--dense] [--work DIR]

On the benchmark corpus of ``--size`` MB (see ``corpus.py``; built under ``--work`` once, as
``throughput.py`` builds it), in process CPU time, after a warm-up document that compiles the
rules:

- reading: every document from its file (decoding, front matter);
- extraction: each document's events (sentences, dates, actors, topics, titles, rows);
- merging and writing: the merge across documents and both output tables, as the command line
  does it (rows spooled to disk);
- then two parts of extraction alone: splitting each document's text into sentences, and the
  temporal tagger over it. They run last, so that extraction runs as in a real run; they find
  the tagger's caches warm, which only makes them look faster.

Reading, extraction, and merging and writing add up to a one-process run of the command line
without its start-up. The last line sets the first stages of any run, reading, sentences and
date tagging, against the CPU time a rate of 2 MB/s allows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from throughput import corpus_for

from extract import (
    MENTION_COLUMNS,
    MERGED_EVENT_COLUMNS,
    Document,
    extract_events,
    load_lexicon,
    read_document,
    tag,
)
from extract.merging.spool import spooled_merge
from extract.running.output import mentions_path, write_tables
from extract.text.sentences import split_sentences

TARGET_MB_PER_S = 2.0


def cpu_seconds(work: Callable[[], object]) -> float:
    """The process CPU time ``work`` takes."""
    began = time.process_time()
    work()
    return time.process_time() - began


def merge_and_write(rows: list[dict[str, str]], out: Path) -> None:
    """Merge ``rows`` and write both tables next to ``out``, as the command line does."""
    with spooled_merge(rows, out) as (merged, mentions):
        write_tables(
            [(merged, out, MERGED_EVENT_COLUMNS), (mentions, mentions_path(out), MENTION_COLUMNS)]
        )


def main(argv: list[str] | None = None) -> int:
    """Print each stage's CPU time, rate and share of the run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--dense", action="store_true", help="the corpus dense in dates")
    parser.add_argument("--work", type=Path, help="keep the corpus here between runs")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="eventline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    directory, megabytes = corpus_for(work, args.size, args.dense)
    paths = sorted(directory.iterdir())
    lexicon = load_lexicon()
    extract_events(read_document(paths[0]), lexicon)  # warm-up: rules compiled, lexicon indexed

    documents: list[Document] = []
    rows: list[dict[str, str]] = []
    stages = {
        "reading": lambda: documents.extend(map(read_document, paths)),
        "extraction": lambda: [rows.extend(extract_events(doc, lexicon)) for doc in documents],
        "merging and writing": lambda: merge_and_write(rows, work / "stages-events.csv"),
        "sentences": lambda: [split_sentences(doc.text) for doc in documents],
        "date tagging": lambda: [tag(doc.text, doc.published) for doc in documents],
    }
    seconds = {name: cpu_seconds(work) for name, work in stages.items()}
    run = seconds["reading"] + seconds["extraction"] + seconds["merging and writing"]
    print(f"{len(paths)} documents, {megabytes:.1f} MB, {len(rows)} events")
    for name, spent in seconds.items():
        rate = megabytes / spent
        print(f"{name:<20} {spent:7.2f} s CPU {rate:7.2f} MB/s {spent / run:6.1%} of the run")
    print(f"{'one-process run':<20} {run:7.2f} s CPU {megabytes / run:7.2f} MB/s")
    allowed = megabytes / TARGET_MB_PER_S
    floor = seconds["reading"] + seconds["sentences"] + seconds["date tagging"]
    print(
        f"{TARGET_MB_PER_S:g} MB/s allows {allowed:.2f} s CPU for the run; reading, sentences and"
        f" date tagging alone take {floor:.2f} s ({floor / allowed:.0%} of it)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
