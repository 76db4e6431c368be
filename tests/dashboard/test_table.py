import pandas as pd

from dashboard import table


def test_table_is_sorted_by_date_with_undated_last(events: pd.DataFrame) -> None:
    view = table.table_view(events)
    assert len(view) == len(events)
    assert list(view["date"][:-1]) == sorted(view["date"][:-1])
    assert view["date"].iloc[-1] == ""
    assert list(view.columns) == list(table.TABLE_COLUMNS)


def test_table_keeps_the_earliest_rows_up_to_the_limit(events: pd.DataFrame) -> None:
    view = table.table_view(events, limit=5)
    assert list(view.index) == list(table.table_view(events).index[:5])
    assert table.truncation_note(len(events), 5).startswith("The table lists the first 5 of 31")
    assert table.truncation_note(31, 31) == ""
