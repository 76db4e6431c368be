"""The event table: its columns, in order, shared by the extractor and the dashboard."""

from __future__ import annotations

#: Columns of ``events.csv``, in file order. The first twenty are the stable core;
#: the rest extend it.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",  # stable id: "<doc_id>-<n>" in document order
    "doc_id",  # front-matter `id`, else the file name without extension
    "date",  # ISO first day of the event's period; empty when unanchored
    "end_date",  # ISO last day of the event's period; empty when unanchored
    "precision",  # day, week, month, quarter, half, season, year, decade
    "timex",  # the TIMEX3 value, e.g. 2020-09-14, 2020-08, XXXX-WXX-1
    "date_text",  # the date expression as written, e.g. "last month"
    "title",  # short headline (<= 90 characters) from the clause around the event
    "actors",  # canonical names, joined with "; "
    "topics",  # topic names, joined with "; "
    "location",  # place names, joined with "; "
    "amount",  # money amount as "<number> <ISO currency>", e.g. "1500000000 USD"
    "sentence",  # the sentence the event comes from
    "char_start",  # offset of the sentence in the document text
    "char_end",  # end offset of the sentence in the document text
    "source",  # outlet name from front matter
    "url",  # article URL from front matter
    "published",  # publication date used as the anchor (ISO), empty if none
    "confidence",  # 0..1
    "mentions",  # how many sentences in the document report this event
    "date_source",  # explicit (own date), published, inferred (from the narrative), unanchored
    "doc_title",  # the document's title
    "paragraph",  # the paragraph around the sentence, for evidence
)

MULTI_VALUE_SEPARATOR = "; "


def split_values(cell: str) -> list[str]:
    """Split a multi-valued cell ("a; b") into its non-empty values."""
    separator = MULTI_VALUE_SEPARATOR.strip()
    return [value.strip() for value in cell.split(separator) if value.strip()]


PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
)

DATE_SOURCES: tuple[str, ...] = ("explicit", "published", "inferred", "unanchored")

#: Columns a merged event adds after ``EVENT_COLUMNS`` (see :mod:`extract.merging.merge`). They
#: are not part of ``EVENT_COLUMNS`` because a per-document ``events.csv`` does not have them.
MERGE_COLUMNS: tuple[str, ...] = (
    "sources",  # how many distinct documents report the event
    "doc_ids",  # their doc_ids, joined with "; "
    "urls",  # their distinct article URLs, joined with "; "
    "outlets",  # their distinct outlet names (the source column), joined with "; "
    "date_conflict",  # dates other sources give, e.g. "2020-08-10 (Danube Post)"; else empty
    "merge_reason",  # why its mentions were joined: shared kind, place, actors, dates, wording
)

#: Columns of the merged events table: the event columns, then the merge columns.
MERGED_EVENT_COLUMNS: tuple[str, ...] = EVENT_COLUMNS + MERGE_COLUMNS

#: Columns of ``mentions.csv``: one per-document event each, and the merged event it is part of.
MENTION_COLUMNS: tuple[str, ...] = (
    *EVENT_COLUMNS,
    "merged_id",  # event_id of the merged event in the merged table
    "merge_score",  # best similarity (0..1) to another mention of its event; empty when alone
)
