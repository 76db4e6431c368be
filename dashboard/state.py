"""What the user asked to see, and where each part of it lives: the filter state, its one
table of field <-> session-state key <-> URL parameter, and the app's other session keys.

Reading and writing the session takes any mutable mapping (``st.session_state`` in the app),
so it is tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Lane choices for the timeline: label -> events column (None: a single lane). An event
#: several outlets report is drawn in each of their lanes.
LANES: dict[str, str | None] = {
    "actor": "actors",
    "topic": "topics",
    "source": "outlets",
    "none": None,
}
DEFAULT_LANES = "actor"
#: Count periods of the overview of large views ("auto" follows the visible span).
PERIODS: tuple[str, ...] = ("auto", "day", "week", "month", "quarter", "year")
DEFAULT_PERIOD = "auto"

DateRange = tuple[date, date]


@dataclass(frozen=True)
class FilterState:
    """What the user asked to see. Empty selections mean "no restriction"."""

    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    query: str = ""
    include_inferred: bool = True
    lanes: str = DEFAULT_LANES
    event: str = ""
    period: str = DEFAULT_PERIOD
    min_sources: int = 1
    whole: bool = False

    @property
    def has_date_range(self) -> bool:
        """Whether a start or end date restricts the view."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Field:
    """One part of the filter state: its ``FilterState`` attribute, the session-state key of
    the widget holding it, and its URL query parameter."""

    name: str
    key: str
    param: str


#: The one table of the filter state's parts. ``start`` and ``end`` share the date widget.
FIELDS: tuple[Field, ...] = (
    Field("actors", "f_actors", "actor"),
    Field("topics", "f_topics", "topic"),
    Field("docs", "f_docs", "doc"),
    Field("start", "f_dates", "from"),
    Field("end", "f_dates", "to"),
    Field("query", "f_query", "q"),
    Field("include_inferred", "f_inferred", "inferred"),
    Field("lanes", "f_lanes", "lanes"),
    Field("event", "selected_event", "event"),
    Field("period", "f_period", "period"),
    Field("min_sources", "f_sources", "sources"),
    Field("whole", "f_whole", "all"),
)
#: FilterState attribute -> session-state key, and -> URL parameter.
KEY: dict[str, str] = {f.name: f.key for f in FIELDS}
PARAM: dict[str, str] = {f.name: f.param for f in FIELDS}

#: Session-state keys that are not part of the filter state.
UPLOADED, UPLOADED_MENTIONS = "uploaded_events", "uploaded_mentions"
UPLOAD_GENERATION, UPLOAD_MESSAGES = "upload_generation", "upload_messages"
TABLE_IDS, URL_NOTICES, EXTENT = "table_event_ids", "url_notices", "date_extent"
#: Keys of the widgets whose selection the app reads back.
TIMELINE_WIDGET, TABLE_WIDGET = "timeline", "event_table"

#: Parts cleared by "Reset filters" (the view's lanes, period and selected event stay).
RESETTABLE = ("actors", "topics", "docs", "start", "query", "include_inferred", "min_sources")


def date_range_state(dates: Sequence[date], extent: DateRange) -> tuple[date | None, date | None]:
    """Start and end of a date widget value; ends at the data extent mean "no restriction".

    ``dates`` may hold fewer than two values while the user is still picking a range.
    """
    start = dates[0] if len(dates) > 0 else None
    end = dates[1] if len(dates) > 1 else None
    return (
        start if start is not None and start > extent[0] else None,
        end if end is not None and end < extent[1] else None,
    )


def widget_dates(start: date | None, end: date | None, extent: DateRange) -> DateRange:
    """The date widget value for a state, clamped to the data extent."""
    low = min(max(start or extent[0], extent[0]), extent[1])
    high = max(min(end or extent[1], extent[1]), low)
    return (low, high)


def rebase_dates(dates: Sequence[date], old: DateRange, new: DateRange) -> DateRange:
    """Keep a date widget value meaningful when the data extent grows or shrinks.

    Ends that sat on the old extent (no restriction) move to the new one.
    """
    start, end = date_range_state(dates, old)
    return widget_dates(start, end, new)


def widget_values(state: FilterState, extent: DateRange) -> dict[str, Any]:
    """Session-state key -> widget value describing ``state``."""
    values: dict[str, Any] = {}
    for part in FIELDS:
        value = getattr(state, part.name)
        values[part.key] = list(value) if isinstance(value, tuple) else value
    values[KEY["start"]] = widget_dates(state.start, state.end, extent)
    return values


def seed(session: MutableMapping[str, Any], state: FilterState, extent: DateRange) -> None:
    """Set every widget of the filter state to ``state``, and remember the data extent."""
    session.update(widget_values(state, extent))
    session[EXTENT] = extent


def reset(session: MutableMapping[str, Any], extent: DateRange) -> None:
    """Clear every filter (widget callback)."""
    blank = widget_values(FilterState(), extent)
    for name in RESETTABLE:
        session[KEY[name]] = blank[KEY[name]]


def read(session: Mapping[str, Any], extent: DateRange) -> FilterState:
    """The filter state described by the widgets; a widget not drawn (so not in ``session``)
    means its default."""
    value = {name: session.get(key) for name, key in KEY.items()}
    start, end = date_range_state(tuple(value["start"] or ()), extent)
    return FilterState(
        actors=tuple(value["actors"] or ()),
        topics=tuple(value["topics"] or ()),
        docs=tuple(value["docs"] or ()),
        start=start,
        end=end,
        query=value["query"] or "",
        include_inferred=value["include_inferred"] is not False,
        lanes=value["lanes"] or DEFAULT_LANES,
        event=value["event"] or "",
        period=value["period"] or DEFAULT_PERIOD,
        min_sources=int(value["min_sources"] or 1),
        whole=bool(value["whole"]),
    )


def follow_extent(session: MutableMapping[str, Any], extent: DateRange) -> None:
    """Move the date widget along when uploads change the data extent."""
    old = session.get(EXTENT, extent)
    if old != extent:
        session[KEY["start"]] = rebase_dates(session[KEY["start"]], old, extent)
    session[EXTENT] = extent
