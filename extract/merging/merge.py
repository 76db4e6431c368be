"""Cross-document merging: events that several articles report become one event with sources.

:func:`merge_events` takes the per-document rows of ``events.csv`` and returns the merged events
(``MERGED_EVENT_COLUMNS``) and the mentions (``MENTION_COLUMNS``: every input row, with the id of
its merged event). :class:`Planner` makes the same decision from compact records of the rows,
for callers that keep the full rows elsewhere (:mod:`extract.merging.spool`). docs/merging.md
explains the rules; in short:

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
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar, runtime_checkable

from extract.events.triggers import find_triggers
from extract.knowledge.lexicon import Lexicon, load_lexicon
from extract.schema import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    MERGED_EVENT_COLUMNS,
    MULTI_VALUE_SEPARATOR,
    split_values,
)

if TYPE_CHECKING:
    import numpy as np

    from extract.running.parallel import Workers

_T = TypeVar("_T")
#: Scores are rounded to four decimals; pairs are decoded in chunks of this many.
_SCORE_SCALE, _CHUNK = 10_000, 65_536

THRESHOLD = 0.5
#: Scores up to this one round to less than ``THRESHOLD``: they are dropped without rounding.
_BELOW_THRESHOLD = THRESHOLD - 1 / _SCORE_SCALE
MAX_GAP_DAYS = 2
#: With several workers, the merge of at least this many mergeable rows is decided in date
#: segments, one process each (for fewer, starting processes costs more than it saves).
PARALLEL_SWEEP_MIN = 10_000
#: Segments per worker: enough to even out busy and quiet stretches of dates.
_SEGMENTS_PER_WORKER = 4
MERGEABLE_PRECISIONS = frozenset({"day", "week", "month"})

_GAP_FACTORS = {0: 1.0, 1: 0.8, 2: 0.6}
_NESTED_FACTOR = 0.9
_ACTOR_WEIGHT, _TITLE_WEIGHT, _KIND_WEIGHT, _AMOUNT_WEIGHT = 0.45, 0.25, 0.15, 0.15
#: Trigger kinds that tell how something was reported, not what happened.
_REPORTING_KINDS = frozenset({"statement", "publication"})
#: Bonus confidence per source beyond the first.
_CORROBORATION = 0.05

#: A row as its values, in the order of its table's columns.
Values = tuple[str, ...]
_DOC_ID, _URL, _SOURCE = map(EVENT_COLUMNS.index, ("doc_id", "url", "source"))

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "had"}
    | {"have", "its", "his", "her", "their", "they", "them", "into", "onto", "over", "after"}
    | {"before", "about", "than", "then", "said", "says", "told", "also", "would", "will", "not"}
)


class Record(NamedTuple):
    """What deciding a merge needs of any row; the long text columns stay out."""

    event_id: str
    doc_id: str
    date: str
    end_date: str
    confidence: str


class Store(Protocol[_T]):
    """Where the planner keeps items it reads back by position: a list, or a file on disk."""

    def append(self, item: _T, /) -> None: ...

    def __getitem__(self, index: int, /) -> _T: ...

    def __len__(self) -> int: ...


class Reader(Protocol[_T]):
    """Reads the items of a store by position, in another process (it is picklable)."""

    def items(self, positions: Iterable[int], /) -> Iterator[_T]: ...


@runtime_checkable
class SharedStore(Store[_T], Protocol[_T]):
    """A store that other processes can read: a file on disk (:class:`.spool.Spool`)."""

    def reader(self) -> Reader[_T]: ...

    @property
    def directory(self) -> Path:
        """Where the store's file is: other temporary files of the run go there too."""
        ...


class _Records:
    """The records of the rows, kept as columns of shared strings (a few pointers a row)."""

    def __init__(self) -> None:
        self.columns: tuple[list[str], ...] = tuple([] for _ in Record._fields)

    def append(self, record: Record) -> None:
        for column, value in zip(self.columns, record, strict=True):
            column.append(value)

    def __getitem__(self, index: int) -> Record:
        return Record(*(column[index] for column in self.columns))

    def column(self, field: str) -> list[str]:
        """Every row's value of ``field``, one of :class:`Record`'s."""
        return self.columns[Record._fields.index(field)]

    def __len__(self) -> int:
        return len(self.columns[0])


class _IdOrder:
    """Rows by event id (``rows``), and each row's place in that order (``rank``)."""

    def __init__(self, ids: list[str]) -> None:
        self.rows = array("q", sorted(range(len(ids)), key=ids.__getitem__))
        self.rank = array("q", bytes(8 * len(ids)))
        for position, row in enumerate(self.rows):
            self.rank[row] = position


class _MentionDates:
    """The row and dates (as day ordinals) of each mention, in the order they were added."""

    def __init__(self) -> None:
        self.rows, self.starts, self.ends = array("q"), array("q"), array("q")

    def append(self, mention: _Mention) -> None:
        self.rows.append(mention.index)
        self.starts.append(mention.start)
        self.ends.append(mention.end)


class _Mention(NamedTuple):
    """A mergeable row with what scoring needs, precomputed; dates as day ordinals."""

    index: int
    doc_id: str
    day: bool
    start: int
    end: int
    actors: frozenset[str]
    words: frozenset[str]
    kinds: frozenset[str]
    amounts: frozenset[str]


#: What :func:`_score` reads of a mention: all but its index and document.
_FEATURES = slice(2, None)
#: A class of open mentions: their features, equal for the copies of a story.
_Class = tuple[object, ...]


class _KeyIndex:
    """Open mentions in classes of equal features (the copies of a story are one class), and the
    classes by the actors and title words they can be found under: classes naming actors by
    their actors and title words, the others by their title words twice (``words`` and
    ``bare_words``)."""

    def __init__(self) -> None:
        self.members: dict[_Class, dict[int, _Mention]] = {}  # by row
        self.actors: defaultdict[str, set[_Class]] = defaultdict(set)
        self.words: defaultdict[str, set[_Class]] = defaultdict(set)
        self.bare_words: defaultdict[str, set[_Class]] = defaultdict(set)

    def add(self, mention: _Mention) -> None:
        features = mention[_FEATURES]
        members = self.members.get(features)
        if members is None:
            members = self.members[features] = {}
            self._update(mention, features, set.add)
        members[mention.index] = mention

    def remove(self, mention: _Mention) -> None:
        features = mention[_FEATURES]
        members = self.members[features]
        del members[mention.index]
        if not members:
            del self.members[features]
            self._update(mention, features, set.discard)

    def candidates(self, mention: _Mention) -> Iterator[dict[int, _Mention]]:
        """The members (by row) of each class ``mention`` can merge with: with actors, classes
        sharing an actor and those naming none that share a title word; without actors, any
        sharing a title word."""
        if mention.actors:
            sets = [self.actors.get(actor) for actor in mention.actors]
            sets += [self.bare_words.get(word) for word in mention.words]
        else:
            sets = [self.words.get(word) for word in mention.words]
        return map(self.members.__getitem__, set().union(*filter(None, sets)))

    def _update(
        self,
        mention: _Mention,
        features: _Class,
        change: Callable[[set[_Class], _Class], None],
    ) -> None:
        """Apply ``change`` (add or discard) to ``features`` in each set ``mention`` is kept in."""
        for actor in mention.actors:
            change(self.actors[actor], features)
        for word in mention.words:
            change(self.words[word], features)
        if not mention.actors:
            for word in mention.words:
                change(self.bare_words[word], features)


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
    rows = [normalized(row) for row in rows]
    planner = Planner(lexicon)
    for row in rows:
        planner.add(row)
    plan = planner.plan()
    table = [tuple(row.values()) for row in rows]
    merged = [
        dict(
            zip(MERGED_EVENT_COLUMNS, merged_values([table[i] for i in members], lead), strict=True)
        )
        for members, lead in plan.groups()
    ]
    mentions = [
        dict(zip(MENTION_COLUMNS, mention_values(values, plan, i), strict=True))
        for i, values in enumerate(table)
    ]
    return merged, mentions


def normalized(row: Mapping[str, str]) -> dict[str, str]:
    """``row`` keyed by exactly ``EVENT_COLUMNS``, every value a string."""
    return {column: str(row.get(column, "") or "") for column in EVENT_COLUMNS}


def mention_values(values: Values, plan: Plan, index: int) -> Values:
    """The mentions-table row (in the order of ``MENTION_COLUMNS``) of input row ``index``,
    given as its ``values`` in the order of ``EVENT_COLUMNS``."""
    score = plan.scores.get(index)
    return (*values, plan.merged_ids[index], "" if score is None else f"{score:.2f}")


@dataclass(frozen=True)
class Plan:
    """The decision of a merge, over input row indices, with little memory per row.

    ``leads``: the row each merged event takes its date and text from, in output order.
    ``members``: the rows (in input order) of each merged event of several, by lead.
    ``merged_ids``: each row's merged event id. ``scores``: each grouped row's best score to
    another member of its group.
    """

    leads: list[int]
    members: dict[int, list[int]]
    merged_ids: list[str]
    scores: dict[int, float]

    def groups(self) -> Iterator[tuple[list[int], int]]:
        """Each merged event's rows and the position of its lead among them, in output order."""
        for lead in self.leads:
            members = self.members.get(lead)
            yield (members, members.index(lead)) if members else ([lead], 0)


class Planner:
    """Collects compact records of rows (added in input order) and decides the merge.

    The scoring features of mergeable rows go to ``mentions`` (a list by default; a file on
    disk keeps memory flat as the corpus grows) and are read back in date order, so that only
    the rows whose dates are still open stay in memory while pairs are found.
    """

    def __init__(self, lexicon: Lexicon | None = None, mentions: Store[_Mention] | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.records = _Records()
        self.mentions: Store[_Mention] = [] if mentions is None else mentions
        self._dates = _MentionDates()
        self._shared: dict[str, str] = {}

    def add(self, row: Mapping[str, str]) -> None:
        """Record a normalized row (see :func:`normalized`)."""
        share = self._share
        index = len(self.records)
        self.records.append(
            Record(
                row["event_id"],
                share(row["doc_id"]),
                share(row["date"]),
                share(row["end_date"]),
                share(row["confidence"]),
            )
        )
        mention = _mention(index, row, self.lexicon)
        if mention:
            self.mentions.append(mention)
            self._dates.append(mention)

    def plan(self, workers: Workers | None = None) -> Plan:
        """Group the rows added so far. With a pool of ``workers``, mentions kept in a
        :class:`SharedStore` and at least ``PARALLEL_SWEEP_MIN`` mergeable rows, the candidate
        pairs are found in the pool's processes; the plan is the same."""
        records = self.records
        event_ids, dates = records.column("event_id"), records.column("date")
        ids = _IdOrder(event_ids)
        order = _date_order(self._dates, ids)
        mentions = self.mentions
        if (
            workers
            and workers.pool
            and len(order) >= PARALLEL_SWEEP_MIN
            and isinstance(mentions, SharedStore)
        ):
            segments = _segments(self._dates, order, workers.count * _SEGMENTS_PER_WORKER)
            keys = _keys_in_parallel(workers.pool, mentions, segments, ids.rank)
        else:
            keys = _pair_keys(_scored_pairs(map(mentions.__getitem__, order)), ids.rank)
        groups, scores = _cluster(records, _Ranked(ids, keys))
        members = {group[_lead(records, group)]: group for group in groups}
        merged_ids = event_ids.copy()
        for lead, group in members.items():
            for i in group:
                merged_ids[i] = event_ids[lead]
        leads = [i for i in range(len(records)) if i not in scores or i in members]
        leads.sort(key=lambda i: (not dates[i], dates[i], event_ids[i]))  # undated last
        return Plan(leads, members, merged_ids, scores)

    def _share(self, value: str) -> str:
        """One object for equal values: dates, doc ids and confidences repeat across rows."""
        return self._shared.setdefault(value, value)


def _mention(index: int, row: Mapping[str, str], lexicon: Lexicon) -> _Mention | None:
    if row["precision"] not in MERGEABLE_PRECISIONS or not row["date"]:
        return None
    try:
        start, end = _days(row["date"], row["end_date"])
    except ValueError:
        return None
    return _Mention(
        index=index,
        doc_id=row["doc_id"],
        day=row["precision"] == "day",
        start=start,
        end=end,
        actors=frozenset(split_values(row["actors"])),
        words=_title_words(row["title"]),
        kinds=_kinds(row, lexicon),
        amounts=frozenset(split_values(row["amount"])),
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


def _scored_pairs(
    arrivals: Iterable[_Mention], opened: Iterable[_Mention] = ()
) -> Iterator[tuple[float, list[int], int]]:
    """Candidate pairs scoring at least ``THRESHOLD`` with one of ``arrivals``, found by a
    sweep over their dates: they come in date order (see :func:`_date_order`), after the
    mentions ``opened`` before them whose dates are still open at the first (see
    :func:`_segments`), which are only indexed. The pairs of an arrival with a class of open
    mentions share its score: they come as the score, the rows of the class from other
    documents, and the arrival's row.

    Only mentions whose dates can match (see :func:`_date_factor`) and that share a key (see
    :meth:`_KeyIndex.candidates`) are scored. No pair is lost: without a shared actor or title
    word the evidence is at most 0.3, below ``THRESHOLD``, and two mentions both naming actors
    but sharing none score 0.
    """
    expiry: list[tuple[int, int, _Mention]] = []  # open mentions by end and row (unique)
    index = _KeyIndex()
    for mention in opened:
        heapq.heappush(expiry, (mention.end, mention.index, mention))
        index.add(mention)
    for mention in arrivals:
        while expiry and mention.start - expiry[0][0] > MAX_GAP_DAYS:
            index.remove(heapq.heappop(expiry)[2])
        row, doc_id = mention.index, mention.doc_id
        for members in index.candidates(mention):
            for other in members.values():  # the same score for every member: scored once
                if other.doc_id != doc_id:
                    score = _score(other, mention)
                    if score >= THRESHOLD:
                        yield score, [i for i, m in members.items() if m.doc_id != doc_id], row
                    break
        heapq.heappush(expiry, (mention.end, row, mention))
        index.add(mention)


def _date_order(dates: _MentionDates, ids: _IdOrder) -> np.ndarray:
    """Positions of the mentions by start, end and event id."""
    import numpy as np

    starts, ends, rows, rank = (
        np.frombuffer(column, dtype=np.int64)
        for column in (dates.starts, dates.ends, dates.rows, ids.rank)
    )
    return np.lexsort((rank[rows], ends, starts))


def _pair_keys(pairs: Iterable[tuple[float, list[int], int]], rank: array) -> np.ndarray:
    """The pairs (as :func:`_scored_pairs` gives them) as keys that sort best first, ties by
    the ids of their mentions (their ``rank``), packed into one 64-bit integer each (see
    :class:`_Ranked`)."""
    return _joined(list(_packed_keys(pairs, rank)))


def _packed_keys(
    pairs: Iterable[tuple[float, list[int], int]], rank: array
) -> Iterator[np.ndarray]:
    """The keys of :func:`_pair_keys`, computed with numpy about ``_CHUNK`` pairs at a time,
    each chunk as it is done."""
    import numpy as np

    size, ranks = len(rank), np.frombuffer(rank, dtype=np.int64)
    losses, seconds, counts, firsts = array("q"), array("q"), array("q"), array("q")

    def pack() -> np.ndarray:
        loss, second, count, first = (
            np.frombuffer(column, dtype=np.int64) for column in (losses, seconds, counts, firsts)
        )
        loss, second = np.repeat(loss, count), np.repeat(ranks[second], count)
        return (loss * size + ranks[first]) * size + second

    for score, others, row in pairs:
        losses.append(_SCORE_SCALE - round(score * _SCORE_SCALE))
        seconds.append(row)
        counts.append(len(others))
        firsts.extend(others)
        if len(firsts) >= _CHUNK:
            yield pack()
            del losses[:], seconds[:], counts[:], firsts[:]
    yield pack()


def _keys_in_parallel(
    pool: Executor,
    mentions: SharedStore[_Mention],
    segments: Iterable[tuple[np.ndarray, np.ndarray]],
    rank: array,
) -> np.ndarray:
    """:func:`_pair_keys` of every candidate pair, found in date ``segments`` (see
    :func:`_segments`) by the processes of ``pool``. They read the mentions themselves and write
    the keys of each segment to a temporary file next to them, read into place here: neither
    side holds a segment's keys twice, nor a worker all of them."""
    import numpy as np

    reader = mentions.reader()
    with tempfile.TemporaryDirectory(prefix=".pairs-", dir=mentions.directory) as directory:
        paths: list[Path] = []
        pending: list[Future[int]] = []
        try:
            for number, (opened, arrivals) in enumerate(segments):
                paths.append(Path(directory, str(number)))
                pending.append(
                    pool.submit(_segment_keys, reader, opened, arrivals, rank, paths[-1])
                )
            counts = [future.result() for future in pending]
        finally:  # no worker may still write into the directory when it is removed
            for future in pending:
                future.cancel()
            wait(pending)
        keys = np.empty(sum(counts), dtype=np.int64)
        at = 0
        for path, count in zip(paths, counts, strict=True):
            _read_into(path, keys[at : at + count])
            at += count
    return keys


def _segment_keys(
    mentions: Reader[_Mention], opened: np.ndarray, arrivals: np.ndarray, rank: array, path: Path
) -> int:
    """Write the keys of the pairs of one segment (see :func:`_segments`) to ``path``, in a
    worker process; return how many there are."""
    count = 0
    with path.open("wb") as stream:
        pairs = _scored_pairs(mentions.items(arrivals), mentions.items(opened))
        for part in _packed_keys(pairs, rank):
            stream.write(part.data)
            count += len(part)
    return count


def _read_into(path: Path, keys: np.ndarray) -> None:
    """Fill ``keys`` from the file at ``path``, which holds exactly as many."""
    view = memoryview(keys).cast("B")
    with path.open("rb", buffering=0) as stream:
        while view:
            done = stream.readinto(view)
            if not done:
                raise OSError(f"{path} holds fewer candidate pairs than its worker wrote")
            view = view[done:]


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    """The ``parts`` end to end, each freed once copied: memory holds little more than the
    result (its pages are only taken as they are written)."""
    import numpy as np

    joined = np.empty(sum(map(len, parts)), dtype=np.int64)
    at = 0
    while parts:
        part = parts.pop(0)
        joined[at : at + len(part)] = part
        at += len(part)
    return joined


def _segments(
    dates: _MentionDates, order: np.ndarray, count: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``order`` (positions of the mentions in date order) cut into ``count`` segments of
    arrivals, each with the positions before it whose dates are still open at its first arrival
    (ending at most ``MAX_GAP_DAYS`` before it starts): what the sweep holds when it gets there.
    """
    import numpy as np

    starts, ends = (
        np.frombuffer(column, dtype=np.int64)[order] for column in (dates.starts, dates.ends)
    )
    bounds = np.linspace(0, len(order), count + 1).astype(int).tolist()
    for first, stop in pairwise(bounds):
        if first < stop:
            still_open = np.flatnonzero(ends[:first] >= starts[first] - MAX_GAP_DAYS)
            yield order[still_open], order[first:stop]


def _score(a: _Mention, b: _Mention) -> float:
    """The score of a pair, rounded to four decimals, or 0.0 when it is at most
    ``_BELOW_THRESHOLD`` (and so could only round to less than ``THRESHOLD``)."""
    factor = _date_factor(a, b)
    if not factor:
        return 0.0
    actors = 0.0
    if a.actors and b.actors:
        shared = len(a.actors & b.actors)
        if not shared:
            return 0.0
        actors = shared / min(len(a.actors), len(b.actors))
    amounts = bool(a.amounts and b.amounts)
    if amounts and a.amounts.isdisjoint(b.amounts):
        return 0.0
    words = _overlap(a.words, b.words)
    evidence = (
        _ACTOR_WEIGHT * actors
        + _TITLE_WEIGHT * words
        + _KIND_WEIGHT * (not a.kinds.isdisjoint(b.kinds))
        + _AMOUNT_WEIGHT * amounts
    )
    score = factor * evidence
    return round(score, 4) if score > _BELOW_THRESHOLD else 0.0  # most pairs: spare the rounding


def _date_factor(a: _Mention, b: _Mention) -> float:
    if a.start == b.start and a.end == b.end:
        return 1.0
    if a.start <= b.end and b.start <= a.end:
        nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
        return _NESTED_FACTOR if nested else 0.0
    gap = max(b.start - a.end, a.start - b.end)
    return _GAP_FACTORS.get(gap, 0.0) if a.day and b.day else 0.0


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b or a.isdisjoint(b):  # most pairs: spare building the intersection
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _cluster(records: _Records, ranked: _Ranked) -> tuple[list[list[int]], dict[int, float]]:
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
        start_a, end_a = periods.get(ga) or _days(firsts[ga], lasts[ga])
        start_b, end_b = periods.get(gb) or _days(firsts[gb], lasts[gb])
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


def _apart(ranked: _Ranked, label: np.ndarray) -> Iterator[tuple[int, int]]:
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


def _best_scores(ranked: _Ranked, label: np.ndarray) -> dict[int, float]:
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


class _Ranked:
    """Pairs best first, ties by the ids of their mentions, from their keys (see
    :func:`_pair_keys`: a few bytes a pair, as dense corpora give many pairs), which it sorts
    in place. Holds up to 40 million rows."""

    def __init__(self, ids: _IdOrder, keys: np.ndarray) -> None:
        self.size = len(ids.rows)
        self.by_rank = ids.rows
        keys.sort()
        self.keys = keys

    def chunks(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The pairs in order, ``_CHUNK`` at a time: their scores and the rows of their two
        mentions, as arrays."""
        import numpy as np

        by_rank = np.frombuffer(self.by_rank, dtype=np.int64)
        for start in range(0, len(self.keys), _CHUNK):
            loss, pair = np.divmod(self.keys[start : start + _CHUNK], self.size * self.size)
            a, b = np.divmod(pair, self.size)
            yield (_SCORE_SCALE - loss) / _SCORE_SCALE, by_rank[a], by_rank[b]


def merged_values(mentions: list[Values], lead: int) -> Values:
    """One event (in the order of ``MERGED_EVENT_COLUMNS``) from its mentions (rows of distinct
    documents as values in the order of ``EVENT_COLUMNS``) and the position of its lead among
    them (see :meth:`Planner.plan`)."""
    if len(mentions) == 1:  # most events: the mention as it is, from one source
        values = mentions[0]
        return (*values, "1", values[_DOC_ID], values[_URL], values[_SOURCE], "")
    merged = _merged([dict(zip(EVENT_COLUMNS, values, strict=True)) for values in mentions], lead)
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


def _lead(records: _Records, members: list[int]) -> int:
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


@lru_cache(maxsize=4096)
def _days(first: str, last: str) -> tuple[int, int]:
    """A row's first and last day (``last`` empty: the same) as ordinals; cached, as dates recur."""
    return date.fromisoformat(first).toordinal(), date.fromisoformat(last or first).toordinal()


def _span(record: Record) -> int:
    first, last = _days(record.date, record.end_date)
    return last - first


def _end(record: Record) -> str:
    return record.end_date or record.date


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
