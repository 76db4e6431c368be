"""The overview drawn instead of single events when too many are visible: event counts per
period and lane, as a heat strip whose cells can be clicked to narrow the dates to them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.hover import escape, shorten
from dashboard.layout import lane_rows
from dashboard.loading import START

#: Default most dated events drawn one by one; above it the overview is drawn.
DETAIL_LIMIT = 3000
#: Period choices: label -> pandas period frequency. "auto" picks one from the visible span.
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
#: "auto" picks the finest period giving at most this many columns.
MAX_COLUMNS = 160
#: A period chosen by the user is made coarser beyond this many columns (figure size).
MAX_CHOSEN_COLUMNS = 1500
_APPROX_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25}
_COLOURS = [[0.0, "#dce9f6"], [0.5, "#5b93c7"], [1.0, "#163e6e"]]


def choose_period(first: pd.Timestamp, last: pd.Timestamp, wanted: str = "auto") -> str:
    """The finest period giving at most :data:`MAX_COLUMNS` columns over the span ("auto"),
    else ``wanted``, made coarser when it would give over :data:`MAX_CHOSEN_COLUMNS`."""
    days = (last - first).days + 1
    limit = MAX_CHOSEN_COLUMNS if wanted in PERIODS else MAX_COLUMNS
    fitting = [p for p in PERIODS if days / _APPROX_DAYS[p] <= limit] or ["year"]
    if wanted in fitting:
        return wanted
    return fitting[0]


def period_label(starts: pd.Series, period: str) -> pd.Series:
    """Readable names of periods given by their first days, e.g. "March 2020", "2020 Q1"."""
    if period == "quarter":
        return starts.dt.year.astype(str) + " Q" + starts.dt.quarter.astype(str)
    formats = {"day": "%-d %B %Y", "week": "week of %-d %B %Y", "month": "%B %Y", "year": "%Y"}
    return starts.dt.strftime(formats[period])


def period_starts(days: pd.Series, period: str) -> np.ndarray:
    """First day of the ``period`` holding each day (weeks start on Monday)."""
    values = days.to_numpy(dtype="datetime64[D]")
    if period == "week":
        return values - (values.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
    if period == "quarter":
        months = values.astype("datetime64[M]").astype(np.int64)
        return (months - months % 3).astype("datetime64[M]").astype("datetime64[D]")
    unit = {"day": "D", "month": "M", "year": "Y"}[period]
    return values.astype(f"datetime64[{unit}]").astype("datetime64[D]")


def period_ends(starts: pd.Series, period: str) -> pd.Series:
    """Last day of each period given by its first day."""
    steps = {
        "day": pd.DateOffset(days=1),
        "week": pd.DateOffset(weeks=1),
        "month": pd.DateOffset(months=1),
        "quarter": pd.DateOffset(months=3),
        "year": pd.DateOffset(years=1),
    }
    return starts + steps[period] - pd.Timedelta(days=1)


def bucket_counts(rows: pd.DataFrame, period: str) -> pd.DataFrame:
    """Events per lane and period (by first day): ``_lane``, ``first``, ``last``, ``count``."""
    keys = pd.DataFrame(
        {"_lane": rows["_lane"].to_numpy(), "first": period_starts(rows[START], period)}
    )
    counts = keys.groupby(["_lane", "first"], sort=False).size().rename("count").reset_index()
    counts["first"] = pd.to_datetime(counts["first"])
    counts["last"] = period_ends(counts["first"], period)
    return counts


def notice(total: int, period: str, limit: int) -> str:
    """What the overview shows and how to get to single events."""
    return (
        f"Showing counts per {period} for {total:,} events — narrow the dates or filters to "
        f"{limit:,} events or fewer to see individual events. "
        f"Click a cell to narrow the dates to its {period}."
    )


def _colour_scale(counts: np.ndarray) -> tuple[np.ndarray, dict]:
    """Log-scaled colour values (NaN stays NaN) and a colour bar labelled in counts."""
    values = np.log10(counts)
    top = max(float(np.nanmax(values)), 1.0)
    ticks = [t for t in (1, 3, 10, 30, 100, 300, 1000, 3000, 10_000, 30_000) if t <= 10**top]
    bar = {
        "title": {"text": "Events", "side": "top"},
        "tickvals": np.log10(ticks).tolist(),
        "ticktext": [f"{t:,}" for t in ticks],
        "thickness": 12,
        "len": 0.8,
    }
    return values, {"zmin": 0.0, "zmax": top, "colorbar": bar}


def _grid(counts: pd.DataFrame, lanes: list[str], period: str) -> pd.DataFrame:
    """Counts as a lanes x periods table (every period between the first and last one)."""
    frequency = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}
    columns = pd.date_range(counts["first"].min(), counts["first"].max(), freq=frequency[period])
    table = counts.pivot(index="_lane", columns="first", values="count")
    return table.reindex(index=lanes, columns=columns)


def build_overview(
    events: pd.DataFrame, lane_column: str | None, period: str, lane_name: str = ""
) -> go.Figure:
    """Counts of the dated ``events`` per ``period`` and lane: a heat map, with one invisible
    WebGL marker per non-empty cell carrying its hover label and period (read on click)."""
    dated = events.loc[events[START].notna(), [START, *([lane_column] if lane_column else [])]]
    rows, lane_order = lane_rows(dated, lane_column, f"(no {lane_name or 'value'})")
    counts = bucket_counts(rows, period)
    lanes = list(reversed(lane_order))
    position = {lane: i for i, lane in enumerate(lanes)}
    grid = _grid(counts, lanes, period)
    starts = pd.Series(grid.columns)
    middles = starts + (period_ends(starts, period) + pd.Timedelta(days=1) - starts) / 2
    colour, scale = _colour_scale(grid.to_numpy(dtype=float))
    label = period_label(counts["first"], period)
    hover = (
        "<b>"
        + counts["_lane"].map(escape)
        + "</b><br>"
        + label
        + ": "
        + counts["count"].map("{:,}".format)
        + " events<br><i>Click to show this "
        + period
        + "</i>"
    )
    first = counts["first"].dt.strftime("%Y-%m-%d")
    cells = go.Heatmap(
        x=middles,
        y=list(position.values()),
        z=colour,
        colorscale=_COLOURS,
        xgap=1 if len(starts) <= MAX_COLUMNS else 0,
        ygap=8,
        hoverinfo="skip",
        **scale,
    )
    targets = go.Scattergl(
        mode="markers",
        x=counts["first"] + (counts["last"] + pd.Timedelta(days=1) - counts["first"]) / 2,
        y=counts["_lane"].map(position),
        marker={"size": 12, "symbol": "square", "opacity": 0, "color": "#163e6e"},
        customdata=np.stack([first, counts["last"].dt.strftime("%Y-%m-%d")], axis=1),
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        name="Events",
    )
    fig = go.Figure([cells, targets])
    fig.update_layout(
        height=min(900, 150 + 40 * len(lane_order)),
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        hoverlabel={"align": "left"},
        hovermode="closest",
        plot_bgcolor="#ffffff",
        uirevision=f"overview-{lane_column}-{period}",
    )
    fig.update_xaxes(
        type="date",
        range=[starts.min(), period_ends(starts, period).max() + pd.Timedelta(days=1)],
        showgrid=False,
    )
    fig.update_yaxes(
        tickvals=list(position.values()),
        ticktext=[escape(shorten(lane, 28)) for lane in position],
        range=[-0.5, len(lane_order) - 0.5],
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    return fig
