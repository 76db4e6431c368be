"""Articles the workspace tests add, as paths and as uploads give them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "articles" / "putin-lukashenko-sochi.md"
OUTLETS = ROOT / "tests" / "fixtures" / "outlets"


def files(*paths: Path) -> list[tuple[str, bytes]]:
    """``(file name, bytes)`` of each path, as an upload gives them."""
    return [(path.name, path.read_bytes()) for path in paths]
