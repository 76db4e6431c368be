"""The selected event on the timeline: its ring, and what a click on the chart chose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.layout import BAR_PX
from dashboard.loading import END, START

#: How far the ring of the selected event stands off its marker or bar (pixels).
RING_MARGIN = 5


@dataclass(frozen=True)
class Click:
    """What a click on the chart chose: an event, or the days of an overview cell or count."""

    event: str = ""
    dates: tuple[date, date] | None = None


def bucket_dates(customdata: object) -> tuple[date, date] | None:
    """First and last day of a clicked overview cell or count, None for anything else."""
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


def ring(rows: pd.DataFrame, selected: str) -> list[dict]:
    """Layout shapes ringing each placed lane row of the event ``selected``: a circle around
    a marker, a frame around a bar (shapes, so that they never count as markers)."""
    chosen = rows[rows["event_id"] == selected] if selected else rows.iloc[:0]
    line = {"color": "#111111", "width": 2}
    shapes = []
    for _, row in chosen.iterrows():
        if row[START] == row[END]:
            radius = row["_size"] / 2 + RING_MARGIN
            shapes.append(
                {
                    "type": "circle",
                    "xref": "x",
                    "yref": "y",
                    "xsizemode": "pixel",
                    "ysizemode": "pixel",
                    "xanchor": row["_x"],
                    "yanchor": row["_y"],
                    "x0": -radius,
                    "x1": radius,
                    "y0": -radius,
                    "y1": radius,
                    "line": line,
                }
            )
        else:
            half = BAR_PX / 2 + RING_MARGIN / 2
            shapes.append(
                {
                    "type": "rect",
                    "xref": "x",
                    "yref": "y",
                    "x0": row[START],
                    "x1": row[END] + pd.Timedelta(days=1),
                    "y0": row["_y"] - half,
                    "y1": row["_y"] + half,
                    "line": line,
                }
            )
    return shapes
