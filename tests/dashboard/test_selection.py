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
    fig = figure.build_timeline(events, None, TOPICS, selected="eu-sanctions-belarus-1")
    assert fig.data[-1].name == "Selected"
    assert list(fig.data[-1].customdata) == ["eu-sanctions-belarus-1"]
