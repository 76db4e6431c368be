"""The pure parts of the corrections panel: what changed, valid dates, rows to join with."""

from __future__ import annotations

import pandas as pd

from dashboard.corrections import changes, check_dates, nearby
from dashboard.loading import START


def test_only_changed_fields_are_saved_without_surrounding_spaces() -> None:
    seen = {"title": "Talks in Sochi", "actors": "Putin", "date": "2020-09-14"}
    values = {"title": " Talks in Sochi ", "actors": "Putin; Lukashenko ", "date": "2020-09-14"}
    assert changes(values, seen) == {"actors": "Putin; Lukashenko"}


def test_dates_are_checked() -> None:
    assert check_dates({"date": "2020-09-14", "end_date": "2020-09-30"}) == ""
    assert check_dates({"date": "", "end_date": ""}) == ""
    assert check_dates({"date": "14/09/2020"}) == "Dates are written YYYY-MM-DD, e.g. 2020-09-14."
    assert check_dates({"date": "2020-09-14", "end_date": "2020-09-01"}) == (
        "The end date is before the first date."
    )
    assert check_dates({"date": "", "end_date": "2020-09-01"}) == (
        "An event with an end date needs a first date."
    )
    for first, last in (
        ("9999-12-31", ""),
        ("1066-10-14", "1066-10-14"),
        ("2020-01-01", "2300-01-01"),
    ):
        assert check_dates({"date": first, "end_date": last}) == (
            "The timeline draws dates from 1678-01-01 to 2261-12-31 only."
        )


def test_the_rows_to_join_with_are_the_closest_in_date() -> None:
    days = ["2020-01-01", "2020-09-10", "2020-09-20", "", "2021-05-01"]
    events = pd.DataFrame({"event_id": ["a", "b", "c", "d", "e"], "date": days})
    events[START] = pd.to_datetime(events["date"], errors="coerce")
    closest = nearby(events, {"date": "2020-09-14"}, limit=2)
    assert list(closest["event_id"]) == ["b", "c"]
    assert list(nearby(events, {"date": ""}, limit=2)["event_id"]) == ["a", "b"]
    assert len(nearby(events, {"date": "2020-09-14"}, limit=10)) == 5
