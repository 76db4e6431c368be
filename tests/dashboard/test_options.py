from pathlib import Path

from dashboard import options


def test_events_path_precedence(events_csv: Path) -> None:
    assert options.events_path(["--events", "x.csv"], {options.EVENTS_ENV: "y.csv"}) == Path(
        "x.csv"
    )
    assert options.events_path(["tests"], {options.EVENTS_ENV: "y.csv"}) == Path("y.csv")
    assert options.events_path([], {}) == options.DEFAULT_EVENTS
    assert events_csv.parents[3] / "data" / "events.csv" == options.DEFAULT_EVENTS


def test_detail_limit_option() -> None:
    assert options.detail_limit(["--detail-limit", "50"], {}, 3000) == 50
    assert options.detail_limit([], {options.DETAIL_LIMIT_ENV: "7"}, 3000) == 7
    assert options.detail_limit(["--detail-limit", "lots"], {}, 3000) == 3000
    assert options.detail_limit([], {}, 3000) == 3000
