"""The dashboard's command-line options and environment variables.

``streamlit run dashboard/app.py -- --events PATH --detail-limit N``, or ``-- --workspace PATH
[--read-only] [--seed DIR]``; without options, ``$EVENTLINE_EVENTS``,
``$EVENTLINE_WORKSPACE``, ``$EVENTLINE_DETAIL_LIMIT``, else the defaults: the workspace
``data/workspace.sqlite``, seeded from ``data/articles`` when it is new.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from workspace.store import DEFAULT_WORKSPACE, WORKSPACE_ENV

#: Bundled events table, relative to the repository root.
DEFAULT_EVENTS = Path(__file__).resolve().parent.parent / "data" / "events.csv"
#: Environment variable naming the events file when no ``--events`` option is given.
EVENTS_ENV = "EVENTLINE_EVENTS"
#: Articles a new default workspace is seeded from.
DEFAULT_SEED = Path(__file__).resolve().parent.parent / "data" / "articles"
#: Environment variables: the folder to seed a new workspace from, and "1" for read-only.
SEED_ENV, READ_ONLY_ENV = "EVENTLINE_SEED", "EVENTLINE_READ_ONLY"
#: Environment variable giving the most events drawn one by one (see ``--detail-limit``).
DETAIL_LIMIT_ENV = "EVENTLINE_DETAIL_LIMIT"


def _options(argv: list[str]) -> argparse.Namespace:
    """The dashboard's own options in ``argv``; others (Streamlit's) are left alone."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--events")
    parser.add_argument("--detail-limit")
    parser.add_argument("--workspace")
    parser.add_argument("--seed")
    parser.add_argument("--read-only", action="store_true")
    known, _ = parser.parse_known_args(argv)
    return known


@dataclass(frozen=True)
class Source:
    """What the dashboard opens: a workspace (``workspace``: its path or URL), or an events
    table (``events``), which is read-only. ``seed``: articles for a new, empty workspace."""

    events: Path | None = None
    workspace: str | None = None
    read_only: bool = False
    seed: Path | None = None


def source(argv: list[str], environ: Mapping[str, str]) -> Source:
    """``--events PATH`` or ``--workspace PATH``, else $EVENTLINE_EVENTS or
    $EVENTLINE_WORKSPACE, else the default workspace, seeded from ``data/articles``."""
    known = _options(argv)
    read_only = known.read_only or environ.get(READ_ONLY_ENV) == "1"
    seed_text = known.seed or environ.get(SEED_ENV)
    seed = Path(seed_text).expanduser() if seed_text else None
    if known.events or (not known.workspace and environ.get(EVENTS_ENV)):
        return Source(events=events_path(argv, environ))
    chosen = known.workspace or environ.get(WORKSPACE_ENV)
    if chosen:
        return Source(workspace=chosen, read_only=read_only, seed=seed)
    return Source(workspace=str(DEFAULT_WORKSPACE), read_only=read_only, seed=seed or DEFAULT_SEED)


def events_path(argv: list[str], environ: Mapping[str, str]) -> Path:
    """The events file: ``--events PATH`` in argv, else $EVENTLINE_EVENTS, else the bundled one."""
    chosen = _options(argv).events or environ.get(EVENTS_ENV)
    return Path(chosen).expanduser() if chosen else DEFAULT_EVENTS


def detail_limit(argv: list[str], environ: Mapping[str, str], default: int) -> int:
    """Most events drawn one by one: ``--detail-limit N``, else $EVENTLINE_DETAIL_LIMIT, else
    ``default`` (also used for values that are not positive whole numbers)."""
    chosen = _options(argv).detail_limit or environ.get(DETAIL_LIMIT_ENV, "")
    return int(chosen) if chosen.isdigit() and int(chosen) > 0 else default
