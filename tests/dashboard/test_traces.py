from datetime import date

import pandas as pd
from chart import TOPICS, counted, drawn_ids, ids_of, traces_of

from dashboard import colours, figure, traces

WINDOW_2020 = (date(2020, 6, 1), date(2020, 12, 31))


def test_day_events_are_markers_and_periods_are_bars(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS, window=WINDOW_2020)
    marker_ids = {i for t in traces_of(fig, "scatter") for i in ids_of(t)}
    bar_ids = {i for t in traces_of(fig, "bar") for i in ids_of(t)}
    dated = events[events["date"] != ""]
    single = dated[dated["date"] == dated["end_date"]]
    assert counted(fig) == []
    assert marker_ids == set(single["event_id"])
    assert bar_ids == set(dated["event_id"]) - marker_ids
    assert "minsk-protests-weekend-7" not in marker_ids | bar_ids  # unanchored


def test_bars_span_the_whole_period_behind_the_markers(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, None, TOPICS, window=WINDOW_2020)
    kinds = [t.type for t in fig.data]
    assert kinds == sorted(kinds)  # every "bar" before every "scatter"
    for trace in traces_of(fig, "bar"):
        for event_id, base, length in zip(ids_of(trace), trace.base, trace.x, strict=True):
            row = events.set_index("event_id").loc[event_id]
            assert base == row["date"]
            days = (pd.Timestamp(row["end_date"]) - pd.Timestamp(row["date"])).days + 1
            assert length == days * 86_400_000


def test_colour_by_topic_from_the_vocabulary_order(events: pd.DataFrame) -> None:
    fig = figure.build_timeline(events, "actors", TOPICS, window=WINDOW_2020)
    topics = events.set_index("event_id")["topics"].str.split("; ").str[0]
    for trace in traces_of(fig, "scatter") + traces_of(fig, "bar"):
        assert {topics[i] for i in trace.customdata} == {trace.name}
    colour = {t.name: t.marker.color for t in fig.data if t.type == "scatter"}
    assert colour["diplomacy"] == "#88CCEE"  # first topic of the vocabulary
    assert colour["economy"] == "#CC6677"
    assert colour["sanctions"] == "#332288"  # the fifth
    # the colours do not depend on which topics are shown
    only = events[events["topics"].str.contains("sanctions")]
    alone = figure.build_timeline(only, "actors", TOPICS, window=WINDOW_2020)
    assert {t.marker.color for t in traces_of(alone, "scatter")} == {"#332288"}


def test_date_kinds_look_different(events: pd.DataFrame) -> None:
    table = events.copy()
    table.loc[table["event_id"] == "putin-lukashenko-sochi-1", "date_source"] = "published"
    fig = figure.build_timeline(table, None, TOPICS, window=WINDOW_2020)
    look = {
        i: (symbol, opacity)
        for t in traces_of(fig, "scatter")
        for i, symbol, opacity in zip(t.customdata, t.marker.symbol, t.marker.opacity, strict=True)
    }
    assert look["putin-lukashenko-sochi-4"] == ("circle", 1.0)  # its own words
    assert look["putin-lukashenko-sochi-1"] == ("circle-open", 1.0)  # publication date
    assert look["putin-lukashenko-sochi-7"] == ("circle", traces.FADED)  # from the story
    key = figure.key_text(table)
    for words in ("own words", "publication date", "story around it", "bar: a week, month"):
        assert words in key


def test_webgl_only_for_large_views(events: pd.DataFrame, monkeypatch) -> None:
    assert not traces_of(figure.build_timeline(events, None, TOPICS), "scattergl")
    monkeypatch.setattr(traces, "WEBGL_THRESHOLD", 5)
    fig = figure.build_timeline(events, None, TOPICS, window=WINDOW_2020)
    assert {t.type for t in fig.data} == {"scattergl"}
    points = [t for t in fig.data if t.customdata is not None]
    month = next(t for t in points if "putin-lukashenko-sochi-5" in t.customdata)
    i = list(month.customdata).index("putin-lukashenko-sochi-5")
    assert pd.Timestamp(month.x[i]) == pd.Timestamp("2020-09-16")  # middle of September
    segments = next(t for t in fig.data if t.mode == "lines" and t.line.color == month.marker.color)
    starts = list(segments.x[0::3])
    k = starts.index("2020-09-01")
    assert segments.x[k * 3 + 1] == "2020-10-01"
    assert segments.y[k * 3] == month.y[i]
    assert segments.hoverinfo == "skip"
    assert len(drawn_ids(fig)) == 30


def test_most_specific_topic_colours_an_event() -> None:
    topics = pd.Series(["economy; security", "", " ; trade", "health "])
    assert list(colours.colour_topics(topics)) == ["economy", colours.NO_TOPIC, "trade", "health"]
    narrower = frozenset({"security", "trade"})
    assert list(colours.colour_topics(topics, narrower)) == [
        "security",
        colours.NO_TOPIC,
        "trade",
        "health",
    ]
