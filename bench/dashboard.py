"""Dashboard speed on a large events file, measured through Streamlit's AppTest.

Usage: python bench/dashboard.py [-n 100000] [--seed 7] [--format csv|parquet|both]

Generates ``n`` events, then times the first script run (loading included), a rerun after a
filter change and a rerun after narrowing the dates to one year, and reports the size of
the Plotly figure sent to the browser. Targets: first run < 3 s, filter rerun < 1 s,
figure < 15 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from events_generator import write_events
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
TARGETS = {"first run": 3.0, "filter rerun": 1.0, "dates rerun": 1.0, "figure MB": 15.0}


def figure_megabytes(at: AppTest) -> float:
    """Size of the serialized Plotly figure of the page, in MB."""
    return len(at.get("plotly_chart")[0].proto.spec.encode()) / 1e6


def timed(step: Callable[[], AppTest]) -> tuple[AppTest, float]:
    """Run ``step`` and return its result and wall time in seconds."""
    began = time.perf_counter()
    at = step()
    elapsed = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return at, elapsed


def measure(path: Path, variable: str = "EVENTLINE_EVENTS") -> dict[str, float]:
    """Timings and figure size for the dashboard opened on ``path``, named by the environment
    ``variable`` (the events file, or a workspace with ``EVENTLINE_WORKSPACE``)."""
    os.environ[variable] = str(path)
    at = AppTest.from_file(APP, default_timeout=120)
    at, first = timed(at.run)
    figures = {"first run": first, "figure MB": figure_megabytes(at)}
    legend = at.pills(key="f_topics")
    topic = legend.options[0].rsplit(" ", 1)[0]  # "energy 8,123": the topic and its count
    at, figures["filter rerun"] = timed(legend.select(topic).run)
    at.pills(key="f_topics").set_value([])
    at, _ = timed(at.run)
    month = (date(2020, 3, 1), date(2020, 3, 31))
    at, figures["dates rerun"] = timed(at.date_input(key="f_dates").set_value(month).run)
    figures["detail figure MB"] = figure_megabytes(at)
    return figures


def main(argv: list[str] | None = None) -> None:
    """Generate the events, measure, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="number of events")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=("csv", "parquet", "both"), default="both")
    args = parser.parse_args(argv)
    formats = ("csv", "parquet") if args.format == "both" else (args.format,)
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for suffix in formats:
            path = write_events(Path(tmp) / f"events.{suffix}", args.n, args.seed)
            results[suffix] = measure(path)
    names = list(next(iter(results.values())))
    print(f"{args.n:,} events")
    print(f"{'measure':<18}" + "".join(f"{s:>10}" for s in results) + f"{'target':>10}")
    for name in names:
        target = TARGETS.get(name)
        cells = "".join(f"{r[name]:>10.2f}" for r in results.values())
        print(f"{name:<18}{cells}{'< ' + format(target, 'g') if target else '':>10}")
    missed = [
        f"{s} {name}" for s, r in results.items() for name, t in TARGETS.items() if r[name] >= t
    ]
    if missed:
        sys.exit("missed targets: " + ", ".join(missed))


if __name__ == "__main__":
    main()
