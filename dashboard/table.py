"""The event table shown under the timeline."""

from __future__ import annotations

import pandas as pd

from dashboard.loading import START

#: Columns shown in the table, most useful first: heading and width in pixels.
TABLE_COLUMNS: dict[str, tuple[str, int]] = {
    "date": ("Date", 95),
    "date_text": ("As written", 150),
    "title": ("Event", 340),
    "actors": ("Actors", 210),
    "topics": ("Topics", 140),
    "outlets": ("Outlets", 170),
    "sources": ("Sources", 70),
    "end_date": ("Until", 95),
    "precision": ("Precision", 80),
    "date_source": ("Dating", 80),
    "corrected": ("Corrected", 110),  # events of a workspace only
}


#: Most rows sent to the browser; the downloads always hold every shown event.
MAX_ROWS = 5000


def table_view(events: pd.DataFrame, limit: int = MAX_ROWS) -> pd.DataFrame:
    """The shown columns of the first ``limit`` ``events`` by date, undated events last."""
    shown = [column for column in TABLE_COLUMNS if column in events.columns]
    view = events.loc[:, [START, "event_id", *shown]]
    ordered = view.sort_values([START, "event_id"], na_position="last", kind="stable")
    return ordered.head(limit).drop(columns=START).set_index("event_id")


def truncation_note(shown: int, listed: int) -> str:
    """Caption for a table listing fewer events than are shown ("" when it lists them all)."""
    if listed >= shown:
        return ""
    return (
        f"The table lists the first {listed:,} of {shown:,} events by date; narrow the filters "
        "to list the others, or download them all."
    )
