from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard import figure, loading

TOPICS = ["diplomacy", "economy", "protests", "elections", "sanctions", "security"]


def traces(fig: go.Figure, kind: str) -> list:
    return [t for t in fig.data if t.type == kind]


def ids_of(trace) -> list[str]:
    return list(trace.customdata)


def test_day_events_are_markers_and_periods_are_bars(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    marker_ids = {i for t in traces(fig, "scatter") for i in ids_of(t)}
    bar_ids = {i for t in traces(fig, "bar") for i in ids_of(t)}
    dated = events[events["date"] != ""]
    single = dated[dated["date"] == dated["end_date"]]
    assert marker_ids == set(single["event_id"])
    assert bar_ids == set(dated["event_id"]) - marker_ids
    assert "minsk-protests-weekend-7" not in marker_ids | bar_ids  # unanchored


def test_bars_span_the_whole_period(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    for trace in traces(fig, "bar"):
        for event_id, base, length in zip(ids_of(trace), trace.base, trace.x, strict=True):
            row = events.set_index("event_id").loc[event_id]
            assert base == row["date"]
            days = (pd.Timestamp(row["end_date"]) - pd.Timestamp(row["date"])).days + 1
            assert length == days * 86_400_000


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
    assert len(fig.layout.yaxis.ticktext) == figure.MAX_LANES
    assert fig.layout.yaxis.ticktext[0].startswith("Other")


def test_colour_by_first_topic_with_one_legend_entry_per_topic(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, "actors", TOPICS)
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert sorted(legend) == sorted(TOPICS)
    topics = events.set_index("event_id")["topics"].str.split("; ").str[0]
    for trace in fig.data:
        assert {topics[i] for i in trace.customdata} == {trace.legendgroup}


def test_lane_rows_split_multi_valued_cells_in_a_vectorized_way() -> None:
    frame = pd.DataFrame({"actors": ["A; B", "", " ; C ;", "A"]}, index=[3, 5, 8, 9])
    rows, lanes = figure.lane_rows(frame, "actors", "(no actor)")
    assert list(zip(rows.index, rows["_lane"], strict=True)) == [
        (3, "A"),
        (3, "B"),
        (5, "(no actor)"),
        (8, "C"),
        (9, "A"),
    ]
    assert lanes[0] == "A"


def test_first_topic_skips_empty_values() -> None:
    topics = pd.Series(["economy; security", "", " ; trade", "health "])
    assert list(figure.first_topics(topics)) == ["economy", figure.NO_TOPIC, "trade", "health"]


def test_hover_text_is_escaped(events: pd.DataFrame) -> None:
    evil = events.copy()
    evil.loc[0, "title"] = '<script>window.__xss=1</script><img src=x onerror="alert(1)">'
    evil.loc[0, "actors"] = '<a href="javascript:alert(1)">Putin</a>'
    evil.loc[0, "topics"] = "<b>diplomacy</b>"
    fig = figure.build_timeline(evil, "actors", ["<b>diplomacy</b>", *TOPICS])
    dumped = fig.to_json()
    for raw in ("<script", "<img", "<a href", "<b>diplomacy"):
        assert raw not in dumped
    assert "&lt;script&gt;" in dumped
    lane = "&lt;a href=&quot;javascript:alert(1…"  # shortened before escaping
    assert lane in fig.layout.yaxis.ticktext


def test_hover_shows_date_as_written_and_normalized(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    hover = {i: h for t in fig.data for i, h in zip(t.customdata, t.hovertext, strict=True)}
    assert hover["putin-lukashenko-sochi-5"] == (
        "<b>Joint military exercises held in Belarus</b><br>"
        "“this month” → 2020-09-01 – 2020-09-30 (month)<br>"
        "Actors: Russia; Belarus<br>Topics: security<br>Source: Global Research"
    )
    assert "2020-09-15, inferred from the narrative" in hover["putin-lukashenko-sochi-7"]
    assert fig.data[0].hovertemplate == "%{hovertext}<extra></extra>"


def test_webgl_only_for_large_views(events: pd.DataFrame, monkeypatch) -> None:
    assert not traces(figure.build_timeline(events, None, TOPICS), "scattergl")
    monkeypatch.setattr(figure, "WEBGL_THRESHOLD", 5)
    fig = figure.build_timeline(events, None, TOPICS)
    assert {t.type for t in fig.data} == {"scattergl"}
    points = [t for t in fig.data if t.customdata is not None]
    month = next(t for t in points if "putin-lukashenko-sochi-5" in t.customdata)
    i = list(month.customdata).index("putin-lukashenko-sochi-5")
    assert pd.Timestamp(month.x[i]) == pd.Timestamp("2020-09-16")  # middle of September
    segments = next(t for t in fig.data if t.mode == "lines" and t.legendgroup == "security")
    starts = list(segments.x[0::3])
    k = starts.index("2020-09-01")
    assert segments.x[k * 3 + 1] == "2020-10-01"
    assert segments.y[k * 3] == month.y[i]
    assert segments.hoverinfo == "skip"


def test_date_window_sets_the_initial_range(events: pd.DataFrame) -> None:
    window = (date(2020, 9, 1), date(2020, 9, 30))
    fig = figure.build_timeline(events, None, TOPICS, window=window)
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert (low, high) == (pd.Timestamp("2020-09-01"), pd.Timestamp("2020-10-01"))


def test_selected_event_is_ringed(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS, selected="eu-sanctions-belarus-1")
    assert fig.data[-1].name == "Selected"
    assert ids_of(fig.data[-1]) == ["eu-sanctions-belarus-1"]


def test_empty_and_undated_inputs_give_a_message(events: pd.DataFrame) -> None:
    for frame in (loading.empty_events(), events[events["date"] == ""]):
        fig = figure.build_timeline(frame, "actors", TOPICS)
        assert fig.data == ()
        assert fig.layout.annotations[0].text == "No dated events to show"


def test_initial_range_focuses_on_the_dense_period(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert pd.Timestamp("2020-01-01") < low < pd.Timestamp("2020-08-01")
    assert pd.Timestamp("2020-10-01") < high < pd.Timestamp("2021-03-01")
