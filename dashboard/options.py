"""The dashboard's command-line options and environment variables.

``streamlit run dashboard/app.py -- --events PATH --detail-limit N``; without options,
``$EVENTLINE_EVENTS`` and ``$EVENTLINE_DETAIL_LIMIT``, else the defaults.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

#: Bundled events table, relative to the repository root.
DEFAULT_EVENTS = Path(__file__).resolve().parent.parent / "data" / "events.csv"
#: Environment variable naming the events file when no ``--events`` option is given.
EVENTS_ENV = "EVENTLINE_EVENTS"
#: Environment variable giving the most events drawn one by one (see ``--detail-limit``).
DETAIL_LIMIT_ENV = "EVENTLINE_DETAIL_LIMIT"


def _options(argv: list[str]) -> argparse.Namespace:
    """The dashboard's own options in ``argv``; others (Streamlit's) are left alone."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--events")
    parser.add_argument("--detail-limit")
    known, _ = parser.parse_known_args(argv)
    return known


def events_path(argv: list[str], environ: Mapping[str, str]) -> Path:
    """The events file: ``--events PATH`` in argv, else $EVENTLINE_EVENTS, else the bundled one."""
    chosen = _options(argv).events or environ.get(EVENTS_ENV)
    return Path(chosen).expanduser() if chosen else DEFAULT_EVENTS


def detail_limit(argv: list[str], environ: Mapping[str, str], default: int) -> int:
    """Most events drawn one by one: ``--detail-limit N``, else $EVENTLINE_DETAIL_LIMIT, else
    ``default`` (also used for values that are not positive whole numbers)."""
    chosen = _options(argv).detail_limit or environ.get(DETAIL_LIMIT_ENV, "")
    return int(chosen) if chosen.isdigit() and int(chosen) > 0 else default
