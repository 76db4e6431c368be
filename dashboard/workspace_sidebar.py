"""The sidebar of a workspace: add articles (stored in the workspace, so that they are there
after a reload or a restart), remove a document, bring back a row marked not an event, show
the extractor's original events."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import upload
from dashboard.corrections import AUTHOR, SHOW_ORIGINAL
from dashboard.plain import plain
from dashboard.workspace_data import add_files, remove
from workspace.edits import revert
from workspace.store import Workspace

#: Session keys: the uploader's generation (a new uploader after each extraction), and the
#: lines reporting the last change.
GENERATION, MESSAGES = "workspace_upload_generation", "workspace_messages"


def original_toggle(curated: int) -> None:
    """One click between the curated events and the extractor's original ones."""
    with st.sidebar:
        st.toggle(
            "Show the extractor's original",
            key=SHOW_ORIGINAL,
            help=f"{curated} events are corrected by hand; this shows them as extracted.",
        )


def upload_form(generation_key: str) -> tuple[list[Any], date | None, int] | None:
    """The sidebar's upload widgets: the files, their publication date and the uploader's
    generation once "Extract events" is pressed, else None. Call inside ``st.sidebar``."""
    st.divider()
    st.header("Add articles")
    generation = st.session_state.setdefault(generation_key, 0)
    files = st.file_uploader(
        "Articles: text, Markdown or saved web pages",
        type=list(upload.ALLOWED_EXTENSIONS),
        accept_multiple_files=True,
        key=f"uploader_{generation}",
    )
    published = st.date_input(
        "Publication date for files without one",
        value=None,
        help="Anchors relative dates such as “last Monday” when the file does not say.",
    )
    if not st.button("Extract events", disabled=not files, type="primary", key="extract"):
        return None
    return files, published, generation


def uploads(workspace: Workspace) -> None:
    """Upload articles into the workspace."""
    with st.sidebar:
        form = upload_form(GENERATION)
        if form is None:
            return
        files, published, generation = form
        bar = st.progress(0.0, text="Extracting…")
        total = len(files)
        report = add_files(
            workspace,
            [(f.name, f.getvalue()) for f in files],
            published,
            upload.lexicons_directory(),
            lambda done, name: bar.progress(done / total, text=f"Reading {name}…"),
        )
        st.session_state[GENERATION] = generation + 1
        lines = [("success", f"Stored in {workspace.name}: {report.summary()}.")]
        lines += [("error", message) for message in report.errors]
        lines += [("info", message) for message in report.notes]
        st.session_state[MESSAGES] = lines
        st.rerun()


def documents(workspace: Workspace, listing: pd.DataFrame, read_only: bool) -> None:
    """The workspace's documents, and removing one."""
    with st.sidebar:
        for kind, text in st.session_state.pop(MESSAGES, []):
            getattr(st, kind)(plain(text))
        titles = dict(zip(listing["doc_id"], listing["title"], strict=True))
        with st.expander(f"Documents in the workspace ({len(titles)})"):
            st.dataframe(listing[["title", "doc_id"]], hide_index=True, width="stretch", height=200)
            if read_only or not titles:
                return
            chosen = st.selectbox(
                "Remove a document",
                list(titles),
                index=None,
                key="remove_doc",
                format_func=lambda d: titles[d] or d,
                placeholder="Choose a document",
            )
            if st.button("Remove document", disabled=chosen is None, key="remove"):
                st.session_state[MESSAGES] = [("info", remove(workspace, chosen))]
                st.rerun()


def removed_rows(workspace: Workspace, removed: pd.DataFrame) -> None:
    """The rows marked "not an event", and bringing one back."""
    if removed.empty:
        return
    labels = dict(zip(removed["target"], removed["date"] + " · " + removed["title"], strict=True))
    with st.sidebar, st.expander(f"Rows marked not an event ({len(labels)})"):
        chosen = st.selectbox(
            "Bring back", list(labels), index=None, key="restore_row", format_func=labels.get
        )
        if st.button("Restore row", disabled=chosen is None, key="restore"):
            kept = revert(workspace, int(chosen), "not_event", "yes", AUTHOR)
            message = "Row restored." if kept else "Someone else changed this row meanwhile."
            st.session_state[MESSAGES] = [("info", message)]
            st.rerun()
