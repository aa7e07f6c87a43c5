"""规划原文 in Chromium: the passage is highlighted as text, wraps, and is in view on arrival."""

import re
from pathlib import Path

import pytest

from layers.plans import read_plan_text
from layers.store import read_layer
from layers.text import hide_noise
from testkit.browser import chromium, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
#: Records walked per layer. All ~630 records take ~20 minutes on this machine's shared cores,
#: so an even spread is taken (first, last and every n-th), including every box/table layer.
SAMPLE_PER_LAYER = 12


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-source-test.log") as url:
        yield url


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _check_passage(page, app_url: str, doc: str, start: int, end: int) -> None:
    page.goto(f"{app_url}/source?doc={doc}&start={start}&end={end}")
    mark = page.locator("mark#passage")
    mark.wait_for(timeout=30_000)
    # Every visible character is the plan's own; the page may drop a tab on a blank table line.
    expected = hide_noise(read_plan_text(doc)[start:end])
    assert _words(mark.text_content()) == _words(expected), (doc, start, end)
    # In view: the browser scrolled to it (allow a moment for the scroll script).
    page.wait_for_function(
        "() => { const r = document.getElementById('passage').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }", timeout=10_000)
    # Text, not Markdown: no code block, and the markup is not shown as letters.
    assert page.locator("[data-testid='stMain'] pre, [data-testid='stMain'] code").count() == 0
    assert "<mark" not in page.locator("[data-testid='stMain']").inner_text()


def test_a_box_passage_is_highlighted_as_wrapping_text_and_in_view(app_url):
    """The issue's example: 专栏12's 明楼分院, which came out as a sideways-scrolling code block."""
    with chromium() as browser:
        page, log = offline_page(browser)
        _check_passage(page, app_url, "yinzhou-14th-five-year-plan", 31058, 31071)
        box = page.locator(".plan-text")
        assert box.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the text scrolls sideways"
        page.screenshot(path=str(ARTIFACTS / "source-passage.png"))
        assert log.blocked == [] and log.page_errors == []


def _sample(frame):
    rows = frame.dropna(subset=["doc_id", "start", "end"]).reset_index(drop=True)
    step = max(1, len(rows) // SAMPLE_PER_LAYER)
    picked = sorted({*range(0, len(rows), step), len(rows) - 1})
    return [(str(rows.loc[i, "doc_id"]), int(rows.loc[i, "start"]), int(rows.loc[i, "end"])) for i in picked]


def test_every_records_read_in_plan_link_highlights_its_passage_in_view(app_url):
    links = [link for layer in ("projects", "structures", "indicators") for link in _sample(read_layer(layer))]
    with chromium() as browser:
        page, log = offline_page(browser)
        for doc, start, end in links:
            _check_passage(page, app_url, doc, start, end)
        assert log.page_errors == []
