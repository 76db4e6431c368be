"""The events as curated: the extractor's merged events with the stored corrections applied.

Pure functions over frames of strings; :func:`curate` is run on every read of the workspace,
so corrections follow the events through re-extraction (see :mod:`workspace.keys`). Each
corrected row says so in ``curated`` (``yes``) and lists its corrected fields in ``corrected``;
``target`` holds its id among corrected events, for further edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from extract.schema import EVENT_COLUMNS, MERGED_EVENT_COLUMNS, MULTI_VALUE_SEPARATOR, split_values
from workspace.edits import ADDED, FORM_FIELDS
from workspace.keys import EventKey, find_events

#: Columns the curated events add to ``MERGED_EVENT_COLUMNS``; exported.
CURATION_COLUMNS = ("curated", "corrected")
#: The id of a row among corrected events ('' when it has none); not exported.
TARGET = "target"
YES = "yes"
#: Characters of a TIMEX3 value kept for a date of each precision (the rest: the whole day).
_TIMEX_LENGTH = {"year": 4, "month": 7}


@dataclass(frozen=True)
class Stored:
    """What the curated events are computed from, as read from the workspace."""

    events: pd.DataFrame  # MERGED_EVENT_COLUMNS
    mentions: pd.DataFrame  # MENTION_COLUMNS
    documents: pd.DataFrame  # doc_id, content_hash, title, source, url, published
    targets: pd.DataFrame  # corrected_events rows
    corrections: pd.DataFrame  # target_id, field, value, updated_at


@dataclass(frozen=True)
class Curated:
    """The curated events and their mentions; the rows marked not an event, as curated."""

    events: pd.DataFrame
    mentions: pd.DataFrame
    removed: pd.DataFrame


def curate(stored: Stored) -> Curated:
    """Apply every stored correction to the extractor's events."""
    events = stored.events.assign(curated="", corrected="", **{TARGET: ""})
    fields = _fields(stored.corrections)
    hashes = dict(zip(stored.documents["doc_id"], stored.documents["content_hash"], strict=True))
    extracted = stored.targets[stored.targets["kind"] != ADDED]
    found = find_events(
        ((int(row.id), _key(row)) for row in extracted.itertuples(index=False)),
        stored.mentions,
        hashes,
    )
    merged_of = dict(zip(stored.mentions["event_id"], stored.mentions["merged_id"], strict=True))
    rows = _Rows(events, stored.mentions)
    for target, mention in found.items():
        if fields.get(target, {}).get("split") == YES:
            rows.split(merged_of.get(mention, mention))
    row_of: dict[int, str] = {}
    for target, mention in found.items():
        row_id = mention if mention in rows.split_ids else merged_of.get(mention, mention)
        if rows.has(row_id):
            row_of[target] = row_id
            rows.mark(row_id, target, "split" if fields.get(target, {}).get("split") else "")
    for target, row_id in row_of.items():
        rows.correct(row_id, fields.get(target, {}))
    for target in stored.targets[stored.targets["kind"] == ADDED].itertuples(index=False):
        row = _added_row(target, fields.get(int(target.id), {}), stored)
        if row is not None:
            rows.add(row, int(target.id))
    for target, row_id in row_of.items():
        other = row_of.get(_number(fields.get(target, {}).get("joined_to", "")))
        if other and other != row_id:
            rows.join(row_id, other)
    removed = [
        row_id for target, row_id in row_of.items() if fields.get(target, {}).get("not_event")
    ]
    return rows.result(removed)


def _fields(corrections: pd.DataFrame) -> dict[int, dict[str, str]]:
    fields: dict[int, dict[str, str]] = {}
    for row in corrections.itertuples(index=False):
        fields.setdefault(int(row.target_id), {})[row.field] = row.value
    return fields


def _key(row: object) -> EventKey:
    return EventKey(**{name: str(getattr(row, name)) for name in EventKey.__dataclass_fields__})


def _number(text: str) -> int:
    return int(text) if text.isdigit() else -1


def timex_of(date: str, precision: str) -> str:
    """The TIMEX3 value of a corrected date: the day, or its month or year at those
    precisions."""
    return date[: _TIMEX_LENGTH.get(precision, len(date))]


class _Rows:
    """The events being curated: untouched rows stay in the frame, changed ones are dicts."""

    def __init__(self, events: pd.DataFrame, mentions: pd.DataFrame) -> None:
        self.events = events
        self.mentions = mentions
        self.ids = set(events["event_id"])
        self.changed: dict[str, dict[str, str]] = {}
        self.dropped: set[str] = set()
        self.split_ids: set[str] = set()
        self.moved: dict[str, str] = {}  # mention event_id -> new merged_id

    def has(self, event_id: str) -> bool:
        return event_id in self.changed or (event_id in self.ids and event_id not in self.dropped)

    def row(self, event_id: str) -> dict[str, str]:
        if event_id not in self.changed:
            match = self.events[self.events["event_id"] == event_id]
            self.changed[event_id] = match.iloc[0].to_dict()
        return self.changed[event_id]

    def split(self, merged_id: str) -> None:
        """Every mention of a merged event becomes an event of its own."""
        members = self.mentions[self.mentions["merged_id"] == merged_id]
        if len(members) < 2 or not self.has(merged_id):
            return
        for mention in members.to_dict("records"):
            row = {column: mention[column] for column in EVENT_COLUMNS}
            row.update(
                sources="1",
                doc_ids=row["doc_id"],
                urls=row["url"],
                outlets=row["source"],
                date_conflict="",
                curated=YES,
                corrected="split",
            )
            row[TARGET] = ""
            self.changed[row["event_id"]] = row
            self.split_ids.add(row["event_id"])
            self.moved[row["event_id"]] = row["event_id"]

    def mark(self, event_id: str, target: int, field: str) -> None:
        row = self.row(event_id)
        row[TARGET] = row[TARGET] or str(target)
        if field:
            _note(row, field)

    def correct(self, event_id: str, values: Mapping[str, str]) -> None:
        row = self.row(event_id)
        for field in FORM_FIELDS:
            if field in values and row[field] != values[field]:
                row[field] = values[field]
                _note(row, field)
        if "date" in values or "precision" in values:
            if "end_date" not in values and row["precision"] == "day":
                row["end_date"] = row["date"]
            row["end_date"] = max(row["end_date"], row["date"])
            row["timex"] = timex_of(row["date"], row["precision"])
            if row["date"] and row["date_source"] == "unanchored":
                row["date_source"] = "explicit"
            if not row["date"]:
                row.update(end_date="", timex="", date_source="unanchored")

    def add(self, row: dict[str, str], target: int) -> None:
        row[TARGET] = str(target)
        self.changed[row["event_id"]] = row

    def join(self, event_id: str, into: str) -> None:
        """``event_id`` and ``into`` are one happening: ``into`` takes the other's sources."""
        if not (self.has(event_id) and self.has(into)):
            return
        gone, kept = self.row(event_id), self.row(into)
        for column in ("doc_ids", "urls", "outlets"):
            kept[column] = _union(split_values(kept[column]), split_values(gone[column]))
        kept["sources"] = str(len(split_values(kept["doc_ids"])))
        _note(kept, "joined")
        for mention in self.mentions.loc[self.mentions["merged_id"] == event_id, "event_id"]:
            self.moved[mention] = into
        for mention, merged in list(self.moved.items()):
            if merged == event_id:
                self.moved[mention] = into
        self.moved[event_id] = into
        del self.changed[event_id]
        self.dropped.add(event_id)

    def result(self, removed: Iterable[str]) -> Curated:
        removed_rows = [
            self.changed.pop(event_id) for event_id in removed if event_id in self.changed
        ]
        gone = {row["event_id"] for row in removed_rows} | self.dropped | set(self.changed)
        kept = self.events[~self.events["event_id"].isin(gone)]
        columns = list(kept.columns)
        events = (
            pd.concat(
                [kept, pd.DataFrame(list(self.changed.values()), columns=columns)],
                ignore_index=True,
            )
            if self.changed
            else kept.reset_index(drop=True)
        )
        mentions = self.mentions
        if self.moved:
            mentions = mentions.copy()
            new = mentions["event_id"].map(self.moved)
            mentions["merged_id"] = new.fillna(mentions["merged_id"])
        return Curated(events, mentions, pd.DataFrame(removed_rows, columns=columns))


def _note(row: dict[str, str], field: str) -> None:
    fields = split_values(row["corrected"])
    if field not in fields:
        row["corrected"] = MULTI_VALUE_SEPARATOR.join([*fields, field])
    row["curated"] = YES


def _union(first: list[str], second: list[str]) -> str:
    return MULTI_VALUE_SEPARATOR.join(dict.fromkeys([*first, *second]))


def _added_row(target: object, values: Mapping[str, str], stored: Stored) -> dict | None:
    """The row of an event added by hand from a sentence of a document still there."""
    doc_id = str(target.doc_id)
    document = stored.documents[stored.documents["doc_id"] == doc_id]
    if document.empty:
        return None
    doc = document.iloc[0]
    same = stored.mentions[
        (stored.mentions["doc_id"] == doc_id) & (stored.mentions["sentence"] == target.sentence)
    ]
    paragraph = same.iloc[0]["paragraph"] if not same.empty else str(target.sentence)
    date = values.get("date", "")
    precision = values.get("precision", "day" if date else "")
    row = dict.fromkeys(MERGED_EVENT_COLUMNS, "")
    row.update(
        event_id=f"{doc_id}-added-{target.id}",
        doc_id=doc_id,
        date=date,
        end_date=values.get("end_date", "") or date,
        precision=precision,
        timex=timex_of(date, precision),
        title=values.get("title", "") or str(target.sentence)[:90],
        actors=values.get("actors", ""),
        topics=values.get("topics", ""),
        sentence=str(target.sentence),
        char_start=str(target.char_start),
        char_end=str(target.char_end),
        source=doc["source"],
        url=doc["url"],
        published=doc["published"],
        confidence="1.00",
        mentions="1",
        date_source="explicit" if date else "unanchored",
        doc_title=doc["title"],
        paragraph=paragraph,
        sources="1",
        doc_ids=doc_id,
        urls=doc["url"],
        outlets=doc["source"],
        curated=YES,
        corrected="added",
    )
    return row
