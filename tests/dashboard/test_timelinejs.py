"""The TimelineJS export, checked against the documented JSON data model.

The rules of ``validate`` come from TimelineJS's "JSON data format" documentation
(timeline.knightlab.com/docs/json-format.html): a data object has a required ``events`` list of
slides and optional ``title`` slide, ``eras`` and ``scale`` (``human`` or ``cosmological``);
a slide needs ``start_date`` (except the title slide) and may have ``end_date``, ``text``,
``media``, ``group``, ``display_date``, ``background``, ``autolink`` and ``unique_id``; a date
object needs ``year`` and may have ``month`` (1-12), ``day``, ``hour`` (0-23), ``minute`` and
``second`` (0-59), ``millisecond`` (numbers) and ``display_date`` (a string); a text object may
have ``headline`` and ``text`` (strings, HTML allowed).
"""

import json
from typing import Any

import pandas as pd
import pytest

from dashboard.timelinejs import to_timelinejs
from extract.merging.merge import merge_events
from extract.schema import EVENT_COLUMNS

TOP_LEVEL = {"events", "title", "eras", "scale"}
SLIDE = {
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
}
DATE_RANGES = {
    "month": (1, 12),
    "day": (1, 31),
    "hour": (0, 23),
    "minute": (0, 59),
    "second": (0, 59),
    "millisecond": (0, 999),
}
TEXT = {"headline", "text"}


def number(value: Any) -> int:
    """A documented "number": a JSON number, or a string of digits (as in the docs' examples)."""
    assert not isinstance(value, bool)
    if isinstance(value, str):
        assert value.lstrip("-").isdigit(), value
        return int(value)
    assert isinstance(value, int), value
    return value


def validate_date(value: Any) -> None:
    assert isinstance(value, dict) and "year" in value
    assert set(value) <= {"year", "display_date", *DATE_RANGES}
    number(value["year"])
    for field, (low, high) in DATE_RANGES.items():
        if field in value:
            assert low <= number(value[field]) <= high
    assert isinstance(value.get("display_date", ""), str)


def validate_slide(slide: Any, *, is_title: bool = False) -> None:
    assert isinstance(slide, dict) and set(slide) <= SLIDE
    if not is_title:
        assert "start_date" in slide
    for key in ("start_date", "end_date"):
        if key in slide:
            validate_date(slide[key])
    if "text" in slide:
        assert isinstance(slide["text"], dict) and set(slide["text"]) <= TEXT
        assert all(isinstance(v, str) for v in slide["text"].values())
    if "media" in slide:
        assert isinstance(slide["media"].get("url"), str)
    for key in ("group", "display_date", "unique_id"):
        assert isinstance(slide.get(key, ""), str)
    assert isinstance(slide.get("autolink", True), bool)


def validate(data: Any) -> None:
    assert isinstance(data, dict) and set(data) <= TOP_LEVEL
    assert isinstance(data.get("events"), list)
    for slide in data["events"]:
        validate_slide(slide)
    if "title" in data:
        validate_slide(data["title"], is_title=True)
    assert data.get("scale", "human") in ("human", "cosmological")
    ids = [slide["unique_id"] for slide in data["events"] if "unique_id" in slide]
    assert len(ids) == len(set(ids))
    json.dumps(data)


def row(event_id: str, start: str, end: str, precision: str, **fields: str) -> dict[str, str]:
    values = dict.fromkeys(EVENT_COLUMNS, "")
    values.update(
        event_id=event_id,
        doc_id=event_id.rsplit("-", 1)[0],
        date=start,
        end_date=end,
        precision=precision,
        title=f"Event {event_id}",
        sentence="Something happened.",
        confidence="0.8",
        mentions="1",
    )
    values.update(fields)
    return values


def test_the_validator_refuses_what_the_model_forbids() -> None:
    good = {"events": [{"start_date": {"year": 2020}}]}
    validate(good)
    for bad in (
        {},
        {"events": [{"text": {"headline": "no date"}}]},
        {"events": [{"start_date": {"month": 8}}]},
        {"events": [{"start_date": {"year": 2020, "month": 13}}]},
        {"events": [{"start_date": {"year": "2020s"}}]},
        {"events": [{"start_date": {"year": 2020}, "headline": "misplaced"}]},
        {"events": [], "scale": "geological"},
    ):
        with pytest.raises(AssertionError):
            validate(bad)


def test_the_fixture_events_export_to_a_valid_timeline(events: pd.DataFrame) -> None:
    data = to_timelinejs(events, "Belarus, 2020")
    validate(data)
    dated = events[events["date"] != ""]
    assert [slide["unique_id"] for slide in data["events"]] == list(dated["event_id"])
    assert data["title"]["text"]["headline"] == "Belarus, 2020"


@pytest.mark.parametrize(
    ("start", "end", "precision", "start_date", "end_date"),
    [
        ("2020-09-14", "2020-09-14", "day", {"year": 2020, "month": 9, "day": 14}, None),
        (
            "2020-09-14",
            "2020-09-20",
            "week",
            {"year": 2020, "month": 9, "day": 14},
            {"year": 2020, "month": 9, "day": 20},
        ),
        ("2020-08-01", "2020-08-31", "month", {"year": 2020, "month": 8}, None),
        (
            "2020-07-01",
            "2020-09-30",
            "quarter",
            {"year": 2020, "month": 7},
            {"year": 2020, "month": 9},
        ),
        ("2020-01-01", "2020-12-31", "year", {"year": 2020}, None),
        ("2010-01-01", "2019-12-31", "decade", {"year": 2010}, {"year": 2019}),
    ],
)
def test_dates_carry_their_precision(
    start: str, end: str, precision: str, start_date: dict, end_date: dict | None
) -> None:
    data = to_timelinejs(pd.DataFrame([row("a-1", start, end, precision)]), "T")
    validate(data)
    (slide,) = data["events"]
    assert slide["start_date"] == start_date
    assert slide.get("end_date") == end_date


def test_text_is_escaped_and_names_the_sources() -> None:
    evil = row(
        "a-1",
        "2020-09-14",
        "2020-09-14",
        "day",
        title="<script>alert(1)</script> & more",
        sentence='He said "<b>no</b>".',
        source="Daily <Planet>",
        url="javascript:alert(1)",
        topics="diplomacy; elections",
    )
    (slide,) = to_timelinejs(pd.DataFrame([evil]), "<i>T</i>")["events"]
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    assert "<b>" not in slide["text"]["text"] and "&lt;b&gt;no&lt;/b&gt;" in slide["text"]["text"]
    assert "Source: Daily &lt;Planet&gt;" in slide["text"]["text"]
    assert "javascript:" not in slide["text"]["text"]
    assert slide["group"] == "diplomacy"


def test_merged_events_list_their_sources_and_conflicts() -> None:
    rows = [
        row(
            "a-1",
            "2020-08-11",
            "2020-08-11",
            "day",
            source="Baltic Wire",
            url="https://a.example/1",
            actors="Svetlana Tikhanovskaya",
        ),
        row(
            "b-1",
            "2020-08-10",
            "2020-08-10",
            "day",
            source="Danube Post",
            url="https://b.example/1",
            actors="Svetlana Tikhanovskaya",
        ),
        row("c-1", "", "", "day"),
    ]
    merged, _ = merge_events(rows)
    data = to_timelinejs(pd.DataFrame(merged), "Exile")
    validate(data)
    (slide,) = data["events"]
    text = slide["text"]["text"]
    assert "Sources: Danube Post, Baltic Wire" in text
    assert '<a href="https://a.example/1">' in text and '<a href="https://b.example/1">' in text
    assert "Other dates reported: 2020-08-11 (Baltic Wire)" in text
    assert data["title"]["text"]["text"] == "<p>1 event from 2 documents</p>"


def test_repeated_ids_are_made_unique() -> None:
    frame = pd.DataFrame([row("a-1", "2020-01-01", "2020-01-01", "day")] * 3)
    data = to_timelinejs(frame, "T")
    validate(data)
    assert [s["unique_id"] for s in data["events"]] == ["a-1", "a-1-2", "a-1-3"]
