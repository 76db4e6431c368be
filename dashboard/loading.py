"""Load an events table and check it against the schema.

Invalid rows are dropped with a problem message; the valid rows always come back, so the
dashboard keeps working on a partly broken file.

Merged events files (``MERGED_EVENT_COLUMNS``, from ``python -m extract``) and per-document
ones (``EVENT_COLUMNS``) both load; the merge columns of the latter are filled in as for
single-source events. The mentions file the extractor writes next to an events file
(:func:`extract.running.output.mentions_path`: ``events.csv`` -> ``mentions.csv``) is read by
:func:`load_mentions`.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.plain import clean, may_hold_controls
from extract.running.output import mentions_path
from extract.schema import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    MERGE_COLUMNS,
    MERGED_EVENT_COLUMNS,
    MULTI_VALUE_SEPARATOR,
)

#: Derived columns added for the dashboard (first day, last day, search text, number of
#: sources as an integer); never exported.
START = "_start"
END = "_end"
SEARCH = "_search"
SOURCES = "_sources"

#: File name ending of Parquet events files; any other file is read as CSV.
PARQUET_SUFFIX = ".parquet"
#: Structural columns whose surrounding whitespace is dropped; text columns stay verbatim.
_KEY_COLUMNS = ("event_id", "doc_id", "date", "end_date", "precision", "date_source")
#: How many offending row numbers a problem message lists.
_MAX_LISTED = 5
#: The days the timeline can draw (those of pandas' nanosecond timestamps, which plotting and
#: date arithmetic fall back to): rows dated outside are listed in a problem, not drawn.
FIRST_DAY, LAST_DAY = pd.Timestamp("1678-01-01"), pd.Timestamp("2261-12-31")
#: The largest number of sources an event is counted with; larger numbers are cut to it.
MAX_SOURCES = 1_000_000


@dataclass
class LoadResult:
    """Valid events plus human-readable problems found while loading; ``merged`` tells whether
    the input had the merge columns."""

    events: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    merged: bool = False


def empty_events() -> pd.DataFrame:
    """An events frame with all schema, merge and derived columns and no rows."""
    return prepare(pd.DataFrame(columns=list(EVENT_COLUMNS), dtype=str)).events


def empty_mentions() -> pd.DataFrame:
    """A mentions frame (``MENTION_COLUMNS``) without rows."""
    return pd.DataFrame(columns=list(MENTION_COLUMNS), dtype=str)


def load_events(path: str | Path) -> LoadResult:
    """Read ``path`` as an events CSV, or Parquet when it ends in ``.parquet``; never raises
    for bad content."""
    path = Path(path)
    if path.exists() and not path.is_file():  # a FIFO or a device would never end
        return LoadResult(empty_events(), [f"Cannot read {path.name}: not a regular file."])
    try:
        raw = path.read_bytes()
    except OSError as err:
        return LoadResult(empty_events(), [f"Cannot read {path.name}: {err.strerror or err}."])
    if path.suffix.lower() == PARQUET_SUFFIX:
        return read_events_parquet(raw, path.name)
    return read_events_csv(raw, path.name)


def load_mentions(events_path: str | Path) -> LoadResult:
    """The mentions next to the events file ``events_path``, in ``events`` (``MENTION_COLUMNS``).

    No file means no mentions and no problem; an unreadable one gives a problem. Mentions
    without ``merged_id`` cannot be matched to an event and are dropped.
    """
    path = mentions_path(Path(events_path))
    if not path.exists():
        return LoadResult(empty_mentions())
    if not path.is_file():
        return LoadResult(empty_mentions(), [f"Cannot read {path.name}: not a regular file."])
    try:
        data = path.read_bytes()
        if path.suffix.lower() == PARQUET_SUFFIX:
            frame = pd.read_parquet(io.BytesIO(data))
        else:
            frame = _parse_csv(data.removeprefix(codecs.BOM_UTF8))
    except (OSError, ValueError, pd.errors.ParserError) as err:
        reason = getattr(err, "strerror", None) or err
        return LoadResult(
            empty_mentions(), [f"Cannot read the mentions file {path.name}: {reason}"]
        )
    frame = _cleaned(frame.fillna("").astype(str))
    if "merged_id" not in frame.columns:
        return LoadResult(empty_mentions(), [f"{path.name} lacks the merged_id column; ignored."])
    frame = frame.reindex(columns=list(MENTION_COLUMNS), fill_value="")
    frame["merged_id"] = frame["merged_id"].str.strip()
    return LoadResult(frame[frame["merged_id"] != ""].reset_index(drop=True))


def mentions_of(mentions: pd.DataFrame, event_id: str) -> list[dict[str, str]]:
    """The mentions of the merged event ``event_id``: the one it takes its text from first,
    then the others by event id; control characters dropped (a workspace's mentions are not
    read through :func:`load_mentions`)."""
    rows = mentions[mentions["merged_id"] == event_id]
    lead_last = rows["event_id"] != event_id
    ordered = rows.assign(_lead=lead_last).sort_values(["_lead", "event_id"], kind="stable")
    records = ordered[list(MENTION_COLUMNS)].astype(str).to_dict("records")
    return [{key: clean(value) for key, value in record.items()} for record in records]


def read_events_csv(data: bytes, name: str) -> LoadResult:
    """Parse CSV bytes into validated events."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return LoadResult(empty_events(), [f"{name} is not UTF-8 text."])
    if not text.strip():
        return LoadResult(empty_events(), [f"{name} is empty."])
    try:
        frame = _parse_csv(data.removeprefix(codecs.BOM_UTF8))
    except (pd.errors.ParserError, ValueError) as err:
        return LoadResult(empty_events(), [f"{name} is not a readable CSV file: {err}"])
    return prepare(frame, name)


def _parse_csv(data: bytes) -> pd.DataFrame:
    """All cells as strings: the fast Arrow parser, else pandas' own for what Arrow refuses."""
    options = {"dtype": str, "keep_default_na": False}
    try:
        return pd.read_csv(io.BytesIO(data), engine="pyarrow", **options)
    except (pd.errors.ParserError, ValueError):
        return pd.read_csv(io.BytesIO(data), **options)


def read_events_parquet(data: bytes, name: str) -> LoadResult:
    """Parse Parquet bytes (string columns, as the extractor writes them) into validated events."""
    if not data:
        return LoadResult(empty_events(), [f"{name} is empty."])
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except (OSError, ValueError) as err:
        return LoadResult(empty_events(), [f"{name} is not a readable Parquet file: {err}"])
    return prepare(frame, name)


def _rows_note(mask: pd.Series) -> str:
    """'rows 2, 5' style list of 1-based file line numbers (header is line 1)."""
    lines = [str(i + 2) for i in mask[mask].index[:_MAX_LISTED]]
    more = int(mask.sum()) - len(lines)
    return ", ".join(lines) + (f" and {more} more" if more > 0 else "")


def prepare(frame: pd.DataFrame, name: str = "events") -> LoadResult:
    """Validate a raw string frame and add the derived columns used for filtering."""
    problems: list[str] = []
    frame = _cleaned(frame.reset_index(drop=True).fillna("").astype(str))
    missing = [c for c in EVENT_COLUMNS if c not in frame.columns]
    if missing:
        problems.append(f"{name} lacks columns {', '.join(missing)}; they are treated as empty.")
        for column in missing:
            frame[column] = ""
    merged = all(column in frame.columns for column in MERGE_COLUMNS if column not in _LATER)
    for column in _KEY_COLUMNS:
        frame[column] = frame[column].str.strip()
    frame = _with_merge_columns(frame[[c for c in MERGED_EVENT_COLUMNS if c in frame.columns]])

    start = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    end_text = frame["end_date"].where(frame["end_date"] != "", frame["date"])
    end = pd.to_datetime(end_text, format="%Y-%m-%d", errors="coerce")
    has_date = frame["date"] != ""
    bad = (has_date & (start.isna() | end.isna())) | (start > end)
    bad |= ~has_date & (frame["end_date"] != "")
    if bad.any():
        problems.append(
            f"{name}: skipped {int(bad.sum())} rows with invalid dates (lines {_rows_note(bad)})."
        )
    far = ~bad & has_date & ((start < FIRST_DAY) | (end > LAST_DAY))
    if far.any():
        problems.append(
            f"{name}: skipped {int(far.sum())} rows dated before {FIRST_DAY.year} or after"
            f" {LAST_DAY.year}, which the timeline cannot draw (lines {_rows_note(far)})."
        )
        bad |= far
    no_id = frame["event_id"] == ""
    if no_id.any():
        problems.append(
            f"{name}: skipped {int(no_id.sum())} rows without event_id (lines {_rows_note(no_id)})."
        )
    duplicate = frame["event_id"].duplicated() & ~no_id
    if duplicate.any():
        problems.append(
            f"{name}: skipped {int(duplicate.sum())} rows repeating an event_id "
            f"(lines {_rows_note(duplicate)})."
        )
    keep = ~(bad | no_id | duplicate)
    sources, note = _source_counts(frame["sources"], name)
    problems += [note] if note else []
    frame["sources"] = sources.astype(str)

    frame = frame[keep].copy()
    frame["end_date"] = frame["end_date"].where(frame["end_date"] != "", frame["date"])
    frame.loc[frame["date"] == "", "date_source"] = "unanchored"
    frame[START] = start[keep]
    frame[END] = end[keep]
    frame[SEARCH] = (frame["title"] + "\n" + frame["sentence"]).str.casefold()
    frame[SOURCES] = sources[keep]
    return LoadResult(frame.reset_index(drop=True), problems, merged)


def _cleaned(frame: pd.DataFrame) -> pd.DataFrame:
    """A string ``frame`` without control characters, terminal escapes or bidirectional
    overrides in any cell (see :func:`dashboard.plain.clean`)."""
    for column in frame.columns:
        cells = frame[column]
        if may_hold_controls(cells):
            frame[column] = cells.map(clean)
    return frame


def _source_counts(cells: pd.Series, name: str) -> tuple[pd.Series, str]:
    """The number of sources of each row, as integers from 1 to :data:`MAX_SOURCES` (an empty
    or unreadable cell counts 1), and a problem naming the rows cut or unreadable, or ""."""
    text = cells.str.strip()
    short, long = text.str.fullmatch(r"\d{1,15}"), text.str.fullmatch(r"\d{16,}")
    numbers = pd.to_numeric(text.where(short, "1")).astype("int64").mask(long, MAX_SOURCES + 1)
    counts = numbers.clip(lower=1, upper=MAX_SOURCES)
    wrong = (text != "") & ~(short | long) | (numbers != counts)
    if not wrong.any():
        return counts, ""
    return counts, (
        f"{name}: {int(wrong.sum())} rows give a number of sources that is not a whole number"
        f" from 1 to {MAX_SOURCES:,}; counted as 1, or {MAX_SOURCES:,} when larger"
        f" (lines {_rows_note(wrong)})."
    )


#: Merge columns added after merged files were first written: a file without them is merged.
_LATER = frozenset({"merge_reason"})


def _with_merge_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every ``MERGED_EVENT_COLUMNS`` column; missing merge columns describe
    single-source events (one source: the event's own document, URL and outlet)."""
    single = {
        "sources": "1",
        "doc_ids": frame["doc_id"],
        "urls": frame["url"],
        "outlets": frame["source"],
        "date_conflict": "",
        "merge_reason": "",
    }
    missing = {column: value for column, value in single.items() if column not in frame.columns}
    frame = frame.assign(**missing)
    return frame[list(MERGED_EVENT_COLUMNS)]


def date_span(events: pd.DataFrame) -> tuple[date | None, date | None]:
    """First and last day covered by prepared ``events`` (None when none is dated)."""
    if events[START].isna().all():
        return None, None
    return events[START].min().date(), events[END].max().date()


def exploded_values(cells: pd.Series) -> pd.Series:
    """The values of multi-valued ``cells``, one per row, indexed by their cell's index."""
    lists = pc.split_pattern(pa.array(cells, type=pa.large_string()), MULTI_VALUE_SEPARATOR[0])
    values = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    rows = pc.list_parent_indices(lists).to_numpy()
    kept = np.flatnonzero(pc.not_equal(values, "").to_numpy(zero_copy_only=False))
    return pd.Series(
        values.take(kept).to_numpy(zero_copy_only=False), index=cells.index[rows[kept]]
    )


def value_counts(events: pd.DataFrame, column: str) -> dict[str, int]:
    """How many events carry each value of a multi-valued column, most frequent first."""
    counts = exploded_values(events[column]).value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


@dataclass(frozen=True)
class Catalog:
    """Filter choices of an events table: values with their event counts, most frequent first,
    and document titles."""

    actors: dict[str, int]
    topics: dict[str, int]
    docs: dict[str, int]
    doc_titles: dict[str, str]


def catalog(events: pd.DataFrame) -> Catalog:
    """The filter choices offered for ``events``."""
    docs = events["doc_id"].value_counts()
    titles = events.drop_duplicates("doc_id").set_index("doc_id")["doc_title"]
    return Catalog(
        actors=value_counts(events, "actors"),
        topics=value_counts(events, "topics"),
        docs={str(k): int(v) for k, v in docs.items()},
        doc_titles={str(k): str(v) for k, v in titles.items()},
    )


def combine(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Append extra prepared events to base ones, keeping the first of repeated event ids."""
    if extra.empty:
        return base
    if base.empty:
        return extra
    both = pd.concat([base, extra], ignore_index=True)
    return both[~both["event_id"].duplicated()].reset_index(drop=True)


def combine_mentions(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Append extra mentions to base ones."""
    if extra.empty:
        return base
    if base.empty:
        return extra
    return pd.concat([base, extra], ignore_index=True)
