"""Fixtures shared by every test area: workspaces on SQLite and on a throwaway PostgreSQL.

The PostgreSQL server is Debian's (``apt-get install postgresql``), started once per test run
on a free local port in a temporary directory and stopped at the end. Postgres refuses to run
as root, so under root it runs as the ``postgres`` user. When it cannot be started the tests
that need it fail, unless ``EVENTLINE_SKIP_POSTGRESQL=1`` says to skip them on this machine.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

SKIP_ENV = "EVENTLINE_SKIP_POSTGRESQL"
_numbers = itertools.count()


def _binary(name: str) -> str:
    """The newest Debian PostgreSQL server binary ``name``, else one on PATH."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_major)
    return found[-1] if found else (shutil.which(name) or name)


def _major(path: str) -> int:
    return int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[str]:
    """The URL of a running throwaway PostgreSQL server (user ``eventline``, trust auth)."""
    folder = Path(tempfile.mkdtemp(prefix="eventline-pg-"))
    data, port = folder / "data", _free_port()
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        initdb = [_binary("initdb"), "-D", str(data), "-A", "trust", "-U", "eventline"]
        subprocess.run(_as_server_user(initdb), check=True, capture_output=True, text=True)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        start = [_binary("pg_ctl"), "-D", str(data), "-o", options, "-w", "-l"]
        start += [str(folder / "server.log"), "start"]
        subprocess.run(_as_server_user(start), check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError, LookupError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(error, "stderr", "") or str(error)
        message = f"PostgreSQL could not be started: {detail.strip()}"
        if os.environ.get(SKIP_ENV) == "1":
            pytest.skip(f"{message} ({SKIP_ENV}=1)")
        pytest.fail(f"{message}; install Debian's postgresql, or set {SKIP_ENV}=1 to skip")
    try:
        yield f"postgresql://eventline@127.0.0.1:{port}"
    finally:
        stop = [_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_server_user(stop), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture()
def postgresql_url(postgresql_server: str) -> str:
    """The URL of a new, empty database on the throwaway server."""
    import psycopg

    name = f"workspace_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(f"{postgresql_server}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"{postgresql_server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to open a new workspace: a SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return request.getfixturevalue("postgresql_url")
