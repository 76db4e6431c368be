"""Shared fixtures for the dashboard tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

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
