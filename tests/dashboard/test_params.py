from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dashboard import params
from dashboard.state import LANES, FilterState

ACTORS = ["Vladimir Putin", "Alexander Lukashenko", "European Union"]
TOPICS = ["diplomacy", "sanctions", "economy"]
DOCS = ["putin-lukashenko-sochi", "eu-sanctions-belarus"]


def decode(query: dict) -> params.DecodedParams:
    return params.decode_params(query, ACTORS, TOPICS, DOCS, ["e-1"])


def test_encode_leaves_defaults_out() -> None:
    assert params.encode_params(FilterState()) == {}


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
        whole=True,
    )
    decoded = decode(params.encode_params(state))
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
    lanes=st.sampled_from(list(LANES)),
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
    assert decode(params.encode_params(state)).state == state


def test_same_params() -> None:
    wanted = params.encode_params(FilterState(actors=("A", "B"), query="x"))
    assert params.same_params({"actor": ["A", "B"], "q": ["x"]}, wanted)
    assert not params.same_params({"actor": ["A"], "q": ["x"]}, wanted)
    assert params.same_params({}, {})


def test_count_period_round_trips_through_the_url() -> None:
    state = FilterState(period="month")
    assert params.encode_params(state) == {"period": "month"}
    assert decode({"period": "month"}).state.period == "month"
    assert params.encode_params(FilterState()) == {}
    wrong = decode({"period": "fortnight"})
    assert wrong.state.period == "auto"
    assert "period='fortnight'" in wrong.ignored[0]


def test_every_part_of_the_state_has_its_own_parameter() -> None:
    assert params.KNOWN_PARAMS == (
        "actor",
        "topic",
        "doc",
        "from",
        "to",
        "q",
        "inferred",
        "lanes",
        "event",
        "period",
        "sources",
        "all",
    )
