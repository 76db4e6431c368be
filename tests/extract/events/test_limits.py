"""What one document may cost: the paragraph around each sentence, and the events kept."""

import csv
import io
from pathlib import Path

from extract.cli import main
from extract.events.limits import event_limit, limit_notice, paragraph_window

TEXT = "One two three. Four five six seven.\nEight nine ten. Eleven twelve."


def test_a_short_paragraph_is_kept_whole_on_one_line() -> None:
    assert paragraph_window(TEXT, (0, len(TEXT)), (15, 35), context=40) == (
        "One two three. Four five six seven. Eight nine ten. Eleven twelve."
    )


def test_a_long_paragraph_is_cut_at_spaces_around_the_sentence() -> None:
    assert paragraph_window(TEXT, (0, len(TEXT)), (15, 35), context=10) == (
        "… three. Four five six seven. Eight …"
    )
    assert paragraph_window(TEXT, (0, len(TEXT)), (0, 14), context=6) == ("One two three. Four …")
    assert paragraph_window(TEXT, (0, len(TEXT)), (52, 66), context=3) == "… Eleven twelve."


def test_the_limit_grows_with_the_text_between_a_floor_and_a_ceiling() -> None:
    assert event_limit("x" * 100) == 200
    assert event_limit("x" * 50_000) == 1000
    assert event_limit("x" * 5_000_000) == 20_000
    assert limit_notice(200, 200) == ""
    assert limit_notice(301, 200) == (
        "only the first 200 of 301 events kept (at most 200, or one per 50 characters of"
        " text, up to 20000, per document)"
    )


def _dates(count: int) -> str:
    months = ("January", "March", "May", "July", "October", "December")
    dates = [
        f"{day} {month} {year}" for year in (1990, 1991) for month in months for day in range(1, 29)
    ]
    return ", ".join(dates[:count]) + ".\n"


def test_a_line_of_dates_gives_a_bounded_table_and_says_so(tmp_path: Path) -> None:
    """One line of 320 dates (5.6 kB) used to give 320 rows each repeating the whole line (one
    date is lost where the line is cut into pieces of at most 2,000 characters)."""
    article = tmp_path / "dates.txt"
    article.write_text(_dates(320), encoding="utf-8")
    out = tmp_path / "events.csv"
    stderr = io.StringIO()
    status = main([str(article), "-o", str(out), "--published", "2020-09-15"], stderr=stderr)
    assert status == 0
    assert f"extract: {article}: only the first 200 of 319 events kept (at most 200," in (
        stderr.getvalue()
    )
    with out.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 200
    first, last = rows[0], rows[-1]
    assert (first["date"], last["date"]) == ("1990-01-01", "1991-03-04")
    assert first["paragraph"].startswith(first["sentence"]) and first["paragraph"].endswith(" …")
    assert len(first["paragraph"]) <= len(first["sentence"]) + 502
    assert last["paragraph"].startswith("… ") and last["sentence"] in last["paragraph"]
    assert len(last["paragraph"]) <= len(last["sentence"]) + 1004
