"""The dashboard in a real browser: Streamlit server plus headless Chromium via Playwright."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import CHROMIUM, ROOT

from dashboard import filters, loading
from dashboard.state import FilterState
from extract.schema import EVENT_COLUMNS, split_values

sys.path.insert(0, str(ROOT / "bench"))

import events_generator  # noqa: E402

FIXTURE = ROOT / "tests" / "dashboard" / "fixtures" / "events.csv"
OUTLETS = ROOT / "tests" / "fixtures" / "outlets"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed")

POINTS = ".js-plotly-plot .cartesianlayer .scatterlayer path.point"
BARS = ".js-plotly-plot .cartesianlayer .barlayer path"


def click_center(page, locator) -> None:
    """Hover then click the middle of an element (Plotly listens on its drag layer)."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(200)
    page.mouse.click(x, y)


def choose(page, label: str, value: str) -> None:
    """Pick ``value`` in the sidebar multiselect labelled ``label``."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text=label
    )
    box.locator("input").click()
    page.keyboard.type(value)
    page.get_by_role("option").filter(has_text=value).first.click()
    page.keyboard.press("Escape")


def test_filter_click_evidence_and_download(serve, page, tmp_path: Path) -> None:
    url = serve(FIXTURE)
    page.goto(url)
    page.locator(POINTS).first.wait_for()
    assert page.locator(POINTS).count() > 10
    assert page.locator(BARS).count() > 3
    page.get_by_text("31 of 31 events shown").wait_for()

    choose(page, "Actors", "Vladimir Putin")
    page.get_by_text("4 of 31 events shown").wait_for()
    assert "actor=Vladimir+Putin" in page.url or "actor=Vladimir%20Putin" in page.url

    events = loading.load_events(FIXTURE).events
    want = filters.apply_filters(events, FilterState(actors=("Vladimir Putin",)))
    one_day = want[want["date"] == want["end_date"]]
    lanes = sum(len(split_values(actors)) for actors in one_day["actors"])
    page.wait_for_function(f"document.querySelectorAll('{POINTS}').length === {lanes}")

    click_center(page, page.locator(POINTS).first)
    card = page.locator(".el-evidence")
    card.wait_for()
    sentence = card.locator(".el-sentence").inner_text()
    assert sentence in set(want["sentence"])
    assert card.locator(".el-sentence mark").count() == 1
    assert card.locator("a[href^='https://']").count() == 1

    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename.startswith("eventline-events-vladimir-putin-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"), newline="")))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert rows == want[list(EVENT_COLUMNS)].to_dict(orient="records")

    grid = page.locator('[data-testid="stDataFrame"]').bounding_box()
    page.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)  # first row's selection box
    earliest = want.sort_values("date").iloc[0]
    page.locator(".el-evidence .el-title").filter(has_text=earliest["title"]).wait_for()
    assert f"event={earliest['event_id']}" in page.url
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)


def test_merged_event_shows_its_sources(serve, page, tmp_path: Path) -> None:
    from extract.cli import main

    path = tmp_path / "events.csv"
    assert main([str(OUTLETS), "-o", str(path), "--workers", "1"], stderr=io.StringIO()) == 0
    page.goto(f"{serve(path)}/?lanes=none&sources=3")
    page.get_by_text("2 of 9 events shown").wait_for()
    page.wait_for_function(f"document.querySelectorAll('{POINTS}').length === 2")
    click_center(page, page.locator(POINTS).first)
    card = page.locator(".el-evidence")
    card.get_by_text("Reported by 3 sources").wait_for()
    assert card.locator(".el-sources li").count() == 3
    assert "sources=3" in page.url and "event=" in page.url
    card.screenshot(path=str(tmp_path / "evidence-merged.png"))


XSS = {
    "title": '<img src=x onerror="window.__xss=1">Summit <script>window.__xss=2</script>',
    "actors": "<svg onload=window.__xss=3>; Alexander Lukashenko",
    "topics": "<b onmouseover=window.__xss=4>diplomacy</b>",
    "date_text": "<script>window.__xss=5</script>",
    "sentence": "[click me](javascript:window.__xss=6) <script>window.__xss=5</script> <i>x</i>",
    "paragraph": "<iframe src=javascript:window.__xss=7></iframe> context",
    "doc_title": '<a href="javascript:window.__xss=8">Doc</a>',
    "url": "javascript:window.__xss=9",
    "source": "<img src=x onerror=window.__xss=10>",
}


def test_event_text_never_runs_as_code(serve, page, tmp_path: Path) -> None:
    events = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    for column, value in XSS.items():
        events.loc[0, column] = value
    path = tmp_path / "events.csv"
    events.to_csv(path, index=False)

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{serve(path)}/?event={events.loc[0, 'event_id']}")
    page.locator(POINTS).first.wait_for()
    card = page.locator(".el-evidence")
    card.wait_for()
    assert "<script>window.__xss=5</script>" in card.locator("mark").inner_text()
    assert card.locator("a").count() == 0  # javascript: link is not rendered as a link
    assert "link not shown" in card.inner_text()

    for point in page.locator(POINTS).all()[:6]:  # hover labels of the first points
        point.hover(force=True)
        page.wait_for_timeout(100)
    page.wait_for_timeout(500)

    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    planted = page.evaluate(
        """() => Array.from(document.querySelectorAll('*')).filter(e =>
            e.tagName === 'IFRAME' && (e.getAttribute('src') || '').startsWith('javascript')
            || Array.from(e.attributes).some(a => a.value.includes('__xss')
                && (a.name.startsWith('on') || a.name === 'href' || a.name === 'src'))
            || (e.tagName === 'SCRIPT' && e.textContent.includes('__xss'))
        ).map(e => e.outerHTML)"""
    )
    assert planted == []
    page.screenshot(path=str(tmp_path / "xss.png"), full_page=True)


HEATMAP = ".js-plotly-plot .heatmaplayer image"
#: Page position of an overview cell (the i-th target marker; negative counts from the end),
#: and the period it carries.
CELL = """(i) => {
  const plot = document.querySelector('.js-plotly-plot');
  const layout = plot._fullLayout;
  const targets = plot._fullData.find(t => t.type === 'scattergl');
  const k = i < 0 ? targets.x.length + i : i;
  const box = plot.getBoundingClientRect();
  return [box.left + layout.xaxis._offset + layout.xaxis.d2p(targets.x[k]),
          box.top + layout.yaxis._offset + layout.yaxis.d2p(targets.y[k]),
          targets.customdata[k]];
}"""


def test_hundred_thousand_events_stay_responsive(serve, page, tmp_path: Path) -> None:
    path = events_generator.write_events(tmp_path / "events.parquet", 100_000, seed=7)
    events = loading.load_events(path).events
    url = serve(path)
    page.goto(url)
    page.locator(HEATMAP).first.wait_for(timeout=60_000)  # first load reads and prepares the file
    page.get_by_text("100,000 of 100,000 events shown").wait_for()
    page.get_by_text("Showing counts per quarter for").wait_for()
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)

    page.locator(".st-key-f_topics button").filter(has_text="energy").click()
    energy = filters.apply_filters(events, FilterState(topics=("energy",)))
    page.get_by_text(f"{len(energy):,} of 100,000 events shown").wait_for(timeout=30_000)
    dated = int(energy[loading.START].notna().sum())
    page.get_by_text(f"Showing counts per quarter for {dated:,} events").wait_for()
    page.locator(HEATMAP).first.wait_for()

    x, y, (first, last) = page.evaluate(CELL, -1)
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function(
        f"location.search.includes('from={first}') && location.search.includes('to={last}')",
        timeout=30_000,
    )
    page.wait_for_function(f"!document.querySelector('{HEATMAP}')", timeout=30_000)
    page.get_by_text("Key:", exact=False).first.wait_for(timeout=30_000)  # single events
    wanted = FilterState(
        topics=("energy",), start=date.fromisoformat(first), end=date.fromisoformat(last)
    )
    quarter = filters.apply_filters(events, wanted)
    page.get_by_text(f"{len(quarter):,} of 100,000 events shown").wait_for()
    assert page.get_by_text("Showing counts per").count() == 0
    page.wait_for_timeout(500)
    page.screenshot(path=str(tmp_path / "drilled.png"), full_page=True)
