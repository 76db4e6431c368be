"""Where timeline events sit: lanes, tracks inside a lane, the initial date range, and the
axes and legend of the figure."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.hover import escape, shorten
from dashboard.loading import END, SOURCES, START, exploded_values

#: Most lanes drawn; the rest share one "Other" lane.
MAX_LANES = 20
#: Most tracks (sub-rows) inside one lane used to keep events from overlapping.
MAX_TRACKS = 5
#: Longest lane label before it is cut.
LANE_LABEL_CHARS = 28
DAY_NS = 86_400_000_000_000


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


def pack(starts: np.ndarray, ends: np.ndarray, gap: int) -> np.ndarray:
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


def positions(rows: pd.DataFrame, lane_order: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Vertical position and bar thickness of each lane row."""
    starts = rows[START].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    ends = rows[END].to_numpy(dtype="datetime64[ns]").astype(np.int64) + DAY_NS
    gap = max(DAY_NS, (ends.max() - starts.min()) // 150)
    y = np.zeros(len(rows))
    width = np.zeros(len(rows))
    lanes = rows["_lane"].to_numpy()
    for position, lane in enumerate(reversed(lane_order)):
        idx = np.flatnonzero(lanes == lane)
        tracks = pack(starts[idx], ends[idx], gap)
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
    pad = max((high - low) // 10, 15 * DAY_NS)
    return [pd.Timestamp(low - pad), pd.Timestamp(high + pad)]


def legend_title(rows: pd.DataFrame) -> str:
    """ "Topic", with a note on marker size when some event has several sources."""
    if (rows[SOURCES] > 1).any():
        return "Topic (larger marker: more sources) "
    return "Topic "


def lay_out(
    fig: go.Figure,
    rows: pd.DataFrame,
    lane_order: list[str],
    x_range: list[pd.Timestamp] | None,
    revision: str,
) -> None:
    """Size, legend, lane separators and labels, and the date axis with its range slider."""
    ticks = list(range(len(lane_order)))
    labels = [escape(shorten(lane, LANE_LABEL_CHARS)) for lane in reversed(lane_order)]
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
        uirevision=revision,
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
            for p in ticks[1:]
        ],
    )
    fig.update_xaxes(
        type="date",
        range=x_range,
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
        tickvals=ticks,
        ticktext=labels,
        range=[-0.5, len(lane_order) - 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )


def window_range(window: tuple[date, date]) -> list[pd.Timestamp]:
    """The x range showing the days of a date filter, first to last."""
    return [pd.Timestamp(window[0]), pd.Timestamp(window[1]) + pd.Timedelta(days=1)]
