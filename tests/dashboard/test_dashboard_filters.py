from datetime import date

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from dashboard import filters
from dashboard.filters import FilterState

ACTORS = ["Vladimir Putin", "Alexander Lukashenko", "European Union"]
TOPICS = ["diplomacy", "sanctions", "economy"]
DOCS = ["putin-lukashenko-sochi", "eu-sanctions-belarus"]


def decode(params: dict) -> filters.DecodedParams:
    return filters.decode_params(params, ACTORS, TOPICS, DOCS, ["e-1"])


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


def test_encode_leaves_defaults_out() -> None:
    assert filters.encode_params(FilterState()) == {}


def test_round_trip() -> None:
    state = FilterState(
        actors=("Vladimir Putin", "European Union"),
        topics=("sanctions",),
        docs=("eu-sanctions-belarus",),
        start=date(2020, 8, 1),
        end=date(2020, 9, 30),
        query="loan",
        include_inferred=False,
        lanes="topic",
        event="e-1",
    )
    decoded = decode(filters.encode_params(state))
    assert decoded.state == state
    assert decoded.ignored == []


def test_invalid_params_are_ignored_with_notes() -> None:
    decoded = decode(
        {
            "actor": ["Vladimir Putin", "<script>"],
            "from": "yesterday",
            "to": "2020-02-30",
            "inferred": "maybe",
            "lanes": "colour",
            "event": "missing",
            "utm_source": "mail",
        }
    )
    assert decoded.state == FilterState(actors=("Vladimir Putin",))
    assert len(decoded.ignored) == 7


def test_reversed_range_is_dropped() -> None:
    decoded = decode({"from": "2020-09-01", "to": "2020-08-01"})
    assert decoded.state.start is None and decoded.state.end is None
    assert decoded.ignored


@given(
    actors=st.lists(st.sampled_from(ACTORS), unique=True),
    topics=st.lists(st.sampled_from(TOPICS), unique=True),
    query=st.text(max_size=20).map(str.strip),
    start=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    inferred=st.booleans(),
    lanes=st.sampled_from(list(filters.LANES)),
)
def test_round_trip_property(actors, topics, query, start, inferred, lanes) -> None:
    state = FilterState(
        actors=tuple(actors),
        topics=tuple(topics),
        query=query,
        start=start,
        include_inferred=inferred,
        lanes=lanes,
    )
    assert decode(filters.encode_params(state)).state == state


def test_describe_makes_a_file_name_slug() -> None:
    assert filters.describe(FilterState()) == "all"
    state = FilterState(actors=("Vladimir Putin",), topics=("sanctions",), query="<b>Loan</b>")
    assert filters.describe(state) == "vladimir-putin-sanctions-b-loan-b"


def test_date_widget_values() -> None:
    extent = (date(2020, 1, 1), date(2020, 12, 31))
    assert filters.date_range_state(extent, extent) == (None, None)
    assert filters.date_range_state((date(2020, 3, 1),), extent) == (date(2020, 3, 1), None)
    assert filters.widget_dates(date(2019, 1, 1), None, extent) == extent
    wider = (date(2019, 1, 1), date(2020, 12, 31))
    assert filters.rebase_dates(extent, extent, wider) == wider
    narrowed = (date(2020, 3, 1), date(2020, 12, 31))
    assert filters.rebase_dates(narrowed, extent, wider) == narrowed


def test_data_extent(events: pd.DataFrame) -> None:
    today = date(2026, 1, 1)
    assert filters.data_extent(events, today) == (date(1994, 7, 10), date(2020, 12, 31))
    assert filters.data_extent(events.iloc[:0], today) == (today, today)


def test_same_params() -> None:
    wanted = filters.encode_params(FilterState(actors=("A", "B"), query="x"))
    assert filters.same_params({"actor": ["A", "B"], "q": ["x"]}, wanted)
    assert not filters.same_params({"actor": ["A"], "q": ["x"]}, wanted)
    assert filters.same_params({}, {})


def test_summary(events: pd.DataFrame) -> None:
    assert filters.summary(events.iloc[:2], 31) == "**2 of 31 events shown**"
    assert filters.summary(events, 31).endswith(
        "1 undated event is listed in the table but not drawn on the timeline"
    )


def test_count_period_round_trips_through_the_url() -> None:
    state = FilterState(period="month")
    assert filters.encode_params(state) == {"period": "month"}
    assert decode({"period": "month"}).state.period == "month"
    assert filters.encode_params(FilterState()) == {}
    wrong = decode({"period": "fortnight"})
    assert wrong.state.period == "auto"
    assert "period='fortnight'" in wrong.ignored[0]
