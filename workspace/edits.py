"""Recording corrections: field by field, in transactions, with their history.

Every change names the value its author saw. When another session stored a different value for
the same field in the meantime, the change is refused and returned as a :class:`Conflict`, for
the user to see; other fields of the same change still go through. Changes to different fields
of one event, or to different events, never conflict.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from workspace.keys import EventKey
from workspace.store import Workspace, WorkspaceError, now
from workspace.tables import corrected_events, corrections, edits

#: Fields of an event that can be corrected, with what they hold.
FIELDS: dict[str, str] = {
    "date": "first day, ISO",
    "end_date": "last day, ISO",
    "precision": "day, week, month, quarter, half, season, year, decade",
    "title": "headline",
    "actors": "names joined with '; '",
    "topics": "topics joined with '; '",
    "not_event": "'yes' when the row is not an event",
    "joined_to": "id of the corrected event this row is one happening with",
    "split": "'yes' when the sources of a merged row are separate events",
}
#: The fields a user edits on an event's form (the others are set by actions).
FORM_FIELDS = ("date", "end_date", "precision", "title", "actors", "topics")

EXTRACTED, ADDED = "extracted", "added"


@dataclass(frozen=True)
class Conflict:
    """A field someone else changed since the author saw it: what they saw, what is stored
    now, and what they wanted."""

    field: str
    seen: str
    stored: str
    wanted: str

    def message(self) -> str:
        """One line for the user."""
        return (
            f"{self.field}: changed by someone else to “{self.stored}” since you saw "
            f"“{self.seen}”; your “{self.wanted}” was not saved"
        )


def edit(
    workspace: Workspace,
    key: EventKey | int,
    event_id: str,
    changes: Mapping[str, str],
    seen: Mapping[str, str],
    author: str = "",
) -> list[Conflict]:
    """Set fields of the event named by ``key`` (now ``event_id``), or of the corrected event
    of that id, to ``changes``, in one transaction; ``seen`` holds the values the author saw.
    Return the refused fields."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise WorkspaceError(f"cannot correct {', '.join(sorted(unknown))}")
    with workspace.writing() as connection:
        target = (
            key
            if isinstance(key, int)
            else _target(connection, EXTRACTED, key, key.exact, event_id)
        )
        return _set_fields(connection, target, changes, seen, author)


def add_event(
    workspace: Workspace, key: EventKey, values: Mapping[str, str], author: str = ""
) -> int:
    """A new event from the sentence of ``key`` (its span, no date expression), with the
    ``values`` of its fields; return its id among corrected events."""
    with workspace.writing() as connection:
        target = _target(connection, ADDED, key, f"added:{uuid.uuid4().hex}", "")
        _set_fields(connection, target, values, {}, author)
    return target


def target_of(workspace: Workspace, key: EventKey, event_id: str) -> int:
    """The id among corrected events of the event named by ``key``, made if needed (a join
    points at it)."""
    with workspace.writing() as connection:
        return _target(connection, EXTRACTED, key, key.exact, event_id)


def revert(workspace: Workspace, target: int, field: str, seen: str, author: str = "") -> bool:
    """Drop the correction of ``field``, back to the extractor's value; False when someone
    else changed it since the author saw ``seen``."""
    with workspace.writing() as connection:
        stored = connection.execute(
            select(corrections.c.value)
            .where(corrections.c.target_id == target, corrections.c.field == field)
            .with_for_update()
        ).scalar()
        if stored is None:
            return True
        if stored != seen:
            return False
        connection.execute(
            delete(corrections).where(
                corrections.c.target_id == target, corrections.c.field == field
            )
        )
        _history(connection, target, field, stored, "", author)
    return True


def _target(connection: Connection, kind: str, key: EventKey, exact: str, event_id: str) -> int:
    """The id of the corrected event with this exact key, inserted when new (by whichever of
    two concurrent sessions comes first)."""
    values = {
        "kind": kind,
        "key": exact,
        "doc_id": key.doc_id,
        "content_hash": key.content_hash,
        "char_start": key.char_start,
        "char_end": key.char_end,
        "date_text": key.date_text if kind == EXTRACTED else "",
        "sentence": key.sentence,
        "event_id": event_id,
        "created_at": now(),
    }
    connection.execute(_insert_new(connection, corrected_events, values, ["key"]))
    return connection.execute(
        select(corrected_events.c.id).where(corrected_events.c.key == exact)
    ).scalar_one()


def _set_fields(
    connection: Connection,
    target: int,
    changes: Mapping[str, str],
    seen: Mapping[str, str],
    author: str,
) -> list[Conflict]:
    conflicts: list[Conflict] = []
    for field, wanted in changes.items():
        where = (corrections.c.target_id == target, corrections.c.field == field)
        stored = connection.execute(
            select(corrections.c.value).where(*where).with_for_update()
        ).scalar()
        stamp = now()
        if stored is None:
            row = {"target_id": target, "field": field, "value": wanted, "updated_at": stamp}
            inserted = connection.execute(
                _insert_new(connection, corrections, row, ["target_id", "field"])
            )
            if inserted.rowcount:
                _history(connection, target, field, seen.get(field, ""), wanted, author)
                continue
            stored = connection.execute(select(corrections.c.value).where(*where)).scalar_one()
        if field in seen and stored != seen[field]:
            if stored != wanted:
                conflicts.append(Conflict(field, seen[field], stored, wanted))
            continue
        if stored == wanted:
            continue
        connection.execute(update(corrections).where(*where).values(value=wanted, updated_at=stamp))
        _history(connection, target, field, stored, wanted, author)
    return conflicts


def _history(
    connection: Connection, target: int, field: str, old: str, new: str, author: str
) -> None:
    connection.execute(
        insert(edits).values(
            target_id=target, field=field, old_value=old, new_value=new, at=now(), author=author
        )
    )


def _insert_new(connection: Connection, table, values: dict, keys: list[str]):  # noqa: ANN001, ANN202
    """An INSERT that does nothing when a row with the same ``keys`` exists."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
