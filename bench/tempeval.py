"""TempEval-3 benchmark of the temporal tagger (and of a dateparser baseline).

Usage: python bench/tempeval.py [--corpus DIR] [--errors FILE] [--no-baseline]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tempeval_baseline import dateparser_spans
from tempeval_corpus import Document, Span, read_corpus
from tempeval_errors import write_errors
from tempeval_score import pooled

from extract import tag

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "benchmarks" / "tempeval3"
CORPORA = ("TimeBank", "AQUAINT")
COLUMNS = ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1")
COLUMNS += ("value_f1", "type_f1")

System = Callable[[Document], list[Span]]


def eventline(doc: Document) -> list[Span]:
    """The tagger's expressions as spans."""
    return [Span(t.start, t.end, t.type, t.value) for t in tag(doc.text, doc.dct)]


def baseline(doc: Document) -> list[Span]:
    """dateparser's matches as spans."""
    return dateparser_spans(doc.text, doc.dct)


def main(argv: list[str] | None = None) -> int:
    """Score the systems on each corpus and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="tempeval3 directory")
    parser.add_argument("--errors", type=Path, help="write an error report of the tagger here")
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser (slow)")
    args = parser.parse_args(argv)
    systems: dict[str, System] = {"Eventline": eventline}
    if not args.no_baseline:
        systems["dateparser"] = baseline
    header = ["corpus", "system", *COLUMNS]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    reports = []
    every_doc: list[Document] = []
    for corpus in CORPORA:
        docs = read_corpus(args.corpus / corpus)
        if not docs:
            print(f"no .tml files in {args.corpus / corpus}", file=sys.stderr)
            return 1
        every_doc += docs
        for name, system in systems.items():
            outputs = [system(doc) for doc in docs]
            figures = pooled((doc.gold, out) for doc, out in zip(docs, outputs, strict=True))
            row = [corpus, name, *(f"{figures.compute()[c]:.1f}" for c in COLUMNS)]
            print("| " + " | ".join(row) + " |")
            if name == "Eventline":
                reports.append((corpus, docs, outputs))
    speed = throughput(every_doc)
    print(f"\nEventline throughput: {speed:.2f} MB/s of text per CPU second (rules compiled)")
    if args.errors:
        write_errors(args.errors, reports)
    return 0


def throughput(docs: list[Document], passes: int = 3) -> float:
    """Megabytes of text the tagger handles per CPU second, once its rules are compiled.

    The best of a few passes, timed in process CPU time so that other load on the machine
    counts as little as possible.
    """
    size = sum(len(doc.text.encode()) for doc in docs)
    best = float("inf")
    for _ in range(passes):
        began = time.process_time()
        for doc in docs:
            tag(doc.text, doc.dct)
        best = min(best, time.process_time() - began)
    return size / best / 1e6


if __name__ == "__main__":
    sys.exit(main())
