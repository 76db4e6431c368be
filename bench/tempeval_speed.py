"""Speed of the temporal tagger: throughput on news text, and how time grows on repetitive text.

Usage: python bench/tempeval_speed.py [--corpus DIR] [--megabytes N] [--passes N]

Throughput is measured on the TempEval-3 documents (each with its creation date), repeated until
the text reaches ``--megabytes``, in process CPU time, the best of ``--passes`` passes after a
warm-up pass that compiles the rules. The resolution caches are emptied before each pass, so
only the repeated copies within a pass can hit them; a single copy is reported as well.
Linearity: each repetitive text is tagged at 500, 2000 and 8000 copies; time should grow about
fourfold with each fourfold growth of the text.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tempeval_corpus import Document, read_corpus

from extract import tag
from extract.timex.periods import parse_value
from extract.timex.resolve import underspecified

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "benchmarks" / "tempeval3"
CORPORA = ("TimeBank", "AQUAINT")
#: Inputs that once made matching slow: long runs of numbers, names, clock times.
REPETITIVE = ("9", "May ", "the past ", "1999-", "Monday ", "12:30 ", "12:", "May 5 of 2020 ")
COPIES = (500, 2000, 8000)


def cpu_seconds(work: Callable[[], object], passes: int) -> float:
    """The least process CPU time of ``passes`` runs of ``work`` (caches emptied before each)."""
    best = float("inf")
    for _ in range(passes):
        underspecified.cache_clear()
        parse_value.cache_clear()
        began = time.process_time()
        work()
        best = min(best, time.process_time() - began)
    return best


def throughput(docs: list[Document], passes: int) -> float:
    """Megabytes of text tagged per CPU second."""
    size = sum(len(doc.text.encode()) for doc in docs)

    def run() -> None:
        for doc in docs:
            tag(doc.text, doc.dct)

    return size / cpu_seconds(run, passes) / 1e6


def main(argv: list[str] | None = None) -> int:
    """Print throughput and linearity figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="tempeval3 directory")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the text timed")
    parser.add_argument("--passes", type=int, default=5, help="timed passes (the best counts)")
    args = parser.parse_args(argv)
    corpus = [doc for name in CORPORA for doc in read_corpus(args.corpus / name)]
    if not corpus:
        print(f"no .tml files in {args.corpus}", file=sys.stderr)
        return 1
    began = time.process_time()
    for doc in corpus:
        tag(doc.text, doc.dct)
    print(f"first pass, rules compiled on the way: {time.process_time() - began:.2f} s CPU")
    size = sum(len(doc.text.encode()) for doc in corpus)
    copies = max(1, round(args.megabytes * 1e6 / size + 0.5))
    print(f"one copy of the corpus ({size / 1e6:.2f} MB): ", end="")
    print(f"{throughput(corpus, args.passes):.2f} MB/s")
    print(f"{copies} copies ({copies * size / 1e6:.2f} MB): ", end="")
    print(f"{throughput(corpus * copies, args.passes):.2f} MB/s")
    print("\nrepetitive text: CPU ms for " + ", ".join(f"{n} copies" for n in COPIES))
    for unit in REPETITIVE:
        tag(unit * 20, None)
        texts = [unit * n for n in COPIES]
        ms = [cpu_seconds(lambda t=t: tag(t, None), args.passes) * 1e3 for t in texts]
        growth = max(ms[i + 1] / max(ms[i], 1e-3) for i in range(len(ms) - 1))
        figures = ", ".join(f"{x:.1f}" for x in ms)
        print(f"  {unit!r:18} {figures}   largest growth per 4x text: {growth:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
