"""Extraction throughput and peak memory, against dateparser's ``search_dates``.

Usage: python bench/throughput.py [--sizes 10,100] [--workers 1,2] [--baseline-mb 1] [--dense]
                                  [--work DIR]

For each size, builds a corpus of that many MB (see ``corpus.py``) and runs the command line
(``python -m extract DIR -o OUT.csv --workers N``) in a fresh process, timing it and reading
its CPU time and the peak resident memory of the main process and of its largest worker. The
first size is run with every ``--workers`` value (speed-up), the others with the last one only.
``search_dates`` (languages=['en'], RELATIVE_BASE = the publication date) runs over the
documents of the first corpus until ``--baseline-mb`` MB are done; its MB/s is extrapolated
from that sample. ``--dense`` uses the pessimistic corpus (see ``corpus.py``), three times as
dense in dates as real news.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path

from corpus import build_corpus

from extract import read_document

_RUNNER = """
import json, resource, sys, time
from extract.cli import main
start = time.perf_counter()
status = main(sys.argv[1:])
seconds = time.perf_counter() - start
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({
    "seconds": seconds,
    "cpu": sum(u.ru_utime + u.ru_stime for u in usage),
    "main_rss": usage[0].ru_maxrss,
    "worker_rss": usage[1].ru_maxrss,
}))
"""


@dataclass(frozen=True)
class Run:
    """One extraction run."""

    megabytes: float
    workers: int
    seconds: float
    cpu_seconds: float  # of the main process and its workers: unaffected by other load
    main_rss_mb: float
    worker_rss_mb: float
    events: int

    @property
    def rate(self) -> float:
        return self.megabytes / self.seconds

    @property
    def cpu_rate(self) -> float:
        return self.megabytes / self.cpu_seconds


def corpus_for(work: Path, size: int, dense: bool) -> tuple[Path, float]:
    """The corpus of ``size`` MB under ``work`` (built once) and its exact size in MB."""
    directory = work / f"corpus-{size}mb{'-dense' if dense else ''}"
    if not directory.is_dir():
        build_corpus(directory, size, seed=size, dense=dense)
    return directory, sum(p.stat().st_size for p in directory.iterdir()) / 1e6


def extract(directory: Path, megabytes: float, workers: int, work: Path) -> Run:
    """Run the command line on ``directory`` in a fresh process."""
    out = work / "events.csv"
    args = [str(directory), "-o", str(out), "--workers", str(workers)]
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    with out.open(encoding="utf-8", newline="") as stream:
        events = sum(1 for _ in csv.DictReader(stream))
    return Run(
        megabytes,
        workers,
        report["seconds"],
        report["cpu"],
        report["main_rss"] / 1024,
        report["worker_rss"] / 1024,
        events,
    )


def search_dates_rate(directory: Path, sample_mb: float) -> tuple[float, float]:
    """MB/s of ``search_dates`` over the first ``sample_mb`` MB of documents, and the MB done."""
    from dateparser.search import search_dates

    done, seconds = 0, 0.0
    for path in sorted(directory.iterdir()):
        document = read_document(path)
        base = datetime.combine(document.published, clock_time()) if document.published else None
        settings = {"RELATIVE_BASE": base} if base else {}
        start = time.perf_counter()
        search_dates(document.text, languages=["en"], settings=settings)
        seconds += time.perf_counter() - start
        done += len(document.text.encode("utf-8"))
        if done >= sample_mb * 1e6:
            break
    return done / 1e6 / seconds, done / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10", help="corpus sizes in MB (default 10)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--baseline-mb", type=float, default=1.0, help="search_dates sample")
    parser.add_argument("--dense", action="store_true", help="the corpus dense in dates")
    parser.add_argument("--work", type=Path, help="keep corpora here between runs")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    workers = [int(count) for count in args.workers.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="eventline-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    runs = []
    for index, size in enumerate(sizes):
        directory, megabytes = corpus_for(work, size, args.dense)
        for count in workers if index == 0 else workers[-1:]:
            run = extract(directory, megabytes, count, work)
            runs.append(run)
            print(
                f"extract  {run.megabytes:6.1f} MB  workers={run.workers}  {run.seconds:7.1f} s"
                f"  {run.rate:6.3f} MB/s  {run.cpu_seconds:7.1f} s CPU  {run.cpu_rate:6.3f} MB/s"
                f" (CPU)  {run.events / run.megabytes:6.0f} events/MB  peak RSS: main"
                f" {run.main_rss_mb:5.1f} MB, largest worker {run.worker_rss_mb:5.1f} MB",
                flush=True,
            )
    first_corpus = corpus_for(work, sizes[0], args.dense)[0]
    baseline, sample = search_dates_rate(first_corpus, args.baseline_mb)
    print(f"search_dates on a {sample:.1f} MB sample: {baseline:.3f} MB/s (extrapolated)")
    first = [run for run in runs if run.megabytes == runs[0].megabytes]
    single = next((run for run in first if run.workers == 1), first[0])
    print(f"ratio extract (workers={single.workers}) / search_dates: {single.rate / baseline:.1f}x")
    for run in first:
        if run is not single:
            speed_up = run.rate / single.rate
            print(f"speed-up workers={run.workers} vs {single.workers}: {speed_up:.2f}x")


if __name__ == "__main__":
    main()
