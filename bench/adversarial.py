"""Adversarial input: the tagger and the extractor must stay linear in the size of the text.

Usage: python bench/adversarial.py [--sizes 1,4] [--timeout 120] [--only CASE,...]

Each case repeats a hostile unit (runs of digits, month and weekday names, separators, clock
times, capitalized words, quotes, dollar signs, dots) up to each size in MB, as one document,
and times ``tag`` and ``extract_events`` on it (CPU time) in a fresh process, killed after
``--timeout`` seconds of wall time. Seconds per MB that stay flat from the small size to the
large one mean linear time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4", help="sizes in MB (default 1,4)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    parser.add_argument("--only", help="comma-separated cases (default: all)")
    parser.add_argument("--one", nargs=3, metavar=("CASE", "MB", "SYSTEM"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        case, megabytes, system = args.one
        print(json.dumps(time_one(case, float(megabytes), system)))
        return
    sizes = [float(size) for size in args.sizes.split(",")]
    cases = args.only.split(",") if args.only else list(CASES)
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


if __name__ == "__main__":
    main()
