"""Helpers of the timeline tests: the fixture's topics and reading a figure's traces."""

import plotly.graph_objects as go

TOPICS = ["diplomacy", "economy", "protests", "elections", "sanctions", "security"]
#: The name of the trace of counts of events that found no room.
COUNTS = "More events"


def traces_of(fig: go.Figure, kind: str) -> list:
    """The event traces of ``fig`` of one Plotly type ("scatter", "bar", …)."""
    return [t for t in fig.data if t.type == kind and t.name != COUNTS]


def ids_of(trace) -> list[str]:
    """The event ids a trace carries."""
    return list(trace.customdata)


def drawn_ids(fig: go.Figure) -> list[str]:
    """The event id of every drawn marker and bar (once per lane it is drawn in)."""
    return [
        i for t in fig.data if t.name != COUNTS and t.customdata is not None for i in t.customdata
    ]


def counted(fig: go.Figure) -> list[int]:
    """The numbers written on the counts of events that found no room."""
    return [int(text[1:]) for t in fig.data if t.name == COUNTS for text in t.text]
