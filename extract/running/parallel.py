"""Running documents in batches, in order, with a bounded number of batches in flight.

Documents stream in from the discovery iterator and outcomes stream out in input order, so
memory stays flat however large the corpus is.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice
from pathlib import Path

from extract.reading.discovery import Found
from extract.running.pipeline import Outcome, process, process_batch

#: Documents sent to a worker at a time: enough to amortize the round trip.
BATCH_SIZE = 16
#: Batches in flight per worker: keeps workers busy while bounding memory.
IN_FLIGHT_PER_WORKER = 4

Submit = Callable[[tuple[Found, ...]], Future[list[Outcome]]]


def default_workers() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Workers:
    """The worker processes of a run: ``count`` of them in ``pool``, or None for one process."""

    count: int
    pool: ProcessPoolExecutor | None


@contextmanager
def local_workers(count: int) -> Iterator[Workers]:
    """``count`` worker processes shared by the steps of a run (reading the documents, then
    deciding the merge), forked when first used: early, while this process is small. They stop
    at the end, their pending work cancelled."""
    if count <= 1:
        yield Workers(1, None)
        return
    pool = ProcessPoolExecutor(max_workers=count)
    try:
        yield Workers(count, pool)
    finally:
        pool.shutdown(cancel_futures=True)


def run_local(
    documents: Iterable[Found],
    published: date | None,
    workers: Workers,
    lexicons: Path | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order; with a pool of ``workers``, batches run in its processes,
    unless there is only one batch, which is not worth starting them for. ``lexicons``: see
    :func:`extract.running.pipeline.process`."""
    documents = iter(documents)
    first = list(islice(documents, BATCH_SIZE))
    pool = workers.pool
    if pool is None or len(first) < BATCH_SIZE:
        for found in chain(first, documents):
            yield process(found, published, lexicons)
        return
    yield from ordered(
        chain(first, documents),
        lambda batch: pool.submit(process_batch, batch, published, lexicons),
        workers.count * IN_FLIGHT_PER_WORKER,
    )


def ordered(documents: Iterable[Found], submit: Submit, in_flight: int) -> Iterator[Outcome]:
    """Submit batches of ``documents``, at most ``in_flight`` at once; yield outcomes in order."""
    pending: deque[Future[list[Outcome]]] = deque()
    found = iter(documents)
    while batch := tuple(islice(found, BATCH_SIZE)):
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
