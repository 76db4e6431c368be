import pandas as pd

from dashboard import table


def test_table_is_sorted_by_date_with_undated_last(events: pd.DataFrame) -> None:
    view = table.table_view(events)
    assert len(view) == len(events)
    assert list(view["date"][:-1]) == sorted(view["date"][:-1])
    assert view["date"].iloc[-1] == ""
    assert list(view.columns) == [c for c in table.TABLE_COLUMNS if c != "corrected"]


def test_the_corrected_fields_of_a_workspace_are_listed(events: pd.DataFrame) -> None:
    marked = events.assign(corrected="")
    marked.loc[marked["event_id"] == "putin-lukashenko-sochi-2", "corrected"] = "date; title"
    view = table.table_view(marked)
    assert list(view.columns)[-1] == "corrected"
    assert view.loc["putin-lukashenko-sochi-2", "corrected"] == "date; title"


def test_table_keeps_the_earliest_rows_up_to_the_limit(events: pd.DataFrame) -> None:
    view = table.table_view(events, limit=5)
    assert list(view.index) == list(table.table_view(events).index[:5])
    assert table.truncation_note(len(events), 5).startswith("The table lists the first 5 of 31")
    assert table.truncation_note(31, 31) == ""
