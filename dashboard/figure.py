"""The Plotly timeline: events on a time axis, in lanes, coloured by topic.

It is put together from :mod:`dashboard.layout` (first range, lanes, rows, axes),
:mod:`dashboard.labels` (short titles where there is room), :mod:`dashboard.traces` (markers,
bars and counts) and :mod:`dashboard.selection` (the selected event's ring); colours come
from :mod:`dashboard.colours`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import colours, labels, layout, marks, selection, traces
from dashboard.hover import escape, hover_texts
from dashboard.loading import END, SOURCES, START

#: The columns of placed lane rows the traces read (the others are dropped before drawing, so
#: that splitting the rows by topic copies little), and those of corrected events' marks.
DRAWN_COLUMNS = (
    "event_id",
    "title",
    "topics",
    "confidence",
    "date_source",
    START,
    END,
    SOURCES,
    "_lane",
    "_hover",
    "_topic",
    "_x",
    "_xpx",
    "_y",
    "_row",
    "_size",
)
MARK_COLUMNS = ("curated", "corrected")


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


def dated_view(
    events: pd.DataFrame, window: tuple[date, date] | None = None, whole: bool = False
) -> layout.View | None:
    """The first range of the timeline of ``events`` (None when none is dated)."""
    dated = events[events[START].notna()]
    return None if dated.empty else layout.choose_view(dated, window, whole)


def build_timeline(
    events: pd.DataFrame,
    lane_column: str | None,
    vocabulary: Sequence[str],
    selected: str = "",
    lane_name: str = "",
    window: tuple[date, date] | None = None,
    whole: bool = False,
    narrower: frozenset[str] = frozenset(),
) -> go.Figure:
    """Timeline of the dated events: one-day events as markers, longer periods as bars.

    The first range is the days of ``window`` (a date filter) when given, else every event,
    else the densest stretch (see :func:`dashboard.layout.choose_view`; ``whole`` asks for
    every event). Lanes with nothing in that range are left out.

    Multi-valued lane columns put an event in each of its lanes. Large views switch to WebGL
    (see :data:`dashboard.traces.WEBGL_THRESHOLD`) and go without labels.

    ``vocabulary`` (topic names in vocabulary order; ``narrower`` those with a broader topic)
    fixes each topic's colour; ``selected`` is an event id to ring.
    """
    dated = events[events[START].notna()]
    view = dated_view(events, window, whole)
    if view is None:
        return empty_figure("No dated events to show")
    dated = dated.assign(
        _hover=hover_texts(dated), _topic=colours.colour_topics(dated["topics"], narrower)
    )
    rows, lane_order = layout.lane_rows(dated, lane_column, f"(no {lane_name or 'value'})")
    large = len(rows) > traces.WEBGL_THRESHOLD
    sizes = traces.marker_sizes(rows[SOURCES], large).astype(float)
    placement = layout.place(rows, lane_order, view, sizes)
    drawn = [*DRAWN_COLUMNS, *(c for c in MARK_COLUMNS if c in placement.rows.columns)]
    rows = placement.rows[drawn]
    single = (rows[START] == rows[END]).to_numpy()
    text = np.full(len(rows), "", dtype=object)
    side = np.full(len(rows), "middle right", dtype=object)
    if not large:
        text[single], side[single] = labels.choose_labels(rows[single])
    rows = rows.assign(_label=text, _label_side=side)

    styles = colours.topic_styles(vocabulary, set(rows["_topic"]))
    fig = go.Figure(traces.topic_traces(rows, styles))
    if not placement.counts.empty:
        fig.add_trace(traces.count_trace(placement.counts))
    marked = marks.curated_marks(rows)
    if marked is not None:
        fig.add_trace(marked)
    layout.lay_out(
        fig, placement, view, f"{lane_column}-{whole}", extra_shapes=selection.ring(rows, selected)
    )
    return fig


def outside_note(outside: int) -> str:
    """ "2 events outside this view" ("" when none is)."""
    if not outside:
        return ""
    return f"{outside:,} {'event' if outside == 1 else 'events'} outside this view"


def key_text(events: pd.DataFrame) -> str:
    """The key to the markers of ``events`` (Markdown): what fill, bars, size and counts say."""
    kinds = set(events["date_source"])
    parts = ["● dated by its own words"]
    if "published" in kinds:
        parts.append("○ only by the publication date")
    if "inferred" in kinds:
        parts.append("faded: from the story around it")
    if (events[START] != events[END]).any():
        parts.append("▬ bar: a week, month, year or longer")
    if (events[SOURCES] > 1).any():
        parts.append("larger: more sources")
    parts.append("+N: more events there, click to show their days")
    return "Key: " + " · ".join(parts) + " · hover for details"
