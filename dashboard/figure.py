"""The Plotly timeline: events on a time axis, in lanes, coloured by topic.

It is put together from :mod:`dashboard.layout` (lanes, tracks, range, axes),
:mod:`dashboard.traces` (markers and bars per topic) and :mod:`dashboard.selection` (the
selected event's ring).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard import layout, marks, selection, traces
from dashboard.hover import escape, hover_texts
from dashboard.loading import END, START


def empty_figure(message: str) -> go.Figure:
    """A blank chart carrying a message."""
    fig = go.Figure()
    fig.update_layout(
        height=240,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[{"text": escape(message), "showarrow": False, "font": {"size": 15}}],
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return fig


def build_timeline(
    events: pd.DataFrame,
    lane_column: str | None,
    topic_order: list[str],
    selected: str = "",
    lane_name: str = "",
    window: tuple[date, date] | None = None,
) -> go.Figure:
    """Timeline of the dated events: one-day events as markers, longer periods as bars.

    ``window`` (first and last day of a date filter) is the initial x range when given.

    Multi-valued lane columns put an event in each of its lanes. Large views switch to WebGL
    (see :data:`dashboard.traces.WEBGL_THRESHOLD`).

    ``topic_order`` fixes the colour of each topic; ``selected`` is an event id to ring.
    """
    dated = events[events[START].notna()]
    if dated.empty:
        return empty_figure("No dated events to show")
    rows, lane_order = layout.lane_rows(
        dated.assign(_hover=hover_texts(dated)), lane_column, f"(no {lane_name or 'value'})"
    )
    rows = rows.assign(_topic=traces.first_topics(rows["topics"]))
    y, width = layout.positions(rows, lane_order)
    rows = rows.assign(_y=y, _width=width)

    fig = go.Figure(traces.topic_traces(rows, topic_order))
    for extra in (marks.curated_marks(rows), selection.ring(rows, selected)):
        if extra is not None:
            fig.add_trace(extra)
    x_range = (
        layout.window_range(window) if window else layout.initial_range(dated[START], dated[END])
    )
    layout.lay_out(fig, rows, lane_order, x_range, revision=f"{lane_column}")
    return fig
