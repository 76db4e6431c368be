"""Fixtures of the workspace tests: an open workspace on each database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workspace.store import Workspace


@pytest.fixture()
def workspace(workspace_location: str) -> Iterator[Workspace]:
    """A new workspace, on SQLite and on PostgreSQL."""
    opened = Workspace.open(workspace_location)
    yield opened
    opened.close()
