"""The timeline read at a glance, in a real browser: on the demo data and on a generated table,
the first view shows every event or counts those it leaves out, no two markers overlap,
labels do not collide, topic colours survive an upload, and the legend filters everything."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from conftest import CHROMIUM, ROOT
from test_browser_dashboard import POINTS, events_generator

from dashboard import filters, loading
from dashboard.state import FilterState
from extract.schema import EVENT_COLUMNS

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed")

DEMO = ROOT / "data" / "events.csv"
ARTICLE = ROOT / "tests" / "fixtures" / "outlets" / "danube-post-loan.md"

#: The plot's first x range (ms since 1970) and area, every marker's box and every label's box,
#: in page pixels, with the trace (topic) and colour of each marker.
GEOMETRY = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const layout = plot._fullLayout;
  const area = plot.querySelector('.cartesianlayer .xy .plotbg, .nsewdrag').getBoundingClientRect();
  const markers = [], labels = [];
  plot.querySelectorAll('.scatterlayer .trace').forEach(trace => {
    const counts = trace.__data__[0].trace.name === 'More events';
    trace.querySelectorAll('path.point').forEach(p => {
      const b = p.getBoundingClientRect();
      markers.push([b.left, b.top, b.right, b.bottom]);
    });
    if (!counts) trace.querySelectorAll('.textpoint text').forEach(p => {
      const b = p.getBoundingClientRect();
      labels.push([b.left, b.top, b.right, b.bottom]);
    });
  });
  return {
    range: layout.xaxis.range.map(v => new Date(v.replace(' ', 'T') + 'Z').getTime()),
    area: [area.left, area.top, area.right, area.bottom],
    markers: markers,
    labels: labels,
    lanes: layout.yaxis.ticktext,
    colours: Object.fromEntries(plot._fullData.filter(t => t.type === 'scatter'
      && t.name !== 'More events').map(t => [t.name, t.marker.color])),
  };
}"""


def inside(box: list[float], area: list[float]) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= x <= area[2] and area[1] <= y <= area[3]


def overlapping(boxes: list[list[float]], slack: float = 0.5) -> list[tuple]:
    """Pairs of boxes that overlap by more than ``slack`` pixels both ways."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                min(a[2], b[2]) - max(a[0], b[0]) > slack
                and min(a[3], b[3]) - max(a[1], b[1]) > slack
            ):
                pairs.append((a, b))
    return pairs


def outside_count(page) -> int:
    note = page.get_by_text("outside this view")
    return int(note.inner_text().split()[0]) if note.count() else 0


def check_first_view(page, events: pd.DataFrame, shots: Path, name: str) -> dict:
    """Every shown event inside the first range or counted; no markers or labels overlap."""
    page.locator(POINTS).first.wait_for()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    geometry = page.evaluate(GEOMETRY)
    low, high = (pd.Timestamp(v, unit="ms") for v in geometry["range"])
    dated = events[events[loading.START].notna()]
    seen = (dated[loading.START] < high) & (dated[loading.END] + pd.Timedelta(days=1) > low)
    assert int((~seen).sum()) == outside_count(page)
    area = geometry["area"]
    markers = [m for m in geometry["markers"] if inside(m, area)]
    assert len(markers) > 5
    assert overlapping(markers) == []
    labels = [b for b in geometry["labels"] if b[2] > b[0] and inside(b, area)]
    assert overlapping(labels) == []
    assert overlapping(markers + labels) == []  # no label covers a marker either
    return geometry


def test_demo_data_at_a_glance(serve, page, tmp_path: Path) -> None:
    events = loading.load_events(DEMO).events
    page.goto(serve(DEMO))
    page.get_by_text("17 of 17 events shown").wait_for()
    geometry = check_first_view(page, events, tmp_path, "demo")
    assert outside_count(page) == 4  # 1992, 2019 and two in August 2020, far from the meeting
    assert page.get_by_text("Count events per").count() == 0
    labelled = [b for b in geometry["labels"] if b[2] > b[0]]
    assert len(labelled) >= 5
    # The treaty organization's events (1992, August 2020) are outside this view: no empty lane.
    assert "Collective Security<br>Treaty Organization" not in geometry["lanes"]

    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("location.search.includes('all=1')")
    page.wait_for_timeout(1500)
    geometry = check_first_view(page, events, tmp_path, "demo-all")
    assert outside_count(page) == 0
    assert "Collective Security<br>Treaty Organization" in geometry["lanes"]


def test_colours_survive_an_upload_and_the_legend_filters_everything(
    serve, page, tmp_path: Path
) -> None:
    events = loading.load_events(DEMO).events
    page.goto(serve(DEMO))
    page.get_by_text("17 of 17 events shown").wait_for()
    before = check_first_view(page, events, tmp_path, "before-upload")["colours"]
    swatch = """(name) => getComputedStyle(Array.from(document.querySelectorAll(
        '.st-key-f_topics button')).find(b => b.innerText.startsWith(name)), '::before')
        .backgroundColor"""
    pill_before = page.evaluate(swatch, "diplomacy")

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(ARTICLE))
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("Added").wait_for(timeout=120_000)
    page.wait_for_timeout(2000)
    after = page.evaluate(GEOMETRY)["colours"]
    shared = set(before) & set(after)
    assert shared and {t: before[t] for t in shared} == {t: after[t] for t in shared}
    assert page.evaluate(swatch, "diplomacy") == pill_before
    total = page.get_by_text("events shown").first.inner_text()
    shown_all = int(total.split(" of ")[1].split()[0])
    assert shown_all > 12

    page.locator(".st-key-f_topics button").filter(has_text="diplomacy").click()
    page.wait_for_function("location.search.includes('topic=diplomacy')")
    want = filters.apply_filters(events, FilterState(topics=("diplomacy",)))
    summary = page.get_by_text("events shown").first
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('p')).some(p => "
        "/ of \\d+ events shown/.test(p.innerText) && !p.innerText.startsWith('"
        f"{shown_all} of'))"
    )
    shown = int(summary.inner_text().split(" of ")[0].strip("*"))
    assert len(want) <= shown < shown_all
    page.wait_for_timeout(2000)  # the rerun replaces the download buttons
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    assert info.value.suggested_filename.startswith("eventline-events-diplomacy-")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == shown
    assert set(want["event_id"]) <= {r["event_id"] for r in rows}
    assert all("diplomacy" in r["topics"].split("; ") for r in rows)
    assert list(rows[0])[: len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)
    grid = page.locator('[data-testid="stDataFrame"] [aria-rowcount]').first
    assert int(grid.get_attribute("aria-rowcount")) == shown + 1  # and the header row
    page.screenshot(path=str(tmp_path / "legend-diplomacy.png"), full_page=True)


def test_generated_table_at_a_glance(serve, page, tmp_path: Path) -> None:
    path = events_generator.write_events(tmp_path / "events.csv", 400, seed=3)
    events = loading.load_events(path).events
    page.goto(serve(path))
    page.get_by_text("400 of 400 events shown").wait_for()
    check_first_view(page, events, tmp_path, "generated")
    page.get_by_role("radio", name="Topic").check(force=True)
    page.wait_for_function("location.search.includes('lanes=topic')")
    page.wait_for_timeout(1500)
    check_first_view(page, events, tmp_path, "generated-topics")
