"""The filter state in URL query parameters (names from :data:`dashboard.state.FIELDS`), so
that a filtered view can be bookmarked and shared."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from dashboard.state import (
    DEFAULT_LANES,
    DEFAULT_PERIOD,
    LANES,
    PARAM,
    PERIODS,
    FilterState,
)

#: Every parameter the dashboard reads; others are reported as ignored.
KNOWN_PARAMS: tuple[str, ...] = tuple(PARAM.values())
#: Parameters holding one value; the others hold a list.
SINGLE_PARAMS = tuple(p for name, p in PARAM.items() if name not in ("actors", "topics", "docs"))
#: The largest number of sources a link can ask for (see dashboard.loading.MAX_SOURCES).
MAX_SOURCES = 1_000_000
#: Characters of a value quoted in a note about it.
QUOTED = 60


@dataclass(frozen=True)
class DecodedParams:
    """A filter state read from the URL, with notes about values that were ignored."""

    state: FilterState
    ignored: list[str] = field(default_factory=list)


def encode_params(state: FilterState) -> dict[str, str | list[str]]:
    """Query parameters for ``state``; defaults are left out to keep URLs short."""
    params: dict[str, str | list[str]] = {}
    for name in ("actors", "topics", "docs"):
        if getattr(state, name):
            params[PARAM[name]] = list(getattr(state, name))
    if state.start is not None:
        params[PARAM["start"]] = state.start.isoformat()
    if state.end is not None:
        params[PARAM["end"]] = state.end.isoformat()
    if state.query.strip():
        params[PARAM["query"]] = state.query.strip()
    if not state.include_inferred:
        params[PARAM["include_inferred"]] = "0"
    if state.lanes != DEFAULT_LANES:
        params[PARAM["lanes"]] = state.lanes
    if state.event:
        params[PARAM["event"]] = state.event
    if state.period != DEFAULT_PERIOD:
        params[PARAM["period"]] = state.period
    if state.min_sources > 1:
        params[PARAM["min_sources"]] = str(state.min_sources)
    if state.whole:
        params[PARAM["whole"]] = "1"
    return params


def quoted(value: str) -> str:
    """``value`` quoted for a note, cut to :data:`QUOTED` characters."""
    return repr(value if len(value) <= QUOTED else value[:QUOTED] + "…")


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
        ignored.append(f"{name}={quoted(value)} is not a date (YYYY-MM-DD)")
        return None


def _known(values: list[str], allowed: Sequence[str], name: str, ignored: list[str]) -> tuple:
    allowed_set = set(allowed)
    unknown = [v for v in values if v not in allowed_set]
    if unknown:
        ignored.append(f"unknown {name} {', '.join(quoted(v) for v in unknown)}")
    return tuple(dict.fromkeys(v for v in values if v in allowed_set))


def _choice(
    last: Mapping[str, str], name: str, allowed: Sequence[str], default: str, ignored: list[str]
) -> str:
    """The value of the one-of-several parameter for ``name``, else ``default`` (noted)."""
    param = PARAM[name]
    value = last.get(param, default)
    if value not in allowed:
        ignored.append(f"{param}={quoted(value)} must be one of {', '.join(allowed)}")
        return default
    return value


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
        actors=_known(_as_list(params.get(PARAM["actors"])), actors, "actor", ignored),
        topics=_known(_as_list(params.get(PARAM["topics"])), topics, "topic", ignored),
        docs=_known(_as_list(params.get(PARAM["docs"])), docs, "document", ignored),
    )
    single = {name: _as_list(params.get(name)) for name in SINGLE_PARAMS}
    for name, values in single.items():
        if len(values) > 1:
            ignored.append(f"{name} given {len(values)} times; the last one is used")
    last = {name: values[-1] for name, values in single.items() if values}

    p_from, p_to = PARAM["start"], PARAM["end"]
    start = _parse_date(last[p_from], p_from, ignored) if p_from in last else None
    end = _parse_date(last[p_to], p_to, ignored) if p_to in last else None
    if start and end and start > end:
        ignored.append(f"{p_from} is after {p_to}")
        start = end = None
    inferred = _choice(last, "include_inferred", ("0", "1"), "1", ignored)
    whole = _choice(last, "whole", ("0", "1"), "0", ignored)
    lanes = _choice(last, "lanes", list(LANES), DEFAULT_LANES, ignored)
    period = _choice(last, "period", PERIODS, DEFAULT_PERIOD, ignored)
    p_sources = PARAM["min_sources"]
    sources = last.get(p_sources, "1")
    digits = sources.lstrip("0")
    if not (sources.isascii() and sources.isdigit() and 0 < len(digits) <= 7) or (
        int(digits) > MAX_SOURCES
    ):
        ignored.append(f"{p_sources}={quoted(sources)} must be a whole number from 1 to 1,000,000")
        sources = "1"
    event = last.get(PARAM["event"], "")
    if event and event not in set(event_ids):
        ignored.append(f"unknown event {quoted(event)}")
        event = ""
    unknown = sorted(set(params) - set(KNOWN_PARAMS))
    if unknown:
        ignored.append(f"unknown parameters {', '.join(quoted(name) for name in unknown)}")
    state = replace(
        state,
        start=start,
        end=end,
        query=last.get(PARAM["query"], "").strip(),
        include_inferred=inferred == "1",
        lanes=lanes,
        event=event,
        period=period,
        min_sources=int(sources.lstrip("0")),
        whole=whole == "1",
    )
    return DecodedParams(state, ignored)


def same_params(
    current: Mapping[str, Sequence[str]], wanted: Mapping[str, str | list[str]]
) -> bool:
    """Whether the URL's parameters (as lists) already say what ``wanted`` says."""
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    return {k: list(v) for k, v in current.items()} == as_lists
