"""Eventline dashboard: dated events from news articles on an interactive timeline.

Run with ``streamlit run dashboard/app.py [-- --events PATH]``.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import evidence, export, figure, filters, loading, overview, style, table, upload

st.set_page_config(page_title="Eventline", page_icon="🗓️", layout="wide")

K_ACTORS, K_TOPICS, K_DOCS = "f_actors", "f_topics", "f_docs"
K_DATES, K_QUERY, K_INFERRED, K_LANES = "f_dates", "f_query", "f_inferred", "f_lanes"
K_PERIOD, K_SOURCES = "f_period", "f_sources"
K_SELECTED, K_UPLOADED, K_UPLOAD_GEN = "selected_event", "uploaded_events", "upload_generation"
K_TABLE_IDS, K_NOTICES, K_EXTENT = "table_event_ids", "url_notices", "date_extent"
K_MESSAGES, K_UPLOADED_MENTIONS = "upload_messages", "uploaded_mentions"


@st.cache_resource(max_entries=4, show_spinner="Loading events…")
def load(path: str, modified: float) -> loading.LoadResult:
    """Load and validate the events file; ``modified`` invalidates the cache on change.

    Kept as one shared object (not copied per run): the app never modifies it."""
    return loading.load_events(path)


@st.cache_resource(max_entries=4, show_spinner=False)
def load_mentions(path: str, modified: float) -> loading.LoadResult:
    """The mentions file next to the events file ``path``; ``modified`` invalidates the cache."""
    return loading.load_mentions(path)


@st.cache_data(max_entries=4, show_spinner=False)
def choices(_events: pd.DataFrame, version: tuple) -> loading.Catalog:
    """Filter choices of the events; ``version`` names them (the frame is not hashed)."""
    return loading.catalog(_events)


def load_version(path: Path) -> float:
    """Modification time of the events file (0 when it cannot be read)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def load_base(path: Path) -> tuple[loading.LoadResult, loading.LoadResult]:
    """The events file at ``path`` and the mentions next to it, cached until they change."""
    mentions = loading.mentions_path(path)
    return load(str(path), load_version(path)), load_mentions(str(path), load_version(mentions))


def init_state(events: pd.DataFrame, catalog: loading.Catalog, extent: filters.DateRange) -> None:
    """On the first run in a browser tab, seed the widgets from the URL's query parameters."""
    if K_LANES in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted_event = st.query_params.get(filters.P_EVENT, "")
    decoded = filters.decode_params(
        params,
        actors=list(catalog.actors),
        topics=list(catalog.topics),
        docs=list(catalog.doc_titles),
        event_ids=[wanted_event] if (events["event_id"] == wanted_event).any() else [],
    )
    state = decoded.state
    st.session_state[K_ACTORS] = list(state.actors)
    st.session_state[K_TOPICS] = list(state.topics)
    st.session_state[K_DOCS] = list(state.docs)
    st.session_state[K_DATES] = filters.widget_dates(state.start, state.end, extent)
    st.session_state[K_EXTENT] = extent
    st.session_state[K_QUERY] = state.query
    st.session_state[K_INFERRED] = state.include_inferred
    st.session_state[K_LANES] = state.lanes
    st.session_state[K_PERIOD] = state.period
    st.session_state[K_SOURCES] = state.min_sources
    st.session_state[K_SELECTED] = state.event
    st.session_state[K_NOTICES] = decoded.ignored


def reset_filters(extent: filters.DateRange) -> None:
    """Clear every filter (widget callback)."""
    for key in (K_ACTORS, K_TOPICS, K_DOCS):
        st.session_state[key] = []
    st.session_state[K_DATES] = extent
    st.session_state[K_QUERY] = ""
    st.session_state[K_INFERRED] = True
    st.session_state[K_SOURCES] = 1


def current_state(extent: filters.DateRange) -> filters.FilterState:
    """The filter state described by the widgets."""
    start, end = filters.date_range_state(tuple(st.session_state[K_DATES] or ()), extent)
    return filters.FilterState(
        actors=tuple(st.session_state[K_ACTORS]),
        topics=tuple(st.session_state[K_TOPICS]),
        docs=tuple(st.session_state[K_DOCS]),
        start=start,
        end=end,
        query=st.session_state[K_QUERY],
        include_inferred=st.session_state[K_INFERRED],
        lanes=st.session_state[K_LANES] or filters.DEFAULT_LANES,
        event=st.session_state.get(K_SELECTED, ""),
        period=st.session_state[K_PERIOD] or filters.DEFAULT_PERIOD,
        min_sources=int(st.session_state[K_SOURCES] or 1),
    )


def follow_extent(extent: filters.DateRange) -> None:
    """Move the date widget along when uploads change the data extent."""
    old = st.session_state.get(K_EXTENT, extent)
    if old != extent:
        st.session_state[K_DATES] = filters.rebase_dates(st.session_state[K_DATES], old, extent)
    st.session_state[K_EXTENT] = extent


def on_timeline_select() -> None:
    """Remember the event clicked on the timeline; a click on an overview cell narrows the
    dates to its period instead."""
    points = st.session_state["timeline"]["selection"]["points"]
    data = [p["customdata"] for p in points if p.get("customdata")]
    if not data:
        return
    bucket = overview.bucket_dates(data[0])
    if bucket is None:
        st.session_state[K_SELECTED] = data[0]
        return
    st.session_state[K_DATES] = filters.widget_dates(*bucket, st.session_state[K_EXTENT])
    st.session_state[K_PERIOD] = filters.DEFAULT_PERIOD


def on_table_select() -> None:
    """Remember the event chosen in the table."""
    rows = st.session_state["event_table"]["selection"]["rows"]
    ids = st.session_state.get(K_TABLE_IDS, [])
    if rows and rows[0] < len(ids):
        st.session_state[K_SELECTED] = ids[rows[0]]


def sidebar_filters(catalog: loading.Catalog, extent: filters.DateRange) -> None:
    """The filter widgets; their values live in session state."""
    actor_counts, topic_counts = catalog.actors, catalog.topics
    docs, doc_counts = catalog.doc_titles, catalog.docs
    with st.sidebar:
        st.header("Filters")
        st.multiselect(
            "Actors",
            list(actor_counts),
            key=K_ACTORS,
            format_func=lambda a: f"{a} ({actor_counts[a]})",
            placeholder="All actors",
        )
        st.multiselect(
            "Topics",
            list(topic_counts),
            key=K_TOPICS,
            format_func=lambda t: f"{t} ({topic_counts[t]})",
            placeholder="All topics",
        )
        st.date_input(
            "Date range",
            min_value=extent[0],
            max_value=extent[1],
            key=K_DATES,
            help="Events overlapping this range. Undated events are hidden once it is narrowed.",
        )
        st.text_input("Search title and sentence", key=K_QUERY, placeholder="e.g. sanctions")
        st.multiselect(
            "Source document",
            list(docs),
            key=K_DOCS,
            format_func=lambda d: f"{docs[d] or d} ({doc_counts[d]})",
            placeholder="All documents",
        )
        st.checkbox(
            "Include events with inferred dates",
            key=K_INFERRED,
            help="Dates taken from the narrative rather than stated next to the event.",
        )
        st.number_input(
            "Reported by at least N sources",
            min_value=1,
            step=1,
            key=K_SOURCES,
            help="Events merged across documents count the documents that report them; "
            "events of a file that was not merged have one source each.",
        )
        st.button("Reset filters", on_click=reset_filters, args=(extent,), key="reset")


def sidebar_upload(events: pd.DataFrame) -> None:
    """Upload articles, extract their events and keep the new ones in session state."""
    with st.sidebar:
        st.divider()
        st.header("Add articles")
        generation = st.session_state.setdefault(K_UPLOAD_GEN, 0)
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
            return
        bar = st.progress(0.0, text="Extracting…")
        total = len(files)
        outcome = upload.extract_files(
            ((f.name, f.getvalue()) for f in files),
            published,
            lambda done, name: bar.progress(done / total, text=f"Reading {name}…"),
        )
        bar.progress(1.0, text=f"Read {total} files.")
        merged, mentions = outcome.merged()
        result = loading.prepare(merged, "uploaded events")
        fresh, known = upload.only_new(events, result.events)
        previous = st.session_state.get(K_UPLOADED, loading.empty_events())
        st.session_state[K_UPLOADED] = loading.combine(previous, fresh)
        kept = mentions[mentions["merged_id"].isin(set(fresh["event_id"]))]
        before = st.session_state.get(K_UPLOADED_MENTIONS, loading.empty_mentions())
        st.session_state[K_UPLOADED_MENTIONS] = loading.combine_mentions(before, kept)
        st.session_state[K_UPLOAD_GEN] = generation + 1
        notes = [*outcome.notes, *result.problems]
        if known:
            notes.append(f"Skipped {known} events already in the table (same event id).")
        st.session_state[K_MESSAGES] = (outcome.errors, notes, len(fresh))
        st.rerun()


def upload_messages() -> None:
    """Report the last extraction once."""
    messages = st.session_state.pop(K_MESSAGES, None)
    if not messages:
        return
    errors, notes, added = messages
    with st.sidebar:
        st.success(f"Added {added} events from uploaded files.")
        for message in errors:
            st.error(message)
        for message in notes:
            st.info(message)


def show_evidence(events: pd.DataFrame, shown: pd.DataFrame, mentions: pd.DataFrame) -> None:
    """Evidence of the selected event, with every source's sentence when it has mentions."""
    selected = st.session_state.get(K_SELECTED, "")
    match = events[events["event_id"] == selected] if selected else events.iloc[:0]
    if match.empty:
        st.caption("Click an event on the timeline or a row in the table to see its evidence.")
        return
    if not (shown["event_id"] == selected).any():
        st.caption("This event is hidden by the current filters.")
    row = match.iloc[0][list(loading.MERGED_EVENT_COLUMNS)].to_dict()
    sources = loading.mentions_of(mentions, selected)
    st.html(style.EVIDENCE_CSS + evidence.evidence_html(row, sources))


def downloads(shown: pd.DataFrame, state: filters.FilterState, merged: bool) -> None:
    """CSV, JSON and TimelineJS downloads of the shown events, built only when a button is
    clicked; CSV and JSON hold the merge columns when ``merged``."""
    first, last = loading.date_span(shown)
    start, end = state.start or first, state.end or last
    slug = filters.describe(state)
    columns = export.export_columns(merged)
    left, middle, right, _ = st.columns([1, 1, 1.3, 1.7])
    left.download_button(
        "Download CSV",
        partial(export.to_csv, shown, columns),
        file_name=export.file_name(slug, start, end, "csv"),
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    middle.download_button(
        "Download JSON",
        partial(export.to_json, shown, columns),
        file_name=export.file_name(slug, start, end, "json"),
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
    )
    right.download_button(
        "Download TimelineJS",
        partial(export.to_timelinejs_json, shown, f"Eventline: {slug}"),
        file_name=export.file_name(slug, start, end, "json", kind="timelinejs"),
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
        help="A timeline for TimelineJS (timeline.knightlab.com): dated events only.",
    )


def timeline(
    events: pd.DataFrame,
    shown: pd.DataFrame,
    catalog: loading.Catalog,
    state: filters.FilterState,
    limit: int,
) -> None:
    """Single events when at most ``limit`` dated ones are shown, else counts per period."""
    left, right = st.columns([1, 1])
    lane_label = left.radio(
        "Lanes", list(filters.LANES), key=K_LANES, horizontal=True, format_func=str.capitalize
    )
    right.radio(
        "Count events per",
        filters.PERIODS,
        key=K_PERIOD,
        horizontal=True,
        format_func=str.capitalize,
        help=f"Used when more than {limit:,} events are shown; Auto follows the date range.",
    )
    dated = int(shown[loading.START].notna().sum())
    lanes = filters.LANES[lane_label]
    if dated > limit:
        first, last = shown[loading.START].min(), shown[loading.END].max()
        period = overview.choose_period(first, last, state.period)
        st.info(overview.notice(dated, period, limit), icon=":material/bar_chart:")
        fig = overview.build_overview(shown, lanes, period, lane_name=lane_label)
    else:
        topics = list(catalog.topics)
        window = (state.start, state.end) if state.start and state.end else None
        fig = figure.build_timeline(
            shown, lanes, topics, selected=state.event, lane_name=lane_label, window=window
        )
    st.plotly_chart(
        fig,
        key="timeline",
        on_select=on_timeline_select,
        selection_mode="points",
        config={"displaylogo": False},
    )


def main() -> None:
    """Build the page."""
    argv, environ = sys.argv[1:], os.environ
    path = loading.events_path(argv, environ)
    limit = loading.detail_limit(argv, environ, overview.DETAIL_LIMIT)
    base, base_mentions = load_base(path)
    uploaded = st.session_state.get(K_UPLOADED, loading.empty_events())
    events = loading.combine(base.events, uploaded)
    extra = st.session_state.get(K_UPLOADED_MENTIONS, loading.empty_mentions())
    mentions = loading.combine_mentions(base_mentions.events, extra)
    version = (str(path), load_version(path), st.session_state.get(K_UPLOAD_GEN, 0))
    catalog = choices(events, version)
    extent = filters.data_extent(events, date.today())
    init_state(events, catalog, extent)
    follow_extent(extent)

    st.html(style.PAGE_CSS)
    st.title("Eventline")
    st.caption(f"Dated events from news articles · {path.name}")
    for problem in [*base.problems, *base_mentions.problems]:
        st.warning(problem)
    notices = st.session_state.pop(K_NOTICES, [])
    if notices:
        st.info("Some link parameters were ignored: " + "; ".join(notices) + ".")

    sidebar_filters(catalog, extent)
    sidebar_upload(events)
    upload_messages()

    state = current_state(extent)
    shown = filters.apply_filters(events, state)
    wanted = filters.encode_params(state)
    if not filters.same_params({k: st.query_params.get_all(k) for k in st.query_params}, wanted):
        st.query_params.from_dict(wanted)
    st.markdown(filters.summary(shown, len(events)))

    if events.empty:
        st.info("There are no events yet. Add articles in the sidebar to extract some.")
        return
    if shown.empty:
        st.info("No events match these filters. Widen the date range or clear some filters.")
    timeline(events, shown, catalog, state, limit)

    st.subheader("Evidence")
    show_evidence(events, shown, mentions)

    st.subheader("Events")
    downloads(shown, state, base.merged or not uploaded.empty)
    view = table.table_view(shown)
    note = table.truncation_note(len(shown), len(view))
    if note:
        st.caption(note)
    st.session_state[K_TABLE_IDS] = list(view.index)
    st.dataframe(
        view,
        key="event_table",
        hide_index=True,
        on_select=on_table_select,
        selection_mode="single-row",
        column_config={
            name: st.column_config.TextColumn(label, width=width)
            for name, (label, width) in table.TABLE_COLUMNS.items()
        },
    )


main()
