"""The merged events and the mentions as rows: a merged event's columns combined from its
mentions, and each mention with the id of its merged event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, cast

from extract.knowledge.lexicon import Lexicon
from extract.merging.features import Values
from extract.merging.reasons import merge_reason
from extract.schema import EVENT_COLUMNS, MERGED_EVENT_COLUMNS, MULTI_VALUE_SEPARATOR, split_values

if TYPE_CHECKING:
    from extract.merging.planner import Plan

#: Bonus confidence per source beyond the first.
_CORROBORATION = 0.05

_event_values = itemgetter(*EVENT_COLUMNS)
_DOC_ID, _URL, _SOURCE = map(EVENT_COLUMNS.index, ("doc_id", "url", "source"))


def values_of(row: Mapping[str, object]) -> Values:
    """The values of ``row`` in the order of ``EVENT_COLUMNS``, each a string: a missing or
    empty one (None, 0) is ""."""
    try:
        values = _event_values(row)
        "".join(values)  # most rows: every column, all strings (else a TypeError)
        return cast(Values, values)
    except (KeyError, TypeError):
        return tuple(str(row.get(column) or "") for column in EVENT_COLUMNS)


def mention_values(values: Values, plan: Plan, index: int) -> Values:
    """The mentions-table row (in the order of ``MENTION_COLUMNS``) of input row ``index``,
    given as its ``values`` in the order of ``EVENT_COLUMNS``."""
    score = plan.scores.get(index)
    return (*values, plan.merged_ids[index], "" if score is None else f"{score:.2f}")


def merged_values(mentions: list[Values], lead: int, lexicon: Lexicon) -> Values:
    """One event (in the order of ``MERGED_EVENT_COLUMNS``) from its mentions (rows as values in
    the order of ``EVENT_COLUMNS``) and the position of its lead among them (see
    :meth:`Planner.plan`)."""
    if len(mentions) == 1:  # most events: the mention as it is, from one source
        values = mentions[0]
        return (*values, "1", values[_DOC_ID], values[_URL], values[_SOURCE], "", "")
    rows = [dict(zip(EVENT_COLUMNS, values, strict=True)) for values in mentions]
    merged = _merged(rows, lead)
    merged["merge_reason"] = merge_reason(mentions, lead, lexicon.happenings)
    return tuple(merged[column] for column in MERGED_EVENT_COLUMNS)


def _merged(rows: list[dict[str, str]], lead: int) -> dict[str, str]:
    """The merged event of several mentions (rows keyed by ``EVENT_COLUMNS``)."""
    first = rows[lead]
    others = sorted((row for row in rows if row is not first), key=lambda row: row["event_id"])
    ordered = [first, *others]
    sources = list(dict.fromkeys(row["doc_id"] for row in ordered))
    best = max(float(row["confidence"] or 0) for row in rows)
    merged = dict(first)
    merged.update(
        actors=_union(row["actors"] for row in ordered),
        topics=_union(row["topics"] for row in ordered),
        location=_union(row["location"] for row in ordered),
        amount=_union(row["amount"] for row in ordered),
        mentions=str(sum(int(row["mentions"] or 1) for row in rows)),
        confidence=f"{min(1.0, best + _CORROBORATION * (len(sources) - 1)):.2f}",
        sources=str(len(sources)),
        doc_ids=MULTI_VALUE_SEPARATOR.join(sources),
        urls=_union(row["url"] for row in ordered),
        outlets=_union(row["source"] for row in ordered),
        date_conflict=_conflicts(first, others),
    )
    return merged


def _conflicts(lead: Mapping[str, str], others: list[dict[str, str]]) -> str:
    """Dates (TIMEX3 values) of mentions whose period does not contain the lead's, each with the
    outlets (else doc_ids) giving it: "2020-08-10 (Danube Post)"."""
    claims: defaultdict[str, list[str]] = defaultdict(list)
    for row in others:
        lead_end, row_end = lead["end_date"] or lead["date"], row["end_date"] or row["date"]
        if not row["date"] <= lead["date"] <= lead_end <= row_end:
            label = row["source"] or row["doc_id"]
            said = claims[row["timex"] or row["date"]]
            if label not in said:
                said.append(label)
    return MULTI_VALUE_SEPARATOR.join(
        f"{value} ({', '.join(labels)})" for value, labels in sorted(claims.items())
    )


def _union(values: Iterable[str]) -> str:
    return MULTI_VALUE_SEPARATOR.join(
        dict.fromkeys(p for value in values for p in split_values(value))
    )
