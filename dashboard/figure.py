"""The Plotly timeline: events on a time axis, in lanes, coloured by topic."""

from __future__ import annotations

import html
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from dashboard.loading import END, SOURCES, START, exploded_values

#: Above this many drawn items the timeline uses WebGL (scattergl) instead of SVG: markers
#: for one-day events, and markers with whiskers instead of bars for longer periods.
WEBGL_THRESHOLD = 2000
#: Most lanes drawn; the rest share one "Other" lane.
MAX_LANES = 20
#: Most tracks (sub-rows) inside one lane used to keep events from overlapping.
MAX_TRACKS = 5
NO_TOPIC = "(no topic)"
_PALETTE = qualitative.Safe + qualitative.Vivid
_NO_TOPIC_COLOUR = "#9aa0a6"
_DAY_NS = 86_400_000_000_000
#: Marker size of a one-day event reported by one source, growth per further source and cap
#: (SVG view); the WebGL view uses the small sizes.
MARKER_SIZE, SIZE_PER_SOURCE, MAX_MARKER_SIZE = 11, 3, 23
SMALL_MARKER_SIZE, MAX_SMALL_MARKER_SIZE = 6, 12
#: Hover label: the prebuilt, escaped text of each point (see :func:`hover_texts`).
_HOVER = "%{hovertext}<extra></extra>"


def escape(text: str) -> str:
    """Escape event text for Plotly labels, which interpret a subset of HTML."""
    return html.escape(text, quote=True)


def when_labels(events: pd.DataFrame) -> pd.Series:
    """The date as written and as normalized, e.g. '“last month” → 2020-08-01 – 2020-08-31'."""
    span = events["date"].where(
        events["date"] == events["end_date"], events["date"] + " – " + events["end_date"]
    )
    coarse = (events["precision"] != "") & (events["precision"] != "day")
    span = span.where(~coarse, span + " (" + events["precision"] + ")")
    written = "“" + events["date_text"] + "” → " + span
    inferred = span + ", inferred from the narrative"
    plain = span.where(events["date_source"] != "inferred", inferred)
    return written.where(events["date_text"] != "", plain)


def topic_colours(topics: list[str]) -> dict[str, str]:
    """A stable colour for each topic in ``topics`` (in the given order)."""
    colours = {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(topics)}
    colours[NO_TOPIC] = _NO_TOPIC_COLOUR
    return colours


def lane_rows(
    events: pd.DataFrame, column: str | None, empty_label: str
) -> tuple[pd.DataFrame, list[str]]:
    """One row per (event, lane) with the lane in ``_lane``, and the lanes from the busiest down.

    Multi-valued lane columns put an event in several lanes. Beyond :data:`MAX_LANES` the
    quietest lanes share one "Other" lane, drawn last.
    """
    if column is None:
        return events.assign(_lane="All events"), ["All events"]
    values = exploded_values(events[column])
    bare = events.index.difference(values.index)
    lanes = pd.concat([values, pd.Series(empty_label, index=bare, dtype=object)])
    lanes = lanes.sort_index(kind="stable")
    rows = events.loc[lanes.index].assign(_lane=lanes.to_numpy())
    counts = rows["_lane"].value_counts()
    if len(counts) <= MAX_LANES:
        return rows, list(counts.index)
    kept = list(counts.index[: MAX_LANES - 1])
    other = f"Other ({len(counts) - len(kept)})"
    rows["_lane"] = rows["_lane"].where(rows["_lane"].isin(set(kept)), other)
    return rows, [*kept, other]


def first_topics(topics: pd.Series) -> pd.Series:
    """The first topic of each multi-valued cell (:data:`NO_TOPIC` when there is none)."""
    return topics.str.extract(r"([^;\s][^;]*?)\s*(?:;|$)", expand=False).fillna(NO_TOPIC)


def _pack(starts: np.ndarray, ends: np.ndarray, gap: int) -> np.ndarray:
    """Greedy track assignment so that events in one lane overlap as little as possible."""
    track_end: list[int] = []
    tracks = np.zeros(len(starts), dtype=int)
    for i in np.argsort(starts, kind="stable"):
        start = int(starts[i])
        t = next((t for t, end in enumerate(track_end) if end + gap <= start), None)
        if t is None and len(track_end) < MAX_TRACKS:
            t = len(track_end)
            track_end.append(0)
        elif t is None:
            t = int(np.argmin(track_end))
        track_end[t] = max(int(ends[i]), start)
        tracks[i] = t
    return tracks


def _positions(rows: pd.DataFrame, lane_order: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Vertical position and bar thickness of each lane row."""
    starts = rows[START].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    ends = rows[END].to_numpy(dtype="datetime64[ns]").astype(np.int64) + _DAY_NS
    gap = max(_DAY_NS, (ends.max() - starts.min()) // 150)
    y = np.zeros(len(rows))
    width = np.zeros(len(rows))
    lanes = rows["_lane"].to_numpy()
    for position, lane in enumerate(reversed(lane_order)):
        idx = np.flatnonzero(lanes == lane)
        tracks = _pack(starts[idx], ends[idx], gap)
        count = int(tracks.max()) + 1
        step = 0.7 / count
        y[idx] = position + 0.35 - step / 2 - tracks * step
        width[idx] = step * 0.8
    return y, width


def initial_range(starts: pd.Series, ends: pd.Series) -> list[pd.Timestamp] | None:
    """A window on the densest stretch of time when a few outliers would squeeze the rest.

    It is the shortest span holding 80% of the events, used only when it is under a third of
    the full span; the range slider still shows everything.
    """
    values = np.sort(starts.to_numpy(dtype="datetime64[ns]").astype(np.int64))
    keep = int(np.ceil(len(values) * 0.8))
    full = int(ends.max().value) - int(values[0])
    if len(values) < 10 or full <= 0:
        return None
    widths = values[keep - 1 :] - values[: len(values) - keep + 1]
    first = int(np.argmin(widths))
    low, high = int(values[first]), int(values[first + keep - 1])
    if high - low > full / 3:
        return None
    pad = max((high - low) // 10, 15 * _DAY_NS)
    return [pd.Timestamp(low - pad), pd.Timestamp(high + pad)]


def escape_all(cells: pd.Series) -> pd.Series:
    """Vectorized :func:`escape`."""
    for raw, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#x27;"),
    ):
        cells = cells.str.replace(raw, entity, regex=False)
    return cells


def marker_sizes(sources: pd.Series, large: bool) -> np.ndarray:
    """Marker size of each one-day event: larger the more sources report it, up to a cap."""
    base, cap = (
        (SMALL_MARKER_SIZE, MAX_SMALL_MARKER_SIZE) if large else (MARKER_SIZE, MAX_MARKER_SIZE)
    )
    return np.minimum(base + SIZE_PER_SOURCE * (sources.to_numpy(dtype=int) - 1), cap)


def source_labels(events: pd.DataFrame) -> pd.Series:
    """ "Source: Baltic Wire", or "Reported by 3 sources: …" with any date disagreement (raw)."""
    count = events[SOURCES].astype(str)
    several = "Reported by " + count + " sources: " + events["outlets"]
    conflict = events["date_conflict"] != ""
    several = several.where(
        ~conflict, several + "\nSources disagree on the date: " + events["date_conflict"]
    )
    return several.where(events[SOURCES] > 1, "Source: " + events["source"])


def hover_texts(events: pd.DataFrame) -> pd.Series:
    """Hover label of each event: title, date as written and normalized, actors, topics,
    sources (how many, which, and any date they disagree on).

    Event text is escaped; only the label's own <b> and <br> tags are markup.
    """
    return (
        "<b>"
        + escape_all(events["title"])
        + "</b><br>"
        + escape_all(when_labels(events))
        + "<br>Actors: "
        + escape_all(events["actors"])
        + "<br>Topics: "
        + escape_all(events["topics"])
        + "<br>"
        + escape_all(source_labels(events)).str.replace("\n", "<br>", regex=False)
    )


def _point_data(rows: pd.DataFrame) -> dict:
    """Per-point trace arguments: the event id (read back on selection) and the hover label."""
    return {
        "customdata": rows["event_id"].to_numpy(dtype=object),
        "hovertext": rows["_hover"].to_numpy(dtype=object),
        "hovertemplate": _HOVER,
    }


def _bars(periods: pd.DataFrame, colour: str, **legend: object) -> go.Bar:
    """Periods as horizontal bars from the first to the last day (SVG, for small views)."""
    return go.Bar(
        orientation="h",
        base=periods[START].dt.strftime("%Y-%m-%d"),
        x=((periods[END] - periods[START]).dt.days + 1) * 86_400_000,
        y=periods["_y"],
        width=periods["_width"],
        marker={"color": colour, "opacity": 0.55, "line": {"color": colour, "width": 1}},
        **_point_data(periods),
        **legend,
    )


def _segments(periods: pd.DataFrame, colour: str, legendgroup: str) -> go.Scattergl:
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


def _whiskers(periods: pd.DataFrame, colour: str, **legend: object) -> list[go.Scattergl]:
    """Periods as WebGL markers at their middle on segments spanning them (large views)."""
    end = periods[END] + pd.Timedelta(days=1)
    middle = periods[START] + (end - periods[START]) / 2
    marker = go.Scattergl(
        mode="markers",
        x=middle,
        y=periods["_y"],
        marker={"color": colour, "size": 8, "symbol": "diamond", "opacity": 0.8},
        **_point_data(periods),
        **legend,
    )
    return [_segments(periods, colour, str(legend.get("legendgroup", ""))), marker]


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
    (see :data:`WEBGL_THRESHOLD`).

    ``topic_order`` fixes the colour of each topic; ``selected`` is an event id to ring.
    """
    dated = events[events[START].notna()]
    if dated.empty:
        return empty_figure("No dated events to show")
    rows, lane_order = lane_rows(
        dated.assign(_hover=hover_texts(dated)), lane_column, f"(no {lane_name or 'value'})"
    )
    rows = rows.assign(_topic=first_topics(rows["topics"]))
    y, width = _positions(rows, lane_order)
    rows = rows.assign(_y=y, _width=width)
    colours = topic_colours(topic_order)
    single_day = rows[START] == rows[END]
    large = len(rows) > WEBGL_THRESHOLD

    fig = go.Figure()
    present = set(rows["_topic"])
    topics = [t for t in [*topic_order, NO_TOPIC] if t in present]
    for topic in topics:
        colour = colours.get(topic, _NO_TOPIC_COLOUR)
        of_topic = rows["_topic"] == topic
        periods = rows[of_topic & ~single_day]
        points = rows[of_topic & single_day]
        legend = {"name": escape(topic), "legendgroup": topic}
        if not periods.empty:
            if large:
                fig.add_traces(_whiskers(periods, colour, showlegend=points.empty, **legend))
            else:
                fig.add_trace(_bars(periods, colour, showlegend=points.empty, **legend))
        if not points.empty:
            scatter = go.Scattergl if large else go.Scatter
            fig.add_trace(
                scatter(
                    mode="markers",
                    x=points[START],
                    y=points["_y"],
                    marker={
                        "color": colour,
                        "size": marker_sizes(points[SOURCES], large),
                        "line": {"color": "white", "width": 0 if large else 1},
                    },
                    **_point_data(points),
                    **legend,
                )
            )
    ring = rows[rows["event_id"] == selected] if selected else rows.iloc[:0]
    if not ring.empty:
        middle = ring[START] + (ring[END] - ring[START]) / 2
        fig.add_trace(
            go.Scatter(
                mode="markers",
                x=middle,
                y=ring["_y"],
                marker={
                    "size": marker_sizes(ring[SOURCES], large=False) + 11,
                    "color": "rgba(0,0,0,0)",
                    "line": {"color": "#111", "width": 2},
                },
                **_point_data(ring),
                name="Selected",
                showlegend=False,
            )
        )

    positions = list(range(len(lane_order)))
    labels = [escape(shorten(lane, 28)) for lane in reversed(lane_order)]
    fig.update_layout(
        barmode="overlay",
        height=min(900, 170 + 56 * len(lane_order)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "title": legend_title(rows),
        },
        hoverlabel={"align": "left"},
        uirevision=f"{lane_column}",
        shapes=[
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": p - 0.5,
                "y1": p - 0.5,
                "line": {"color": "rgba(128,128,128,0.25)", "width": 1},
            }
            for p in positions[1:]
        ],
    )
    fig.update_xaxes(
        type="date",
        range=(
            [pd.Timestamp(window[0]), pd.Timestamp(window[1]) + pd.Timedelta(days=1)]
            if window
            else initial_range(dated[START], dated[END])
        ),
        rangeslider={
            "visible": True,
            "thickness": 0.07,
            "bgcolor": "#f4f6f9",
            "bordercolor": "#d0d5dd",
            "borderwidth": 1,
        },
        showgrid=True,
    )
    fig.update_yaxes(
        tickvals=positions,
        ticktext=labels,
        range=[-0.5, len(lane_order) - 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    return fig


def legend_title(rows: pd.DataFrame) -> str:
    """ "Topic", with a note on marker size when some event has several sources."""
    if (rows[SOURCES] > 1).any():
        return "Topic (larger marker: more sources) "
    return "Topic "


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
