"""Where timeline events sit: the first date range shown, the lanes with something in it,
and inside each lane the rows that keep markers apart (a count where they would not fit).

Positions are worked out in pixels for a plot at least :data:`PLOT_WIDTH_PX` wide: two
markers of one row are never closer than their radii, so they do not overlap in any wider
plot either. The y axis counts pixels from the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.hover import escape
from dashboard.loading import END, START, exploded_values

#: Most lanes drawn; the rest share one "Other" lane.
MAX_LANES = 20
#: Narrowest plot (pixels) the placement is made for.
PLOT_WIDTH_PX = 640
#: Height of a row of markers, a row of period bars and a row of counts (pixels), the space
#: between lanes, and the smallest gap between two markers of one row.
POINT_ROW_PX, PERIOD_ROW_PX, COUNT_ROW_PX, LANE_GAP_PX, GAP_PX = 28, 24, 26, 10, 3
#: Thickness of a period bar (pixels).
BAR_PX = 20
#: Rows of markers and of bars in one lane before further events are counted instead.
MAX_POINT_ROWS, MAX_PERIOD_ROWS = 8, 6
#: Most rows of markers, and of bars, of all lanes together (fewer per lane when there are many
#: lanes; never fewer than two).
MAX_ALL_POINT_ROWS, MAX_ALL_PERIOD_ROWS = 64, 24
#: Width (pixels) of the stretch of a lane one count stands for, and the count's size.
COUNT_BIN_PX, COUNT_SIZE = 30, 22
#: A lane's name is wrapped at this many characters a line; height of a line (pixels).
LANE_LABEL_CHARS, LANE_LINE_PX = 24, 15
#: The densest stretch holding this share of the events is shown first when it is shorter
#: than :data:`DENSE_SHARE_OF_SPAN` of the whole span (and there are at least
#: :data:`MIN_EVENTS_FOR_FOCUS` events).
DENSE_SHARE, DENSE_SHARE_OF_SPAN, MIN_EVENTS_FOR_FOCUS = 0.8, 1 / 3, 5
#: Share of all events the densest stretch keeps at least.
MIN_KEPT_SHARE = 0.7
#: Events this close to the densest stretch (a share of its width) are shown with it.
NEAR_SHARE = 0.5
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


def _ns(days: pd.Series) -> np.ndarray:
    return days.to_numpy(dtype="datetime64[ns]").astype(np.int64)


@dataclass(frozen=True)
class View:
    """The date range shown first (nanoseconds, end exclusive) and how many events lie
    wholly outside it."""

    low: int
    high: int
    outside: int

    @property
    def range(self) -> list[pd.Timestamp]:
        """The x-axis range."""
        return [pd.Timestamp(self.low), pd.Timestamp(self.high)]

    def overlaps(self, starts: pd.Series, ends: pd.Series) -> np.ndarray:
        """Which events (first and last days) have a day inside the view."""
        return (_ns(starts) < self.high) & (_ns(ends) + DAY_NS > self.low)


def _padded(low: int, high: int) -> tuple[int, int]:
    """A span widened on both sides, so that markers at its ends are drawn whole, and more on
    the right, for the labels of the last events."""
    span = high - low
    return low - max(span // 16, DAY_NS), high + max(span // 8, DAY_NS)


def _cover(starts: np.ndarray, ends: np.ndarray) -> tuple[int, int]:
    """The shortest span holding every one-day event and reaching into every period: a long
    period never stretches the range by itself."""
    single = starts == ends
    low = min(ends.min(), starts[single].min() if single.any() else ends.min())
    high = max(starts.max(), ends[single].max() if single.any() else starts.max())
    if low > high:
        low, high = high, low
    return int(low), int(high) + DAY_NS


def _dense(anchors: np.ndarray) -> tuple[int, int] | None:
    """The shortest span holding :data:`DENSE_SHARE` of the ``anchors``, widened to the
    anchors close to it (within :data:`NEAR_SHARE` of its width), when it stays much shorter
    than their whole span; else None."""
    values = np.sort(anchors)
    keep = int(np.ceil(len(values) * DENSE_SHARE))
    full = int(values[-1] - values[0])
    if len(values) < MIN_EVENTS_FOR_FOCUS or full <= 0:
        return None
    widths = values[keep - 1 :] - values[: len(values) - keep + 1]
    first = int(np.argmin(widths))
    low, high = int(values[first]), int(values[first + keep - 1])
    reach = max(int((high - low) * NEAR_SHARE), DAY_NS)
    while first > 0 and low - values[first - 1] <= reach:
        first -= 1
        low = int(values[first])
    for value in values[values > high]:
        if value - high > reach:
            break
        high = int(value)
    if high - low > full * DENSE_SHARE_OF_SPAN:
        return None
    return low, high + DAY_NS


def _densest(anchors: np.ndarray) -> tuple[int, int] | None:
    """:func:`_dense`, again inside its result while that keeps at least
    :data:`MIN_KEPT_SHARE` of the ``anchors`` (a cluster inside a cluster)."""
    found = None
    kept = anchors
    while (span := _dense(kept)) is not None:
        inner = kept[(kept >= span[0]) & (kept < span[1])]
        if len(inner) < len(anchors) * MIN_KEPT_SHARE:
            break
        found, kept = span, inner
    return found


def choose_view(
    events: pd.DataFrame, window: tuple[date, date] | None = None, whole: bool = False
) -> View:
    """The first date range of the dated ``events``: the days of a date filter (``window``),
    else every event, else (when a few outliers would squash the rest and ``whole`` is not
    asked for) the densest stretch, with the number of events left outside it."""
    starts, ends = _ns(events[START]), _ns(events[END])
    if window is not None:
        low, high = _ns(pd.Series(pd.to_datetime(list(window))))
        return View(int(low), int(high) + DAY_NS, 0)
    low, high = _cover(starts, ends)
    dense = None if whole else _densest(starts)
    if dense is not None:
        view = View(*_padded(*dense), outside=0)
        outside = int((~view.overlaps(events[START], events[END])).sum())
        if outside:
            return View(view.low, view.high, outside)
    return View(*_padded(low, high), outside=0)


def point_times(rows: pd.DataFrame) -> np.ndarray:
    """Where each one-day lane row is drawn (nanoseconds): spread over its day, in order,
    when several of one lane share it, so that a view of one day shows them side by side."""
    day = _ns(rows[START])
    keys = pd.DataFrame({"lane": rows["_lane"].to_numpy(), "day": day})
    order = keys.groupby(["lane", "day"], sort=False).cumcount().to_numpy()
    count = keys.groupby(["lane", "day"], sort=False)["day"].transform("size").to_numpy()
    return day + ((order + 0.5) / count * DAY_NS).astype(np.int64)


def _rows_of(lefts: np.ndarray, rights: np.ndarray, limit: int) -> np.ndarray:
    """Greedy rows for intervals sorted by their left end: the first row whose last interval
    ends before this one starts; -1 when none of ``limit`` rows has room."""
    row_end: list[float] = []
    rows = np.full(len(lefts), -1, dtype=int)
    for i, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        free = next((r for r, end in enumerate(row_end) if end <= left), None)
        if free is None and len(row_end) < limit:
            free = len(row_end)
            row_end.append(-np.inf)
        if free is not None:
            row_end[free] = right + GAP_PX
            rows[i] = free
    return rows


def wrap(name: str, width: int = LANE_LABEL_CHARS) -> list[str]:
    """A lane name in lines of at most ``width`` characters, cut at spaces only."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [name]


@dataclass(frozen=True)
class Lane:
    """A drawn lane: its name and its top and bottom (pixels from the top of the plot)."""

    name: str
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        """Where its name is written."""
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Placement:
    """Placed lane rows and counts of the events that did not fit, with the drawn lanes.

    ``rows`` gain ``_x`` (drawn time, ns; the middle of a period), ``_xpx`` (pixels from the
    view's left edge), ``_y`` (pixels from the top), ``_row`` (a row id, one per row of a lane)
    and ``_size`` (marker size); ``counts`` has ``_lane``, ``_x``, ``_y``, ``count``,
    ``first``, ``last`` (days of the counted events) and ``titles``.
    """

    rows: pd.DataFrame
    counts: pd.DataFrame
    lanes: list[Lane]
    height: float


def _count_rows(hidden: pd.DataFrame, y: float) -> list[dict]:
    """Counts of a lane's events that found no room, one per stretch of the lane."""
    if hidden.empty:
        return []
    bins = np.floor(hidden["_xpx"].to_numpy() / COUNT_BIN_PX).astype(int)
    counts = []
    for bin_, group in hidden.groupby(bins, sort=True):
        middle = (bin_ + 0.5) * COUNT_BIN_PX
        counts.append(
            {
                "_lane": group["_lane"].iloc[0],
                "_xpx": middle,
                "_y": y,
                "count": len(group),
                "first": group[START].min(),
                "last": group[END].max(),
                "titles": list(group["title"]),
            }
        )
    return counts


def place(
    rows: pd.DataFrame,
    lane_order: list[str],
    view: View,
    sizes: np.ndarray,
) -> Placement:
    """Lanes and rows for lane ``rows`` (with ``_lane``) seen through ``view``; ``sizes`` are
    the marker sizes of the rows (pixels). Lanes without an event in the view are left out."""
    scale = PLOT_WIDTH_PX / (view.high - view.low)
    single = (rows[START] == rows[END]).to_numpy()
    starts, ends = _ns(rows[START]), _ns(rows[END]) + DAY_NS
    x = np.where(single, 0, starts + (ends - starts) // 2)
    if single.any():
        x[single] = point_times(rows[single])
    rows = rows.assign(
        _x=pd.to_datetime(x),
        _xpx=(x - view.low) * scale,
        _size=sizes,
        _y=np.nan,
        _row="",
    )
    in_view = view.overlaps(rows[START], rows[END])
    visible = set(rows.loc[in_view, "_lane"])
    drawn = [lane for lane in lane_order if lane in visible]
    point_rows = max(2, min(MAX_POINT_ROWS, MAX_ALL_POINT_ROWS // max(len(drawn), 1)))
    period_rows = max(2, min(MAX_PERIOD_ROWS, MAX_ALL_PERIOD_ROWS // max(len(drawn), 1)))
    lefts_all = np.where(single, rows["_xpx"] - sizes / 2, (starts - view.low) * scale)
    rights_all = np.where(single, rows["_xpx"] + sizes / 2, (ends - view.low) * scale)

    lane_of = rows["_lane"].to_numpy()
    y = np.full(len(rows), np.nan)
    row_ids = np.full(len(rows), "", dtype=object)
    lanes: list[Lane] = []
    counts: list[dict] = []
    top = 0.0
    for lane in drawn:
        hidden: list[np.ndarray] = []
        cursor = top + LANE_GAP_PX / 2
        for kind, limit, height in (
            (True, point_rows, POINT_ROW_PX),
            (False, period_rows, PERIOD_ROW_PX),
        ):
            idx = np.flatnonzero((lane_of == lane) & (single == kind))
            if not len(idx):
                continue
            idx = idx[np.argsort(lefts_all[idx], kind="stable")]
            assigned = _rows_of(lefts_all[idx], rights_all[idx], limit)
            placed = idx[assigned >= 0]
            y[placed] = cursor + (assigned[assigned >= 0] + 0.5) * height
            row_ids[placed] = [f"{lane}\x1f{kind}\x1f{r}" for r in assigned[assigned >= 0]]
            hidden.append(idx[assigned < 0])
            cursor += (int(assigned.max()) + 1) * height
        missing = np.concatenate(hidden) if hidden else np.array([], dtype=int)
        if len(missing):
            counts += _count_rows(rows.iloc[missing], cursor + COUNT_ROW_PX / 2)
            cursor += COUNT_ROW_PX
        label_height = len(wrap(lane)) * LANE_LINE_PX + LANE_GAP_PX
        bottom = max(cursor + LANE_GAP_PX / 2, top + label_height)
        lanes.append(Lane(lane, top, bottom))
        top = bottom
    rows = rows.assign(_y=y, _row=row_ids)
    frame = pd.DataFrame(
        counts, columns=["_lane", "_xpx", "_y", "count", "first", "last", "titles"]
    )
    offsets = (frame["_xpx"].to_numpy(dtype=float) / scale).astype(np.int64)
    frame["_x"] = pd.to_datetime(view.low + offsets)
    return Placement(rows[rows["_y"].notna()], frame, lanes, top)


#: What the figure needs beside the lanes (pixels: margins and date ticks).
TOP_PX, BOTTOM_PX, AXIS_PX = 12, 10, 46


def figure_height(placement: Placement) -> int:
    """Figure height giving the lanes ``placement.height`` pixels."""
    return int(np.ceil(placement.height)) + TOP_PX + BOTTOM_PX + AXIS_PX


def lane_label(name: str) -> str:
    """A lane's whole name, wrapped (escaped, lines joined by <br>)."""
    return "<br>".join(escape(line) for line in wrap(name))


def lay_out(
    fig: go.Figure,
    placement: Placement,
    view: View,
    revision: str,
    extra_shapes: Sequence[dict] = (),
) -> None:
    """Size, lanes (whole names, wrapped; separators), pixel y axis and date axis, with
    ``extra_shapes`` over the lanes."""
    lanes = placement.lanes
    fig.update_layout(
        barmode="overlay",
        height=figure_height(placement),
        margin={"l": 10, "r": 10, "t": TOP_PX, "b": BOTTOM_PX},
        showlegend=False,
        hoverlabel={"align": "left"},
        uirevision=revision,
        uniformtext={"minsize": 9, "mode": "hide"},
        shapes=[
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": lane.top,
                "y1": lane.top,
                "line": {"color": "rgba(128,128,128,0.3)", "width": 1},
            }
            for lane in lanes[1:]
        ]
        + list(extra_shapes),
    )
    fig.update_xaxes(type="date", range=view.range, showgrid=True, side="top")
    fig.update_yaxes(
        tickvals=[lane.middle for lane in lanes],
        ticktext=[lane_label(lane.name) for lane in lanes],
        range=[placement.height, 0],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
