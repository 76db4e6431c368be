import pandas as pd
from chart import TOPICS, ids_of, traces_of

from dashboard import figure, traces


def test_day_events_are_markers_and_periods_are_bars(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    marker_ids = {i for t in traces_of(fig, "scatter") for i in ids_of(t)}
    bar_ids = {i for t in traces_of(fig, "bar") for i in ids_of(t)}
    dated = events[events["date"] != ""]
    single = dated[dated["date"] == dated["end_date"]]
    assert marker_ids == set(single["event_id"])
    assert bar_ids == set(dated["event_id"]) - marker_ids
    assert "minsk-protests-weekend-7" not in marker_ids | bar_ids  # unanchored


def test_bars_span_the_whole_period(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS)
    for trace in traces_of(fig, "bar"):
        for event_id, base, length in zip(ids_of(trace), trace.base, trace.x, strict=True):
            row = events.set_index("event_id").loc[event_id]
            assert base == row["date"]
            days = (pd.Timestamp(row["end_date"]) - pd.Timestamp(row["date"])).days + 1
            assert length == days * 86_400_000


def test_colour_by_first_topic_with_one_legend_entry_per_topic(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, "actors", TOPICS)
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert sorted(legend) == sorted(TOPICS)
    topics = events.set_index("event_id")["topics"].str.split("; ").str[0]
    for trace in fig.data:
        assert {topics[i] for i in trace.customdata} == {trace.legendgroup}


def test_first_topic_skips_empty_values() -> None:
    topics = pd.Series(["economy; security", "", " ; trade", "health "])
    assert list(traces.first_topics(topics)) == ["economy", traces.NO_TOPIC, "trade", "health"]


def test_webgl_only_for_large_views(events: pd.DataFrame, monkeypatch) -> None:
    assert not traces_of(figure.build_timeline(events, None, TOPICS), "scattergl")
    monkeypatch.setattr(traces, "WEBGL_THRESHOLD", 5)
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
