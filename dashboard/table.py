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
    "source": ("Source", 130),
    "end_date": ("Until", 95),
    "precision": ("Precision", 80),
    "date_source": ("Dating", 80),
}


def table_view(events: pd.DataFrame) -> pd.DataFrame:
    """The shown columns of ``events``, sorted by date with undated events last."""
    ordered = events.sort_values([START, "event_id"], na_position="last", kind="stable")
    view = ordered.loc[:, ["event_id", *TABLE_COLUMNS]]
    return view.set_index("event_id")
