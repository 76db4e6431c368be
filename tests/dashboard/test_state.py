from dataclasses import fields
from datetime import date

from dashboard import state
from dashboard.state import FilterState


def test_date_widget_values() -> None:
    extent = (date(2020, 1, 1), date(2020, 12, 31))
    assert state.date_range_state(extent, extent) == (None, None)
    assert state.date_range_state((date(2020, 3, 1),), extent) == (date(2020, 3, 1), None)
    assert state.widget_dates(date(2019, 1, 1), None, extent) == extent
    wider = (date(2019, 1, 1), date(2020, 12, 31))
    assert state.rebase_dates(extent, extent, wider) == wider
    narrowed = (date(2020, 3, 1), date(2020, 12, 31))
    assert state.rebase_dates(narrowed, extent, wider) == narrowed


EXTENT = (date(2020, 1, 1), date(2020, 12, 31))


def test_the_table_names_every_part_of_the_filter_state() -> None:
    assert [f.name for f in state.FIELDS] == [f.name for f in fields(FilterState)]
    assert state.KEY["actors"] == "f_actors" and state.PARAM["actors"] == "actor"
    assert state.KEY["start"] == state.KEY["end"] == "f_dates"
    assert (state.PARAM["start"], state.PARAM["end"]) == ("from", "to")
    assert state.KEY["event"] == "selected_event"


def test_seeded_widgets_read_back_the_same_state() -> None:
    view = FilterState(
        actors=("Vladimir Putin",),
        topics=("sanctions",),
        docs=("eu-sanctions-belarus",),
        start=date(2020, 3, 1),
        query="loan",
        include_inferred=False,
        lanes="topic",
        event="e-1",
        period="month",
        min_sources=2,
    )
    session: dict = {}
    state.seed(session, view, EXTENT)
    assert session["f_actors"] == ["Vladimir Putin"]
    assert session["f_dates"] == (date(2020, 3, 1), date(2020, 12, 31))
    assert session["f_sources"] == 2
    assert session["date_extent"] == EXTENT
    assert state.read(session, EXTENT) == view


def test_reset_clears_filters_but_keeps_the_view() -> None:
    session: dict = {}
    view = FilterState(actors=("A",), query="x", lanes="none", event="e-1", min_sources=3)
    state.seed(session, view, EXTENT)
    state.reset(session, EXTENT)
    assert state.read(session, EXTENT) == FilterState(lanes="none", event="e-1")
    assert session["f_dates"] == EXTENT


def test_the_date_widget_follows_a_growing_extent() -> None:
    session: dict = {}
    state.seed(session, FilterState(start=date(2020, 3, 1)), EXTENT)
    wider = (date(2019, 1, 1), date(2021, 6, 30))
    state.follow_extent(session, wider)
    assert session["f_dates"] == (date(2020, 3, 1), date(2021, 6, 30))
    assert session["date_extent"] == wider
