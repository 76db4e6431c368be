"""Adversarial input: the tagger and the extractor must stay linear in the size of the text.

Usage: python bench/adversarial.py [--sizes 1,4] [--timeout 120] [--only CASE,...]
       python bench/adversarial.py --output [--sizes 0.05,0.1,1.5] [--only date-dense]

Each case repeats a hostile unit (runs of digits, month and weekday names, separators, clock
times, capitalized words, quotes, dollar signs, dots) up to each size in MB, as one document,
and times ``tag`` and ``extract_events`` on it (CPU time) in a fresh process, killed after
``--timeout`` seconds of wall time. Seconds per MB that stay flat from the small size to the
large one mean linear time.

``--output`` runs the command line (``python -m extract FILE -o events.csv --workers 1``) on
each case instead, one file per size, and reports per MB of input the CPU seconds, the bytes of
the events and mentions files written, and the peak memory (maximum resident set) of the run:
all three must stay within a fixed multiple of the input.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

#: Case name -> the unit repeated to fill the text.
CASES: dict[str, str] = {
    "digits": "9" * 997 + " ",
    "digit-groups": "12 345 6789 2020 1999 31 ",
    "months": "May June July Aug. September ",
    "weekdays": "Monday Tuesday, Wednesday and Friday ",
    "month-day-runs": "May 5 June 6 July 7 of 2020 in ",
    "separators": "-/.:,;-/--//..::",
    "clock": "12:" * 400 + "12 ",
    "dates-glued": "2020-12-12-2020/12/12.2020 ",
    "capitalized": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa ",
    "capitalized-titles": "President Minister General Secretary National Union ",
    "quotes": "“‘\"'”’«»",
    "dollars": "$$$ ",
    "dots": "." * 500 + " ",
    "parentheses": "(CSTO) Collective (Security) (Treaty) ",
}
#: One line of distinct dates, "1 January 1990, 2 January 1990, …": 100,000 in 1.6 MB.
CASES["date-dense"] = "".join(
    f"{day} {month} {year}, "
    for year in range(1990, 2030)
    for month in ("January", "March", "May", "July", "October", "December")
    for day in range(1, 29)
)
DCT = date(2020, 9, 15)


def text_of(case: str, megabytes: float) -> str:
    unit = CASES[case]
    size = int(megabytes * 1_000_000)
    return (unit * (size // len(unit) + 1))[:size]


def time_one(case: str, megabytes: float, system: str) -> float:
    """CPU seconds ``system`` (tag or extract) takes on ``case`` at ``megabytes`` MB: unlike
    wall time, hardly affected by other load on the machine."""
    from extract import Document, extract_events, load_lexicon, tag

    tag("On 9 August 2020, the election was held.", DCT)  # load and compile outside the timing
    lexicon = load_lexicon()
    text = text_of(case, megabytes)
    start = time.process_time()
    if system == "tag":
        tag(text, DCT)
    else:
        extract_events(Document(doc_id=case, text=text, published=DCT), lexicon)
    return time.process_time() - start


def measure(case: str, megabytes: float, system: str, timeout: float) -> float | str:
    """Seconds of :func:`time_one` in a fresh process, or why there are none."""
    command = [sys.executable, __file__, "--one", case, str(megabytes), system]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    if result.returncode != 0:
        print(result.stderr.strip().splitlines()[-1], file=sys.stderr)
        return "error"
    return json.loads(result.stdout)


def run_output(case: str, megabytes: float, timeout: float) -> tuple[float, int, int] | str:
    """CPU seconds, bytes written and peak resident bytes of the command line on ``case`` at
    ``megabytes`` MB, or why there are none; to be called in a fresh process, whose only child
    the command is (its resource usage is that of all children)."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory, f"{case}.txt")
        source.write_text(text_of(case, megabytes), encoding="utf-8")
        output = Path(directory, "events.csv")
        command = [sys.executable, "-m", "extract", str(source), "-o", str(output)]
        environment = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(root))}
        process = subprocess.Popen(
            [*command, "--workers", "1", "--published", "2020-09-15"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment,
        )
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return "timeout"
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # of the one child this process ran
        written = sum(path.stat().st_size for path in Path(directory).glob("*.csv"))
    if process.returncode not in (0, 1):
        return "error"
    return usage.ru_utime + usage.ru_stime, written, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4", help="sizes in MB (default 1,4)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    parser.add_argument("--only", help="comma-separated cases (default: all)")
    parser.add_argument("--output", action="store_true", help="output size and peak memory")
    parser.add_argument("--one", nargs=3, metavar=("CASE", "MB", "SYSTEM"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        case, megabytes, system = args.one
        if system == "output":
            print(json.dumps(run_output(case, float(megabytes), args.timeout)))
        else:
            print(json.dumps(time_one(case, float(megabytes), system)))
        return
    sizes = [float(size) for size in args.sizes.split(",")]
    cases = args.only.split(",") if args.only else list(CASES)
    if args.output:
        report_output(cases, sizes, args.timeout)
        return
    header = "".join(f"{f'{size:g} MB s/MB':>13}" for size in sizes)
    print(f"{'case':<20}{'system':<9}{header}  growth")
    for case in cases:
        for system in ("tag", "extract"):
            per_mb: list[float | str] = []
            for size in sizes:
                seconds = measure(case, size, system, args.timeout)
                per_mb.append(seconds if isinstance(seconds, str) else seconds / size)
                if isinstance(seconds, str):
                    break
            cells = "".join(
                f"{value:>13}" if isinstance(value, str) else f"{value:13.2f}" for value in per_mb
            )
            cells += f"{'':>13}" * (len(sizes) - len(per_mb))
            done = [value for value in per_mb if not isinstance(value, str)]
            growth = f"{done[-1] / done[0]:.2f}x" if len(done) == len(sizes) and done[0] else "-"
            print(f"{case:<20}{system:<9}{cells}  {growth}", flush=True)


def report_output(cases: list[str], sizes: list[float], timeout: float) -> None:
    """Per MB of input: CPU seconds, MB written and MB of peak memory, each case in a fresh
    process (peak memory is the largest of the runs so far, so sizes go smallest first)."""
    print(f"{'case':<20}{'MB in':>8}{'s/MB':>9}{'MB out/MB':>11}{'peak MB':>9}{'peak/MB':>9}")
    for case in cases:
        for size in sorted(sizes):
            result = _in_fresh_process(case, size, timeout)
            if isinstance(result, str):
                print(f"{case:<20}{size:>8g}{result:>9}", flush=True)
                break
            seconds, written, peak = result
            print(
                f"{case:<20}{size:>8g}{seconds / size:>9.2f}{written / 1e6 / size:>11.1f}"
                f"{peak / 1e6:>9.0f}{peak / 1e6 / size:>9.0f}",
                flush=True,
            )


def _in_fresh_process(case: str, size: float, timeout: float) -> tuple[float, int, int] | str:
    """:func:`run_output` in a process of its own, so that the peak of one run is not that
    of an earlier one."""
    command = [sys.executable, __file__, "--one", case, str(size), "output"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout + 10)
    except subprocess.TimeoutExpired:
        return "timeout"
    if result.returncode != 0:
        return "error"
    answer = json.loads(result.stdout)
    return answer if isinstance(answer, str) else tuple(answer)


if __name__ == "__main__":
    main()
