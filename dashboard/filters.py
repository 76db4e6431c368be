"""Applying the filter state to events, and describing the result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pandas as pd

from dashboard.loading import END, SEARCH, SOURCES, START, date_span
from dashboard.state import DateRange, FilterState


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


def data_extent(events: pd.DataFrame, today: date) -> DateRange:
    """Bounds of the date widget: the days the events cover (``today`` when none is dated)."""
    start, end = date_span(events)
    return (start or today, end or today)


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


#: Filters whose control is shown only when it can change something.
OPTIONAL_CONTROLS = ("docs", "include_inferred", "min_sources")


def acting_controls(events: pd.DataFrame) -> frozenset[str]:
    """Which of :data:`OPTIONAL_CONTROLS` change something on ``events``: the document filter
    when there are several documents, the inferred-dates switch when some date is inferred,
    the number of sources when some event has several."""
    acting = set()
    if events["doc_id"].nunique() > 1:
        acting.add("docs")
    if (events["date_source"] == "inferred").any():
        acting.add("include_inferred")
    if (events[SOURCES] > 1).any():
        acting.add("min_sources")
    return frozenset(acting)


def only_acting(state: FilterState, acting: frozenset[str]) -> FilterState:
    """``state`` with the optional filters that do not act (no control shown) at their
    defaults, so that a link made for another table cannot hide events unseen."""
    blank = FilterState()
    idle = {name: getattr(blank, name) for name in OPTIONAL_CONTROLS if name not in acting}
    return replace(state, **idle)
