from datetime import date

import pandas as pd
from chart import TOPICS, ids_of

from dashboard import figure, layout


def test_actor_lanes_repeat_multi_actor_events(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, "actors", TOPICS, lane_name="actor")
    labels = list(fig.layout.yaxis.ticktext)
    assert "Vladimir Putin" in labels and "European Union" in labels
    placed = [i for t in fig.data for i in ids_of(t)]
    assert placed.count("putin-lukashenko-sochi-1") == 2  # Putin and Lukashenko lanes


def test_single_lane_and_source_lanes(events: pd.DataFrame) -> None:
    assert list(figure.build_timeline(events, None, TOPICS).layout.yaxis.ticktext) == ["All events"]
    sources = figure.build_timeline(events, "source", TOPICS).layout.yaxis.ticktext
    assert set(sources) == set(events["source"])


def test_lanes_are_capped(events: pd.DataFrame) -> None:
    many = events.assign(actors=[f"Actor {i}" for i in range(len(events))])
    fig = figure.build_timeline(many, "actors", TOPICS)
    assert len(fig.layout.yaxis.ticktext) == layout.MAX_LANES
    assert fig.layout.yaxis.ticktext[0].startswith("Other")


def test_lane_rows_split_multi_valued_cells_in_a_vectorized_way() -> None:
    frame = pd.DataFrame({"actors": ["A; B", "", " ; C ;", "A"]}, index=[3, 5, 8, 9])
    rows, lanes = layout.lane_rows(frame, "actors", "(no actor)")
    assert list(zip(rows.index, rows["_lane"], strict=True)) == [
        (3, "A"),
        (3, "B"),
        (5, "(no actor)"),
        (8, "C"),
        (9, "A"),
    ]
    assert lanes[0] == "A"


def test_date_window_sets_the_initial_range(events: pd.DataFrame) -> None:
    window = (date(2020, 9, 1), date(2020, 9, 30))
    fig = figure.build_timeline(events, None, TOPICS, window=window)
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert (low, high) == (pd.Timestamp("2020-09-01"), pd.Timestamp("2020-10-01"))


def test_initial_range_focuses_on_the_dense_period(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert pd.Timestamp("2020-01-01") < low < pd.Timestamp("2020-08-01")
    assert pd.Timestamp("2020-10-01") < high < pd.Timestamp("2021-03-01")
