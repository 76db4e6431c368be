from datetime import date

import pytest

from extract.events.periods import DayRange, precision_of, to_period


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2020-09-14", date(2020, 9, 14), date(2020, 9, 14), "day"),
        ("2020-09-14T13:00", date(2020, 9, 14), date(2020, 9, 14), "day"),
        ("2020-W38", date(2020, 9, 14), date(2020, 9, 20), "week"),
        ("2020-08", date(2020, 8, 1), date(2020, 8, 31), "month"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
        ("2019-Q4", date(2019, 10, 1), date(2019, 12, 31), "quarter"),
        ("2019-H1", date(2019, 1, 1), date(2019, 6, 30), "half"),
        ("2020-SU", date(2020, 6, 1), date(2020, 8, 31), "season"),
        ("2020-WI", date(2020, 12, 1), date(2021, 2, 28), "season"),
        ("1992", date(1992, 1, 1), date(1992, 12, 31), "year"),
        ("198", date(1980, 1, 1), date(1989, 12, 31), "decade"),
        ("9999", date(9999, 1, 1), date(9999, 12, 31), "year"),
        ("999", date(9990, 1, 1), date(9999, 12, 31), "decade"),
    ],
)
def test_every_precision(value: str, start: date, end: date, precision: str) -> None:
    assert to_period(value) == DayRange(start, end, precision)


@pytest.mark.parametrize(
    "value", ["P3M", "XXXX-WXX-1", "PRESENT_REF", "PAST_REF", "19", "2020-13-45", "", "soon"]
)
def test_values_that_are_not_event_dates(value: str) -> None:
    assert to_period(value) is None


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("XXXX-XX-XX", "day"),
        ("XXXX-WXX-1", "day"),
        ("XXXX-XX", "month"),
        ("XXXX", "year"),
        ("PAST_REF", ""),
    ],
)
def test_precision_of_unresolved_values(value: str, precision: str) -> None:
    assert precision_of(value) == precision
