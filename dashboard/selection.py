"""The selected event on the timeline: its ring, and what a click on the chart chose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.loading import END, SOURCES, START
from dashboard.traces import marker_sizes, point_data

#: How much wider than its marker the ring of the selected event is.
RING_MARGIN = 11


@dataclass(frozen=True)
class Click:
    """What a click on the chart chose: an event, or the days of an overview cell."""

    event: str = ""
    dates: tuple[date, date] | None = None


def bucket_dates(customdata: object) -> tuple[date, date] | None:
    """First and last day of a clicked overview cell, None for anything else."""
    if not (isinstance(customdata, list) and len(customdata) == 2):
        return None
    try:
        return date.fromisoformat(customdata[0]), date.fromisoformat(customdata[1])
    except (TypeError, ValueError):
        return None


def read_click(points: list[dict]) -> Click | None:
    """The choice made by the selected ``points`` of a chart (None when nothing was hit)."""
    data = [p["customdata"] for p in points if p.get("customdata")]
    if not data:
        return None
    dates = bucket_dates(data[0])
    return Click(dates=dates) if dates else Click(event=str(data[0]))


def ring(rows: pd.DataFrame, selected: str) -> go.Scatter | None:
    """A ring around each lane row of the event ``selected`` (None when it is not drawn)."""
    chosen = rows[rows["event_id"] == selected] if selected else rows.iloc[:0]
    if chosen.empty:
        return None
    middle = chosen[START] + (chosen[END] - chosen[START]) / 2
    return go.Scatter(
        mode="markers",
        x=middle,
        y=chosen["_y"],
        marker={
            "size": marker_sizes(chosen[SOURCES], large=False) + RING_MARGIN,
            "color": "rgba(0,0,0,0)",
            "line": {"color": "#111", "width": 2},
        },
        **point_data(chosen),
        name="Selected",
        showlegend=False,
    )
