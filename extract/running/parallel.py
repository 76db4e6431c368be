"""Running documents in batches, in order, with a bounded number of batches in flight.

Documents stream in from the discovery iterator and outcomes stream out in input order, so
memory stays flat however large the corpus is.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
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
#: More workers than this per core only add processes competing for the same cores.
MAX_WORKERS_PER_CORE = 4
#: ``prctl`` option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1

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
    at the end, their pending work cancelled; when the run is interrupted (Ctrl-C, SIGTERM) they
    are terminated at once, and they die with this process even when it is killed (Linux)."""
    if count <= 1:
        yield Workers(1, None)
        return
    others = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(
        max_workers=count, initializer=_start_worker, initargs=(os.getpid(),)
    )
    try:
        yield Workers(count, pool)
    except Exception:
        raise
    except BaseException:  # interrupted: their work is not waited for
        for process in set(multiprocessing.active_children()) - others:
            process.terminate()
        raise
    finally:
        pool.shutdown(cancel_futures=True)


def _start_worker(parent: int) -> None:
    """Set up a worker: it dies with its parent, and leaves signals to the parent, which
    stops it (an interrupt would otherwise print a traceback from every worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def run_local(
    documents: Iterable[Found],
    published: date | None,
    workers: Workers,
    lexicons: Path | None = None,
) -> Generator[Outcome, None, None]:
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
