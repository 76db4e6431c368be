"""The command line: JSON lines with offsets into the file's text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract.timex", *args], capture_output=True, text=True, check=False
    )


def test_json_lines(tmp_path: Path) -> None:
    text = "Ça va: on Monday they met; Aug. 9 — the vote.\n“Last month” prices rose 5%.\n"
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = _run("--dct", "2020-09-15", str(path))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["value"] for r in records] == ["2020-09-14", "2020-08-09", "2020-08"]
    for record in records:
        assert set(record) == {"start", "end", "text", "type", "value"}
        assert text[record["start"] : record["end"]] == record["text"]


def test_without_dct(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("They met on Monday.", encoding="utf-8")
    result = _run(str(path))
    assert json.loads(result.stdout)["value"] == "XXXX-WXX-1"


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert _run().returncode == 2
    assert _run("--dct", "15/09/2020", str(tmp_path / "a.txt")).returncode == 2


def test_unreadable_file_exits_1(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_binary_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = _run(str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == f"cannot read {path}: binary file, not text"


def test_legacy_encoding_says_where(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le 9 août, ils se sont réunis.".encode("latin-1"))
    result = _run(str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"cannot read {path}: not UTF-8 text (byte 0xfb at offset 7); convert it to UTF-8 first"
    )
