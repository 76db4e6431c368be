from datetime import date

import pandas as pd

from dashboard import filters
from dashboard.state import FilterState


def test_no_filters_keep_everything(events: pd.DataFrame) -> None:
    assert len(filters.apply_filters(events, FilterState())) == len(events)


def test_actor_filter_matches_any_value_of_a_multi_valued_cell(events: pd.DataFrame) -> None:
    shown = filters.apply_filters(events, FilterState(actors=("Vladimir Putin",)))
    assert len(shown) == 4
    assert shown["actors"].str.contains("Vladimir Putin").all()
    both = filters.apply_filters(events, FilterState(actors=("Vladimir Putin", "Cyprus")))
    assert len(both) == 6


def test_actor_does_not_match_substrings(events: pd.DataFrame) -> None:
    assert filters.apply_filters(events, FilterState(actors=("Putin",))).empty


def test_actor_and_topic_combine(events: pd.DataFrame) -> None:
    state = FilterState(actors=("Vladimir Putin",), topics=("economy",))
    shown = filters.apply_filters(events, state)
    assert list(shown["title"]) == ["Russia pledged a $1.5 billion loan to Belarus"]


def test_date_range_keeps_overlapping_periods_and_drops_undated(events: pd.DataFrame) -> None:
    state = FilterState(start=date(2020, 9, 15), end=date(2020, 9, 20))
    shown = filters.apply_filters(events, state)
    assert "Joint military exercises held in Belarus" in set(shown["title"])  # September
    assert "Union State integration talks continued" in set(shown["title"])  # 2020
    assert (shown["date"] != "").all()
    assert not (shown["end_date"] < "2020-09-15").any()
    assert not (shown["date"] > "2020-09-20").any()


def test_search_is_case_insensitive_over_title_and_sentence(events: pd.DataFrame) -> None:
    shown = filters.apply_filters(events, FilterState(query="RED-AND-WHITE"))
    assert list(shown["event_id"]) == ["minsk-protests-weekend-1"]


def test_search_is_literal_not_regex(events: pd.DataFrame) -> None:
    assert filters.apply_filters(events, FilterState(query="$1.5 (")).empty
    assert len(filters.apply_filters(events, FilterState(query="$1.5"))) == 2


def test_docs_and_inferred(events: pd.DataFrame) -> None:
    by_doc = filters.apply_filters(events, FilterState(docs=("eu-sanctions-belarus",)))
    assert set(by_doc["doc_id"]) == {"eu-sanctions-belarus"}
    explicit = filters.apply_filters(events, FilterState(include_inferred=False))
    assert len(explicit) == len(events) - 2
    assert "inferred" not in set(explicit["date_source"])


def test_describe_makes_a_file_name_slug() -> None:
    assert filters.describe(FilterState()) == "all"
    state = FilterState(actors=("Vladimir Putin",), topics=("sanctions",), query="<b>Loan</b>")
    assert filters.describe(state) == "vladimir-putin-sanctions-b-loan-b"


def test_data_extent(events: pd.DataFrame) -> None:
    today = date(2026, 1, 1)
    assert filters.data_extent(events, today) == (date(1994, 7, 10), date(2020, 12, 31))
    assert filters.data_extent(events.iloc[:0], today) == (today, today)


def test_summary(events: pd.DataFrame) -> None:
    assert filters.summary(events.iloc[:2], 31) == "**2 of 31 events shown**"
    assert filters.summary(events, 31).endswith(
        "1 undated event is listed in the table but not drawn on the timeline"
    )
