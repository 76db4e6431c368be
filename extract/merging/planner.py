"""The merge decision over compact records of the rows (:class:`Planner`, :class:`Plan`), with
the full rows kept in a list or elsewhere (a file on disk: :mod:`extract.merging.spool`)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar, runtime_checkable

from extract.knowledge.lexicon import Lexicon, load_lexicon
from extract.merging.candidates import scored_pairs
from extract.merging.clustering import cluster, lead_of
from extract.merging.features import Values, mentions_of, period
from extract.merging.keys import Ranked, pair_keys
from extract.merging.segments import date_segments, keys_in_parallel
from extract.schema import EVENT_COLUMNS

if TYPE_CHECKING:
    import numpy as np

    from extract.running.parallel import Workers

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)
#: With several workers, the merge of at least this many mergeable rows is decided in date
#: segments, one process each (for fewer, starting processes costs more than it saves).
PARALLEL_SWEEP_MIN = 10_000
#: Segments per worker: enough to even out busy and quiet stretches of dates.
_SEGMENTS_PER_WORKER = 4


class Record(NamedTuple):
    """What deciding a merge needs of any row; the long text columns stay out."""

    event_id: str
    doc_id: str
    date: str
    end_date: str
    confidence: str


#: The values of a :class:`Record` among a row's.
_record_values = itemgetter(*map(EVENT_COLUMNS.index, Record._fields))


class Store(Protocol[_T]):
    """Where the planner keeps items it reads back by position: a list, or a file on disk."""

    def append(self, item: _T, /) -> None: ...

    def __getitem__(self, index: int, /) -> _T: ...

    def __len__(self) -> int: ...


class Reader(Protocol[_T_co]):
    """Reads the items of a store by position, in another process (it is picklable)."""

    def items(self, positions: Iterable[int], /) -> Iterator[_T_co]: ...


@runtime_checkable
class SharedStore(Store[_T], Protocol[_T]):
    """A store that other processes can read: a file on disk (:class:`.spool.Spool`)."""

    def reader(self) -> Reader[_T]: ...

    @property
    def directory(self) -> Path:
        """Where the store's file is: other temporary files of the run go there too."""
        ...


class Records:
    """The records of the rows, kept as columns of shared strings (a few pointers a row)."""

    def __init__(self) -> None:
        self.columns: tuple[list[str], ...] = tuple([] for _ in Record._fields)
        self._shared: dict[str, str] = {}

    def append(self, values: Values) -> None:
        """Record a row given as its values in the order of ``EVENT_COLUMNS``; one object
        stands for equal dates, doc ids and confidences, which repeat across rows."""
        share = self._shared.setdefault
        event_ids, doc_ids, dates, end_dates, confidences = self.columns
        event_id, doc_id, first, last, confidence = _record_values(values)
        event_ids.append(event_id)
        doc_ids.append(share(doc_id, doc_id))
        dates.append(share(first, first))
        end_dates.append(share(last, last))
        confidences.append(share(confidence, confidence))

    def __getitem__(self, index: int) -> Record:
        return Record(*(column[index] for column in self.columns))

    def column(self, field: str) -> list[str]:
        """Every row's value of ``field``, one of :class:`Record`'s."""
        return self.columns[Record._fields.index(field)]

    def __len__(self) -> int:
        return len(self.columns[0])


class IdOrder:
    """Rows by event id (``rows``), and each row's place in that order (``rank``)."""

    def __init__(self, ids: list[str]) -> None:
        self.rows = array("q", sorted(range(len(ids)), key=ids.__getitem__))
        self.rank = array("q", bytes(8 * len(ids)))
        for position, row in enumerate(self.rows):
            self.rank[row] = position


class MentionDates:
    """The row and dates (as day ordinals) of each mergeable row, in the order they were added."""

    def __init__(self) -> None:
        self.rows, self.starts, self.ends = array("q"), array("q"), array("q")

    def append(self, row: int, start: int, end: int) -> None:
        self.rows.append(row)
        self.starts.append(start)
        self.ends.append(end)

    def rows_at(self, positions: np.ndarray) -> np.ndarray:
        """The rows of the mentions at ``positions``."""
        import numpy as np

        rows: np.ndarray = np.frombuffer(self.rows, dtype=np.int64)[positions]
        return rows


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
    """Keeps rows (added in input order) in ``rows`` and compact records of them, and decides
    the merge.

    ``rows``: a list by default; a file on disk keeps memory flat as the corpus grows. The
    mergeable rows are read back from it in date order, and their scoring features computed
    then, so that only the rows whose dates are still open stay in memory while pairs are found.
    """

    def __init__(self, lexicon: Lexicon | None = None, rows: Store[Values] | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.records = Records()
        self.rows: Store[Values] = [] if rows is None else rows
        self._dates = MentionDates()

    def add(self, values: Values) -> None:
        """Keep a row given as its values in the order of ``EVENT_COLUMNS``, all strings."""
        index = len(self.records)
        self.rows.append(values)
        self.records.append(values)
        dates = period(values)
        if dates:
            self._dates.append(index, *dates)

    def plan(self, workers: Workers | None = None) -> Plan:
        """Group the rows added so far. With a pool of ``workers``, rows kept in a
        :class:`SharedStore` and at least ``PARALLEL_SWEEP_MIN`` mergeable rows, the candidate
        pairs are found in the pool's processes; the plan is the same."""
        records = self.records
        event_ids, dates = records.column("event_id"), records.column("date")
        ids = IdOrder(event_ids)
        order = date_order(self._dates, ids)
        rows, words = self.rows, self.lexicon.happenings
        if (
            workers
            and workers.pool
            and len(order) >= PARALLEL_SWEEP_MIN
            and isinstance(rows, SharedStore)
        ):
            segments = date_segments(self._dates, order, workers.count * _SEGMENTS_PER_WORKER)
            keys = keys_in_parallel(workers.pool, rows, segments, ids.rank, words)
        else:
            by_date = self._dates.rows_at(order).tolist()
            mentions = mentions_of(by_date, map(rows.__getitem__, by_date), words)
            keys = pair_keys(scored_pairs(mentions), ids.rank)
        groups, scores = cluster(records, Ranked(ids, keys))
        members = {group[lead_of(records, group)]: group for group in groups}
        merged_ids = event_ids.copy()
        for lead, group in members.items():
            for i in group:
                merged_ids[i] = event_ids[lead]
        leads = [i for i in range(len(records)) if i not in scores or i in members]
        leads.sort(key=lambda i: (not dates[i], dates[i], event_ids[i]))  # undated last
        return Plan(leads, members, merged_ids, scores)


def date_order(dates: MentionDates, ids: IdOrder) -> np.ndarray:
    """Positions of the mentions by start, end and event id."""
    import numpy as np

    starts, ends, rows, rank = (
        np.frombuffer(column, dtype=np.int64)
        for column in (dates.starts, dates.ends, dates.rows, ids.rank)
    )
    return np.lexsort((rank[rows], ends, starts))
