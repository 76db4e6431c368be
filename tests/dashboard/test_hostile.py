"""The dashboard against hostile and careless data and links: cells it cannot draw, absurd URL
parameters, Markdown and formulas where text is expected, uploads that would eat the server's
memory."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import export, loading, options, params, sandbox, upload, workspace_data
from dashboard.plain import CONTROL_CLASS, WORD_JOINER, clean, may_hold_controls, plain
from dashboard.timelinejs import to_timelinejs
from extract.schema import EVENT_COLUMNS
from workspace.store import WORKSPACE_ENV, Workspace

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
FIXTURE = Path(__file__).parent / "fixtures" / "events.csv"
LINK = "**Session expired.** [Log in again](https://evil.example)"
IMAGE = "![x](https://evil.example/t.png)"

if str(ROOT / "bench") not in sys.path:  # as conftest.py does
    sys.path.insert(0, str(ROOT / "bench"))
from adversarial import text_of  # noqa: E402


def shown(text: str) -> str:
    """What Markdown shows for ``text``: its backslash escapes resolved, without the word
    joiners that keep addresses from becoming links."""
    return re.sub(r"\\(.)", r"\1", text).replace(WORD_JOINER, "")


def fixture_with(tmp_path: Path, **cells: str) -> Path:
    """The fixture events file with the first row's ``cells`` replaced."""
    frame = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    for column, value in cells.items():
        frame.loc[0, column] = value
    path = tmp_path / "events.csv"
    frame.to_csv(path, index=False)
    return path


def run_app(monkeypatch: pytest.MonkeyPatch, path: Path, **query: str) -> AppTest:
    monkeypatch.setenv(options.EVENTS_ENV, str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "events shown" in m.value)


# 5: data and links the timeline cannot draw


def test_a_huge_sources_cell_is_clamped_and_noted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = fixture_with(tmp_path, sources="99999999999999999999999")
    at = run_app(monkeypatch, path)
    assert not at.exception
    assert summary(at).startswith("**31 of 31 events shown**")
    assert [shown(w.value) for w in at.warning] == [
        "events.csv: 1 rows give a number of sources that is not a whole number from 1 to"
        " 1,000,000; counted as 1, or 1,000,000 when larger (lines 2)."
    ]
    events = loading.load_events(path).events
    assert (events.loc[0, "sources"], events.loc[0, loading.SOURCES]) == ("1000000", 1_000_000)


@pytest.mark.parametrize("day", ["2300-01-01", "9999-12-31", "1066-10-14"])
def test_a_row_dated_beyond_what_can_be_drawn_is_listed_and_the_rest_drawn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, day: str
) -> None:
    path = fixture_with(tmp_path, date=day, end_date=day)
    at = run_app(monkeypatch, path)
    assert not at.exception
    assert summary(at).startswith("**30 of 30 events shown**")
    assert [shown(w.value) for w in at.warning] == [
        "events.csv: skipped 1 rows dated before 1678 or after 2261, which the timeline cannot"
        " draw (lines 2)."
    ]


def test_warnings_name_the_file_not_its_path(tmp_path: Path) -> None:
    path = tmp_path / "secret" / "events.csv"
    path.parent.mkdir()
    path.write_bytes(b"event_id,date,title\na-1,2020-99-01,Bad\n")
    problems = loading.load_events(path).problems
    assert problems and not any(str(tmp_path) in problem for problem in problems)
    assert not any(str(tmp_path) in p for p in loading.load_events(tmp_path / "none.csv").problems)


def test_a_workspace_error_names_no_server_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(options.EVENTS_ENV, raising=False)
    monkeypatch.setenv(WORKSPACE_ENV, str(tmp_path / "secret" / "none.sqlite"))
    monkeypatch.setenv(options.READ_ONLY_ENV, "1")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [
        "Cannot open the workspace: workspace none.sqlite does not exist (opened read-only)."
    ]


def test_a_sources_parameter_of_5000_digits_is_ignored_with_a_short_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = run_app(monkeypatch, FIXTURE, sources="9" * 5000)
    assert not at.exception
    (notice,) = [shown(i.value) for i in at.info if "link parameters" in i.value]
    assert notice == (
        f"Some link parameters were ignored: sources='{'9' * 60}…' must be a whole number from 1"
        " to 1,000,000."
    )
    assert summary(at).startswith("**31 of 31 events shown**")


@pytest.mark.parametrize("value", ["0", "1000001", "1" + "0" * 5000, "²", "-1"])
def test_sources_parameters_outside_1_to_a_million_are_ignored(value: str) -> None:
    decoded = params.decode_params({"sources": value}, [], [], [])
    assert decoded.state.min_sources == 1
    assert decoded.ignored and len(decoded.ignored[0]) < 120


def test_a_leading_zero_sources_parameter_is_read() -> None:
    assert params.decode_params({"sources": "0003"}, [], [], []).state.min_sources == 3


# 7: Markdown and HTML in links, files and uploads


def test_markdown_in_link_parameters_is_shown_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = run_app(monkeypatch, FIXTURE, actor=LINK, topic=IMAGE)
    assert not at.exception
    (notice,) = [i.value for i in at.info if "link parameters" in i.value]
    assert "[Log in again](" not in notice and "![x](" not in notice
    assert "**Session" not in notice
    assert shown(notice) == (
        f"Some link parameters were ignored: unknown actor '{LINK}'; unknown topic '{IMAGE}'."
    )


@pytest.mark.parametrize(
    "text",
    [
        LINK,
        IMAGE,
        "<img src=x onerror=alert(1)>",
        ":red[alarm] :material/lock: $x^2$ www.evil.example a@evil.example",
        "# Heading",
        "1. a list",
        "&lt;b&gt; `code` ~~gone~~ _it_",
    ],
)
def test_plain_escapes_every_markdown_construct(text: str) -> None:
    escaped = plain(text)
    assert shown(escaped) == text
    unescaped = re.sub(r"\\.", "", escaped)  # what Markdown could still read as syntax
    assert not re.search(r"[\[\]<>&`~$*_]|:[a-z/]|www\.|@\w", unescaped)
    assert not re.match(r"[#>]|\d+\.", escaped)


def test_terminal_escapes_and_bidi_overrides_are_dropped() -> None:
    assert clean("\x1b[2J\x1b[31mred\x1b[0m \u202eevil\u2066 \x1b]0;title\x07ok") == "red evil ok"


def test_upload_file_names_in_errors_are_plain_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(options.EVENTS_ENV, str(FIXTURE))
    at = AppTest.from_file(APP, default_timeout=60).run()
    name = "**Expired** [click](https://evil.example).md"
    at.file_uploader[0].set_value([(name, b"\x00\x01\x02\xff" * 50, "text/markdown")])
    at.run()
    at.button(key="extract").click().run()
    (error,) = [e.value for e in at.error]
    assert "[click](" not in error and "**Expired" not in error
    assert shown(error) == f"{name}: could not be read (binary file, not text)."


def test_control_characters_in_cells_are_dropped(tmp_path: Path) -> None:
    path = fixture_with(tmp_path, title="\x1b[31mRed\x1b[0m \u202etitle")
    assert loading.load_events(path).events.loc[0, "title"] == "Red title"


def test_control_characters_in_mentions_are_dropped() -> None:
    mentions = loading.empty_mentions().reindex([0]).fillna("")
    mentions.loc[0, ["event_id", "merged_id", "sentence"]] = ["a-1", "a-1", "\u202eevil\x1b[2J"]
    assert loading.mentions_of(mentions, "a-1")[0]["sentence"] == "evil"


# 6: formulas in the CSV download


def test_every_cell_that_is_not_a_valid_number_or_date_is_neutralized(
    tmp_path: Path,
) -> None:
    evil = {
        "confidence": "=1+1",
        "published": "@SUM(A1)",
        "char_start": "-2+3",
        "char_end": "+cmd|' /C calc'!A0",
        "mentions": '=HYPERLINK("http://evil.example")',
        "date": "2020-09-14",
    }
    frame = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False).iloc[:2].copy()
    for column, value in evil.items():
        frame.loc[0, column] = value
    frame["sources"] = ["-cmd", "3"]
    columns = (*EVENT_COLUMNS, "sources")
    header, first, second = csv.reader(io.StringIO(export.to_csv(frame, columns).decode()))
    row = dict(zip(header, first, strict=True))
    for column, value in evil.items():
        assert row[column] == ("'" + value if column != "date" else value)
    assert row["sources"] == "'-cmd"
    valid = dict(zip(header, second, strict=True))
    assert valid["sources"] == "3" and valid["char_start"] == frame.iloc[1]["char_start"]


# 8: TimelineJS


def test_timelinejs_escapes_the_group_and_keeps_ids_plain() -> None:
    row = dict.fromkeys(EVENT_COLUMNS, "")
    row |= {
        "event_id": 'a"><img src=x onerror=alert(1)>-1',
        "date": "2020-09-14",
        "end_date": "2020-09-14",
        "precision": "day",
        "title": "<b>t</b>",
        "topics": "<img src=x onerror=alert(1)>; diplomacy",
    }
    (slide,) = to_timelinejs(pd.DataFrame([row]), "T")["events"]
    assert slide["group"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert slide["text"]["headline"] == "&lt;b&gt;t&lt;/b&gt;"
    assert slide["unique_id"] == "a---img-src-x-onerror-alert-1---1"
    assert "<img" not in json.dumps(slide)


# 1: uploads that would take the server's memory


def test_a_date_dense_upload_is_capped_with_a_notice() -> None:
    data = text_of("date-dense", 0.02).encode()
    outcome = upload.extract_files([("dense.txt", data)], None)
    assert outcome.errors == []
    assert len(outcome.rows) == 400
    assert outcome.notes[0].startswith("dense.txt: only the first 400 of 1")


def test_an_upload_stops_at_its_event_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload, "MAX_UPLOAD_EVENTS", 500)
    data = text_of("date-dense", 0.02).encode()
    outcome = upload.extract_files([("a.txt", data), ("b.txt", data), ("c.txt", data)], None)
    assert len(outcome.rows) == 500
    assert {row["doc_id"] for row in outcome.rows} == {"a", "b"}
    assert "b.txt: only its first 100 events kept" in " ".join(outcome.notes)
    assert outcome.errors == [
        "c.txt: not read, this upload already gave 500 events; upload it again on its own."
    ]


def test_a_file_needing_more_memory_than_the_worker_has_is_refused_and_the_rest_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(sandbox.MEMORY_ENV, "60")
    dense = text_of("date-dense", 0.29).encode()
    small = b"On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n"
    outcome = upload.extract_files([("dense.txt", dense), ("small.txt", small)], None)
    assert outcome.errors == [
        "dense.txt: could not be read (needs more than 60 MB of memory to read)."
    ]
    assert {row["doc_id"] for row in outcome.rows} == {"small"}


def test_workspace_uploads_go_through_the_same_worker_and_limits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(sandbox.MEMORY_ENV, "60")
    monkeypatch.setattr(upload, "MAX_UPLOAD_EVENTS", 500)
    small = b"On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n"
    files = [
        ("huge.txt", text_of("date-dense", 0.29).encode()),
        ("a.txt", text_of("date-dense", 0.02).encode()),
        ("small.txt", small),
        ("b.txt", text_of("date-dense", 0.021).encode()),
        ("c.txt", text_of("date-dense", 0.022).encode()),
    ]
    workspace = Workspace.open(str(tmp_path / "w.sqlite"))
    try:
        report = workspace_data.add_files(workspace, files, None, None, lambda done, name: None)
        assert report.errors == [
            "huge.txt: needs more than 60 MB of memory to read",
            "c.txt: not read, this upload already gave 500 events; upload it again on its own",
        ]
        assert report.added == ["a.txt", "small.txt", "b.txt"]
        assert report.events == 500
        assert report.notes[-1].startswith("b.txt: only the first 420 of ")
        assert report.notes[-1].endswith(
            "; only its first 99 events kept, the upload's limit is reached"
        )
    finally:
        workspace.close()


def test_an_events_file_that_is_a_fifo_is_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "events.csv")
    result = loading.load_events(tmp_path / "events.csv")
    assert result.events.empty
    assert result.problems == ["Cannot read events.csv: not a regular file."]


def test_the_upload_worker_dies_with_the_server_even_while_busy(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from dashboard.sandbox import Worker\n"
            "worker = Worker(None)\n"
            "worker.extract(b'On Monday, Putin met Lukashenko in Sochi.', 'a.txt', None)\n"
            "print(worker._process.pid, flush=True)\n"
            "worker.extract(sys.stdin.buffer.read(), 'dense.txt', None)\n",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert server.stdin is not None and server.stdout is not None
    worker = int(server.stdout.readline())
    server.stdin.write(text_of("date-dense", 2).encode())  # minutes of work for the worker
    server.stdin.close()
    time.sleep(1)
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=10)
    for _ in range(50):
        try:
            state = Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return
        if state == "Z":
            return
        time.sleep(0.1)
    raise AssertionError(f"the worker {worker} outlived the server")


def test_the_byte_scan_finds_every_character_clean_drops() -> None:
    pattern = re.compile(CONTROL_CLASS)
    for code in [*range(0x3000), 0xFEFF, 0x1F600]:
        char = chr(code)
        cells = pd.Series(["plain text", f"a{char}b"], dtype="str")
        assert may_hold_controls(cells) == bool(pattern.search(char)), hex(code)
