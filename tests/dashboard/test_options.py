from pathlib import Path

from dashboard import options
from workspace.store import WORKSPACE_ENV


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


def test_source_is_a_table_a_workspace_or_the_seeded_default() -> None:
    table = options.source(["--events", "x.csv"], {WORKSPACE_ENV: "w.sqlite"})
    assert table == options.Source(events=Path("x.csv"))
    assert options.source([], {options.EVENTS_ENV: "y.csv"}) == options.Source(events=Path("y.csv"))
    chosen = options.source(["--workspace", "w.sqlite", "--read-only"], {options.EVENTS_ENV: "y"})
    assert chosen == options.Source(workspace="w.sqlite", read_only=True)
    from_env = options.source([], {WORKSPACE_ENV: "postgresql://h/db", options.READ_ONLY_ENV: "1"})
    assert from_env == options.Source(workspace="postgresql://h/db", read_only=True)
    default = options.source([], {})
    assert default.workspace == str(
        Path(__file__).resolve().parents[2] / "data" / "workspace.sqlite"
    )
    assert default.seed == Path(__file__).resolve().parents[2] / "data" / "articles"
