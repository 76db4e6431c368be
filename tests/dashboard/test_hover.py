import pandas as pd
from chart import TOPICS

from dashboard import figure


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
