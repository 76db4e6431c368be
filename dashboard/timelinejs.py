"""Export events as a TimelineJS timeline (the JSON data model of timeline.knightlab.com)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from html import escape
from typing import Any

import pandas as pd

from dashboard.evidence import safe_link
from extract.schema import split_values

#: Characters other than those a slide id keeps.
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
#: The date-object fields a precision states: a week is shown as its days, a quarter as months.
_FIELDS_OF_PRECISION: dict[str, tuple[str, ...]] = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "half": ("year", "month"),
    "season": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
}


def to_timelinejs(events: pd.DataFrame, title: str) -> dict[str, Any]:
    """A TimelineJS data object: a ``title`` slide and one slide per dated event.

    ``events`` has the event columns (the merge columns ``outlets``, ``urls`` and
    ``date_conflict`` are used when present); undated events are left out, since TimelineJS
    needs a start date. Dates carry only the fields their precision states (a month is
    ``{"year": 2020, "month": 8}``); ``end_date`` is given when the period ends at another
    date than it starts. Headlines and texts are HTML-escaped, because TimelineJS renders them
    as HTML. Serialize with ``json.dumps``.
    """
    rows = [row for row in events.fillna("").astype(str).to_dict("records") if row.get("date")]
    slides = [_slide(row) for row in rows]
    documents = {
        doc for row in rows for doc in split_values(row.get("doc_ids", "") or row.get("doc_id", ""))
    }
    summary = f"{_count(len(slides), 'event')} from {_count(len(documents), 'document')}"
    return {
        "title": {"text": {"headline": escape(title), "text": f"<p>{summary}</p>"}},
        "events": _unique_ids(slides),
        "scale": "human",
    }


def _slide(row: Mapping[str, str]) -> dict[str, Any]:
    fields = _FIELDS_OF_PRECISION.get(row.get("precision", ""), ("year", "month", "day"))
    start = _date_object(date.fromisoformat(row["date"]), fields)
    end = _date_object(date.fromisoformat(row.get("end_date") or row["date"]), fields)
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": escape(row.get("title", "")), "text": _text(row)},
        "unique_id": _UNSAFE_ID.sub("-", row.get("event_id", "")),
    }
    if end != start:
        slide["end_date"] = end
    topics = split_values(row.get("topics", ""))
    if topics:
        slide["group"] = escape(topics[0])  # TimelineJS sets the group's label as HTML
    return slide


def _date_object(day: date, fields: tuple[str, ...]) -> dict[str, int]:
    return {field: getattr(day, field) for field in fields}


def _text(row: Mapping[str, str]) -> str:
    """The sentence, the sources with links, and any dates other sources give."""
    parts = [f"<p>{escape(row.get('sentence', ''))}</p>"]
    outlets = split_values(row.get("outlets", "")) or split_values(row.get("source", ""))
    urls = split_values(row.get("urls", "")) or split_values(row.get("url", ""))
    label = "Sources" if len(outlets) > 1 or len(urls) > 1 else "Source"
    if outlets:
        parts.append(f"<p>{label}: {escape(', '.join(outlets))}</p>")
    links = [f'<a href="{escape(url)}">{escape(url)}</a>' for url in urls if safe_link(url)]
    if links:
        parts.append(f"<p>{'<br>'.join(links)}</p>")
    if row.get("date_conflict"):
        parts.append(f"<p>Other dates reported: {escape(row['date_conflict'])}</p>")
    return "".join(parts)


def _unique_ids(slides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Make ``unique_id`` unique (TimelineJS uses it to address slides): repeats get a suffix."""
    seen: set[str] = set()
    for number, slide in enumerate(slides, start=1):
        base = slide["unique_id"] or f"event-{number}"
        unique, suffix = base, 1
        while unique in seen:
            suffix += 1
            unique = f"{base}-{suffix}"
        seen.add(unique)
        slide["unique_id"] = unique
    return slides


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
