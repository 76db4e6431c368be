"""Export filtered events as CSV (spreadsheet-safe), JSON or a TimelineJS timeline, with
descriptive file names."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd

from dashboard.timelinejs import to_timelinejs
from extract.schema import EVENT_COLUMNS, MERGED_EVENT_COLUMNS

#: Columns holding dates or numbers, and what a valid cell of each looks like; such a cell is
#: written as it is, any other is treated as text.
NON_TEXT_COLUMNS: dict[str, str] = {
    "date": r"\d{4}-\d{2}-\d{2}",
    "end_date": r"\d{4}-\d{2}-\d{2}",
    "published": r"\d{4}-\d{2}-\d{2}",
    "char_start": r"-?\d{1,15}",
    "char_end": r"-?\d{1,15}",
    "mentions": r"-?\d{1,15}",
    "sources": r"-?\d{1,15}",
    "confidence": r"-?\d{1,15}(?:\.\d{1,15})?",
}
#: Leading characters that make spreadsheets treat a cell as a formula (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with a single quote."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def export_columns(merged: bool) -> tuple[str, ...]:
    """The columns exported: the merged events' columns when the input had them."""
    return MERGED_EVENT_COLUMNS if merged else EVENT_COLUMNS


def schema_frame(events: pd.DataFrame, columns: Sequence[str] = EVENT_COLUMNS) -> pd.DataFrame:
    """The schema columns only, in schema order."""
    return events.loc[:, list(columns)]


def to_csv(events: pd.DataFrame, columns: Sequence[str] = EVENT_COLUMNS) -> bytes:
    """CSV bytes (RFC 4180) in schema column order; every cell that is not a valid date or
    number of its column and that a spreadsheet would read as a formula is neutralized."""
    table = schema_frame(events, columns).astype(str)
    for column in table.columns:
        cells = table[column]
        formula = cells.str.startswith(FORMULA_PREFIXES)
        if column in NON_TEXT_COLUMNS:
            formula &= ~cells.str.fullmatch(NON_TEXT_COLUMNS[column])
        table[column] = cells.where(~formula, "'" + cells)
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def to_json(events: pd.DataFrame, columns: Sequence[str] = EVENT_COLUMNS) -> bytes:
    """JSON array of event objects (schema columns, text unchanged)."""
    text = schema_frame(events, columns).to_json(orient="records", force_ascii=False)
    return text.encode("utf-8")


def to_timelinejs_json(events: pd.DataFrame, title: str) -> bytes:
    """The events as a TimelineJS data object (see :mod:`dashboard.timelinejs`), as JSON."""
    data = to_timelinejs(schema_frame(events, MERGED_EVENT_COLUMNS), title)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def file_name(
    slug: str, start: date | None, end: date | None, extension: str, kind: str = "events"
) -> str:
    """E.g. ``eventline-events-putin-2020-08-01_2020-09-30.csv`` (``kind`` "events"), or
    ``eventline-timelinejs-all.json``; no span when both are None."""
    if start is None and end is None:
        return f"eventline-{kind}-{slug}.{extension}"
    span = f"{start.isoformat() if start else 'start'}_{end.isoformat() if end else 'end'}"
    return f"eventline-{kind}-{slug}-{span}.{extension}"


@dataclass(frozen=True)
class Download:
    """One download button: its label, the builder of its bytes (called on click only), the
    file name and type, and an optional help text."""

    label: str
    build: Callable[[], bytes]
    file_name: str
    mime: str
    help: str | None = None


def downloads(
    events: pd.DataFrame,
    slug: str,
    start: date | None,
    end: date | None,
    merged: bool,
    extra: tuple[str, ...] = (),
) -> list[Download]:
    """The CSV, JSON and TimelineJS downloads of ``events``; CSV and JSON hold the merge
    columns when ``merged``, then the ``extra`` columns. ``slug``, ``start`` and ``end`` name
    the files."""
    columns = export_columns(merged) + extra
    return [
        Download(
            "Download CSV",
            partial(to_csv, events, columns),
            file_name(slug, start, end, "csv"),
            "text/csv",
        ),
        Download(
            "Download JSON",
            partial(to_json, events, columns),
            file_name(slug, start, end, "json"),
            "application/json",
        ),
        Download(
            "Download TimelineJS",
            partial(to_timelinejs_json, events, f"Eventline: {slug}"),
            file_name(slug, start, end, "json", kind="timelinejs"),
            "application/json",
            "A timeline for TimelineJS (timeline.knightlab.com): dated events only.",
        ),
    ]
