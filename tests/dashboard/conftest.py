"""Shared fixtures for the dashboard tests."""

from __future__ import annotations

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
