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


def _search(page, app_url: str, typed: str) -> None:
    """Open the page and type into its own place box (the sidebar has the language box)."""
    page.goto(f"{app_url}/nearby")
    box = page.locator("[data-testid='stMain']").get_by_role("combobox").first
    box.click()
    box.fill(typed)
    page.keyboard.press("Enter")


def _metres(label: str) -> float:
    number, unit = re.match(r"([\d.]+)\s*(米|公里)", label).groups()
    return float(number) * (1000 if unit == "公里" else 1)


def test_typing_a_place_draws_the_circle_and_lists_projects_nearest_first(app_url):
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, "宁波大学")
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
        _search(page, app_url, "火星基地")
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


def test_an_address_searches_around_the_street_it_names_and_says_the_house_number_was_not_used(app_url):
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, "宁波市江北区大庆南路100号")
        page.get_by_text("大庆南路 —").wait_for(timeout=30_000)
        page.get_by_text("地址中的“100号”无法离线定位").wait_for()
        map_frame(page).locator(".leaflet-overlay-pane path[stroke='#2563eb']").first.wait_for(state="attached")
        assert log.blocked == [] and log.page_errors == []


def test_an_address_naming_only_a_district_is_refused_in_plain_words(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "鄞州区某某路88号")
        page.get_by_text("“鄞州区某某路88号”中只认出了鄞州区").wait_for(timeout=30_000)


def test_a_search_is_kept_in_the_url_and_the_link_opens_the_same_search(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "宁波大学")
        summary = page.get_by_text("宁波大学 —")
        summary.wait_for(timeout=30_000)
        page.wait_for_url(re.compile(r"place="), timeout=10_000)
        assert "r=2000" in page.url
        shared, log = offline_page(browser)
        shared.goto(page.url.replace("r=2000", "r=1000"))
        shared.get_by_text(re.compile(r"^宁波大学 — 1 公里内有 \d+ 个项目")).wait_for(timeout=30_000)
        assert log.blocked == [] and log.page_errors == []


def test_a_mangled_link_still_opens_the_page(app_url):
    with chromium() as browser:
        page, log = offline_page(browser)
        page.goto(f"{app_url}/nearby?r=abc&at=north,pole&place=")
        page.get_by_text("请输入地名，或在地图上点选一个位置。").wait_for(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        assert log.page_errors == []
