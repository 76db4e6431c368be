"""Eventline dashboard: dated events from news articles on an interactive timeline.

Run with ``streamlit run dashboard/app.py [-- --events PATH | --workspace PATH [--read-only]]``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import (
    colours,
    corrections,
    evidence,
    export,
    figure,
    filters,
    loading,
    options,
    overview,
    params,
    plain,
    selection,
    state,
    style,
    table,
    upload,
    workspace_data,
    workspace_sidebar,
)
from dashboard.state import KEY
from workspace.curation import CURATION_COLUMNS
from workspace.store import Workspace, WorkspaceError

st.set_page_config(page_title="Eventline", page_icon="🗓️", layout="wide")


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


@st.cache_resource(max_entries=4, show_spinner="Opening the workspace…")
def open_workspace(location: str, read_only: bool, seed: str, lexicons: str) -> Workspace:
    """The workspace at ``location``, opened once per server; a new one is seeded from the
    folder ``seed`` ('' for none)."""
    return workspace_data.open_workspace(
        location, read_only, Path(seed) if seed else None, lexicons or None
    )


@st.cache_resource(max_entries=2, show_spinner="Loading events…")
def read_workspace(
    _workspace: Workspace, location: str, generation: int
) -> workspace_data.WorkspaceData:
    """The workspace's events as of ``generation`` (every change makes a new one)."""
    return workspace_data.read_workspace(_workspace)


def init_state(events: pd.DataFrame, catalog: loading.Catalog, extent: state.DateRange) -> None:
    """On the first run in a browser tab, seed the widgets from the URL's query parameters."""
    if KEY["lanes"] in st.session_state:
        return
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    wanted_event = st.query_params.get(state.PARAM["event"], "")
    decoded = params.decode_params(
        query,
        actors=list(catalog.actors),
        topics=list(catalog.topics),
        docs=list(catalog.doc_titles),
        event_ids=[wanted_event] if (events["event_id"] == wanted_event).any() else [],
    )
    state.seed(st.session_state, decoded.state, extent)
    st.session_state[state.URL_NOTICES] = decoded.ignored


def on_timeline_select() -> None:
    """Remember the event clicked on the timeline; a click on an overview cell narrows the
    dates to its period instead."""
    click = selection.read_click(st.session_state[state.TIMELINE_WIDGET]["selection"]["points"])
    if click is None:
        return
    if click.dates is None:
        st.session_state[KEY["event"]] = click.event
        return
    extent = st.session_state[state.EXTENT]
    st.session_state[KEY["start"]] = state.widget_dates(*click.dates, extent)
    st.session_state[KEY["period"]] = state.DEFAULT_PERIOD


def on_table_select() -> None:
    """Remember the event chosen in the table."""
    rows = st.session_state[state.TABLE_WIDGET]["selection"]["rows"]
    ids = st.session_state.get(state.TABLE_IDS, [])
    if rows and rows[0] < len(ids):
        st.session_state[KEY["event"]] = ids[rows[0]]


def sidebar_filters(
    catalog: loading.Catalog, extent: state.DateRange, acting: frozenset[str]
) -> None:
    """The filter widgets that change something (``acting``: see
    :func:`dashboard.filters.acting_controls`); their values live in session state."""
    actor_counts = catalog.actors
    docs, doc_counts = catalog.doc_titles, catalog.docs
    with st.sidebar:
        st.header("Filters")
        st.multiselect(
            "Actors",
            list(actor_counts),
            key=KEY["actors"],
            format_func=lambda a: f"{a} ({actor_counts[a]})",
            placeholder="All actors",
        )
        st.date_input(
            "Date range",
            min_value=extent[0],
            max_value=extent[1],
            key=KEY["start"],
            help="Events overlapping this range. Undated events are hidden once it is narrowed.",
        )
        st.text_input("Search title and sentence", key=KEY["query"], placeholder="e.g. sanctions")
        if "docs" in acting:
            st.multiselect(
                "Source document",
                list(docs),
                key=KEY["docs"],
                format_func=lambda d: f"{docs[d] or d} ({doc_counts[d]})",
                placeholder="All documents",
            )
        if "include_inferred" in acting:
            st.checkbox(
                "Include events with inferred dates",
                key=KEY["include_inferred"],
                help="Dates taken from the narrative rather than stated next to the event.",
            )
        if "min_sources" in acting:
            st.number_input(
                "Reported by at least N sources",
                min_value=1,
                step=1,
                key=KEY["min_sources"],
                help="Events merged across documents count the documents that report them; "
                "events of a file that was not merged have one source each.",
            )
        st.button(
            "Reset filters", on_click=state.reset, args=(st.session_state, extent), key="reset"
        )


def sidebar_upload(events: pd.DataFrame) -> None:
    """Upload articles, extract their events and keep the new ones in session state."""
    with st.sidebar:
        form = workspace_sidebar.upload_form(state.UPLOAD_GENERATION)
        if form is None:
            return
        files, published, generation = form
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
        previous = st.session_state.get(state.UPLOADED, loading.empty_events())
        st.session_state[state.UPLOADED] = loading.combine(previous, fresh)
        kept = mentions[mentions["merged_id"].isin(set(fresh["event_id"]))]
        before = st.session_state.get(state.UPLOADED_MENTIONS, loading.empty_mentions())
        st.session_state[state.UPLOADED_MENTIONS] = loading.combine_mentions(before, kept)
        st.session_state[state.UPLOAD_GENERATION] = generation + 1
        notes = [*outcome.notes, *result.problems]
        if known:
            notes.append(f"Skipped {known} events already in the table (same event id).")
        st.session_state[state.UPLOAD_MESSAGES] = (outcome.errors, notes, len(fresh))
        st.rerun()


def upload_messages() -> None:
    """Report the last extraction once."""
    messages = st.session_state.pop(state.UPLOAD_MESSAGES, None)
    if not messages:
        return
    errors, notes, added = messages
    with st.sidebar:
        st.success(f"Added {added} events from uploaded files.")
        for message in errors:
            st.error(plain.plain(message))
        for message in notes:
            st.info(plain.plain(message))


def show_evidence(events: pd.DataFrame, shown: pd.DataFrame, mentions: pd.DataFrame) -> None:
    """Evidence of the selected event, with every source's sentence when it has mentions."""
    selected = st.session_state.get(KEY["event"], "")
    match = events[events["event_id"] == selected] if selected else events.iloc[:0]
    if match.empty:
        st.caption("Click an event on the timeline or a row in the table to see its evidence.")
        return
    if not (shown["event_id"] == selected).any():
        st.caption("This event is hidden by the current filters.")
    row = match.iloc[0][list(loading.MERGED_EVENT_COLUMNS)].to_dict()
    sources = loading.mentions_of(mentions, selected)
    st.html(style.EVIDENCE_CSS + evidence.evidence_html(row, sources))


def correct_selected(
    workspace: Workspace, data: workspace_data.WorkspaceData, shown: pd.DataFrame, generation: int
) -> None:
    """The corrections panel of the selected event of a workspace."""
    selected = st.session_state.get(KEY["event"], "")
    match = data.events[data.events["event_id"] == selected] if selected else data.events.iloc[:0]
    if match.empty:
        return
    row = {key: str(value) for key, value in match.iloc[0].items()}
    corrections.panel(workspace, row, data.documents, generation)
    others = corrections.nearby(shown[shown["event_id"] != selected], row)
    corrections.join_picker(workspace, row, others, data.documents, generation)
    corrections.add_form(workspace, row, data.documents, generation)
    corrections.history_table(workspace, row["target"])


def download_buttons(
    shown: pd.DataFrame, view: state.FilterState, merged: bool, extra: tuple[str, ...]
) -> None:
    """The downloads of the shown events, side by side; files are built only when a button is
    clicked. ``extra``: columns exported after the event table's."""
    first, last = loading.date_span(shown)
    files = export.downloads(
        shown, filters.describe(view), view.start or first, view.end or last, merged, extra
    )
    for column, file in zip(st.columns([1, 1, 1.3, 1.7]), files, strict=False):
        column.download_button(
            file.label,
            file.build,
            file_name=file.file_name,
            mime=file.mime,
            icon=":material/download:",
            on_click="ignore",
            help=file.help,
        )


def topic_legend(catalog: loading.Catalog, vocabulary: colours.Vocabulary) -> None:
    """The topics with their colours: the chart's legend and the topic filter in one control."""
    topics = colours.in_vocabulary_order(catalog.topics, vocabulary.names)
    styles = colours.topic_styles(vocabulary.names, topics)
    st.html(style.legend_css(KEY["topics"], [styles[t] for t in topics]))
    st.pills(
        "Topics",
        topics,
        selection_mode="multi",
        key=KEY["topics"],
        format_func=lambda t: f"{plain.plain(t)} {catalog.topics[t]:,}",
        help="Click topics to show only their events (in the chart, the table, the count, "
        "the link and the downloads); click again to show them all.",
    )


def outside_notice(view: state.FilterState, note: str, focus: bool) -> None:
    """Say how many events the first range leaves out, with one click to show them all; or,
    once all are shown, one click back to the busiest stretch."""
    if note:
        left, right = st.columns([3, 1])
        left.info(f"{note}.", icon=":material/visibility_off:")
        right.button(
            "Show all", key="show_all", on_click=set_whole, args=(True,), use_container_width=True
        )
    elif view.whole and focus:
        st.button("Focus on the busiest stretch", key="focus", on_click=set_whole, args=(False,))


def set_whole(whole: bool) -> None:
    """Show every event in the first range, or the busiest stretch (widget callback)."""
    st.session_state[KEY["whole"]] = whole


def timeline(
    shown: pd.DataFrame,
    catalog: loading.Catalog,
    view: state.FilterState,
    limit: int,
    vocabulary: colours.Vocabulary,
) -> None:
    """Single events when at most ``limit`` dated ones are shown, else counts per period."""
    lane_label = st.radio(
        "Lanes", list(state.LANES), key=KEY["lanes"], horizontal=True, format_func=str.capitalize
    )
    topic_legend(catalog, vocabulary)
    dated = int(shown[loading.START].notna().sum())
    lanes = state.LANES[lane_label]
    if dated > limit:
        st.radio(
            "Count events per",
            state.PERIODS,
            key=KEY["period"],
            horizontal=True,
            format_func=str.capitalize,
            help="Auto follows the date range.",
        )
        first, last = shown[loading.START].min(), shown[loading.END].max()
        period = overview.choose_period(first, last, view.period)
        st.info(overview.notice(dated, period, limit), icon=":material/bar_chart:")
        fig = overview.build_overview(shown, lanes, period, lane_name=lane_label)
    else:
        window = (view.start, view.end) if view.start and view.end else None
        first_view = figure.dated_view(shown, window, view.whole)
        focused = figure.dated_view(shown, window, False)
        outside_notice(
            view,
            figure.outside_note(first_view.outside if first_view else 0),
            focus=bool(focused and focused.outside),
        )
        fig = figure.build_timeline(
            shown,
            lanes,
            vocabulary.names,
            selected=view.event,
            lane_name=lane_label,
            window=window,
            whole=view.whole,
            narrower=vocabulary.narrower,
        )
    st.plotly_chart(
        fig,
        key=state.TIMELINE_WIDGET,
        on_select=on_timeline_select,
        selection_mode="points",
        config={"displaylogo": False},
    )
    if dated <= limit and dated:
        st.caption(figure.key_text(shown[shown[loading.START].notna()]))


@dataclass
class Opened:
    """The events the page shows, where they come from, and the workspace they are in."""

    events: pd.DataFrame
    mentions: pd.DataFrame
    problems: list[str]
    merged: bool
    name: str
    version: tuple
    workspace: Workspace | None = None
    data: workspace_data.WorkspaceData | None = None
    generation: int = 0


def open_table(path: Path) -> Opened:
    """An events table, with this session's uploads."""
    base, base_mentions = load_base(path)
    uploaded = st.session_state.get(state.UPLOADED, loading.empty_events())
    extra = st.session_state.get(state.UPLOADED_MENTIONS, loading.empty_mentions())
    return Opened(
        events=loading.combine(base.events, uploaded),
        mentions=loading.combine_mentions(base_mentions.events, extra),
        problems=[*base.problems, *base_mentions.problems],
        merged=base.merged or not uploaded.empty,
        name=path.name,
        version=(str(path), load_version(path), st.session_state.get(state.UPLOAD_GENERATION, 0)),
    )


def open_source(source: options.Source) -> Opened:
    """The events of the workspace or table ``source`` names; raises WorkspaceError."""
    if source.events is not None:
        return open_table(source.events)
    location = str(source.workspace)
    seed = str(source.seed or "")
    workspace = open_workspace(location, source.read_only, seed, upload.lexicons_directory() or "")
    generation = workspace.generation()
    data = read_workspace(workspace, location, generation)
    original = bool(st.session_state.get(corrections.SHOW_ORIGINAL))
    mode = " · read-only" if source.read_only else ""
    return Opened(
        events=data.original if original else data.events,
        mentions=loading.empty_mentions(),
        problems=data.problems,
        merged=True,
        name=f"workspace {workspace.name}{mode}",
        version=(location, generation, original),
        workspace=workspace,
        data=data,
        generation=generation,
    )


def main() -> None:
    """Build the page."""
    argv, environ = sys.argv[1:], os.environ
    limit = options.detail_limit(argv, environ, overview.DETAIL_LIMIT)
    source = options.source(argv, environ)
    st.html(style.PAGE_CSS)
    st.title("Eventline")
    try:
        opened = open_source(source)
    except WorkspaceError as error:
        st.error(f"Cannot open the workspace: {plain.notice(error)}.")
        return
    events, mentions, workspace = opened.events, opened.mentions, opened.workspace
    catalog = choices(events, opened.version)
    extent = filters.data_extent(events, date.today())
    init_state(events, catalog, extent)
    state.follow_extent(st.session_state, extent)
    if workspace is not None:
        original = bool(st.session_state.get(corrections.SHOW_ORIGINAL))
        selected = st.session_state.get(KEY["event"], "")
        mentions = workspace_data.selected_mentions(workspace, opened.data, selected, original)

    st.caption(f"Dated events from news articles · {plain.plain(opened.name)}")
    for problem in opened.problems:
        st.warning(plain.notice(problem))
    notices = st.session_state.pop(state.URL_NOTICES, [])
    if notices:
        st.info(f"Some link parameters were ignored: {plain.plain('; '.join(notices))}.")

    acting = filters.acting_controls(events)
    sidebar_filters(catalog, extent, acting)
    if workspace is None:
        sidebar_upload(events)
        upload_messages()
    else:
        curated = int((opened.data.events["curated"] == "yes").sum())
        workspace_sidebar.original_toggle(curated)
        if not source.read_only:
            workspace_sidebar.uploads(workspace)
        workspace_sidebar.documents(workspace, opened.data.documents, source.read_only)
        if not source.read_only:
            workspace_sidebar.removed_rows(workspace, opened.data.removed)

    view = filters.only_acting(state.read(st.session_state, extent), acting)
    shown = filters.apply_filters(events, view)
    wanted = params.encode_params(view)
    if not params.same_params({k: st.query_params.get_all(k) for k in st.query_params}, wanted):
        st.query_params.from_dict(wanted)
    st.markdown(filters.summary(shown, len(events)))

    if events.empty:
        st.info("There are no events yet. Add articles in the sidebar to extract some.")
        return
    if shown.empty:
        st.info("No events match these filters. Widen the date range or clear some filters.")
    timeline(shown, catalog, view, limit, colours.load_vocabulary(upload.lexicons_directory()))

    st.subheader("Evidence")
    show_evidence(events, shown, mentions)
    editing = workspace is not None and not source.read_only
    if editing and not st.session_state.get(corrections.SHOW_ORIGINAL):
        correct_selected(workspace, opened.data, shown, opened.generation)

    st.subheader("Events")
    download_buttons(shown, view, opened.merged, CURATION_COLUMNS if workspace else ())
    rows = table.table_view(shown)
    note = table.truncation_note(len(shown), len(rows))
    if note:
        st.caption(note)
    st.session_state[state.TABLE_IDS] = list(rows.index)
    st.dataframe(
        rows,
        key=state.TABLE_WIDGET,
        hide_index=True,
        on_select=on_table_select,
        selection_mode="single-row",
        column_config={
            name: st.column_config.TextColumn(label, width=width)
            for name, (label, width) in table.TABLE_COLUMNS.items()
        },
    )


main()
