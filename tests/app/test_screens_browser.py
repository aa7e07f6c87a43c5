"""The maps on a phone, a laptop and a projector, in Chromium (issue 16).

Each check measures boxes the browser drew: what share of the map the
controls cover on a phone, whether an open popup lies inside the map and
clear of the controls, whether presenter full screen is all map, and whether
the map and the tour's buttons end inside the window on laptop screens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Frame, Page

from testkit.browser import chromium, leaflet_frame, map_box, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
TOUR_URL = "/tours?tour=jiangbei-structure&step=1"
#: Sum of the visible controls' areas over the map's area (overlaps counted twice: an upper bound).
CONTROLS_SHARE = """() => {
  const map = planmap.map.getContainer().getBoundingClientRect();
  let covered = 0;
  document.querySelectorAll('.leaflet-control').forEach(c => {
    const r = c.getBoundingClientRect();
    if (getComputedStyle(c).visibility !== 'hidden') covered += r.width * r.height;
  });
  return covered / (map.width * map.height);
}"""


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-screens-test.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _open(browser, url: str, *, width: int, height: int) -> tuple[Page, Frame]:
    page, _ = offline_page(browser, width=width, height=height)
    page.goto(url)
    frame = leaflet_frame(page, timeout_ms=60_000)  # the in-page map's page, or the folium iframe
    frame.wait_for_function("() => window.planmap !== undefined", timeout=30_000)
    page.wait_for_timeout(1000)  # the map settles its height after the first draw
    return page, frame


def _map_box(page: Page) -> dict:
    return map_box(page)


def test_on_a_phone_the_controls_cover_at_most_a_third_of_the_map(app_url, browser):
    page, frame = _open(browser, app_url, width=390, height=844)
    share = frame.evaluate(CONTROLS_SHARE)
    page.screenshot(path=str(ARTIFACTS / "screens-phone-overview.png"))
    page.context.close()
    assert share <= 0.30, f"controls cover {share:.0%} of the map"


def test_on_a_phone_an_open_popup_lies_inside_the_map_and_clear_of_the_controls(app_url, browser):
    page, frame = _open(browser, app_url, width=390, height=844)
    # The project with the longest quote: the widest, tallest popup.
    frame.evaluate("""() => {
      const group = planmap.data.groups.find(g => g.id === 'projects');
      const ids = Object.keys(planmap.index).filter(id => group.layers.indexOf(planmap.index[id].layerId) >= 0);
      const size = id => JSON.stringify(planmap.index[id].feature.properties).length;
      ids.sort((a, b) => size(b) - size(a));
      planmap.select(ids[0], {fly: false, open: true});
    }""")
    frame.locator(".leaflet-popup").wait_for(timeout=10_000)
    page.wait_for_timeout(1200)  # autoPan's animation
    boxes = frame.evaluate("""() => {
      const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
      const popup = document.querySelector('.leaflet-popup-content-wrapper');
      const controls = Array.from(document.querySelectorAll('.leaflet-control'))
        .filter(c => getComputedStyle(c).visibility !== 'hidden' && c.offsetWidth > 0).map(box);
      return {map: box(planmap.map.getContainer()), popup: box(popup), controls: controls};
    }""")
    page.screenshot(path=str(ARTIFACTS / "screens-phone-popup.png"))
    page.context.close()
    (ml, mt, mr, mb), (pl, pt, pr, pb) = boxes["map"], boxes["popup"]
    assert ml <= pl and mt <= pt and pr <= mr and pb <= mb, f"popup {boxes['popup']} not inside map {boxes['map']}"
    for cl, ct, cr, cb in boxes["controls"]:
        assert cr <= pl or pr <= cl or cb <= pt or pb <= ct, "a control covers the open popup"


def test_on_a_phone_the_tour_buttons_keep_their_words_on_one_line(app_url, browser):
    page, frame = _open(browser, app_url + TOUR_URL, width=390, height=844)
    heights = frame.evaluate("""() => Array.from(document.querySelectorAll('.pt-buttons button')).map(b =>
      b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight || '16'))""")
    page.context.close()
    assert heights and max(heights) < 2.2, f"button heights in lines: {heights}"


def test_presenter_full_screen_is_all_map_on_a_projector(app_url, browser):
    page, frame = _open(browser, app_url + TOUR_URL, width=1920, height=1080)
    frame.locator(".pt-presenter-toggle").click()  # a user gesture: full screen is allowed
    page.wait_for_function("() => document.fullscreenElement !== null", timeout=10_000)
    page.wait_for_timeout(800)
    screen = page.evaluate("() => window.innerHeight")
    drawn = frame.evaluate("() => planmap.map.getContainer().getBoundingClientRect().height")
    page.screenshot(path=str(ARTIFACTS / "screens-projector-presenter.png"))
    page.context.close()
    assert drawn >= screen - 1, f"map {drawn} px tall on a {screen} px screen"


def test_the_tour_buttons_are_visible_without_scrolling_on_a_1440_by_900_laptop(app_url, browser):
    page, frame = _open(browser, app_url + TOUR_URL, width=1440, height=900)
    # Boxes inside an iframe count from its corner; the in-page map's already from the window's.
    top = 0 if frame == page.main_frame else _map_box(page)["y"]
    bottom = frame.evaluate("() => document.querySelector('.pt-next').getBoundingClientRect().bottom")
    page.context.close()
    assert top + bottom <= 900, f"下一步 ends at {top + bottom:.0f} px of a 900 px window"


@pytest.mark.parametrize("path", ["/", TOUR_URL])
def test_the_map_ends_inside_a_1366_by_768_window(app_url, browser, path):
    page, _ = _open(browser, app_url + path, width=1366, height=768)
    box = _map_box(page)
    page.context.close()
    assert box["y"] + box["height"] <= 768, f"the map ends at {box['y'] + box['height']:.0f} px of 768"
    assert box["height"] >= 320


def test_the_map_grows_with_a_projector_window(app_url, browser):
    page, _ = _open(browser, app_url, width=1920, height=1080)
    box = _map_box(page)
    page.context.close()
    assert 1080 - 60 <= box["y"] + box["height"] <= 1080, f"the map ends at {box['y'] + box['height']:.0f} px of 1080"


def test_on_a_phone_picking_a_nearby_project_shows_its_details_where_it_was_picked(app_url, browser):
    import re

    page, _ = offline_page(browser, width=390, height=844)
    page.goto(f"{app_url}/nearby?r=5000")
    box = page.locator("[data-testid='stMain']").get_by_role("combobox").first
    box.click()
    box.fill("宁波大学")
    page.keyboard.press("Enter")
    buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
    buttons.nth(3).wait_for(timeout=60_000)  # far down the list, below the map
    name = buttons.nth(3).inner_text().split(" · ")[1]
    buttons.nth(3).click()
    page.get_by_role("link", name="在原文中查看").wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    # The details' first line is plain text ("name · distance · category") in a bordered box.
    title = page.locator("[data-testid='stMain'] [data-testid='stText']", has_text=name).first.bounding_box()
    page.screenshot(path=str(ARTIFACTS / "screens-phone-nearby.png"))
    page.context.close()
    # The details' title is on screen: the finger that picked it need not scroll to find them.
    assert title is not None and title["y"] >= 0 and title["y"] + title["height"] <= 844, f"details at {title}"
