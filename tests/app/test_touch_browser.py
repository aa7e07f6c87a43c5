"""The overview's map on touch screens and at common window sizes (issue 16).

A finger drags the map in the page itself: the map moves and the script is
not rerun (the browser sends Streamlit nothing). The layer panel and the
legend keep their own header buttons in sight within the map however far
their rows are scrolled, on a phone, a small laptop and a full-HD screen.
"""

from pathlib import Path

import pytest

from testkit.browser import chromium, leaflet_frame, map_box
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
PHONE = {"width": 390, "height": 844}
SCREENS = [PHONE, {"width": 1366, "height": 768}, {"width": 1920, "height": 1080}]


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-touch-test.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _page(browser, viewport, *, touch=False):
    context = browser.new_context(viewport=viewport, locale="zh-CN", has_touch=touch, is_mobile=touch)
    # Nothing but this machine, as for every browser test here.
    context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                  or route.request.url.startswith("data:") else route.abort())
    return context.new_page()


def _inside(inner, outer, slack=1.0):
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)


def test_a_finger_drag_pans_the_map_without_rerunning_the_script(app_url, browser):
    page = _page(browser, PHONE, touch=True)
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append("frame")))
    page.goto(app_url)
    frame = leaflet_frame(page, timeout_ms=60_000)
    page.wait_for_timeout(1500)  # the first run's own messages are over
    box = map_box(page)
    before = frame.evaluate("[planmap.map.getCenter().lat, planmap.map.getCenter().lng]")
    sent.clear()
    cdp = page.context.new_cdp_session(page)
    x, y = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchMove", "touchPoints": [{"x": x + step * 15, "y": y - step * 10}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(1000)
    after = frame.evaluate("[planmap.map.getCenter().lat, planmap.map.getCenter().lng]")
    assert after != before
    # Dragged right and up: the map shows what lies west and south.
    assert after[1] < before[1] and after[0] < before[0]
    assert sent == []
    page.context.close()


@pytest.mark.parametrize("viewport", SCREENS, ids=lambda v: f"{v['width']}x{v['height']}")
def test_the_panel_and_legend_keep_their_headers_in_sight_when_their_rows_scroll(app_url, browser, viewport):
    page = _page(browser, viewport)
    page.goto(app_url)
    frame = leaflet_frame(page, timeout_ms=60_000)
    page.wait_for_timeout(500)  # the phone layout collapses the keys right after the map is made
    for toggle in page.locator(".pm-component-map .pm-screen-collapsed > .pm-screen-toggle").all():
        toggle.click()
    panel = page.locator(".pm-component-map .pm-panel")
    if "pm-collapsed" in (panel.get_attribute("class") or ""):
        page.locator(".pm-panel-toggle").click()
    assert "pm-collapsed" not in (panel.get_attribute("class") or "")
    # Scroll every scrolling box of both keys to its end, as a user reading the last rows would.
    frame.evaluate("""() => document.querySelectorAll('.pm-component-map .pm-panel, .pm-component-map .pm-panel *,'
        + ' .pm-component-map .pm-legend, .pm-component-map .pm-legend *').forEach(n => { n.scrollTop = n.scrollHeight; })""")
    page.wait_for_timeout(200)
    the_map = map_box(page)
    shown = {"width": viewport["width"], "height": viewport["height"], "x": 0, "y": 0}
    header = page.locator(".pm-panel-toggle").bounding_box()
    assert header is not None and header["height"] > 0
    assert _inside(header, the_map), (header, the_map)
    panel_box = panel.bounding_box()
    assert panel_box is not None and _inside(panel_box, the_map), (panel_box, the_map)
    legend = page.locator(".pm-component-map .pm-legend")
    legend_box = legend.bounding_box()
    assert legend_box is not None and _inside(legend_box, the_map), (legend_box, the_map)
    legend_toggle = legend.locator(".pm-screen-toggle")
    if legend_toggle.count() and legend_toggle.is_visible():
        toggle_box = legend_toggle.bounding_box()
        assert toggle_box is not None and _inside(toggle_box, legend_box), (toggle_box, legend_box)
    # The panel's header stays where the page shows it, once the map is scrolled into view.
    page.locator(".pm-panel-toggle").scroll_into_view_if_needed()
    header = page.locator(".pm-panel-toggle").bounding_box()
    assert header is not None and _inside(header, shown)
    # And the two keys do not cover each other.
    assert panel_box["y"] + panel_box["height"] <= legend_box["y"] + 1 or \
        panel_box["x"] + panel_box["width"] <= legend_box["x"] + 1
    page.context.close()
