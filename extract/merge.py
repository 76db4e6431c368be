"""Cross-document merging: events that several articles report become one event with sources.

:func:`merge_events` takes the per-document rows of ``events.csv`` and returns the merged events
(``MERGED_EVENT_COLUMNS``) and the mentions (``MENTION_COLUMNS``: every input row, with the id of
its merged event). docs/merging.md explains the rules; in short:

- Only dated events stated to the day, week or month merge, and never two of one document.
- Candidates: events whose periods overlap, or day-precise ones at most ``MAX_GAP_DAYS`` apart,
  that share an actor or a title word (a sweep over the dates, not all pairs).
- Score = date factor x evidence. Date factor: 1 for the same period, 0.9 for nested periods
  ("August" and "Aug. 9"), 0.8 and 0.6 for day-precise dates one and two days apart. Evidence:
  0.45 x actor overlap + 0.25 x title-word overlap + 0.15 for a shared kind of event (trigger
  words; reporting verbs such as "said" do not count) + 0.15 for a shared amount. Overlaps are
  ``|A & B| / min(|A|, |B|)``. Events that both name actors but share none never merge, nor do
  events with different amounts.
- Pairs scoring at least ``THRESHOLD`` join, best first; two groups only join when they have no
  document in common.
- A merged event takes its date from its most precise mentions (on disagreement, the date most
  documents give, then the earlier one); the other dates stay visible in ``date_conflict``.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from extract.lexicon import Lexicon, load_lexicon
from extract.schema import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    MERGED_EVENT_COLUMNS,
    MULTI_VALUE_SEPARATOR,
)
from extract.triggers import find_triggers

THRESHOLD = 0.5
MAX_GAP_DAYS = 2
MERGEABLE_PRECISIONS = frozenset({"day", "week", "month"})

_GAP_FACTORS = {0: 1.0, 1: 0.8, 2: 0.6}
_NESTED_FACTOR = 0.9
_ACTOR_WEIGHT, _TITLE_WEIGHT, _KIND_WEIGHT, _AMOUNT_WEIGHT = 0.45, 0.25, 0.15, 0.15
#: Trigger kinds that tell how something was reported, not what happened.
_REPORTING_KINDS = frozenset({"statement", "publication"})
#: Bonus confidence per source beyond the first.
_CORROBORATION = 0.05

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "had"}
    | {"have", "its", "his", "her", "their", "they", "them", "into", "onto", "over", "after"}
    | {"before", "about", "than", "then", "said", "says", "told", "also", "would", "will", "not"}
)


@dataclass(frozen=True)
class _Mention:
    """A row with what scoring needs, precomputed."""

    index: int
    row: Mapping[str, str]
    start: date
    end: date
    actors: frozenset[str]
    words: frozenset[str]
    kinds: frozenset[str]
    amounts: frozenset[str]

    @property
    def day(self) -> bool:
        return self.row["precision"] == "day"

    def index_keys(self) -> list[str]:
        """Keys this mention is found under: its actors, its title words (``*``), and its title
        words again (``-``) when it names no actor."""
        keys = [f"a:{actor}" for actor in self.actors] + [f"*:{word}" for word in self.words]
        return keys + ([] if self.actors else [f"-:{word}" for word in self.words])

    def query_keys(self) -> list[str]:
        """Keys of the mentions it can merge with: with actors, those sharing an actor and those
        naming none that share a title word; without actors, any sharing a title word."""
        if self.actors:
            return [f"a:{actor}" for actor in self.actors] + [f"-:{word}" for word in self.words]
        return [f"*:{word}" for word in self.words]


def merge_events(
    rows: Iterable[Mapping[str, str]], lexicon: Lexicon | None = None
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Merge the events of many documents; return ``(merged events, mentions)``.

    ``rows`` are ``events.csv`` rows (keyed by ``EVENT_COLUMNS``) with unique ``event_id``s.
    The merged events (``MERGED_EVENT_COLUMNS``) are sorted by date, undated last, then by id; a
    merged event's ``event_id`` is the id of the mention it takes its date and text from. The
    mentions (``MENTION_COLUMNS``) are the input rows in input order, each with ``merged_id``.
    The result does not depend on the order of ``rows``.
    """
    rows = [{column: str(row.get(column, "") or "") for column in EVENT_COLUMNS} for row in rows]
    lexicon = lexicon or load_lexicon()
    mentions = [m for index, row in enumerate(rows) if (m := _mention(index, row, lexicon))]
    groups, scores = _cluster(rows, mentions, _scored_pairs(mentions))
    merged: list[dict[str, str]] = []
    merged_id: dict[int, str] = {}
    for members in groups:
        event = _merged_row([rows[i] for i in members])
        merged.append(event)
        merged_id.update((i, event["event_id"]) for i in members)
    merged.sort(key=lambda event: (not event["date"], event["date"], event["event_id"]))
    mention_rows = [
        row | {"merged_id": merged_id[i], "merge_score": f"{scores[i]:.2f}" if i in scores else ""}
        for i, row in enumerate(rows)
    ]
    return merged, [{c: row[c] for c in MENTION_COLUMNS} for row in mention_rows]


def _mention(index: int, row: Mapping[str, str], lexicon: Lexicon) -> _Mention | None:
    if row["precision"] not in MERGEABLE_PRECISIONS or not row["date"]:
        return None
    try:
        start = date.fromisoformat(row["date"])
        end = date.fromisoformat(row["end_date"] or row["date"])
    except ValueError:
        return None
    return _Mention(
        index=index,
        row=row,
        start=start,
        end=end,
        actors=frozenset(_split(row["actors"])),
        words=_title_words(row["title"]),
        kinds=_kinds(row, lexicon),
        amounts=frozenset(_split(row["amount"])),
    )


def _title_words(title: str) -> frozenset[str]:
    words = (word.removesuffix("'s") for word in _WORD.findall(title.lower()))
    return frozenset(
        word[:-1] if len(word) > 4 and word.endswith("s") and word[-2] not in "isu" else word
        for word in words
        if len(word) > 2 and word not in _STOPWORDS
    )


def _kinds(row: Mapping[str, str], lexicon: Lexicon) -> frozenset[str]:
    """Kinds of event the title's trigger words name, else the sentence's."""
    for text in (row["title"], row["sentence"]):
        kinds = {m.trigger.event for m in find_triggers(text, lexicon)} - _REPORTING_KINDS
        if kinds:
            return frozenset(kinds)
    return frozenset()


def _scored_pairs(mentions: list[_Mention]) -> Iterator[tuple[float, int, int]]:
    """Candidate pairs scoring at least ``THRESHOLD``, found by a sweep over the dates.

    Only mentions whose dates can match (see :func:`_date_factor`) and that share a key (see
    :meth:`_Mention.query_keys`) are scored. No pair is lost: without a shared actor or title
    word the evidence is at most 0.3, below ``THRESHOLD``, and two mentions both naming actors
    but sharing none score 0.
    """
    expiry: list[tuple[date, int]] = []
    active: dict[int, _Mention] = {}
    by_key: defaultdict[str, set[int]] = defaultdict(set)
    for mention in sorted(mentions, key=lambda m: (m.start, m.end, m.row["event_id"])):
        while expiry and (mention.start - expiry[0][0]).days > MAX_GAP_DAYS:
            gone = active.pop(heapq.heappop(expiry)[1])
            for key in gone.index_keys():
                by_key[key].discard(gone.index)
        candidates: set[int] = set()
        for key in mention.query_keys():
            candidates |= by_key.get(key, set())
        for index in candidates:
            other = active[index]
            if other.row["doc_id"] != mention.row["doc_id"]:
                score = _score(other, mention)
                if score >= THRESHOLD:
                    yield score, other.index, mention.index
        active[mention.index] = mention
        heapq.heappush(expiry, (mention.end, mention.index))
        for key in mention.index_keys():
            by_key[key].add(mention.index)


def _score(a: _Mention, b: _Mention) -> float:
    if a.actors and b.actors and not a.actors & b.actors:
        return 0.0
    if a.amounts and b.amounts and not a.amounts & b.amounts:
        return 0.0
    factor = _date_factor(a, b)
    evidence = (
        _ACTOR_WEIGHT * _overlap(a.actors, b.actors)
        + _TITLE_WEIGHT * _overlap(a.words, b.words)
        + _KIND_WEIGHT * bool(a.kinds & b.kinds)
        + _AMOUNT_WEIGHT * bool(a.amounts & b.amounts)
    )
    return round(factor * evidence, 4)


def _date_factor(a: _Mention, b: _Mention) -> float:
    if (a.start, a.end) == (b.start, b.end):
        return 1.0
    if a.start <= b.end and b.start <= a.end:
        nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
        return _NESTED_FACTOR if nested else 0.0
    gap = max((b.start - a.end).days, (a.start - b.end).days)
    return _GAP_FACTORS.get(gap, 0.0) if a.day and b.day else 0.0


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _cluster(
    rows: list[dict[str, str]], mentions: list[_Mention], pairs: Iterable[tuple[float, int, int]]
) -> tuple[list[list[int]], dict[int, float]]:
    """Join pairs best first; return the groups (members in input order) and each grouped
    mention's best score to another member of its group.

    Two groups join only when they share no document and every two of their dates stay
    compatible: the latest start is at most ``MAX_GAP_DAYS`` after the earliest end (so
    Aug. 10, 11, 12, ... cannot chain into one event).
    """
    parent = list(range(len(rows)))
    docs = [{row["doc_id"]} for row in rows]
    latest_start = {m.index: m.start for m in mentions}
    earliest_end = {m.index: m.end for m in mentions}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ranked = sorted(pairs, key=lambda p: (-p[0], rows[p[1]]["event_id"], rows[p[2]]["event_id"]))
    for _, a, b in ranked:
        ra, rb = root(a), root(b)
        if ra == rb or docs[ra] & docs[rb]:
            continue
        start = max(latest_start[ra], latest_start[rb])
        end = min(earliest_end[ra], earliest_end[rb])
        if (start - end).days <= MAX_GAP_DAYS:
            parent[rb] = ra
            docs[ra] |= docs[rb]
            latest_start[ra], earliest_end[ra] = start, end
    best: dict[int, float] = {}
    for score, a, b in ranked:
        if root(a) == root(b):
            best[a] = max(best.get(a, 0.0), score)
            best[b] = max(best.get(b, 0.0), score)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[root(i)].append(i)
    return list(groups.values()), best


def _merged_row(rows: list[dict[str, str]]) -> dict[str, str]:
    """One event from its mentions (rows of distinct documents)."""
    if len(rows) == 1:
        row = rows[0]
        single = {"sources": "1", "doc_ids": row["doc_id"], "urls": row["url"]}
        return row | single | {"outlets": row["source"], "date_conflict": ""}
    lead = _lead(rows)
    others = sorted((row for row in rows if row is not lead), key=lambda row: row["event_id"])
    ordered = [lead, *others]
    sources = list(dict.fromkeys(row["doc_id"] for row in ordered))
    best = max(float(row["confidence"] or 0) for row in rows)
    merged = dict(lead)
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
        date_conflict=_conflicts(lead, others),
    )
    return {column: merged[column] for column in MERGED_EVENT_COLUMNS}


def _lead(rows: list[dict[str, str]]) -> dict[str, str]:
    """The mention a merged event takes its date and text from: one with the most precise date,
    the date most documents give (then the earliest), the highest confidence, the lowest id.
    Mentions of merged events are always dated."""
    narrowest = min(_span(row) for row in rows)
    precise = [row for row in rows if _span(row) == narrowest]
    votes: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for row in precise:
        votes[row["date"], _end(row)].add(row["doc_id"])
    period = min(votes, key=lambda p: (-len(votes[p]), p))
    return min(
        (row for row in precise if (row["date"], _end(row)) == period),
        key=lambda row: (-float(row["confidence"] or 0), row["event_id"]),
    )


def _span(row: Mapping[str, str]) -> int:
    return (date.fromisoformat(_end(row)) - date.fromisoformat(row["date"])).days


def _end(row: Mapping[str, str]) -> str:
    return row["end_date"] or row["date"]


def _conflicts(lead: Mapping[str, str], others: list[dict[str, str]]) -> str:
    """Dates (TIMEX3 values) of mentions whose period does not contain the lead's, each with the
    outlets (else doc_ids) giving it: "2020-08-10 (Danube Post)"."""
    claims: defaultdict[str, list[str]] = defaultdict(list)
    for row in others:
        if not row["date"] <= lead["date"] <= _end(lead) <= _end(row):
            label = row["source"] or row["doc_id"]
            said = claims[row["timex"] or row["date"]]
            if label not in said:
                said.append(label)
    return MULTI_VALUE_SEPARATOR.join(
        f"{value} ({', '.join(labels)})" for value, labels in sorted(claims.items())
    )


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(MULTI_VALUE_SEPARATOR.strip()) if part.strip()]


def _union(values: Iterable[str]) -> str:
    return MULTI_VALUE_SEPARATOR.join(dict.fromkeys(p for value in values for p in _split(value)))
