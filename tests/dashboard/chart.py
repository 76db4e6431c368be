"""Helpers of the timeline tests: the fixture's topics and reading a figure's traces."""

import plotly.graph_objects as go

TOPICS = ["diplomacy", "economy", "protests", "elections", "sanctions", "security"]


def traces_of(fig: go.Figure, kind: str) -> list:
    """The traces of ``fig`` of one Plotly type ("scatter", "bar", …)."""
    return [t for t in fig.data if t.type == kind]


def ids_of(trace) -> list[str]:
    """The event ids a trace carries."""
    return list(trace.customdata)
