"""``python -m extract`` merges events across documents and writes their mentions."""

import csv
import io
from pathlib import Path

import pytest

import extract.running.output
from extract.cli import main
from extract.running.output import mentions_path
from extract.schema import EVENT_COLUMNS, MENTION_COLUMNS, MERGED_EVENT_COLUMNS

OUTLETS = Path(__file__).resolve().parents[1] / "fixtures" / "outlets"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as stream:
        return next(csv.reader(stream))


def run_main(*args: str) -> tuple[int, str]:
    stderr = io.StringIO()
    return main(list(args), stderr=stderr), stderr.getvalue()


@pytest.mark.parametrize(
    ("events", "mentions"),
    [
        ("events.csv", "mentions.csv"),
        ("belarus-events.parquet", "belarus-mentions.parquet"),
        ("Belarus.csv", "Belarus-mentions.csv"),
    ],
)
def test_mentions_file_sits_next_to_the_events_file(events: str, mentions: str) -> None:
    assert mentions_path(Path("out") / events) == Path("out") / mentions


def test_merged_events_and_mentions_by_default(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    status, stderr = run_main(str(OUTLETS), "-o", str(out), "--workers", "2")
    assert status == 0, stderr
    mentions_file = tmp_path / "mentions.csv"
    assert stderr.strip().splitlines()[-2:] == [
        "extract: merging 15 events of 9 documents",
        f"extract: 9 documents read, 0 skipped, 9 events written to {out}, "
        f"15 mentions to {mentions_file}",
    ]
    assert header(out) == list(MERGED_EVENT_COLUMNS)
    assert header(mentions_file) == list(MENTION_COLUMNS)
    merged, mentions = rows(out), rows(mentions_file)
    exile = next(row for row in merged if "Tikhanovskaya left" in row["title"])
    assert exile["sources"] == "3"
    assert exile["outlets"] == "Baltic Wire; Danube Post; Eastern Herald"
    assert exile["date_conflict"] == "2020-08-10 (Danube Post)"
    assert {row["merged_id"] for row in mentions} == {row["event_id"] for row in merged}
    of_exile = [row for row in mentions if row["merged_id"] == exile["event_id"]]
    assert sorted(row["source"] for row in of_exile) == sorted(exile["outlets"].split("; "))
    assert sum(int(row["sources"]) for row in merged) == len(mentions)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "mentions.csv"]


def test_no_merge_keeps_one_row_per_document_event(tmp_path: Path) -> None:
    merged_out, plain_out = tmp_path / "events.csv", tmp_path / "plain.csv"
    assert run_main(str(OUTLETS), "-o", str(merged_out), "--workers", "1")[0] == 0
    status, stderr = run_main(str(OUTLETS), "-o", str(plain_out), "--no-merge")
    assert status == 0, stderr
    assert stderr.strip().endswith(f"15 events written to {plain_out}")
    assert header(plain_out) == list(EVENT_COLUMNS)
    mentions = rows(tmp_path / "mentions.csv")
    assert rows(plain_out) == [{c: row[c] for c in EVENT_COLUMNS} for row in mentions]
    assert not (tmp_path / "plain-mentions.csv").exists()


def test_mentions_option_and_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out, chosen = tmp_path / "events.parquet", tmp_path / "all" / "mentions.parquet"
    chosen.parent.mkdir()
    status, stderr = run_main(str(OUTLETS), "-o", str(out), "--mentions", str(chosen))
    assert status == 0, stderr
    assert pq.read_table(out).column_names == list(MERGED_EVENT_COLUMNS)
    assert pq.read_table(chosen).num_rows == 15
    assert not (tmp_path / "mentions.parquet").exists()


def test_mentions_may_not_replace_the_events_file(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    with pytest.raises(SystemExit) as exit_:
        run_main(str(OUTLETS), "-o", str(out), "--mentions", str(out))
    assert exit_.value.code == 2


def test_a_failure_while_writing_leaves_both_previous_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, mentions = tmp_path / "events.csv", tmp_path / "mentions.csv"
    out.write_text("previous events\n")
    mentions.write_text("previous mentions\n")
    real = extract.running.output._write_csv

    def failing_on_mentions(rows, path, columns):
        if "merged_id" in columns:
            raise OSError(28, "No space left on device")
        return real(rows, path, columns)

    monkeypatch.setattr(extract.running.output, "_write_csv", failing_on_mentions)
    status, stderr = run_main(str(OUTLETS), "-o", str(out))
    assert status == 1
    assert "cannot write" in stderr and "No space left on device" in stderr
    assert out.read_text() == "previous events\n"
    assert mentions.read_text() == "previous mentions\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "mentions.csv"]


def test_strict_stop_writes_neither_file(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    for source in OUTLETS.iterdir():
        (articles / source.name).write_bytes(source.read_bytes())
    (articles / "zz-empty.md").write_text("")
    out = tmp_path / "events.csv"
    status, stderr = run_main(str(articles), "-o", str(out), "--strict", "--workers", "1")
    assert status == 1
    assert f"nothing written to {out} and {tmp_path / 'mentions.csv'}" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_html_pages_are_read_from_directories(tmp_path: Path) -> None:
    html = Path(__file__).resolve().parents[1] / "fixtures" / "html"
    out = tmp_path / "events.csv"
    status, stderr = run_main(str(html), "-o", str(out), "--workers", "1")
    assert status == 0, stderr
    assert stderr.strip().splitlines()[-1].startswith("extract: 3 documents read, 0 skipped")


def test_ctrl_c_while_writing_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(rows, path, columns):
        raise KeyboardInterrupt

    monkeypatch.setattr(extract.running.output, "_write_csv", interrupted)
    out = tmp_path / "events.csv"
    status, stderr = run_main(str(OUTLETS), "-o", str(out), "--workers", "1")
    assert status == 130
    assert f"interrupted, nothing written to {out}" in stderr
    assert list(tmp_path.iterdir()) == []
