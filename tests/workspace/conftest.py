"""Fixtures of the workspace tests: articles to add, and an open workspace on each database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workspace.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "articles" / "putin-lukashenko-sochi.md"
OUTLETS = ROOT / "tests" / "fixtures" / "outlets"


def files(*paths: Path) -> list[tuple[str, bytes]]:
    """``(file name, bytes)`` of each path, as an upload gives them."""
    return [(path.name, path.read_bytes()) for path in paths]


@pytest.fixture()
def workspace(workspace_location: str) -> Iterator[Workspace]:
    """A new workspace, on SQLite and on PostgreSQL."""
    opened = Workspace.open(workspace_location)
    yield opened
    opened.close()
