"""Citizens' page in Chromium: type a place, see the circle and a sorted list, pick one."""

import re
from pathlib import Path

import pytest

from testkit.browser import chromium, map_frame, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-nearby-test.log") as url:
        yield url


def _metres(label: str) -> float:
    number, unit = re.match(r"([\d.]+)\s*(米|公里)", label).groups()
    return float(number) * (1000 if unit == "公里" else 1)


def test_typing_a_place_draws_the_circle_and_lists_projects_nearest_first(app_url):
    with chromium() as browser:
        page, log = offline_page(browser)
        page.goto(f"{app_url}/nearby")
        box = page.locator("[data-testid='stMain']").get_by_role("combobox").first
        box.click()
        box.fill("宁波大学")
        page.keyboard.press("Enter")
        page.get_by_text("宁波大学 —").wait_for(timeout=30_000)
        frame = map_frame(page)
        # The search circle is drawn (an SVG path with the circle's colour).
        frame.locator(".leaflet-overlay-pane path[stroke='#2563eb']").first.wait_for(state="attached")
        buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
        buttons.first.wait_for()
        labels = buttons.all_inner_texts()
        assert labels, "no project listed near 宁波大学"
        distances = [_metres(label) for label in labels]
        assert distances == sorted(distances) and distances[-1] <= 2000
        first_name = labels[0].split(" · ")[1]
        buttons.first.click()
        page.get_by_role("link", name="在原文中查看").wait_for(timeout=30_000)
        assert page.get_by_text(first_name).count() >= 1
        page.screenshot(path=str(ARTIFACTS / "nearby.png"))
        assert log.blocked == [] and log.page_errors == []


def test_an_unknown_place_gets_a_clear_message_with_suggestions(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        page.goto(f"{app_url}/nearby")
        box = page.locator("[data-testid='stMain']").get_by_role("combobox").first
        box.click()
        box.fill("火星基地")
        page.keyboard.press("Enter")
        error = page.get_by_text("找不到“火星基地”")
        error.wait_for(timeout=30_000)
        assert "close names" in error.inner_text() or "no close names" in error.inner_text()


def test_my_location_button_searches_around_the_browsers_position(app_url):
    with chromium() as browser:
        page, log = offline_page(browser, geolocation={"latitude": 29.9142, "longitude": 121.6303})
        page.goto(f"{app_url}/nearby")
        frame = map_frame(page)
        frame.locator("button.pm-locate").click()
        page.get_by_text("地图上选的点 —").wait_for(timeout=30_000)
        buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
        buttons.first.wait_for()
        assert log.blocked == [] and log.page_errors == []
