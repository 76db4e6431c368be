"""The Plotly traces of placed timeline events: markers for one-day events, bars (or WebGL
segments with a marker) for longer periods, and counts where events found no room.

A marker's colour and shape tell its topic (:mod:`dashboard.colours`); how it is filled tells
how it was dated (:data:`DATE_KINDS`): by its own words (filled), by the publication date
(open), or from the story around it (faded). Periods, dated only to a week, month, year or
longer, are bars in rows of their own under the markers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.colours import NO_TOPIC_COLOUR, TopicStyle
from dashboard.hover import HOVER_TEMPLATE, escape, escape_all
from dashboard.labels import short_title
from dashboard.layout import BAR_PX, COUNT_SIZE
from dashboard.loading import END, SOURCES, START

#: Above this many drawn items the timeline uses WebGL (scattergl) instead of SVG: markers
#: for one-day events, and markers with whiskers instead of bars for longer periods.
WEBGL_THRESHOLD = 2000
#: Marker size of a one-day event reported by one source, growth per further source and cap
#: (SVG view); the WebGL view uses the small sizes.
MARKER_SIZE, SIZE_PER_SOURCE, MAX_MARKER_SIZE = 11, 3, 23
SMALL_MARKER_SIZE, MAX_SMALL_MARKER_SIZE = 6, 12
#: How an event was dated (``date_source``) -> what the key calls it. Others draw as explicit.
DATE_KINDS: dict[str, str] = {
    "explicit": "dated by its own words",
    "published": "dated by the publication date",
    "inferred": "dated from the story around it",
}
#: Opacity of markers and bars dated from the story, and of other bars.
FADED, BAR_OPACITY, FADED_BAR_OPACITY = 0.45, 0.7, 0.3


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


def text_colour(colour: str) -> str:
    """Dark or white text, whichever reads better on ``colour`` ("#RRGGBB")."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#1f1f1f" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def bars(periods: pd.DataFrame, style: TopicStyle, name: str) -> go.Bar:
    """Periods as horizontal bars from the first to the last day, titled inside where the bar
    is long enough (SVG, for small views); bars dated from the story are faded, those dated
    by the publication date hatched."""
    kind = periods["date_source"]
    return go.Bar(
        orientation="h",
        base=periods[START].dt.strftime("%Y-%m-%d"),
        x=((periods[END] - periods[START]).dt.days + 1) * 86_400_000,
        y=periods["_y"],
        width=BAR_PX,
        marker={
            "color": style.colour,
            "opacity": np.where(kind == "inferred", FADED_BAR_OPACITY, BAR_OPACITY),
            "line": {"color": style.colour, "width": 1},
            "pattern": {"shape": np.where(kind == "published", "/", "").tolist()},
        },
        text=escape_all(periods["title"].map(short_title)),
        textposition="inside",
        insidetextanchor="start",
        textfont={"size": 10, "color": text_colour(style.colour)},
        name=name,
        showlegend=False,
        **point_data(periods),
    )


def segments(periods: pd.DataFrame, colour: str) -> go.Scattergl:
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
    )


def whiskers(periods: pd.DataFrame, style: TopicStyle, name: str) -> list[go.Scattergl]:
    """Periods as WebGL markers at their middle on segments spanning them (large views)."""
    marker = go.Scattergl(
        mode="markers",
        x=periods["_x"],
        y=periods["_y"],
        marker={"color": style.colour, "size": 8, "symbol": "diamond", "opacity": 0.8},
        name=name,
        showlegend=False,
        **point_data(periods),
    )
    return [segments(periods, style.colour), marker]


def _symbols(points: pd.DataFrame, style: TopicStyle) -> np.ndarray:
    """The marker symbol of each point: the topic's shape, open when dated by publication."""
    published = (points["date_source"] == "published").to_numpy()
    return np.where(published, f"{style.shape}-open", style.shape)


def markers(points: pd.DataFrame, style: TopicStyle, name: str, large: bool) -> go.Scatter:
    """One-day events as markers sized by their number of sources, with their labels
    (``_label``, on the side ``_label_side``)."""
    kind = points["date_source"].to_numpy()
    published = kind == "published"
    marker = {
        "color": style.colour,
        "symbol": _symbols(points, style),
        "size": points["_size"].to_numpy(),
        "opacity": np.where(kind == "inferred", FADED, 1.0),
        "line": {
            "color": np.where(published, style.colour, "white"),
            "width": np.where(published, 2, 0 if large else 1),
        },
    }
    if large:
        return go.Scattergl(
            mode="markers",
            x=points["_x"],
            y=points["_y"],
            marker=marker,
            name=name,
            showlegend=False,
            **point_data(points),
        )
    return go.Scatter(
        mode="markers+text",
        x=points["_x"],
        y=points["_y"],
        marker=marker,
        text=escape_all(points["_label"]),
        textposition=points["_label_side"].to_numpy(),
        textfont={"size": 11, "color": "#3c4043"},
        name=name,
        showlegend=False,
        **point_data(points),
    )


def topic_traces(rows: pd.DataFrame, styles: dict[str, TopicStyle]) -> list[go.BaseTraceType]:
    """The traces of placed lane ``rows`` (with ``_topic``, ``_x``, ``_y``, ``_size``,
    ``_hover``, ``_label``), bars and markers per topic; all bars come first, so that they lie
    behind the markers."""
    single_day = rows[START] == rows[END]
    large = len(rows) > WEBGL_THRESHOLD
    period_traces: list[go.BaseTraceType] = []
    point_traces: list[go.BaseTraceType] = []
    for topic in dict.fromkeys(rows["_topic"]):
        style = styles.get(topic, TopicStyle(NO_TOPIC_COLOUR, "circle"))
        of_topic = rows["_topic"] == topic
        periods = rows[of_topic & ~single_day]
        points = rows[of_topic & single_day]
        name = escape(topic)
        if not periods.empty:
            if large:
                period_traces.extend(whiskers(periods, style, name))
            else:
                period_traces.append(bars(periods, style, name))
        if not points.empty:
            point_traces.append(markers(points, style, name, large))
    return [*period_traces, *point_traces]


def count_trace(counts: pd.DataFrame) -> go.Scatter:
    """The counts of events that found no room, each over the stretch of its lane; a click
    narrows the dates to the days of its events."""
    first = counts["first"].dt.strftime("%Y-%m-%d")
    last = counts["last"].dt.strftime("%Y-%m-%d")
    titles = counts["titles"].map(
        lambda ts: (
            "<br>".join(escape(short_title(t, 60)) for t in ts[:8])
            + ("<br>…" if len(ts) > 8 else "")
        )
    )
    hover = (
        "<b>"
        + counts["count"].astype(str)
        + " more events</b> ("
        + first
        + " – "
        + last
        + ")<br>"
        + titles
        + "<br><i>Click to show these days</i>"
    )
    return go.Scatter(
        mode="markers+text",
        x=counts["_x"],
        y=counts["_y"],
        marker={
            "size": COUNT_SIZE,
            "color": "#ffffff",
            "symbol": "circle",
            "line": {"color": "#5f6368", "width": 1.5},
        },
        text="+" + counts["count"].astype(str),
        textposition="middle center",
        textfont={"size": 10, "color": "#202124"},
        customdata=np.stack([first, last], axis=1),
        hovertext=hover,
        hovertemplate=HOVER_TEMPLATE,
        name="More events",
        showlegend=False,
    )


def sources_noted(rows: pd.DataFrame) -> bool:
    """Whether some drawn event has several sources (its marker is larger)."""
    return bool((rows[SOURCES] > 1).any())
