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

    Pairs of one document (see :func:`extract.merging.candidates.scored_pairs`) join first, so
    that a document tells each happening once; then pairs of two groups join when the groups
    share no document. Either way every two of a group's dates stay compatible: the latest
    start is at most ``MAX_GAP_DAYS`` after the earliest end (so Aug. 10, 11, 12, ... cannot
    chain into one event).
    """
    import numpy as np

    groups = _Groups(records)
    documents = np.array(_numbered(records.column("doc_id")))
    for _, a, b in ranked.chunks():
        within = documents[a] == documents[b]
        for row_a, row_b in zip(a[within].tolist(), b[within].tolist(), strict=True):
            groups.join(row_a, row_b, same_document=True)
    for first, second in _apart(ranked, groups.label):
        groups.join(first, second, same_document=False)
    best = _best_scores(ranked, groups.label)
    found: defaultdict[int, list[int]] = defaultdict(list)
    for i in sorted(best):
        found[groups.group_of.get(i, i)].append(i)
    return list(found.values()), best


def _numbered(values: list[str]) -> list[int]:
    """Each of ``values`` as a number, the same for equal values."""
    numbers: dict[str, int] = {}
    return [numbers.setdefault(value, len(numbers)) for value in values]


class _Groups:
    """Groups of rows as they join, each known by one of its rows."""

    def __init__(self, records: Records) -> None:
        import numpy as np

        self.group_of: dict[int, int] = {}  # rows that joined a group, to the group's row
        self.label = np.arange(len(records))  # each row's group as an array, for bulk passes
        self.members: dict[int, list[int]] = {}  # the rows of each group, by the group's row
        self.docs: dict[int, set[str]] = {}
        self.periods: dict[int, tuple[int, int]] = {}  # latest start and earliest end, by group
        self.doc_ids, self.firsts, self.lasts = (
            records.column(field) for field in ("doc_id", "date", "end_date")
        )

    def join(self, a: int, b: int, same_document: bool) -> None:
        """Join the groups of rows ``a`` and ``b`` if they may: they share no document (or,
        for two rows of one document, only theirs) and their dates stay compatible."""
        ga, gb = self.group_of.get(a, a), self.group_of.get(b, b)
        if ga == gb:  # joined earlier
            return
        docs_a = self.docs.get(ga) or {self.doc_ids[ga]}
        docs_b = self.docs.get(gb) or {self.doc_ids[gb]}
        shared = docs_a & docs_b
        if shared and not (same_document and shared == {self.doc_ids[a]}):
            return
        start_a, end_a = self.periods.get(ga) or ordinals(self.firsts[ga], self.lasts[ga])
        start_b, end_b = self.periods.get(gb) or ordinals(self.firsts[gb], self.lasts[gb])
        start, end = max(start_a, start_b), min(end_a, end_b)
        if start - end > MAX_GAP_DAYS:
            return
        if len(docs_a) < len(docs_b):  # the larger group takes the smaller one in
            ga, gb, docs_a, docs_b = gb, ga, docs_b, docs_a
        docs_a |= docs_b
        self.docs[ga] = docs_a
        self.docs.pop(gb, None)
        self.periods[ga] = start, end
        self.periods.pop(gb, None)
        moved = self.members.pop(gb, None) or [gb]
        for i in moved:
            self.group_of[i] = ga
        self.label[moved] = ga
        self.members.setdefault(ga, [ga]).extend(moved)


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
