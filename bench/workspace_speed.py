"""Workspace speed: ingest of a generated corpus, and the dashboard on a large workspace.

Usage: python bench/workspace_speed.py [--mb 10] [-n 100000] [--only ingest|dashboard]

- ingest: ``python -m extract CORPUS --workspace W`` on a corpus of ``--mb`` MB (bench/corpus.py),
  then the same command again (every document unchanged: only hashed and skipped).
- dashboard: ``n`` generated events stored in a SQLite workspace, then the dashboard's first
  run, a filter rerun and a dates rerun through Streamlit's AppTest, as bench/dashboard.py
  measures a CSV. Targets: first run < 3 s, filter rerun < 1 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from corpus import build_corpus
from events_generator import write_events
from sqlalchemy import insert

from extract.schema import MENTION_COLUMNS, MERGED_EVENT_COLUMNS
from workspace.snapshots import write_snapshot
from workspace.store import Workspace, now
from workspace.tables import documents, events, mentions

ROOT = Path(__file__).resolve().parents[1]
#: Rows per INSERT when filling the workspace.
BATCH = 5_000


def ingest(work: Path, megabytes: float) -> None:
    """Time the first ingest of a corpus and the second, where nothing changed."""
    corpus = work / "corpus"
    build_corpus(corpus, megabytes, seed=int(megabytes))
    size = sum(path.stat().st_size for path in corpus.iterdir()) / 1e6
    database = work / "ingest.sqlite"
    command = [sys.executable, "-m", "extract", str(corpus), "--workspace", str(database)]
    for label in ("first ingest", "unchanged again"):
        began = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - began
        print(f"{label:<18}{size:>8.1f} MB{seconds:>9.1f} s{size / seconds:>9.2f} MB/s")
        print(f"{'':<18}{done.stderr.strip().splitlines()[-1]}")
    print(f"{'database':<18}{database.stat().st_size / 1e6:>8.1f} MB")


def fill(location: Path, count: int, seed: int) -> None:
    """A workspace holding ``count`` generated events (one mention each) and their documents."""
    frame = pd.read_csv(
        write_events(location.with_suffix(".csv"), count, seed), dtype=str, keep_default_na=False
    )
    frame = frame.reindex(columns=list(MERGED_EVENT_COLUMNS), fill_value="")
    workspace = Workspace.open(location)
    stamp = now()
    with workspace.writing() as connection:
        for doc_id in frame["doc_id"].unique():
            connection.execute(
                insert(documents).values(
                    doc_id=doc_id,
                    name=f"{doc_id}.md",
                    content_hash=doc_id,
                    content=b"",
                    text="",
                    extractor="generated",
                    added_at=stamp,
                    extracted_at=stamp,
                )
            )
        rows = frame.to_dict("records")
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            connection.execute(insert(events), batch)
            connection.execute(
                insert(mentions),
                [
                    {
                        **{c: row.get(c, "") for c in MENTION_COLUMNS},
                        "merged_id": row["event_id"],
                        "merge_score": "",
                    }
                    for row in batch
                ],
            )
        write_snapshot(connection)
    workspace.close()


def dashboard(work: Path, count: int, seed: int) -> None:
    """Time the dashboard on a workspace of ``count`` events."""
    location = work / "dashboard.sqlite"
    began = time.perf_counter()
    fill(location, count, seed)
    print(f"{'filled':<18}{count:>8,} events in {time.perf_counter() - began:.1f} s")
    measure = _bench_dashboard().measure
    os.environ.pop("EVENTLINE_EVENTS", None)
    figures = measure(location, variable="EVENTLINE_WORKSPACE")
    for name, value in figures.items():
        print(f"{name:<18}{value:>8.2f}")


def _bench_dashboard():  # noqa: ANN202 - the module bench/dashboard.py
    """bench/dashboard.py, loaded by path (its name is that of the dashboard package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_dashboard", Path(__file__).with_name("dashboard.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10, help="corpus size for the ingest")
    parser.add_argument("-n", type=int, default=100_000, help="events for the dashboard")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=("ingest", "dashboard"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.only != "dashboard":
            ingest(Path(folder), args.mb)
        if args.only != "ingest":
            dashboard(Path(folder), args.n, args.seed)


if __name__ == "__main__":
    main()
