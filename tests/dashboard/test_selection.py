from datetime import date

import pandas as pd
from chart import TOPICS

from dashboard import figure, selection


def test_bucket_dates_read_clicked_cells_only() -> None:
    assert selection.bucket_dates(["2020-09-01", "2020-09-30"]) == (
        date(2020, 9, 1),
        date(2020, 9, 30),
    )
    assert selection.bucket_dates("putin-lukashenko-sochi-1") is None
    assert selection.bucket_dates(["soon", "later"]) is None


def test_a_click_chooses_an_event_or_the_days_of_a_cell() -> None:
    assert selection.read_click([]) is None
    assert selection.read_click([{"x": 1}]) is None
    assert selection.read_click([{"customdata": "eu-sanctions-belarus-1"}]) == selection.Click(
        event="eu-sanctions-belarus-1"
    )
    cell = selection.read_click([{"customdata": ["2020-09-01", "2020-09-30"]}])
    assert cell == selection.Click(dates=(date(2020, 9, 1), date(2020, 9, 30)))


def test_selected_event_is_ringed(events: pd.DataFrame) -> None:
    window = (date(2020, 9, 1), date(2020, 10, 31))
    fig = figure.build_timeline(
        events, None, TOPICS, selected="eu-sanctions-belarus-1", window=window
    )
    rings = [s for s in fig.layout.shapes if s.type == "circle"]
    assert len(rings) == 1
    marker = next(t for t in fig.data if "eu-sanctions-belarus-1" in list(t.customdata))
    i = list(marker.customdata).index("eu-sanctions-belarus-1")
    assert (pd.Timestamp(rings[0].xanchor), rings[0].yanchor) == (
        pd.Timestamp(marker.x[i]),
        marker.y[i],
    )
    assert rings[0].xsizemode == "pixel"
    period = figure.build_timeline(events, None, TOPICS, selected="putin-lukashenko-sochi-5")
    frame = next(s for s in period.layout.shapes if s.type == "rect")
    assert (frame.x0, frame.x1) == (pd.Timestamp("2020-09-01"), pd.Timestamp("2020-10-01"))
