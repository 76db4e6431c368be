"""Filter state, applying it to events, and its encoding in URL query parameters."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from dashboard.loading import END, SEARCH, SOURCES, START, date_span

#: Lane choices for the timeline: label -> events column (None: a single lane). An event
#: several outlets report is drawn in each of their lanes.
LANES: dict[str, str | None] = {
    "actor": "actors",
    "topic": "topics",
    "source": "outlets",
    "none": None,
}
DEFAULT_LANES = "actor"

#: Query parameter names.
P_ACTOR = "actor"
P_TOPIC = "topic"
P_DOC = "doc"
P_FROM = "from"
P_TO = "to"
P_QUERY = "q"
P_INFERRED = "inferred"
P_LANES = "lanes"
P_EVENT = "event"
P_PERIOD = "period"
P_SOURCES = "sources"
KNOWN_PARAMS = (
    P_ACTOR,
    P_TOPIC,
    P_DOC,
    P_FROM,
    P_TO,
    P_QUERY,
    P_INFERRED,
    P_LANES,
    P_EVENT,
    P_PERIOD,
    P_SOURCES,
)
#: Count periods of the overview of large views ("auto" follows the visible span).
PERIODS: tuple[str, ...] = ("auto", "day", "week", "month", "quarter", "year")
DEFAULT_PERIOD = "auto"


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

    @property
    def has_date_range(self) -> bool:
        """Whether a start or end date restricts the view."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class DecodedParams:
    """A filter state read from the URL, with notes about values that were ignored."""

    state: FilterState
    ignored: list[str] = field(default_factory=list)


def _has_any(cells: pd.Series, wanted: Sequence[str]) -> pd.Series:
    """Rows whose multi-valued cell holds at least one wanted value (whole values only)."""
    values = "|".join(re.escape(v) for v in sorted(set(wanted), key=len, reverse=True))
    pattern = rf"(?:^|;)\s*(?:{values})\s*(?:;|$)"
    return cells.str.contains(pattern, regex=True).astype(bool)


def apply_filters(events: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The events matching every restriction in ``state``, in their original order."""
    mask = pd.Series(True, index=events.index)
    if state.actors:
        mask &= _has_any(events["actors"], state.actors)
    if state.topics:
        mask &= _has_any(events["topics"], state.topics)
    if state.docs:
        mask &= events["doc_id"].isin(state.docs)
    if state.start is not None:
        mask &= events[END] >= pd.Timestamp(state.start)
    if state.end is not None:
        mask &= events[START] <= pd.Timestamp(state.end)
    if state.query.strip():
        mask &= events[SEARCH].str.contains(state.query.strip().casefold(), regex=False)
    if not state.include_inferred:
        mask &= events["date_source"] != "inferred"
    if state.min_sources > 1:
        mask &= events[SOURCES] >= state.min_sources
    mask = mask.fillna(False).astype(bool)
    return events if mask.all() else events[mask]


def encode_params(state: FilterState) -> dict[str, str | list[str]]:
    """Query parameters for ``state``; defaults are left out to keep URLs short."""
    params: dict[str, str | list[str]] = {}
    if state.actors:
        params[P_ACTOR] = list(state.actors)
    if state.topics:
        params[P_TOPIC] = list(state.topics)
    if state.docs:
        params[P_DOC] = list(state.docs)
    if state.start is not None:
        params[P_FROM] = state.start.isoformat()
    if state.end is not None:
        params[P_TO] = state.end.isoformat()
    if state.query.strip():
        params[P_QUERY] = state.query.strip()
    if not state.include_inferred:
        params[P_INFERRED] = "0"
    if state.lanes != DEFAULT_LANES:
        params[P_LANES] = state.lanes
    if state.event:
        params[P_EVENT] = state.event
    if state.period != DEFAULT_PERIOD:
        params[P_PERIOD] = state.period
    if state.min_sources > 1:
        params[P_SOURCES] = str(state.min_sources)
    return params


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _parse_date(value: str, name: str, ignored: list[str]) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        ignored.append(f"{name}={value!r} is not a date (YYYY-MM-DD)")
        return None


def _known(values: list[str], allowed: Sequence[str], name: str, ignored: list[str]) -> tuple:
    allowed_set = set(allowed)
    unknown = [v for v in values if v not in allowed_set]
    if unknown:
        ignored.append(f"unknown {name} {', '.join(repr(v) for v in unknown)}")
    return tuple(dict.fromkeys(v for v in values if v in allowed_set))


def decode_params(
    params: Mapping[str, str | Sequence[str]],
    actors: Sequence[str],
    topics: Sequence[str],
    docs: Sequence[str],
    event_ids: Sequence[str] = (),
) -> DecodedParams:
    """Read a filter state from query parameters, ignoring (and noting) invalid values.

    ``actors``, ``topics``, ``docs`` and ``event_ids`` are the values present in the data;
    others are ignored.
    """
    ignored: list[str] = []
    state = FilterState(
        actors=_known(_as_list(params.get(P_ACTOR)), actors, "actor", ignored),
        topics=_known(_as_list(params.get(P_TOPIC)), topics, "topic", ignored),
        docs=_known(_as_list(params.get(P_DOC)), docs, "document", ignored),
    )
    single = {name: _as_list(params.get(name)) for name in KNOWN_PARAMS}
    for name in (P_FROM, P_TO, P_QUERY, P_INFERRED, P_LANES, P_EVENT, P_PERIOD, P_SOURCES):
        if len(single[name]) > 1:
            ignored.append(f"{name} given {len(single[name])} times; the last one is used")
    last = {name: values[-1] for name, values in single.items() if values}

    start = _parse_date(last[P_FROM], P_FROM, ignored) if P_FROM in last else None
    end = _parse_date(last[P_TO], P_TO, ignored) if P_TO in last else None
    if start and end and start > end:
        ignored.append(f"{P_FROM} is after {P_TO}")
        start = end = None
    inferred = last.get(P_INFERRED, "1")
    if inferred not in ("0", "1"):
        ignored.append(f"{P_INFERRED}={inferred!r} must be 0 or 1")
        inferred = "1"
    lanes = last.get(P_LANES, DEFAULT_LANES)
    if lanes not in LANES:
        ignored.append(f"{P_LANES}={lanes!r} must be one of {', '.join(LANES)}")
        lanes = DEFAULT_LANES
    period = last.get(P_PERIOD, DEFAULT_PERIOD)
    if period not in PERIODS:
        ignored.append(f"{P_PERIOD}={period!r} must be one of {', '.join(PERIODS)}")
        period = DEFAULT_PERIOD
    sources = last.get(P_SOURCES, "1")
    if not (sources.isascii() and sources.isdigit() and int(sources) >= 1):
        ignored.append(f"{P_SOURCES}={sources!r} must be a whole number of at least 1")
        sources = "1"
    event = last.get(P_EVENT, "")
    if event and event not in set(event_ids):
        ignored.append(f"unknown event {event!r}")
        event = ""
    unknown = sorted(set(params) - set(KNOWN_PARAMS))
    if unknown:
        ignored.append(f"unknown parameters {', '.join(unknown)}")
    state = replace(
        state,
        start=start,
        end=end,
        query=last.get(P_QUERY, "").strip(),
        include_inferred=inferred == "1",
        lanes=lanes,
        event=event,
        period=period,
        min_sources=int(sources),
    )
    return DecodedParams(state, ignored)


def describe(state: FilterState) -> str:
    """Short slug naming the filters, for file names (e.g. "vladimir-putin-sanctions")."""
    parts = [*state.actors, *state.topics, *state.docs]
    if state.query.strip():
        parts.append(state.query.strip())
    if state.min_sources > 1:
        parts.append(f"{state.min_sources} sources")
    slug = "-".join(_slug(p) for p in parts if _slug(p))
    return slug[:60].rstrip("-") or "all"


def _slug(text: str) -> str:
    cleaned = "".join(c if c.isascii() and c.isalnum() else " " for c in text.casefold())
    return "-".join(cleaned.split())


DateRange = tuple[date, date]


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


def data_extent(events: pd.DataFrame, today: date) -> DateRange:
    """Bounds of the date widget: the days the events cover (``today`` when none is dated)."""
    start, end = date_span(events)
    return (start or today, end or today)


def same_params(
    current: Mapping[str, Sequence[str]], wanted: Mapping[str, str | list[str]]
) -> bool:
    """Whether the URL's parameters (as lists) already say what ``wanted`` says."""
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    return {k: list(v) for k, v in current.items()} == as_lists


def summary(shown: pd.DataFrame, total: int) -> str:
    """Markdown line such as "**3 of 31 events shown** · 1 undated event is listed …"."""
    text = f"**{len(shown):,} of {total:,} events shown**"
    undated = int(shown[START].isna().sum())
    if undated:
        text += (
            f" · {undated:,} undated {'event is' if undated == 1 else 'events are'} listed in the"
            " table but not drawn on the timeline"
        )
    return text
