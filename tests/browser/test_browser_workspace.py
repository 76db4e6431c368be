"""A workspace in a real browser: an uploaded article survives a reload, a corrected date shows
on the timeline and in the downloaded CSV."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, ROOT, free_port, wait_healthy
from test_browser_dashboard import POINTS

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed")

DEMO = ROOT / "data" / "articles" / "putin-lukashenko-sochi.md"
LOAN = "putin-lukashenko-sochi-3"
#: The x of each timeline point of an event, read from Plotly's own data.
POINT_DATES = """id => {
  const plot = document.querySelector('.js-plotly-plot');
  const dates = [];
  if (!plot || !plot.data) return dates;
  for (const trace of plot.data) {
    if (!String(trace.mode).startsWith('markers') || !trace.customdata) continue;
    trace.customdata.forEach((data, i) => { if (data === id) dates.push(String(trace.x[i])); });
  }
  return dates;
}"""


@pytest.fixture()
def workspace_server(tmp_path: Path) -> Iterator[str]:
    """``streamlit run dashboard/app.py -- --workspace`` on a new, empty workspace."""
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", "dashboard/app.py"),
            *("--server.port", str(port), "--server.headless", "true"),
            *("--", "--workspace", str(tmp_path / "workspace.sqlite")),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_upload_reload_correct_a_date_and_download(workspace_server, page, tmp_path) -> None:
    page.goto(workspace_server)
    page.get_by_text("There are no events yet").wait_for()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(DEMO))
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("17 of 17 events shown").wait_for()

    page.reload()
    page.get_by_text("17 of 17 events shown").wait_for()
    page.locator(POINTS).first.wait_for()

    page.goto(f"{workspace_server}/?event={LOAN}")
    form = page.locator('[data-testid="stForm"]').filter(has_text="Correct this event")
    date_box = form.get_by_label("Date (YYYY-MM-DD)")
    date_box.wait_for()
    assert date_box.input_value() == "2020-09-14"
    page.locator(POINTS).first.wait_for()
    assert page.evaluate(POINT_DATES, LOAN)[0].startswith("2020-09-14")
    date_box.fill("2020-09-10")
    date_box.press("Tab")
    page.get_by_role("button", name="Save corrections").click()
    page.get_by_text("Corrections saved.").wait_for()
    page.wait_for_function(
        f"(d => d.length > 0 && d.every(x => x.startsWith('2020-09-10')))"
        f"(({POINT_DATES})('{LOAN}'))"
    )
    assert page.locator(".js-plotly-plot .textpoint").count() >= 1  # the ✎ mark
    page.screenshot(path=str(tmp_path / "workspace-corrected.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    rows = {
        row["event_id"]: row
        for row in csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"), newline=""))
    }
    assert len(rows) == 17
    assert (rows[LOAN]["date"], rows[LOAN]["curated"], rows[LOAN]["corrected"]) == (
        "2020-09-10",
        "yes",
        "date",
    )
    assert rows["putin-lukashenko-sochi-1"]["curated"] == ""

    page.reload()
    page.get_by_text("17 of 17 events shown").wait_for()
    page.wait_for_function(f"({POINT_DATES})('{LOAN}').length > 0")
    assert all(x.startswith("2020-09-10") for x in page.evaluate(POINT_DATES, LOAN))
