from datetime import date

import pandas as pd
from chart import TOPICS

from dashboard import figure


def test_hover_and_labels_are_escaped(events: pd.DataFrame) -> None:
    evil = events.copy()
    evil.loc[0, "title"] = '<script>window.__xss=1</script><img src=x onerror="alert(1)">'
    evil.loc[0, "actors"] = '<a href="javascript:alert(1)">Putin</a>'
    evil.loc[0, "topics"] = "<b>diplomacy</b>"
    fig = figure.build_timeline(evil, "actors", ["<b>diplomacy</b>", *TOPICS])
    dumped = fig.to_json()
    for raw in ("<script", "<img", "<a href", "<b>diplomacy"):
        assert raw not in dumped
    assert "&lt;script&gt;" in dumped
    lane = "&lt;a<br>href=&quot;javascript:alert(1)&quot;&gt;Putin&lt;/a&gt;"  # wrapped whole
    assert lane in fig.layout.yaxis.ticktext


def test_hover_shows_date_as_written_and_normalized(events: pd.DataFrame) -> None:
    window = (date(2020, 6, 1), date(2020, 12, 31))
    fig = figure.build_timeline(events, None, TOPICS, window=window)
    hover = {
        i: h
        for t in fig.data
        if t.name != "More events"
        for i, h in zip(t.customdata, t.hovertext, strict=True)
    }
    assert hover["putin-lukashenko-sochi-5"] == (
        "<b>Joint military exercises held in Belarus</b><br>"
        "“this month” → 2020-09-01 – 2020-09-30 (month)<br>"
        "Actors: Russia; Belarus<br>Topics: security<br>Source: Global Research"
    )
    assert "2020-09-15, inferred from the narrative" in hover["putin-lukashenko-sochi-7"]
    assert fig.data[0].hovertemplate == "%{hovertext}<extra></extra>"
