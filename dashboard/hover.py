"""Hover labels of timeline events, with event text escaped (Plotly labels interpret a
subset of HTML)."""

from __future__ import annotations

import html

import pandas as pd

from dashboard.loading import SOURCES

#: Hover template: the prebuilt, escaped text of each point (see :func:`hover_texts`).
HOVER_TEMPLATE = "%{hovertext}<extra></extra>"


def escape(text: str) -> str:
    """Escape event text for Plotly labels."""
    return html.escape(text, quote=True)


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


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
