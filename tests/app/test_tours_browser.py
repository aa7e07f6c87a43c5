"""Presenter tours in Chromium: stepping by keyboard in the app, and an exported file offline."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Frame, Page, Route
from streamlit.testing.v1 import AppTest

from layers.tours import TOURS_DIR, load_tour
from view.tours_export import export_tour_html
from testkit.browser import IN_PAGE_MAP, chromium, offline_page
from testkit.inpage import count_script_runs
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
TOUR = "jiangbei-structure"
#: The view contains the step's bounds once the fly animation has ended.
VIEW_HOLDS = ("() => plantour.settled && "
              "planmap.map.getBounds().pad(0.001).contains(L.latLngBounds(plantour.steps[plantour.current - 1].bounds))")


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-tours-test.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _tour_frame(page: Page, *, timeout_s: float = 60.0) -> Frame:
    """The frame (the app's map iframe, or the page itself) running the tour."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate("typeof window.plantour === 'object' && window.plantour !== null"):
                    return frame
            except Exception:  # noqa: BLE001 - frames come and go while Streamlit renders
                continue
        page.wait_for_timeout(250)
    raise AssertionError("no tour on the page")


def _state(frame: Frame) -> dict:
    frame.wait_for_function(VIEW_HOLDS, timeout=10_000)
    return frame.evaluate("""() => ({
        step: plantour.current,
        highlighted: plantour.highlighted.slice(),
        styled: plantour.highlighted.every(function (id) {
            var l = planmap.index[id].layer, paths = l.getLayers ? l.getLayers() : [l];
            return paths.every(function (p) { return !p.setStyle || p.options.color === '#e11d48'; });
        }),
        center: planmap.map.getCenter(), zoom: planmap.map.getZoom(),
        counter: document.querySelector('.pt-counter').textContent,
        title: document.querySelector('.pt-step-title').textContent,
        quotes: Array.from(document.querySelectorAll('.pt-quote blockquote')).map(function (q) { return q.textContent; }),
    })""")


def _url_step(url: str) -> str:
    return parse_qs(urlsplit(url).query)["step"][0]


def test_keyboard_steps_a_built_in_tour_moving_the_view_and_the_highlights(app_url, browser):
    tour = load_tour(TOUR)
    page, log = offline_page(browser)
    bad_responses: list[str] = []
    page.on("response", lambda r: bad_responses.append(r.url) if r.status >= 400 else None)
    runs = count_script_runs(page)
    page.goto(f"{app_url}/tours?tour={TOUR}&step=2")
    frame = _tour_frame(page)
    first = _state(frame)
    runs_before = runs.count
    assert first["step"] == 2
    assert first["highlighted"] == list(tour.steps[1].highlight) and first["styled"]
    assert first["quotes"] == [p.text for p in tour.steps[1].narrative]
    frame.evaluate("window.__sameMap = planmap.map")

    page.keyboard.press("ArrowRight")
    second = _state(frame)
    assert second["step"] == 3 and second["counter"].endswith("3 / 8")
    assert second["highlighted"] == list(tour.steps[2].highlight) and second["styled"]
    assert set(second["highlighted"]).isdisjoint(first["highlighted"])
    assert (second["center"], second["zoom"]) != (first["center"], first["zoom"])
    assert second["title"] == tour.steps[2].title["zh"]
    assert _url_step(page.url) == "3"

    page.keyboard.press("PageDown")
    assert _state(frame)["step"] == 4
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    back = _state(frame)
    assert back["step"] == 2 and back["highlighted"] == first["highlighted"]
    # The earlier highlights were put back to their own style.
    assert frame.evaluate(f"planmap.index['{tour.steps[2].highlight[0]}'].layer.options.color") != "#e11d48"
    # Stepping changed the map in place: same Leaflet map, in the page itself, no rerun.
    assert frame.evaluate("window.__sameMap === planmap.map")
    assert frame == page.main_frame and page.locator(IN_PAGE_MAP).count() == 1
    assert page.locator("iframe[title*='streamlit_folium']").count() == 0
    assert runs_before >= 1 and runs.count == runs_before
    page.screenshot(path=str(ARTIFACTS / "tour-app.png"))
    assert log.blocked == [] and log.page_errors == []
    # Streamlit probes /tours/_stcore/... before its real base path; nothing else may fail.
    assert all("/_stcore/" in url for url in bad_responses), bad_responses


def test_buttons_home_end_and_presenter_step_in_the_page_without_a_rerun(app_url, browser):
    tour = load_tour(TOUR)
    page, log = offline_page(browser)
    runs = count_script_runs(page)
    page.goto(f"{app_url}/tours?tour={TOUR}&step=3&presenter=1")
    frame = _tour_frame(page)
    start = _state(frame)
    assert start["step"] == 3
    # `presenter=1` in the URL opens the presenter layout: no buttons, no map controls.
    assert page.locator("body.pt-presenter").count() == 1 and page.locator(".pt-buttons").is_hidden()
    page.keyboard.press("Escape")
    assert page.locator(".pt-buttons").is_visible()
    assert "presenter=0" in page.url
    runs_before = runs.count
    page.evaluate("window.__sameMap = planmap.map; window.__sameTour = plantour")

    page.locator(".pt-next").click()
    assert _state(frame)["step"] == 4
    page.keyboard.press("End")
    last = _state(frame)
    assert last["step"] == len(tour.steps) and page.locator(".pt-next").is_disabled()
    assert _url_step(page.url) == str(len(tour.steps))
    page.keyboard.press("Home")
    assert _state(frame)["step"] == 1 and page.locator(".pt-prev").is_disabled()
    page.keyboard.press("P")
    assert page.locator(".pt-buttons").is_hidden()
    page.keyboard.press("p")
    assert page.locator(".pt-buttons").is_visible()
    # Downloading the offline file does not rerun the page either.
    with page.expect_download(timeout=60_000) as caught:
        page.locator("[data-testid='stDownloadButton'] button").first.click()
    assert caught.value.suggested_filename == f"{TOUR}.html"
    page.wait_for_timeout(500)
    assert page.evaluate("window.__sameMap === planmap.map && window.__sameTour === plantour")
    assert runs.count == runs_before
    assert page.locator(".pt-panel").count() == 1
    assert log.blocked == [] and log.page_errors == []
    page.context.close()


def test_choosing_another_tour_replaces_the_tour_on_the_page(app_url, browser):
    page, log = offline_page(browser)
    page.goto(f"{app_url}/tours?tour={TOUR}&step=2")
    frame = _tour_frame(page)
    assert _state(frame)["step"] == 2
    other = load_tour("yinzhou-key-blocks")
    box = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first
    box.click()
    page.keyboard.type(other.title["zh"])
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => window.plantour && plantour.data.id === '{other.id}'", timeout=60_000)
    state = _state(frame)
    assert state["step"] == 1 and state["title"] == other.steps[0].title["zh"]
    # One tour panel, answering the keys once: the first tour's listeners left with it.
    assert page.locator(".pt-panel").count() == 1
    page.locator(".pt-step-title").click()  # the keys go to the page, not the tour picker
    page.keyboard.press("ArrowRight")
    assert _state(frame)["step"] == 2
    assert log.page_errors == []
    page.context.close()


def test_an_exported_tour_steps_from_a_file_with_every_request_blocked(browser, tmp_path):
    tour = load_tour(TOUR)
    path = tmp_path / f"{TOUR}.html"
    path.write_text(export_tour_html(TOUR), encoding="utf-8")
    file_url = path.as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.split("?")[0] == file_url:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: blocked.append(req.url) if not req.url.startswith(file_url) else None)
    page.goto(file_url)
    frame = _tour_frame(page)
    start = _state(frame)
    assert start["step"] == 1 and start["counter"].endswith("1 / 8")
    assert frame.evaluate("Object.keys(planmap.layers).length") > 10

    page.keyboard.press("ArrowRight")
    nxt = _state(frame)
    assert nxt["step"] == 2 and nxt["highlighted"] == list(tour.steps[1].highlight) and nxt["styled"]
    assert (nxt["center"], nxt["zoom"]) != (start["center"], start["zoom"])
    page.locator(".pt-next").click()
    assert _state(frame)["step"] == 3
    page.locator(".pt-prev").click()
    assert _state(frame)["step"] == 2
    page.keyboard.press("End")
    last = _state(frame)
    assert last["step"] == 8 and page.locator(".pt-next").is_disabled()
    assert last["quotes"] == [p.text for p in tour.steps[7].narrative]

    # Presenter layout: map controls and buttons gone, the step title larger.
    size = frame.evaluate("parseFloat(getComputedStyle(document.querySelector('.pt-step-title')).fontSize)")
    page.keyboard.press("p")
    assert page.locator(".leaflet-control-zoom").is_hidden() and page.locator(".pt-buttons").is_hidden()
    assert frame.evaluate("parseFloat(getComputedStyle(document.querySelector('.pt-step-title')).fontSize)") > size
    page.keyboard.press("PageUp")
    assert _state(frame)["step"] == 7
    page.screenshot(path=str(ARTIFACTS / "tour-offline-presenter.png"))
    page.keyboard.press("Escape")
    assert page.locator(".pt-buttons").is_visible()
    assert blocked == [] and errors == []
    context.close()


def test_a_step_in_the_url_opens_the_exported_file_at_that_step(browser, tmp_path):
    path = tmp_path / "tour.html"
    path.write_text(export_tour_html("yinzhou-key-blocks"), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 800}, offline=True)
    page = context.new_page()
    page.goto(f"{path.as_uri()}?tour=yinzhou-key-blocks&step=4")
    frame = _tour_frame(page)
    state = _state(frame)
    tour = load_tour("yinzhou-key-blocks")
    assert state["step"] == 4 and state["highlighted"] == []
    assert state["title"] == tour.steps[3].title["zh"]
    context.close()


def test_the_tours_page_reports_an_unknown_tour_and_opens_the_first():
    page = str(Path(__file__).resolve().parents[2] / "pages" / "tours.py")
    app = AppTest.from_file(page, default_timeout=60)
    app.query_params.update({"tour": "<b>nope</b>", "step": "x"})
    app.run()
    assert not app.exception
    # Shown as the text typed (escaped for Markdown, see view.safe_text), not as markup.
    assert app.error and r"\<b\>nope\<\/b\>" in app.error[0].value
    assert app.selectbox(key="tour").value == sorted(p.stem for p in TOURS_DIR.glob("*.yaml"))[0]
