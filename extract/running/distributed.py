"""Running the extraction on a Dask distributed cluster: one task per batch of documents.

Workers read the documents from their paths, so the input must be on storage every worker
sees at the same path, and the workers need this package installed (``eventline[dask]``).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from datetime import date
from pathlib import Path

from extract.reading.discovery import Found
from extract.running.parallel import ordered
from extract.running.pipeline import Outcome, process_batch

#: Batches in flight per worker thread on the cluster.
IN_FLIGHT_PER_THREAD = 4


def run_dask(
    documents: Iterable[Found],
    published: date | None,
    address: str,
    lexicons: Path | None = None,
) -> Generator[Outcome, None, None]:
    """Outcomes in input order, computed by the cluster whose scheduler is at ``address``.
    ``lexicons``, the user's lexicon directory if any, must be on shared storage too."""
    from distributed import Client

    with Client(address) as client:  # type: ignore[no-untyped-call]  # distributed is untyped
        threads = max(1, sum(client.nthreads().values()))
        yield from ordered(
            documents,
            lambda batch: client.submit(process_batch, batch, published, lexicons, pure=False),
            threads * IN_FLIGHT_PER_THREAD,
        )
