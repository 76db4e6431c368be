import numpy as np
import pandas as pd
import pytest

from dashboard import loading, overview

TS = pd.Timestamp


def test_auto_period_follows_the_span() -> None:
    assert overview.choose_period(TS("2020-01-01"), TS("2020-03-01")) == "day"
    assert overview.choose_period(TS("2020-01-01"), TS("2021-06-01")) == "week"
    assert overview.choose_period(TS("2015-01-01"), TS("2025-12-31")) == "month"
    assert overview.choose_period(TS("2000-01-01"), TS("2025-12-31")) == "quarter"
    assert overview.choose_period(TS("1900-01-01"), TS("2025-12-31")) == "year"
    assert overview.choose_period(TS("2000-01-01"), TS("2025-12-31"), "week") == "week"
    assert overview.choose_period(TS("2000-01-01"), TS("2025-12-31"), "day") == "week"
    assert overview.choose_period(TS("2020-01-01"), TS("2020-01-31"), "year") == "year"


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("day", "2020-03-14", "2020-03-14"),
        ("week", "2020-03-09", "2020-03-15"),
        ("month", "2020-03-01", "2020-03-31"),
        ("quarter", "2020-01-01", "2020-03-31"),
        ("year", "2020-01-01", "2020-12-31"),
    ],
)
def test_periods_hold_their_days(period: str, first: str, last: str) -> None:
    days = pd.Series(pd.to_datetime(["2020-03-14", "1969-12-31"]))
    starts = pd.Series(pd.to_datetime(overview.period_starts(days, period)))
    assert starts[0] == TS(first)
    assert overview.period_ends(starts, period)[0] == TS(last)
    assert starts[1] <= TS("1969-12-31") <= overview.period_ends(starts, period)[1]


def test_bucket_counts_per_lane_and_period() -> None:
    rows = pd.DataFrame(
        {
            loading.START: pd.to_datetime(["2020-01-05", "2020-01-20", "2020-02-01", "2020-01-09"]),
            "_lane": ["A", "A", "A", "B"],
        }
    )
    counts = overview.bucket_counts(rows, "month").sort_values(["_lane", "first"])
    assert counts["count"].tolist() == [2, 1, 1]
    assert counts["last"].dt.strftime("%Y-%m-%d").tolist() == [
        "2020-01-31",
        "2020-02-29",
        "2020-01-31",
    ]


def test_overview_counts_every_dated_event_once_per_lane(events: pd.DataFrame) -> None:
    fig = overview.build_overview(events, None, "month")
    heat, targets = fig.data
    assert heat.type == "heatmap" and targets.type == "scattergl"
    counts = np.power(10, np.asarray(heat.z, dtype=float))
    assert round(np.nansum(counts)) == int(events[loading.START].notna().sum())
    assert ["2020-09-01", "2020-09-30"] in targets.customdata.tolist()
    assert list(fig.layout.yaxis.ticktext) == ["All events"]


def test_overview_lanes_and_escaped_labels(events: pd.DataFrame) -> None:
    evil = events.copy()
    evil.loc[0, "actors"] = "<b>Putin</b>"
    fig = overview.build_overview(evil, "actors", "year", lane_name="actor")
    dumped = fig.to_json()
    assert "<b>Putin" not in dumped
    assert "&lt;b&gt;Putin&lt;/b&gt;" in fig.layout.yaxis.ticktext
    assert "Click to show this year" in fig.data[1].hovertext[0]


def test_notice_says_how_to_see_single_events() -> None:
    text = overview.notice(100_000, "month", 3000)
    assert text.startswith("Showing counts per month for 100,000 events")
    assert "narrow the dates or filters" in text
