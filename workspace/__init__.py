"""Eventline workspace: the user's documents, their events and the corrections made to them,
kept in one SQLite file or a PostgreSQL database (see docs/workspace.md)."""

from workspace.store import DEFAULT_WORKSPACE, WORKSPACE_ENV, Workspace, WorkspaceError

__all__ = ["DEFAULT_WORKSPACE", "WORKSPACE_ENV", "Workspace", "WorkspaceError"]
