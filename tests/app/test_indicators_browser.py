"""The indicators page in Debian's Chromium, offline: pick an indicator, see the districts coloured."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Frame, Page

from layers.store import read_layer
from view.links import source_link
from testkit.browser import chromium, map_frame, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-indicators-test.log") as url:
        yield url


def test_picking_an_indicator_colours_both_districts_with_a_legend_and_values_on_hover(app_url: str) -> None:
    with chromium() as browser:
        page, log = offline_page(browser)
        _open_map(page, app_url)
        frame = _pick(page, "每千人执业")

        items = frame.locator(".indicator-legend .legend-item")
        assert items.count() == 2
        fills = [items.nth(i).get_attribute("data-fill") for i in range(2)]
        assert all(fills) and fills[0] != fills[1]
        assert "江北区: 5.07" in items.nth(0).inner_text()
        assert "鄞州区: 4.9" in items.nth(1).inner_text()
        for fill in fills:
            assert frame.locator(f".leaflet-overlay-pane path[fill='{fill}']").count() == 1

        frame.locator(f".leaflet-overlay-pane path[fill='{fills[0]}']").hover()
        tooltip = frame.locator(".leaflet-tooltip")
        tooltip.wait_for(timeout=TIMEOUT_MS)
        assert "5.07" in tooltip.inner_text()
        page.screenshot(path=str(ARTIFACTS / "indicators-map.png"))
        assert log.blocked == []
        assert log.console_errors == [] and log.page_errors == []


def test_a_district_without_the_indicator_is_marked_no_data_not_zero(app_url: str) -> None:
    with chromium() as browser:
        page, log = offline_page(browser)
        _open_map(page, app_url)
        frame = _pick(page, "人才资源总量")

        yinzhou = frame.locator(".indicator-legend .legend-item[data-adcode='330212']")
        assert yinzhou.get_attribute("data-fill") == ""
        assert "无数据" in yinzhou.inner_text() and "0" not in yinzhou.inner_text()
        jiangbei = frame.locator(".indicator-legend .legend-item[data-adcode='330205']")
        fill = jiangbei.get_attribute("data-fill")
        assert fill and frame.locator(f".leaflet-overlay-pane path[fill='{fill}']").count() == 1
        assert frame.locator(".leaflet-overlay-pane path[stroke-dasharray='5 5']").count() == 1
        assert log.blocked == []


def test_the_place_figures_the_page_shows_are_the_stored_table(app_url: str) -> None:
    with chromium() as browser:
        page, log = offline_page(browser)
        _open_map(page, app_url)
        download = page.locator("[data-testid='stDownloadButton']").filter(has_text="下载").last
        with page.expect_download(timeout=TIMEOUT_MS) as caught:
            download.click()
        assert caught.value.suggested_filename == "place-figures.csv"
        rows = list(csv.DictReader(io.StringIO(Path(caught.value.path()).read_text(encoding="utf-8-sig"))))
        stored = read_layer("place_figures")
        assert len(rows) == len(stored) > 0
        assert [r["规划原话"] for r in rows] == list(stored["quote"])
        assert [r["地点"] for r in rows] == list(stored["place_name"])
        assert [r["source"] for r in rows] == [source_link(d, start=s, end=e) for d, s, e in
                                               zip(stored["doc_id"], stored["start"], stored["end"], strict=True)]
        assert log.blocked == []


def _open_map(page: Page, app_url: str) -> None:
    """From the home page, as a user would: sidebar → indicators page → map view."""
    page.goto(app_url)
    map_frame(page, timeout_ms=TIMEOUT_MS)
    page.get_by_role("link", name="规划指标").click()
    page.get_by_text("表2 “十四五”主要指标").first.wait_for(timeout=TIMEOUT_MS)
    page.locator("[data-testid='stRadio'] label").filter(has_text="地图").click()
    page.locator(".ind-map .indicator-legend").wait_for(timeout=TIMEOUT_MS)


def _pick(page: Page, text: str) -> Frame:
    """Choose the indicator whose label contains `text`; the frame of the redrawn map (the page's own)."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="选择指标")
    box.click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    frame = page.main_frame
    frame.locator(".ind-map .indicator-legend b", has_text=text).wait_for(timeout=TIMEOUT_MS)
    assert page.locator("iframe[title*='streamlit_folium']").count() == 0
    return frame


#: The columns the grid's accessible table holds: the ones drawn in view, by position, with their cells' text.
_SHOWN_COLUMNS = """(grid) => {
  const cols = {};
  grid.querySelectorAll('table th, table td').forEach(c => {
    const i = Number(c.getAttribute('aria-colindex'));
    (cols[i] = cols[i] || []).push(c.textContent.trim());
  });
  return cols;
}"""


def test_on_a_phone_an_indicator_table_scrolls_sideways_in_its_box_keeping_the_names_in_view(app_url: str) -> None:
    stored = read_layer("indicators")
    jiangbei = stored[(stored["district_adcode"] == "330205") & (stored["table"] == "表2")].sort_values("start")
    with chromium() as browser:
        page, log = offline_page(browser, width=390, height=844)
        page.goto(f"{app_url}/indicators?table=%E8%A1%A82&view=tables")
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.wait_for(timeout=TIMEOUT_MS)
        page.wait_for_timeout(1000)  # the grid draws its cells after its box
        box = grid.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # the page itself never scrolls sideways
        before = grid.evaluate(_SHOWN_COLUMNS)
        last = max(int(i) for i in before)
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 80)
        page.mouse.wheel(3000, 0)
        page.wait_for_timeout(800)
        after = grid.evaluate(_SHOWN_COLUMNS)
        page.screenshot(path=str(ARTIFACTS / "indicators-phone-table.png"))
        page.context.close()
    # Sideways the table shows columns that did not fit at first, the source links among them ...
    assert max(int(i) for i in after) > last and any(c.startswith("/source?doc=") for cells in after.values()
                                                      for c in cells)
    # ... and the indicator column stays in view, first, with every indicator's name.
    names = after.get("1", [])
    assert names[0] == "指标" and names[1:] == list(jiangbei["name"])[: len(names) - 1]
    assert log.blocked == []
