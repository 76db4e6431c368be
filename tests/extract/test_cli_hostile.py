"""The command line against hostile and careless use: outputs that are inputs or special files,
inputs that never end, signals, absurd worker counts, relative dates, formulas in cells."""

import csv
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main
from extract.reading.documents import DocumentError, read_document

STORY = (
    "---\nid: {id}\npublished: 2020-09-15\n---\n"
    "On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n"
)
REPO = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


# Output paths


@pytest.mark.parametrize("option", ["-o", "--mentions"])
def test_an_output_equal_to_an_input_is_refused_and_the_article_kept(
    tmp_path: Path, option: str
) -> None:
    article = write(tmp_path / "story.md", STORY.format(id="story"))
    other = (
        ["--mentions", str(tmp_path / "m.csv")]
        if option == "-o"
        else ["-o", str(tmp_path / "e.csv")]
    )
    result = run(str(article), option, str(article), *other)
    assert result.returncode == 2
    assert result.stderr == (
        f"extract: the output {article} is one of the inputs ({article}); give another path\n"
    )
    assert article.read_text(encoding="utf-8") == STORY.format(id="story")


def test_an_output_inside_an_input_directory_that_is_read_is_refused(tmp_path: Path) -> None:
    article = write(tmp_path / "in" / "story.md", STORY.format(id="story"))
    result = run(str(tmp_path / "in"), "-o", str(article), "--no-merge")
    assert result.returncode == 2
    assert "is one of the inputs" in result.stderr
    assert article.read_text(encoding="utf-8") == STORY.format(id="story")


def test_a_symlink_fifo_or_device_as_output_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    article = write(tmp_path / "story.md", STORY.format(id="story"))
    target = write(tmp_path / "precious.csv", "keep me\n")
    link = tmp_path / "events.csv"
    link.symlink_to(target)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    for output, kind in (
        (link, "a symbolic link"),
        (fifo, "a FIFO"),
        (Path("/dev/null"), "a character device"),
    ):
        result = run(str(article), "-o", str(output), "--no-merge")
        assert result.returncode == 2, result.stderr
        assert result.stderr == (
            f"extract: the output {output} is {kind}, not a regular file; give another path\n"
        )
    assert link.is_symlink() and target.read_text() == "keep me\n"
    assert fifo.is_fifo()
    assert Path("/dev/null").is_char_device()


def test_a_symlink_as_mentions_file_is_refused(tmp_path: Path) -> None:
    article = write(tmp_path / "story.md", STORY.format(id="story"))
    (tmp_path / "mentions.csv").symlink_to(tmp_path / "elsewhere.csv")
    result = run(str(article), "-o", str(tmp_path / "events.csv"))
    assert result.returncode == 2
    assert "mentions.csv is a symbolic link, not a regular file" in result.stderr
    assert not (tmp_path / "events.csv").exists()


# Inputs that never end


def test_a_fifo_among_the_inputs_is_skipped_and_the_run_ends(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.md", STORY.format(id="a"))
    os.mkfifo(tmp_path / "in" / "b.txt")
    write(tmp_path / "in" / "c.md", STORY.format(id="c"))
    out = tmp_path / "events.csv"
    result = run(
        str(tmp_path / "in"),
        str(tmp_path / "in" / "b.txt"),
        "-o",
        str(out),
        "--no-merge",
        timeout=60,
    )
    assert result.returncode == 1
    assert (
        f"extract: skipped {tmp_path / 'in' / 'b.txt'}: not a regular file (a FIFO)"
        in result.stderr
    )
    assert [row["doc_id"] for row in rows(out)] == ["a", "c"]


def test_a_fifo_or_a_device_given_to_a_workspace_is_skipped_and_the_run_ends(
    tmp_path: Path,
) -> None:
    from workspace.ingest import counts
    from workspace.store import Workspace

    article = write(tmp_path / "in" / "a.md", STORY.format(id="a"))
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)
    result = run(
        str(article), str(fifo), "/dev/zero", "--workspace", str(tmp_path / "w"), timeout=60
    )
    assert result.returncode == 1
    assert f"extract: skipped {fifo}: not a regular file (a FIFO)\n" in result.stderr
    assert "extract: skipped /dev/zero: not a regular file (a character device)\n" in result.stderr
    workspace = Workspace.open(str(tmp_path / "w"))
    try:
        assert counts(workspace)["documents"] == 1
    finally:
        workspace.close()


def _limited_memory() -> None:
    """In the child: at most 1 GB of address space, so that reading without bound fails fast."""
    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/dev/zero", "not a regular file (a character device)"),
        ("huge.txt", "too large (4295.0 MB, the limit is 20.0 MB)"),
    ],
)
def test_endless_and_huge_inputs_are_skipped_without_reading_them(
    tmp_path: Path, name: str, reason: str
) -> None:
    with (tmp_path / "huge.txt").open("wb") as stream:
        stream.truncate(4 * 1024**3)  # sparse: takes no room on disk
    path = tmp_path / name if name == "huge.txt" else Path(name)
    article = write(tmp_path / "a.md", STORY.format(id="a"))
    out = tmp_path / "e.csv"
    result = subprocess.run(
        [sys.executable, "-m", "extract", str(path), str(article), "-o", str(out), "--no-merge"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        preexec_fn=_limited_memory,
        check=False,
    )
    assert result.returncode == 1
    assert f"extract: skipped {path}: {reason}\n" in result.stderr
    assert [row["doc_id"] for row in rows(out)] == ["a"]


def test_binary_data_is_told_from_the_first_block(tmp_path: Path) -> None:
    zeros = tmp_path / "zeros.txt"
    with zeros.open("wb") as stream:
        stream.truncate(15_000_000)
    with pytest.raises(DocumentError, match=r"zeros.txt: binary file, not text$"):
        read_document(zeros)


# Signals


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _start_busy_run(tmp_path: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """A merged run with two workers over enough documents to be caught in the middle; returns
    it once it has read 100 documents, with its worker processes."""
    for number in range(600):
        write(tmp_path / "in" / f"d{number:03d}.md", STORY.format(id=f"d{number}"))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extract",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "out" / "events.csv"),
            "--workers",
            "2",
        ],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    (tmp_path / "out").mkdir()
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line == "extract: 100 documents read\n", line
    workers = _children(process.pid)
    assert len(workers) >= 2
    return process, workers


def _wait_gone(pids: set[int]) -> set[int]:
    for _ in range(100):
        alive = {pid for pid in pids if _alive(pid)}
        if not alive:
            return alive
        time.sleep(0.1)
    return alive


def test_sigterm_cleans_up_as_ctrl_c_does(tmp_path: Path) -> None:
    process, workers = _start_busy_run(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143
    assert stderr.splitlines()[-1].startswith("extract: terminated, nothing written to ")
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == []
    assert _wait_gone(workers) == set()


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    process, workers = _start_busy_run(tmp_path)
    process.kill()
    process.wait(timeout=60)
    assert _wait_gone(workers) == set()


def test_sigterm_during_a_workspace_merge_removes_its_spool_and_keeps_the_documents(
    tmp_path: Path,
) -> None:
    from workspace.ingest import counts
    from workspace.store import Workspace

    for number in range(200):
        write(tmp_path / "in" / f"d{number:03d}.md", STORY.format(id=f"d{number}"))
    spool = tmp_path / "tmp"
    spool.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "extract", str(tmp_path / "in"), "--workspace", str(tmp_path / "w")],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "TMPDIR": str(spool)},
    )
    deadline = time.monotonic() + 120
    while not any(spool.iterdir()) and time.monotonic() < deadline:  # the merge has begun
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143
    assert stderr.splitlines()[-1] == (
        "extract: terminated; the documents stored so far are kept, the next run merges them"
    )
    assert list(spool.iterdir()) == []
    workspace = Workspace.open(str(tmp_path / "w"))
    try:
        assert counts(workspace)["documents"] == 200
    finally:
        workspace.close()


# Workers


@pytest.mark.parametrize("value", ["0", "-3", "two", "1.5", "²"])
def test_nonsense_worker_counts_are_usage_errors(tmp_path: Path, value: str) -> None:
    article = write(tmp_path / "a.md", STORY.format(id="a"))
    result = run(str(article), "-o", str(tmp_path / "e.csv"), "--workers", value)
    assert result.returncode == 2
    assert "--workers: expected a whole number of at least 1" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["1000", "99999999999"])
def test_huge_worker_counts_are_capped(tmp_path: Path, value: str) -> None:
    article = write(tmp_path / "a.md", STORY.format(id="a"))
    out = tmp_path / "e.csv"
    cores = len(os.sched_getaffinity(0))
    result = run(str(article), "-o", str(out), "--workers", value, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        f"extract: --workers {value} is more than this machine can use, {4 * cores} used\n"
    )
    assert rows(out)[0]["date"] == "2020-09-14"


# Dates


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("yesterday", "unreadable published date 'yesterday': only an absolute date"),
        ("3 days ago", "unreadable published date '3 days ago': only an absolute date"),
        ("in 2 days", "unreadable published date 'in 2 days': only an absolute date"),
        ("03-02-2009", "ambiguous published date '03-02-2009' (day and month could be either way)"),
    ],
)
def test_relative_and_ambiguous_published_dates_are_refused(
    tmp_path: Path, value: str, reason: str
) -> None:
    article = write(tmp_path / "a.md", "Officials met on Monday in Sochi to talk.\n")
    result = run(str(article), "-o", str(tmp_path / "e.csv"), "--published", value)
    assert result.returncode == 2
    assert f"error: argument --published: {reason}" in result.stderr
    assert not (tmp_path / "e.csv").exists()


def test_an_unambiguous_day_first_date_is_taken(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "Officials met on Monday in Sochi to talk.\n")
    out = tmp_path / "e.csv"
    result = run(str(article), "-o", str(out), "--published", "15/09/2020", "--no-merge")
    assert result.returncode == 0, result.stderr
    assert rows(out)[0]["published"] == "2020-09-15"
    assert rows(out)[0]["date"] == "2020-09-14"


# Spreadsheet formulas


def test_spreadsheet_safe_neutralizes_formula_cells(tmp_path: Path) -> None:
    article = write(
        tmp_path / "a.md",
        '---\nid: =HYPERLINK("http://evil.example")\ntitle: @SUM(1+1)\nsource: +cmd\n'
        "published: 2020-09-15\n---\n"
        "On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n",
    )
    plain, safe = tmp_path / "plain.csv", tmp_path / "safe.csv"
    assert main([str(article), "-o", str(plain), "--no-merge"]) == 0
    assert main([str(article), "-o", str(safe), "--no-merge", "--spreadsheet-safe"]) == 0
    assert rows(plain)[0]["doc_id"] == '=HYPERLINK("http://evil.example")'
    row = rows(safe)[0]
    assert (row["event_id"], row["doc_id"]) == (
        '\'=HYPERLINK("http://evil.example")-1',
        '\'=HYPERLINK("http://evil.example")',
    )
    assert (row["doc_title"], row["source"]) == ("'@SUM(1+1)", "'+cmd")
    assert (row["date"], row["char_start"], row["confidence"]) == ("2020-09-14", "0", "1.00")


def test_spreadsheet_safe_applies_to_both_merged_tables(tmp_path: Path) -> None:
    article = write(
        tmp_path / "a.md",
        "---\nid: -evil\npublished: 2020-09-15\n---\n"
        "On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n",
    )
    out = tmp_path / "events.csv"
    assert main([str(article), "-o", str(out), "--spreadsheet-safe"]) == 0
    assert rows(out)[0]["doc_ids"] == "'-evil"
    mention = rows(tmp_path / "mentions.csv")[0]
    assert (mention["doc_id"], mention["merged_id"]) == ("'-evil", "'-evil-1")


# Terminal escapes and bidirectional overrides


def test_terminal_escapes_and_bidi_overrides_never_reach_the_table_or_the_terminal(
    tmp_path: Path,
) -> None:
    article = write(
        tmp_path / "in" / "story.md",
        '---\nid: story\ntitle: "\x1b[2J\x1b[31mRed\x1b[0m \u202etitle"\n'
        "published: 2020-09-15\n---\n"
        "On Monday, Vladimir Putin \x1b[31mmet\x1b[0m Alexander \u202eLukashenko in Sochi.\n",
    )
    empty = write(tmp_path / "in" / "e\x1b]0;pwned\x07vil\u202etxt.md", "")
    out = tmp_path / "e.csv"
    result = run(str(article.parent), "-o", str(out), "--no-merge")
    (row,) = rows(out)
    assert row["doc_title"] == "Red title"
    assert row["sentence"] == "On Monday, Vladimir Putin met Alexander Lukashenko in Sochi."
    assert (row["char_start"], row["char_end"]) == ("0", "60")
    assert f"extract: skipped {tmp_path / 'in' / 'eviltxt.md'}: empty file\n" in result.stderr
    assert empty.exists()
    for text in (out.read_text(encoding="utf-8"), result.stderr):
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
