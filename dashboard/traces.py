"""The Plotly traces of timeline events: markers for one-day events, bars (or WebGL segments
with a marker) for longer periods, one legend entry per topic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from dashboard.hover import HOVER_TEMPLATE, escape
from dashboard.loading import END, SOURCES, START

#: Above this many drawn items the timeline uses WebGL (scattergl) instead of SVG: markers
#: for one-day events, and markers with whiskers instead of bars for longer periods.
WEBGL_THRESHOLD = 2000
NO_TOPIC = "(no topic)"
_PALETTE = qualitative.Safe + qualitative.Vivid
NO_TOPIC_COLOUR = "#9aa0a6"
#: Marker size of a one-day event reported by one source, growth per further source and cap
#: (SVG view); the WebGL view uses the small sizes.
MARKER_SIZE, SIZE_PER_SOURCE, MAX_MARKER_SIZE = 11, 3, 23
SMALL_MARKER_SIZE, MAX_SMALL_MARKER_SIZE = 6, 12


def topic_colours(topics: list[str]) -> dict[str, str]:
    """A stable colour for each topic in ``topics`` (in the given order)."""
    colours = {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(topics)}
    colours[NO_TOPIC] = NO_TOPIC_COLOUR
    return colours


def first_topics(topics: pd.Series) -> pd.Series:
    """The first topic of each multi-valued cell (:data:`NO_TOPIC` when there is none)."""
    return topics.str.extract(r"([^;\s][^;]*?)\s*(?:;|$)", expand=False).fillna(NO_TOPIC)


def marker_sizes(sources: pd.Series, large: bool) -> np.ndarray:
    """Marker size of each one-day event: larger the more sources report it, up to a cap."""
    base, cap = (
        (SMALL_MARKER_SIZE, MAX_SMALL_MARKER_SIZE) if large else (MARKER_SIZE, MAX_MARKER_SIZE)
    )
    return np.minimum(base + SIZE_PER_SOURCE * (sources.to_numpy(dtype=int) - 1), cap)


def point_data(rows: pd.DataFrame) -> dict:
    """Per-point trace arguments: the event id (read back on selection) and the hover label."""
    return {
        "customdata": rows["event_id"].to_numpy(dtype=object),
        "hovertext": rows["_hover"].to_numpy(dtype=object),
        "hovertemplate": HOVER_TEMPLATE,
    }


def bars(periods: pd.DataFrame, colour: str, **legend: object) -> go.Bar:
    """Periods as horizontal bars from the first to the last day (SVG, for small views)."""
    return go.Bar(
        orientation="h",
        base=periods[START].dt.strftime("%Y-%m-%d"),
        x=((periods[END] - periods[START]).dt.days + 1) * 86_400_000,
        y=periods["_y"],
        width=periods["_width"],
        marker={"color": colour, "opacity": 0.55, "line": {"color": colour, "width": 1}},
        **point_data(periods),
        **legend,
    )


def segments(periods: pd.DataFrame, colour: str, legendgroup: str) -> go.Scattergl:
    """Periods as WebGL line segments from their first to their last day, without hover.

    (WebGL error bars fail on date axes, so the spans are drawn as broken lines.)"""
    end = periods[END] + pd.Timedelta(days=1)
    count = len(periods)
    x = np.empty(count * 3, dtype=object)
    x[0::3] = periods[START].dt.strftime("%Y-%m-%d").to_numpy()
    x[1::3] = end.dt.strftime("%Y-%m-%d").to_numpy()
    x[2::3] = None
    y = np.repeat(periods["_y"].to_numpy(dtype=float), 3)
    y[2::3] = np.nan
    return go.Scattergl(
        mode="lines",
        x=x,
        y=y,
        line={"color": colour, "width": 2},
        opacity=0.7,
        hoverinfo="skip",
        showlegend=False,
        legendgroup=legendgroup,
    )


def whiskers(periods: pd.DataFrame, colour: str, **legend: object) -> list[go.Scattergl]:
    """Periods as WebGL markers at their middle on segments spanning them (large views)."""
    end = periods[END] + pd.Timedelta(days=1)
    middle = periods[START] + (end - periods[START]) / 2
    marker = go.Scattergl(
        mode="markers",
        x=middle,
        y=periods["_y"],
        marker={"color": colour, "size": 8, "symbol": "diamond", "opacity": 0.8},
        **point_data(periods),
        **legend,
    )
    return [segments(periods, colour, str(legend.get("legendgroup", ""))), marker]


def markers(points: pd.DataFrame, colour: str, large: bool, **legend: object) -> go.Scatter:
    """One-day events as markers sized by their number of sources."""
    scatter = go.Scattergl if large else go.Scatter
    return scatter(
        mode="markers",
        x=points[START],
        y=points["_y"],
        marker={
            "color": colour,
            "size": marker_sizes(points[SOURCES], large),
            "line": {"color": "white", "width": 0 if large else 1},
        },
        **point_data(points),
        **legend,
    )


def topic_traces(rows: pd.DataFrame, topic_order: list[str]) -> list[go.BaseTraceType]:
    """The traces of placed lane ``rows`` (with ``_topic``, ``_y``, ``_width``, ``_hover``),
    one legend entry per topic, topics in ``topic_order``."""
    colours = topic_colours(topic_order)
    single_day = rows[START] == rows[END]
    large = len(rows) > WEBGL_THRESHOLD
    present = set(rows["_topic"])
    traces: list[go.BaseTraceType] = []
    for topic in [t for t in [*topic_order, NO_TOPIC] if t in present]:
        colour = colours.get(topic, NO_TOPIC_COLOUR)
        of_topic = rows["_topic"] == topic
        periods = rows[of_topic & ~single_day]
        points = rows[of_topic & single_day]
        legend = {"name": escape(topic), "legendgroup": topic}
        if not periods.empty:
            if large:
                traces.extend(whiskers(periods, colour, showlegend=points.empty, **legend))
            else:
                traces.append(bars(periods, colour, showlegend=points.empty, **legend))
        if not points.empty:
            traces.append(markers(points, colour, large, **legend))
    return traces
