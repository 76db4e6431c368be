"""A shared link carrying Markdown, HTML and an image, opened in a real browser: the notice shows
it as written, with no link, no bold text and no request to the attacker's server."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from conftest import CHROMIUM, ROOT

FIXTURE = ROOT / "tests" / "dashboard" / "fixtures" / "events.csv"
LINK = "**Session expired.** [Log in again](https://evil.example)"
IMAGE = "![x](https://evil.example/t.png)"
HTML = "<img src=https://evil.example/h.png>"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed")


def test_markdown_in_a_shared_link_renders_as_plain_text(serve, page, tmp_path: Path) -> None:
    url = serve(FIXTURE)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    query = urlencode([("actor", LINK), ("topic", IMAGE), ("q", "x"), ("doc", HTML)])
    page.goto(f"{url}/?{query}")
    notice = page.locator('[data-testid="stAlert"]').filter(has_text="link parameters")
    notice.wait_for()
    page.wait_for_timeout(1000)  # let any image the notice would load be requested
    page.screenshot(path=str(tmp_path / "hostile-link.png"), full_page=False)
    if os.environ.get("EVENTLINE_SCREENSHOTS"):
        page.screenshot(path=os.environ["EVENTLINE_SCREENSHOTS"], full_page=False)
    text = notice.inner_text().replace("\u2060", "")  # the joiners that keep links unlinked
    assert f"unknown actor '{LINK}'" in text
    assert f"unknown topic '{IMAGE}'" in text
    assert f"unknown document '{HTML}'" in text
    assert notice.locator("a").count() == 0
    assert notice.locator("img").count() == 0
    assert notice.locator("strong").count() == 0
    assert not [address for address in requested if urlparse(address).hostname == "evil.example"]
