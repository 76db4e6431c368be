"""Marks on the timeline for the events corrected by hand."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.hover import escape_all

#: The mark drawn above a corrected event.
MARK = "✎"


def curated_marks(rows: pd.DataFrame) -> go.Scatter | None:
    """A pencil above each placed lane row (``_x``, ``_y``) of a corrected event (None when
    there is none)."""
    if "curated" not in rows.columns:
        return None
    chosen = rows[rows["curated"] == "yes"]
    if chosen.empty:
        return None
    return go.Scatter(
        mode="text",
        x=chosen["_x"],
        y=chosen["_y"],
        text=[MARK] * len(chosen),
        textposition="top right",
        textfont={"size": 16, "color": "#b45309"},
        hovertext="Corrected: " + escape_all(chosen["corrected"]),
        hoverinfo="text",
        customdata=chosen["event_id"].to_numpy(dtype=object),
        name="Corrected",
        showlegend=False,
    )
