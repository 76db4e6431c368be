"""The Streamlit app driven through streamlit.testing (no browser)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import filters, loading, options, upload
from dashboard.sandbox import Extracted, Worker
from dashboard.state import FilterState

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def make_app(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> AppTest:
    if path is None:
        monkeypatch.delenv(options.EVENTS_ENV, raising=False)
    else:
        monkeypatch.setenv(options.EVENTS_ENV, str(path))
    return AppTest.from_file(APP, default_timeout=30)


@pytest.fixture()
def app(monkeypatch: pytest.MonkeyPatch, events_csv: Path) -> AppTest:
    return make_app(monkeypatch, events_csv)


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "events shown" in m.value)


def table_ids(at: AppTest) -> list[str]:
    """Event ids of the table rows, looked up by title and date."""
    return list(at.session_state["table_event_ids"])


def figure_ids(at: AppTest) -> set[str]:
    """The ids of the events drawn on the timeline (not the counts or overview cells)."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {i for trace in spec["data"] for i in trace.get("customdata", []) if isinstance(i, str)}


def outside(at: AppTest) -> int:
    """How many events the first view says it leaves out (0 when it says nothing)."""
    notes = [i.value for i in at.info if "outside this view" in i.value]
    return int(notes[0].split()[0]) if notes else 0


def expected(events: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    return filters.apply_filters(events, state)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_runs_on_the_bundled_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without options: the default workspace, seeded from data/articles, whose events are
    those of the bundled data/events.csv."""
    monkeypatch.delenv("EVENTLINE_WORKSPACE", raising=False)
    monkeypatch.setattr(options, "DEFAULT_WORKSPACE", tmp_path / "workspace.sqlite")
    at = make_app(monkeypatch, None).run()
    assert_clean(at)
    if options.DEFAULT_EVENTS.exists():
        total = len(loading.load_events(options.DEFAULT_EVENTS).events)
        assert f"of {total} events shown" in summary(at)
    else:
        assert any("Cannot read" in w.value for w in at.warning)


def test_opens_on_the_given_file(app: AppTest, events: pd.DataFrame) -> None:
    at = app.run()
    assert_clean(at)
    assert summary(at).startswith("**31 of 31 events shown**")
    assert "1 undated event is listed in the table" in summary(at)
    assert len(at.dataframe[0].value) == 31
    assert at.query_params == {}
    dated = set(events.loc[events["date"] != "", "event_id"])
    assert figure_ids(at) <= dated  # some periods of busy actor lanes are counted instead
    at.radio(key="f_lanes").set_value("none").run()
    assert figure_ids(at) == dated
    assert outside(at) == 4  # the background of 1994 to 2015 is left of the first view
    at.button(key="show_all").click().run()
    assert outside(at) == 0
    assert at.query_params == {"lanes": "none", "all": "1"}


def test_actor_and_topic_filter_table_figure_and_url(app: AppTest, events: pd.DataFrame) -> None:
    at = app.run()
    at.multiselect(key="f_actors").select("Vladimir Putin").run()
    at.pills(key="f_topics").select("diplomacy").run()
    assert_clean(at)
    want = expected(events, FilterState(actors=("Vladimir Putin",), topics=("diplomacy",)))
    assert len(want) == 3
    assert set(table_ids(at)) == set(want["event_id"])
    assert figure_ids(at) == set(want["event_id"])
    assert summary(at).startswith("**3 of 31 events shown**")
    assert at.query_params == {"actor": "Vladimir Putin", "topic": "diplomacy"}


def test_actor_labels_carry_counts(app: AppTest) -> None:
    at = app.run()
    widget = at.multiselect(key="f_actors")
    assert "Vladimir Putin (4)" in widget.proto.options


def test_date_range(app: AppTest, events: pd.DataFrame) -> None:
    at = app.run()
    at.date_input(key="f_dates").set_value((date(2020, 8, 10), date(2020, 8, 20))).run()
    assert_clean(at)
    want = expected(events, FilterState(start=date(2020, 8, 10), end=date(2020, 8, 20)))
    assert set(table_ids(at)) == set(want["event_id"])
    assert at.query_params == {"from": "2020-08-10", "to": "2020-08-20"}
    assert "undated" not in summary(at)


def test_query_params_restore_a_view(app: AppTest, events: pd.DataFrame) -> None:
    app.query_params = {
        "actor": "European Union",
        "from": "2020-09-01",
        "q": "sanctions",
        "lanes": "topic",
        "event": "eu-sanctions-belarus-1",
    }
    at = app.run()
    assert_clean(at)
    assert at.multiselect(key="f_actors").value == ["European Union"]
    assert at.text_input(key="f_query").value == "sanctions"
    assert at.radio(key="f_lanes").value == "topic"
    state = FilterState(actors=("European Union",), start=date(2020, 9, 1), query="sanctions")
    assert set(table_ids(at)) == set(expected(events, state)["event_id"])
    card = next(h.proto.body for h in at.get("html") if "el-evidence" in h.proto.body)
    assert "EU leaders agreed <mark" in card
    assert at.query_params["event"] == "eu-sanctions-belarus-1"


def test_invalid_query_params_give_a_notice(app: AppTest) -> None:
    app.query_params = {"actor": "Nobody", "from": "soon", "lanes": "zigzag"}
    at = app.run()
    assert_clean(at)
    assert "ignored" in at.info[0].value
    assert summary(at).startswith("**31 of 31")


def test_no_match_shows_an_empty_state(app: AppTest) -> None:
    at = app.run()
    at.text_input(key="f_query").set_value("no such words anywhere").run()
    assert_clean(at)
    assert summary(at).startswith("**0 of 31")
    assert any("No events match" in i.value for i in at.info)


def test_download_holds_exactly_the_filtered_rows(
    app: AppTest, events: pd.DataFrame, downloads: dict[str, Callable[[], bytes]]
) -> None:
    at = app.run()
    at.multiselect(key="f_actors").select("Alexander Lukashenko").run()
    at.checkbox(key="f_inferred").uncheck().run()
    assert_clean(at)
    state = FilterState(actors=("Alexander Lukashenko",), include_inferred=False)
    want = expected(events, state)
    name = "eventline-events-alexander-lukashenko-1994-07-10_2020-11-30"
    rows = list(csv.DictReader(io.StringIO(downloads[f"{name}.csv"]().decode(), newline="")))
    assert [r["event_id"] for r in rows] == list(want["event_id"])
    assert rows == want[list(loading.EVENT_COLUMNS)].to_dict(orient="records")
    records = json.loads(downloads[f"{name}.json"]())
    assert records == rows


def test_uploaded_articles_join_the_view(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, events: pd.DataFrame
) -> None:
    template = events.iloc[0][list(loading.EVENT_COLUMNS)].to_dict()

    def fake_extract(data: bytes, name: str, published: date | None, worker: Worker) -> Extracted:
        if name == "broken.md":
            raise ValueError("not an article")
        return Extracted([{**template, "event_id": f"{name}-1", "doc_id": name, "title": "Up"}])

    monkeypatch.setattr(upload, "extract_file", fake_extract)
    at = app.run()
    at.file_uploader[0].set_value(
        [("new.md", b"text", "text/markdown"), ("broken.md", b"x", "text/markdown")]
    )
    at.run()
    at.button(key="extract").click().run()
    assert_clean(at)
    assert summary(at).startswith("**32 of 32")
    assert "new.md-1" in table_ids(at)
    assert [e.value for e in at.error] == ["broken.md: could not be read (not an article)."]


def test_real_extractor_upload(app: AppTest) -> None:
    try:
        import extract.events.build  # noqa: F401
    except ImportError as err:
        pytest.skip(f"the extractor cannot be imported yet: {err}")
    article = Path(__file__).resolve().parents[2] / "data" / "articles"
    source = next(article.glob("*.md"))
    at = app.run()
    at.file_uploader[0].set_value((source.name, source.read_bytes(), "text/markdown"))
    at.run()
    at.button(key="extract").click().run(timeout=120)
    assert_clean(at)
    assert not at.error
    assert "Added" in at.success[0].value
    added = int(at.success[0].value.split()[1])
    assert summary(at).startswith(f"**{31 + added} of {31 + added}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"event_id,title\na-1,Only a title\n", "lacks columns"),
        (b"event_id,date,title\na-1,2020-99-01,Bad\na-2,2020-01-02,Good\n", "invalid dates"),
    ],
)
def test_broken_files_give_messages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    at = make_app(monkeypatch, path).run()
    assert_clean(at)
    assert any(message in w.value for w in at.warning)


def test_filters_survive_an_upload_and_reset_clears_them(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, events: pd.DataFrame
) -> None:
    template = events.iloc[0][list(loading.EVENT_COLUMNS)].to_dict()
    new_row = {**template, "event_id": "x-1", "actors": "Newcomer", "date": "2021-03-01"}
    new_row["end_date"] = "2021-03-01"
    monkeypatch.setattr(
        upload, "extract_file", lambda data, name, published, w: Extracted([new_row])
    )
    at = app.run()
    at.multiselect(key="f_actors").select("Vladimir Putin").run()
    at.file_uploader[0].set_value(("x.md", b"text", "text/markdown"))
    at.run()
    at.button(key="extract").click().run()
    assert_clean(at)
    assert at.multiselect(key="f_actors").value == ["Vladimir Putin"]
    assert summary(at).startswith("**4 of 32")
    assert at.date_input(key="f_dates").value == (date(1994, 7, 10), date(2021, 3, 1))
    at.button(key="reset").click().run()
    assert at.multiselect(key="f_actors").value == []
    assert summary(at).startswith("**32 of 32")
    assert at.query_params == {}


def overview_notice(at: AppTest) -> str:
    return next((i.value for i in at.info if i.value.startswith("Showing counts")), "")


def test_large_views_show_counts_until_narrowed(
    monkeypatch: pytest.MonkeyPatch, generated_csv: Path
) -> None:
    at = make_app(monkeypatch, generated_csv).run()
    assert_clean(at)
    assert overview_notice(at).startswith("Showing counts per quarter for 4,9")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [t["type"] for t in spec["data"]] == ["heatmap", "scattergl"]
    at.radio(key="f_period").set_value("year").run()
    assert overview_notice(at).startswith("Showing counts per year")
    assert at.query_params["period"] == "year"
    at.date_input(key="f_dates").set_value((date(2024, 3, 1), date(2024, 3, 31))).run()
    assert_clean(at)
    assert overview_notice(at) == ""
    shown = set(table_ids(at))
    assert figure_ids(at) <= shown and len(figure_ids(at)) > 10


def test_detail_limit_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, events_csv: Path
) -> None:
    monkeypatch.setenv(options.DETAIL_LIMIT_ENV, "10")
    at = make_app(monkeypatch, events_csv).run()
    assert overview_notice(at).startswith("Showing counts per")
    assert "to 10 events or fewer" in overview_notice(at)
    at.multiselect(key="f_actors").select("Vladimir Putin").run()
    assert overview_notice(at) == ""
    assert figure_ids(at) == set(table_ids(at))
    assert len(figure_ids(at)) == 4


def test_opens_a_parquet_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, raw_rows: pd.DataFrame
) -> None:
    path = tmp_path / "events.parquet"
    raw_rows.to_parquet(path, index=False)
    at = make_app(monkeypatch, path).run()
    assert_clean(at)
    assert summary(at).startswith("**31 of 31 events shown**")
