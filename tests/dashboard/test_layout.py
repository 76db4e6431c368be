from datetime import date

import numpy as np
import pandas as pd
from chart import TOPICS, counted, drawn_ids

from dashboard import figure, layout, loading, traces

WINDOW_2020 = (date(2020, 6, 1), date(2020, 12, 31))


def frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Prepared events from (event id, first day, last day), all of actor "A"."""
    raw = pd.DataFrame(
        [
            {"event_id": i, "doc_id": "d", "date": a, "end_date": b, "actors": "A"}
            for i, a, b in rows
        ]
    )
    return loading.prepare(raw).events


def test_actor_lanes_repeat_multi_actor_events(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, "actors", TOPICS, lane_name="actor", window=WINDOW_2020)
    labels = list(fig.layout.yaxis.ticktext)
    assert "Vladimir Putin" in labels and "European Union" in labels
    assert drawn_ids(fig).count("putin-lukashenko-sochi-1") == 2  # Putin and Lukashenko lanes


def test_single_lane_and_source_lanes(events: pd.DataFrame) -> None:
    assert list(figure.build_timeline(events, None, TOPICS).layout.yaxis.ticktext) == ["All events"]
    sources = figure.build_timeline(events, "source", TOPICS, whole=True).layout.yaxis.ticktext
    assert {s.replace("<br>", " ") for s in sources} == set(events["source"])


def test_lanes_are_capped(events: pd.DataFrame) -> None:
    many = events.assign(actors=[f"Actor {i}" for i in range(len(events))])
    fig = figure.build_timeline(many, "actors", TOPICS, whole=True)
    assert len(fig.layout.yaxis.ticktext) == layout.MAX_LANES
    assert (
        fig.layout.yaxis.ticktext[-1] == "Other (11)"
    )  # 30 dated events, one actor each: 19 lanes and the rest


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


def test_first_view_shows_the_dense_part_and_counts_the_outliers(events: pd.DataFrame) -> None:
    view = figure.dated_view(events)
    low, high = view.range
    assert pd.Timestamp("2020-05-01") < low < pd.Timestamp("2020-07-01")
    assert pd.Timestamp("2020-10-31") < high < pd.Timestamp("2021-01-01")
    # 1994, 2000-2009, 2010 and 2015: the background of the election story
    assert view.outside == 4
    whole = figure.dated_view(events, whole=True)
    assert whole.outside == 0
    assert whole.range[0] <= pd.Timestamp("1994-07-10")
    assert pd.Timestamp("2020-12-31") < whole.range[1] < pd.Timestamp("2024-06-30")


def test_a_long_period_never_sets_the_scale_alone() -> None:
    week = [(f"w-{d}", f"2021-03-0{d}", f"2021-03-0{d}") for d in range(1, 8)]
    view = figure.dated_view(frame([*week, ("next-year", "2022-01-01", "2022-12-31")]))
    assert view.outside == 1
    assert view.range[1] < pd.Timestamp("2021-04-01")
    few = figure.dated_view(frame([*week[:3], ("next-year", "2022-01-01", "2022-12-31")]))
    assert few.outside == 0  # too few events to leave any out: the bar's start is shown
    assert pd.Timestamp("2022-01-01") < few.range[1] < pd.Timestamp("2022-06-01")


def test_lanes_with_nothing_in_view_are_not_drawn() -> None:
    days = [(f"a-{d}", f"2021-03-0{d}", f"2021-03-0{d}") for d in range(1, 9)]
    table = frame([*days, ("old", "1990-05-01", "1990-05-01")])
    table.loc[table["event_id"] == "old", "actors"] = "Old actor"
    focused = figure.build_timeline(table, "actors", TOPICS)
    assert list(focused.layout.yaxis.ticktext) == ["A"]
    assert figure.dated_view(table).outside == 1
    whole = figure.build_timeline(table, "actors", TOPICS, whole=True)
    assert list(whole.layout.yaxis.ticktext) == ["A", "Old actor"]


def test_events_of_one_day_fan_out_and_a_count_takes_the_rest() -> None:
    crowd = [(f"e-{i:02d}", "2021-03-01", "2021-03-01") for i in range(12)]
    crowd = frame([*crowd, ("later", "2021-06-01", "2021-06-01")])
    fig = figure.build_timeline(
        crowd, "actors", TOPICS, window=(date(2021, 3, 1), date(2021, 6, 1))
    )
    assert len(drawn_ids(fig)) == layout.MAX_POINT_ROWS + 1 == 9
    assert counted(fig) == [4]
    ys = sorted({y for t in fig.data if t.name != "More events" for y in t.y})
    assert np.diff(ys).tolist() == [layout.POINT_ROW_PX] * 7
    one_day = figure.build_timeline(crowd, "actors", TOPICS, window=(date(2021, 3, 1),) * 2)
    assert len(drawn_ids(one_day)) == 13 and counted(one_day) == []


def test_markers_of_one_row_never_overlap(events: pd.DataFrame) -> None:
    dated = events[events[loading.START].notna()]
    rows, lanes = layout.lane_rows(dated, "actors", "(no actor)")
    sizes = traces.marker_sizes(rows[loading.SOURCES], False).astype(float)
    placed = layout.place(rows, lanes, layout.choose_view(dated), sizes).rows
    points = placed[placed[loading.START] == placed[loading.END]]
    for _, row in points.groupby("_row"):
        x = np.sort(row["_xpx"].to_numpy())
        assert (np.diff(x) >= row["_size"].max() + layout.GAP_PX - 1e-9).all()


def test_lane_names_are_wrapped_whole() -> None:
    assert layout.wrap("Federal Emergency Management Agency") == [
        "Federal Emergency",
        "Management Agency",
    ]
    assert layout.lane_label("Collective Security Treaty Organization") == (
        "Collective Security<br>Treaty Organization"
    )
