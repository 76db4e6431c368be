"""Joining ranked pairs into groups, best first, and choosing the lead mention of each group."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from extract.merging.features import ordinals
from extract.merging.scoring import MAX_GAP_DAYS

if TYPE_CHECKING:
    import numpy as np

    from extract.merging.keys import Ranked
    from extract.merging.planner import Record, Records


def cluster(records: Records, ranked: Ranked) -> tuple[list[list[int]], dict[int, float]]:
    """Join pairs best first; return the groups of several mentions (members in input order)
    and each grouped mention's best score to another member of its group.

    Two groups join only when they share no document and every two of their dates stay
    compatible: the latest start is at most ``MAX_GAP_DAYS`` after the earliest end (so
    Aug. 10, 11, 12, ... cannot chain into one event).
    """
    import numpy as np

    group_of: dict[int, int] = {}  # rows that joined a group, to the row the group is known by
    label = np.arange(len(records))  # each row's group as an array, to pass over pairs in bulk
    members: dict[int, list[int]] = {}  # the rows of each group, by the row it is known by
    docs: dict[int, set[str]] = {}
    periods: dict[int, tuple[int, int]] = {}  # latest start and earliest end, by group
    doc_ids, firsts, lasts = (records.column(field) for field in ("doc_id", "date", "end_date"))
    for a, b in _apart(ranked, label):
        ga, gb = group_of.get(a, a), group_of.get(b, b)
        if ga == gb:  # joined earlier in the chunk
            continue
        docs_a = docs.get(ga) or {doc_ids[ga]}
        docs_b = docs.get(gb) or {doc_ids[gb]}
        if not docs_a.isdisjoint(docs_b):
            continue
        start_a, end_a = periods.get(ga) or ordinals(firsts[ga], lasts[ga])
        start_b, end_b = periods.get(gb) or ordinals(firsts[gb], lasts[gb])
        start, end = max(start_a, start_b), min(end_a, end_b)
        if start - end <= MAX_GAP_DAYS:
            if len(docs_a) < len(docs_b):  # the larger group takes the smaller one in
                ga, gb, docs_a, docs_b = gb, ga, docs_b, docs_a
            docs_a |= docs_b
            docs[ga] = docs_a
            docs.pop(gb, None)
            periods[ga] = start, end
            periods.pop(gb, None)
            moved = members.pop(gb, None) or [gb]
            for i in moved:
                group_of[i] = ga
            label[moved] = ga
            members.setdefault(ga, [ga]).extend(moved)
    best = _best_scores(ranked, label)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in sorted(best):
        groups[group_of.get(i, i)].append(i)
    return list(groups.values()), best


def _apart(ranked: Ranked, label: np.ndarray) -> Iterator[tuple[int, int]]:
    """The rows of the ranked pairs that may join two groups, in order (``label``: the row each
    row's group is known by, kept up to date by the caller).

    Of each chunk, only the first pair of each two groups apart at its start: rows in one group
    stay so, and once a pair of two groups is joined or refused, so are the later pairs of the
    groups that hold them (documents only add up, shared periods only narrow). Most pairs of a
    large group come after it formed, and copies of two events of one story never join.
    """
    import numpy as np

    size = len(label)
    for _, a, b in ranked.chunks():
        group_a, group_b = label[a], label[b]
        apart = np.flatnonzero(group_a != group_b)
        group_a, group_b = group_a[apart], group_b[apart]
        groups = np.minimum(group_a, group_b) * size + np.maximum(group_a, group_b)
        first = apart[np.sort(np.unique(groups, return_index=True)[1])]
        yield from zip(a[first].tolist(), b[first].tolist(), strict=True)


def _best_scores(ranked: Ranked, label: np.ndarray) -> dict[int, float]:
    """Each grouped row's best score to another member of its group (``label``: the row each
    row's group is known by), a chunk of ranked pairs at a time: pairs come best first, so a
    row's first pair within its group, which is its best within its chunk, is its best."""
    import numpy as np

    best: dict[int, float] = {}
    for scores, a, b in ranked.chunks():
        within = label[a] == label[b]
        found, score = np.concatenate((a[within], b[within])), np.tile(scores[within], 2)
        order = np.lexsort((-score, found))  # by row, its best score first
        found, score = found[order], score[order]
        first = np.flatnonzero(np.diff(found, prepend=-1))
        for row, value in zip(found[first].tolist(), score[first].tolist(), strict=True):
            best.setdefault(row, value)
    return best


def lead_of(records: Records, members: list[int]) -> int:
    """The position in ``members`` of the mention a merged event takes its date and text from:
    one with the most precise date, the date most documents give (then the earliest), the
    highest confidence, the lowest id. Mentions of merged events are always dated."""
    if len(members) == 1:
        return 0
    group = [records[i] for i in members]
    narrowest = min(_span(record) for record in group)
    precise = [record for record in group if _span(record) == narrowest]
    votes: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for record in precise:
        votes[record.date, _end(record)].add(record.doc_id)
    period = min(votes, key=lambda p: (-len(votes[p]), p))
    lead = min(
        (record for record in precise if (record.date, _end(record)) == period),
        key=lambda record: (-float(record.confidence or 0), record.event_id),
    )
    return group.index(lead)


def _span(record: Record) -> int:
    first, last = ordinals(record.date, record.end_date)
    return last - first


def _end(record: Record) -> str:
    return record.end_date or record.date
