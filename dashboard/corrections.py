"""The corrections panel: fix the selected event of a workspace, mark it as not an event,
join or split it, add an event from its sentence, see its history.

Widgets only call the functions of :mod:`workspace.edits` from callbacks; each form remembers
the values it showed, so that a value another session saved meanwhile is reported as a
conflict instead of being overwritten. :func:`changes` and :func:`check_dates` are pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.loading import FIRST_DAY, LAST_DAY, START
from dashboard.plain import plain
from extract.schema import PRECISIONS
from workspace.edits import FORM_FIELDS, Conflict, add_event, edit, revert, target_of
from workspace.store import Workspace, WorkspaceError
from workspace.views import event_key, history

#: Session keys: the toggle showing the extractor's original events; the panel's messages.
SHOW_ORIGINAL, MESSAGES = "show_original", "correction_messages"
#: Who the edits of the dashboard are recorded as.
AUTHOR = "dashboard"
#: Form labels of the corrected fields.
LABELS = {
    "date": "Date (YYYY-MM-DD)",
    "end_date": "Until (YYYY-MM-DD)",
    "precision": "Precision",
    "title": "Title",
    "actors": "Actors (separated by ;)",
    "topics": "Topics (separated by ;)",
}


def changes(values: Mapping[str, str], seen: Mapping[str, str]) -> dict[str, str]:
    """The fields whose form value differs from the value shown, stripped."""
    return {
        field: value.strip()
        for field, value in values.items()
        if value.strip() != seen.get(field, "").strip()
    }


def check_dates(values: Mapping[str, str]) -> str:
    """Why the date fields of a form are not valid ('' when they are)."""
    first, last = values.get("date", ""), values.get("end_date", "")
    try:
        start = date.fromisoformat(first) if first else None
        end = date.fromisoformat(last) if last else None
    except ValueError:
        return "Dates are written YYYY-MM-DD, e.g. 2020-09-14."
    if end and not start:
        return "An event with an end date needs a first date."
    if start and end and end < start:
        return "The end date is before the first date."
    first_day, last_day = FIRST_DAY.date(), LAST_DAY.date()
    if any(day and not first_day <= day <= last_day for day in (start, end)):
        return f"The timeline draws dates from {first_day} to {last_day} only."
    return ""


def panel(
    workspace: Workspace, row: dict[str, str], documents: pd.DataFrame, generation: int
) -> None:
    """The corrections panel of the event ``row`` (curated values, with its ``target``)."""
    for kind, text in st.session_state.pop(MESSAGES, []):
        (st.warning if kind == "warning" else st.success)(plain(text))
    event_id = row["event_id"]
    key = int(row["target"]) if row.get("target") else event_key(documents, row)
    suffix = f"{event_id}_{generation}"
    with st.form(f"fix_{suffix}", border=True):
        st.markdown("**Correct this event**")
        left, middle, right = st.columns([1, 1, 1])
        left.text_input(LABELS["date"], value=row["date"], key=f"fix_date_{suffix}")
        middle.text_input(LABELS["end_date"], value=row["end_date"], key=f"fix_end_date_{suffix}")
        choices = list(PRECISIONS) if row["precision"] in PRECISIONS else ["", *PRECISIONS]
        right.selectbox(
            LABELS["precision"],
            choices,
            index=choices.index(row["precision"]),
            key=f"fix_precision_{suffix}",
        )
        for field in ("title", "actors", "topics"):
            st.text_input(LABELS[field], value=row[field], key=f"fix_{field}_{suffix}")
        seen = {field: row[field] for field in FORM_FIELDS}
        st.form_submit_button(
            "Save corrections", on_click=_save, args=(workspace, key, event_id, seen, suffix)
        )
    actions = st.columns([1, 1, 1, 1])
    actions[0].button(
        "Not an event",
        key=f"not_event_{suffix}",
        on_click=_set,
        args=(workspace, key, event_id, {"not_event": "yes"}, "Marked as not an event."),
        help="Hide this row from the timeline, the table and the downloads.",
    )
    if int(row.get("sources") or 1) > 1:
        actions[1].button(
            f"Split into its {row['sources']} sources",
            key=f"split_{suffix}",
            on_click=_set,
            args=(workspace, key, event_id, {"split": "yes"}, "Split into its sources."),
        )
    if row.get("corrected"):
        actions[2].button(
            "Undo corrections",
            key=f"revert_{suffix}",
            on_click=_revert,
            args=(workspace, int(row["target"] or 0), row),
            help="Back to the extractor's values for this event.",
        )


#: Most events offered to join a row with: the closest in time.
JOIN_CHOICES = 200


def nearby(events: pd.DataFrame, row: Mapping[str, str], limit: int = JOIN_CHOICES) -> pd.DataFrame:
    """The ``limit`` events of ``events`` closest in date to ``row`` (the undated last)."""
    if len(events) <= limit:
        return events
    day = pd.Timestamp(row["date"]) if row.get("date") else None
    if day is None or events[START].isna().all():
        return events.head(limit)
    distance = (events[START] - day).abs()
    return events.loc[distance.sort_values(na_position="last").index[:limit]]


def join_picker(
    workspace: Workspace,
    row: dict[str, str],
    others: pd.DataFrame,
    documents: pd.DataFrame,
    generation: int,
) -> None:
    """Join the event ``row`` into another shown event that reports the same happening."""
    if others.empty:
        return
    labels = dict(zip(others["event_id"], others["date"] + " · " + others["title"], strict=True))
    suffix = f"{row['event_id']}_{generation}"
    left, right = st.columns([3, 1])
    left.selectbox(
        "Same happening as",
        list(labels),
        index=None,
        format_func=lambda event_id: labels[event_id],
        key=f"join_{suffix}",
        placeholder="Choose the event this row is part of",
    )
    right.button(
        "Join",
        key=f"join_button_{suffix}",
        on_click=_join,
        args=(workspace, row, others, documents, suffix),
    )


def add_form(
    workspace: Workspace, row: dict[str, str], documents: pd.DataFrame, generation: int
) -> None:
    """Add an event the extractor missed, from the sentence of ``row``."""
    suffix = f"{row['event_id']}_{generation}"
    with st.form(f"add_{suffix}", border=True):
        st.markdown("**Add an event from this sentence**")
        st.caption(plain(row["sentence"]))
        left, right = st.columns([1, 2])
        left.text_input(LABELS["date"], key=f"add_date_{suffix}")
        right.text_input(LABELS["title"], key=f"add_title_{suffix}")
        st.text_input(LABELS["actors"], key=f"add_actors_{suffix}")
        key = event_key(documents, row)
        st.form_submit_button("Add event", on_click=_add, args=(workspace, key, suffix))


def history_table(workspace: Workspace, target: str) -> None:
    """The edits of a corrected event, newest first."""
    if not target:
        return
    edits = history(workspace, int(target))
    with st.expander(f"History ({len(edits)} changes)"):
        st.dataframe(
            edits[["at", "field", "old_value", "new_value", "author"]],
            hide_index=True,
            width="stretch",
        )


def _say(kind: str, text: str) -> None:
    st.session_state.setdefault(MESSAGES, []).append((kind, text))


def _report(conflicts: list[Conflict], done: str) -> None:
    for conflict in conflicts:
        _say("warning", conflict.message())
    if not conflicts:
        _say("success", done)


def _save(
    workspace: Workspace, key: object, event_id: str, seen: dict[str, str], suffix: str
) -> None:
    values = {field: str(st.session_state[f"fix_{field}_{suffix}"] or "") for field in FORM_FIELDS}
    problem = check_dates(values)
    if problem:
        _say("warning", problem)
        return
    wanted = changes(values, seen)
    if not wanted:
        _say("success", "Nothing to save: no field was changed.")
        return
    try:
        _report(edit(workspace, key, event_id, wanted, seen, AUTHOR), "Corrections saved.")
    except WorkspaceError as error:
        _say("warning", str(error))


def _set(
    workspace: Workspace, key: object, event_id: str, values: dict[str, str], done: str
) -> None:
    try:
        _report(edit(workspace, key, event_id, values, {}, AUTHOR), done)
    except WorkspaceError as error:
        _say("warning", str(error))


def _revert(workspace: Workspace, target: int, row: dict[str, str]) -> None:
    try:
        refused = [
            field
            for field in FORM_FIELDS
            if not revert(workspace, target, field, row[field], AUTHOR)
        ]
    except WorkspaceError as error:
        _say("warning", str(error))
        return
    if refused:
        _say("warning", f"Changed by someone else meanwhile, kept: {', '.join(refused)}.")
    else:
        _say("success", "Back to the extractor's values.")


def _join(
    workspace: Workspace,
    row: dict[str, str],
    others: pd.DataFrame,
    documents: pd.DataFrame,
    suffix: str,
) -> None:
    chosen = st.session_state.get(f"join_{suffix}")
    if not chosen:
        _say("warning", "Choose the event to join this row with.")
        return
    other = others[others["event_id"] == chosen].iloc[0].to_dict()
    try:
        into = (
            int(other["target"])
            if other.get("target")
            else target_of(workspace, event_key(documents, other), chosen)
        )
        key = int(row["target"]) if row.get("target") else event_key(documents, row)
        _report(
            edit(workspace, key, row["event_id"], {"joined_to": str(into)}, {}, AUTHOR),
            f"Joined into {chosen}.",
        )
    except WorkspaceError as error:
        _say("warning", str(error))


def _add(workspace: Workspace, key: object, suffix: str) -> None:
    values = {
        field: str(st.session_state.get(f"add_{field}_{suffix}") or "").strip()
        for field in ("date", "title", "actors")
    }
    problem = check_dates(values)
    if problem or not values["title"]:
        _say("warning", problem or "An added event needs a title.")
        return
    try:
        target = add_event(workspace, key, {k: v for k, v in values.items() if v}, AUTHOR)
    except WorkspaceError as error:
        _say("warning", str(error))
        return
    _say("success", f"Added event {target}.")
