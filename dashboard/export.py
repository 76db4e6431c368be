"""Export filtered events as CSV (spreadsheet-safe) or JSON, with descriptive file names."""

from __future__ import annotations

from datetime import date

import pandas as pd

from extract.schema import EVENT_COLUMNS

#: Columns holding dates or numbers, which are never neutralized.
NON_TEXT_COLUMNS = frozenset(
    {"date", "end_date", "published", "char_start", "char_end", "confidence", "mentions"}
)
#: Leading characters that make spreadsheets treat a cell as a formula (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with a single quote."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def schema_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The schema columns only, in schema order."""
    return events.loc[:, list(EVENT_COLUMNS)]


def to_csv(events: pd.DataFrame) -> bytes:
    """CSV bytes (RFC 4180) in schema column order, formula-like text cells neutralized."""
    table = schema_frame(events).copy()
    for column in table.columns:
        if column not in NON_TEXT_COLUMNS:
            cells = table[column]
            table[column] = cells.where(~cells.str.startswith(FORMULA_PREFIXES), "'" + cells)
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def to_json(events: pd.DataFrame) -> bytes:
    """JSON array of event objects (schema columns, text unchanged)."""
    text = schema_frame(events).to_json(orient="records", force_ascii=False)
    return text.encode("utf-8")


def file_name(slug: str, start: date | None, end: date | None, extension: str) -> str:
    """E.g. ``eventline-events-putin-2020-08-01_2020-09-30.csv``; no span when both are None."""
    if start is None and end is None:
        return f"eventline-events-{slug}.{extension}"
    span = f"{start.isoformat() if start else 'start'}_{end.isoformat() if end else 'end'}"
    return f"eventline-events-{slug}-{span}.{extension}"
