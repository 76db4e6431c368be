import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extract.cli
import extract.running.pipeline
from extract.cli import main

STORY = (
    "---\nid: {id}\npublished: 2020-09-15\n---\n"
    "On Monday, Vladimir Putin met Alexander Lukashenko in Sochi.\n"
)
REPO = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def run_main(*args: str) -> tuple[int, str]:
    stderr = io.StringIO()
    return main(list(args), stderr=stderr), stderr.getvalue()


def test_directory_recursion_exit_0_and_summary(tmp_path: Path) -> None:
    write(tmp_path / "in" / "b.md", STORY.format(id="b"))
    write(tmp_path / "in" / "sub" / "a.txt", STORY.format(id="a"))
    write(tmp_path / "in" / "notes.csv", "not,an,article\n")
    out = tmp_path / "events.csv"
    result = run(str(tmp_path / "in"), "-o", str(out), "--no-merge")
    assert result.returncode == 0, result.stderr
    assert [row["doc_id"] for row in rows(out)] == ["b", "a"]
    assert rows(out)[0]["date"] == "2020-09-14"
    assert result.stderr.strip().splitlines()[-1] == (
        f"extract: 2 documents read, 0 skipped, 2 events written to {out}"
    )


def test_bad_files_are_skipped_with_one_line_each_and_exit_1(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    write(articles / "good.md", STORY.format(id="good"))
    write(articles / "empty.md", "  \n")
    write(articles / "unclosed.md", "---\ntitle: x\n")
    write(articles / "impossible.md", "---\npublished: 2020-13-45\n---\nText here.\n")
    (articles / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (articles / "broken.md").symlink_to(articles / "missing.md")
    (articles / "latin1.txt").write_bytes(
        ("On 9 August 2020, café owners in Minsk protested the élite's résumé. " * 3).encode(
            "latin-1"
        )
    )
    (articles / "cp1251.txt").write_bytes(
        ("Президент встретился с министром. " * 3).encode("cp1251")
    )
    (articles / "utf16.txt").write_bytes(
        "On 9 August 2020, Belarus held a presidential election.".encode("utf-16")
    )
    out = tmp_path / "events.csv"
    result = run(str(articles), "-o", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    skipped = [line for line in lines if line.startswith("extract: skipped")]
    assert len(skipped) == 5
    for name, reason in [
        ("empty.md", "empty file"),
        ("unclosed.md", "unclosed front matter"),
        ("impossible.md", "impossible published date"),
        ("binary.txt", "binary file"),
        ("broken.md", "broken symbolic link"),
    ]:
        assert any(name in line and reason in line for line in skipped), (name, skipped)
    assert "Traceback" not in result.stderr
    assert lines[-1].startswith("extract: 4 documents read, 5 skipped (")
    doc_ids = {row["doc_id"] for row in rows(out)}
    assert {"good", "utf16", "latin1"} <= doc_ids
    utf16 = [row for row in rows(out) if row["doc_id"] == "utf16"]
    assert utf16[0]["date"] == "2020-08-09"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path)).returncode == 2
    bad_date = run(str(tmp_path), "-o", str(tmp_path / "x.csv"), "--published", "2020-13-45")
    assert bad_date.returncode == 2
    assert "--published" in bad_date.stderr


def test_help_documents_exit_status() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "exit status" in result.stdout
    assert "skipped" in result.stdout


def test_strict_stops_at_first_bad_file_and_keeps_previous_output(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.md", STORY.format(id="a"))
    write(tmp_path / "in" / "b.md", "")
    out = write(tmp_path / "events.csv", "previous\n")
    status, stderr = run_main(str(tmp_path / "in"), "-o", str(out), "--strict")
    assert status == 1
    assert "b.md: empty file" in stderr
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "in"]


def test_unwritable_output_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    write(tmp_path / "a.md", STORY.format(id="a"))
    status, stderr = run_main(str(tmp_path / "a.md"), "-o", str(tmp_path / "no" / "out.csv"))
    assert status == 1
    assert "cannot write" in stderr


def test_published_fallback_and_unanchored_documents(tmp_path: Path) -> None:
    text = "On Monday, the ministers met in Geneva. The treaty was signed on 3 March 2021.\n"
    write(tmp_path / "in" / "undated.md", text)
    out = tmp_path / "events.csv"
    assert run_main(str(tmp_path / "in"), "-o", str(out), "--no-merge")[0] == 0
    undated = rows(out)
    assert [(r["date"], r["date_source"]) for r in undated] == [
        ("", "unanchored"),
        ("2021-03-03", "explicit"),
    ]
    fallback = ("--published", "2021-03-10", "--no-merge")
    assert run_main(str(tmp_path / "in"), "-o", str(out), *fallback)[0] == 0
    anchored = rows(out)
    assert anchored[0]["date"] == "2021-03-08"
    assert anchored[0]["published"] == "2021-03-10"


def test_missing_path_and_link_loops_are_skipped(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    write(articles / "a.md", STORY.format(id="a"))
    (articles / "loop").symlink_to(articles)
    (articles / "self.md").symlink_to(articles / "self.md")
    out = tmp_path / "events.csv"
    status, stderr = run_main(str(articles), str(tmp_path / "nope.md"), "-o", str(out))
    assert status == 1
    assert "symbolic link loop" in stderr
    assert "nope.md: no such file or directory" in stderr
    assert [row["doc_id"] for row in rows(out)] == ["a"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.md", STORY.format(id="s"))
    secret.chmod(0)
    status, stderr = run_main(str(secret), "-o", str(tmp_path / "out.csv"))
    assert status == 1
    assert "permission denied" in stderr


def test_progress_and_a_failing_document_do_not_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c"):
        write(tmp_path / "in" / f"{name}.md", STORY.format(id=name))
    real = extract.running.pipeline.find_events

    def failing_on_b(doc, lexicon):
        if doc.doc_id == "b":
            raise ValueError("boom")
        return real(doc, lexicon)

    monkeypatch.setattr(extract.running.pipeline, "find_events", failing_on_b)
    monkeypatch.setattr(extract.cli, "PROGRESS_EVERY", 1)
    out = tmp_path / "events.csv"
    status, stderr = run_main(str(tmp_path / "in"), "-o", str(out), "--workers", "1", "--no-merge")
    assert status == 1
    assert "b.md: extraction failed, ValueError: boom" in stderr
    assert "extract: 2 documents read\n" in stderr
    assert [row["doc_id"] for row in rows(out)] == ["a", "c"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_progress_rewrites_one_line(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        write(tmp_path / "in" / f"{name}.md", STORY.format(id=name))
    write(tmp_path / "in" / "d.md", "")
    out = tmp_path / "events.csv"
    terminal = Terminal()
    status = main([str(tmp_path / "in"), "-o", str(out), "--workers", "1"], stderr=terminal)
    assert status == 1
    assert terminal.getvalue().split("\n") == [
        "\rextract: 1 document read\rextract: 2 documents read\rextract: 3 documents read",
        f"extract: skipped {tmp_path / 'in' / 'd.md'}: empty file",
        "extract: merging 3 events of 3 documents",
        f"extract: 3 documents read, 1 skipped (1 empty file), 1 event written to {out}, "
        f"3 mentions to {tmp_path / 'mentions.csv'}",
        "",
    ]


def test_parquet_output_has_the_csv_rows(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    write(tmp_path / "in" / "a.md", STORY.format(id="a"))
    csv_out, parquet_out = tmp_path / "events.csv", tmp_path / "events.parquet"
    assert run_main(str(tmp_path / "in"), "-o", str(csv_out))[0] == 0
    status, stderr = run_main(str(tmp_path / "in"), "-o", str(parquet_out))
    assert status == 0
    assert f"1 event written to {parquet_out}" in stderr
    assert pq.read_table(parquet_out).to_pylist() == rows(csv_out)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_files_sharing_a_doc_id_get_distinct_ids_and_a_notice(tmp_path: Path, workers: str) -> None:
    story = STORY.replace("id: {id}\n", "")
    write(tmp_path / "in" / "a" / "index.md", story)
    write(tmp_path / "in" / "b" / "index.md", story)
    write(tmp_path / "in" / "c" / "x.md", STORY.format(id="index"))
    out = tmp_path / "events.csv"
    status, err = run_main(str(tmp_path / "in"), "-o", str(out), "--no-merge", "--workers", workers)
    assert status == 0
    found = rows(out)
    assert [row["doc_id"] for row in found] == ["index", "index-2", "index-3"]
    assert [row["event_id"] for row in found] == ["index-1", "index-2-1", "index-3-1"]
    b, c = tmp_path / "in" / "b" / "index.md", tmp_path / "in" / "c" / "x.md"
    first = tmp_path / "in" / "a" / "index.md"
    assert f'extract: {b}: doc_id "index" is taken by {first}, using "index-2"\n' in err
    assert f'extract: {c}: doc_id "index" is taken by {first}, using "index-3"\n' in err


HARBOUR_STORY = (
    "---\nid: harbour\npublished: 2020-09-15\n---\n"
    "On Monday, the harbour board of Qarlinta agreed with Vladimir Putin to open a ferry line.\n"
)


def test_lexicons_directory_extends_the_shipped_lexicons(tmp_path: Path) -> None:
    article = write(tmp_path / "in" / "harbour.md", HARBOUR_STORY)
    lexicons = tmp_path / "lexicons"
    write(
        lexicons / "actors.csv",
        "name,aliases,kind\nQarlinta Harbour Board,harbour board of Qarlinta,organization\n",
    )
    write(lexicons / "topics.csv", "topic,keywords\ntransport,ferry line\n")
    plain, extended = tmp_path / "plain.csv", tmp_path / "extended.csv"
    assert run_main(str(article), "-o", str(plain), "--no-merge")[0] == 0
    status, stderr = run_main(
        str(article), "-o", str(extended), "--no-merge", "--lexicons", str(lexicons)
    )
    assert status == 0, stderr
    assert [(r["actors"], r["topics"]) for r in rows(plain)] == [("Vladimir Putin", "politics")]
    assert [(r["actors"], r["topics"]) for r in rows(extended)] == [
        ("Qarlinta Harbour Board; Vladimir Putin", "transport")
    ]


def test_a_bad_lexicons_directory_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    article = write(tmp_path / "harbour.md", HARBOUR_STORY)
    write(tmp_path / "lexicons" / "actors.csv", "name,aliases\nQarlinta,\n")
    out = tmp_path / "events.csv"
    status, stderr = run_main(
        str(article), "-o", str(out), "--lexicons", str(tmp_path / "lexicons")
    )
    assert status == 2
    assert stderr == (
        f"extract: bad lexicon {tmp_path / 'lexicons' / 'actors.csv'}: missing column kind"
        " (expected name, aliases, kind)\n"
    )
    assert not out.exists()
