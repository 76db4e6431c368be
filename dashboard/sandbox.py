"""Uploaded files extracted in a worker process with a memory limit.

A hostile or careless upload must not take the dashboard's server down: each batch of uploads
is read in one worker process of its own (``python -m dashboard.sandbox``, which imports only
the extractor), whose address space is limited (``$EVENTLINE_UPLOAD_MEMORY_MB``, default
:data:`DEFAULT_MEMORY_MB`). A file that needs more gives an error naming it, the worker is
replaced and the other files are read; the memory a file took is given back when the worker
ends. Each document gives at most :func:`extract.events.limits.event_limit` events, as on the
command line, with a notice when some were left out.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract import Document

#: Environment variable: megabytes of address space the worker may use.
MEMORY_ENV = "EVENTLINE_UPLOAD_MEMORY_MB"
DEFAULT_MEMORY_MB = 2048
#: ``prctl`` option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1
#: The directory holding the ``dashboard`` and ``extract`` packages.
_ROOT = Path(__file__).resolve().parents[1]


class UploadError(Exception):
    """A file that could not be extracted; the message says why, without its name."""


@dataclass(frozen=True)
class Extracted:
    """The rows of one file's events and, when some were left out, a notice saying so."""

    rows: list[dict[str, str]] = field(default_factory=list)
    notice: str = ""


def memory_limit(environ: Any = os.environ) -> int:
    """The worker's address-space limit in megabytes, from ``$EVENTLINE_UPLOAD_MEMORY_MB``."""
    value = environ.get(MEMORY_ENV, "")
    megabytes = int(value) if value.isascii() and value.isdigit() and 0 < len(value) < 7 else 0
    return megabytes or DEFAULT_MEMORY_MB


class Worker:
    """One worker process for a batch of uploads, started on first use; use as a context
    manager."""

    def __init__(self, lexicons: str | None, memory: int | None = None) -> None:
        self.lexicons = lexicons
        self.memory = memory or memory_limit()
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker process."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None

    def extract(self, data: bytes, name: str, published: date | None) -> Extracted:
        """The events of the file ``name`` holding ``data``; raises :class:`UploadError` when
        it is not an article or needs more memory than the limit."""
        return self._run(("file", data, name, published, self.lexicons))

    def read(self, document: Document) -> Extracted:
        """The events of a document already read; raises :class:`UploadError` as
        :meth:`extract` does."""
        return self._run(("document", document, self.lexicons))

    def _run(self, job: tuple[Any, ...]) -> Extracted:
        """Send ``job`` to the worker and return its answer."""
        process = self._process or self._start()
        assert process.stdin is not None and process.stdout is not None
        try:
            pickle.dump(job, process.stdin)
            process.stdin.flush()
            kind, answer = pickle.load(process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            kind, answer = "memory", None
        if kind == "ok":
            return answer  # type: ignore[no-any-return]
        self.close()
        if kind == "memory":
            answer = f"needs more than {self.memory} MB of memory to read"
        raise UploadError(answer)

    def _start(self) -> subprocess.Popen[bytes]:
        path = os.environ.get("PYTHONPATH", "")
        environment = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), path])),
        }
        self._process = subprocess.Popen(
            [sys.executable, "-m", "dashboard.sandbox", str(self.memory), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment,
        )
        return self._process


def _serve(memory: int, parent: int, jobs: IO[bytes], answers: IO[bytes]) -> None:
    """The worker's loop: limit the memory, then answer jobs until the parent closes them."""
    resource.setrlimit(resource.RLIMIT_AS, (memory * 1024 * 1024,) * 2)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        return
    while True:
        try:
            job = pickle.load(jobs)
        except EOFError:
            return
        try:
            answer: tuple[str, Any] = ("ok", _answer(job))
        except MemoryError:
            answer = ("memory", None)
        except Exception as error:  # noqa: BLE001 - reported to the parent, which goes on
            answer = ("error", getattr(error, "reason", "") or str(error) or type(error).__name__)
        pickle.dump(answer, answers)
        answers.flush()


def _answer(job: tuple[Any, ...]) -> Extracted:
    """In the worker: the events of a file (read first) or of a document already read."""
    from extract import load_document, load_lexicon
    from extract.running.pipeline import document_rows

    if job[0] == "file":
        _, data, name, published, lexicons = job
        document = load_document(data, name, published)
    else:
        _, document, lexicons = job
    rows, notice = document_rows(document, load_lexicon(lexicons))
    notices = [text for text in (document.notice, notice) if text]
    return Extracted(rows, "; ".join(notices))


def main(argv: list[str]) -> None:
    """``python -m dashboard.sandbox MEGABYTES PARENT_PID``: serve jobs on stdin and stdout
    (anything printed goes to stderr, not to the answers)."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    _serve(int(argv[0]), int(argv[1]), sys.stdin.buffer, answers)


if __name__ == "__main__":
    from dashboard.sandbox import main as imported  # answers pickled by the module's names

    imported(sys.argv[1:])
