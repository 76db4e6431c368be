"""Shared fixtures for the dashboard tests."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from dashboard import loading

FIXTURES = Path(__file__).parent / "fixtures"
EVENTS_CSV = FIXTURES / "events.csv"


@pytest.fixture(scope="session")
def events_csv() -> Path:
    """Path of the fixture events file."""
    return EVENTS_CSV


@pytest.fixture(scope="session")
def events() -> pd.DataFrame:
    """The validated fixture events."""
    result = loading.load_events(EVENTS_CSV)
    assert result.problems == []
    return result.events


@pytest.fixture()
def raw_rows() -> pd.DataFrame:
    """The fixture file as raw strings."""
    return pd.read_csv(EVENTS_CSV, dtype=str, keep_default_na=False)


BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import events_generator  # noqa: E402


@pytest.fixture(scope="session")
def generated_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated events file of 5,000 events (above the overview limit)."""
    return events_generator.write_events(tmp_path_factory.mktemp("gen") / "events.csv", 5000, 3)


OUTLETS = Path(__file__).resolve().parents[1] / "fixtures" / "outlets"


@pytest.fixture(scope="session")
def merged_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Merged events of tests/fixtures/outlets as ``python -m extract`` writes them, with
    ``mentions.csv`` next to them."""
    from extract.cli import main

    path = tmp_path_factory.mktemp("merged") / "events.csv"
    assert main([str(OUTLETS), "-o", str(path), "--workers", "1"], stderr=io.StringIO()) == 0
    return path


@pytest.fixture()
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """File name -> builder of the bytes of every download button the app renders.

    The app builds files only when a button is clicked; calling the builder does what the
    click does."""
    captured: dict[str, Callable[[], bytes]] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name:
            captured[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return captured
