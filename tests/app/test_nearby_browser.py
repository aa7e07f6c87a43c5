"""Citizens' page in Chromium: type a place, see the circle and a sorted list, pick one.

The map is drawn in the page itself (no iframe); `map_frame` finds it either way.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.browser import IN_PAGE_MAP, chromium, click_when_still, leaflet_frame, map_box, map_frame, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-nearby-test.log") as url:
        yield url


def _search(page, app_url: str, typed: str) -> None:
    """Open the page and type into its own place box."""
    page.goto(f"{app_url}/nearby")
    box = page.locator("[data-testid='stMain']").get_by_role("combobox").first
    box.click()
    box.fill(typed)
    page.keyboard.press("Enter")


def _metres(label: str) -> float:
    number, unit = re.match(r"([\d.]+)\s*(米|公里)", label).groups()
    return float(number) * (1000 if unit == "公里" else 1)


def test_typing_a_place_draws_the_circle_and_lists_projects_nearest_first(app_url, nearby_heading):
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, "宁波大学")
        nearby_heading(page, "宁波大学").wait_for(timeout=30_000)
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
        page.get_by_role("link", name="在原文中查看", exact=True).wait_for(timeout=30_000)
        assert page.get_by_text(first_name).count() >= 1
        page.screenshot(path=str(ARTIFACTS / "nearby.png"))
        assert log.blocked == [] and log.page_errors == []


def test_an_unknown_place_gets_a_clear_message_with_suggestions(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "火星基地")
        error = page.get_by_text("地名表中没有“火星基地”")
        error.wait_for(timeout=30_000)
        assert "gazetteer" not in error.inner_text() and "请换一个地名" in error.inner_text()


def test_my_location_button_searches_around_the_browsers_position(app_url, nearby_heading):
    with chromium() as browser:
        page, log = offline_page(browser, geolocation={"latitude": 29.9142, "longitude": 121.6303})
        page.goto(f"{app_url}/nearby")
        map_frame(page)
        page.locator(f"{IN_PAGE_MAP} button.pm-locate").click()
        nearby_heading(page, "地图上选的点").wait_for(timeout=30_000)
        buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
        buttons.first.wait_for()
        expect(page).to_have_url(re.compile(r"at=29\.9142\d(,|%2C)121\.6303\d"), timeout=10_000)
        assert log.blocked == [] and log.page_errors == []


def test_my_location_button_refused_the_position_says_so_and_searches_nothing(app_url):
    with chromium() as browser:
        page, log = offline_page(browser, geolocation={"latitude": 29.9142, "longitude": 121.6303},
                                 geolocation_allowed=False)
        page.goto(f"{app_url}/nearby")
        map_frame(page)
        button = page.locator(f"{IN_PAGE_MAP} button.pm-locate")
        button.click()
        expect(button).to_have_text("◎ 无法获取位置", timeout=15_000)
        assert page.get_by_text("请输入地名，或在地图上点选一个位置。").count() == 1
        assert "at=" not in page.url
        assert log.blocked == [] and log.page_errors == []


def _click_map_at(page, lat: float, lon: float) -> None:
    """Click the in-page map where (lat, lon) is drawn, as a user would, once the map has stopped moving."""
    frame = leaflet_frame(page)

    def where():
        point, box = frame.evaluate(f"planmap.map.latLngToContainerPoint([{lat}, {lon}])"), map_box(page)
        return box["x"] + point["x"], box["y"] + point["y"]

    click_when_still(page, where)


def test_a_click_on_the_map_in_the_page_becomes_the_search_centre(app_url, nearby_heading):
    with chromium() as browser:
        page, log = offline_page(browser)
        page.goto(f"{app_url}/nearby")
        page.get_by_text("请输入地名，或在地图上点选一个位置。").wait_for(timeout=30_000)
        assert page.locator("iframe").count() == 0  # the map is in the page, not a frame
        _click_map_at(page, 29.9142, 121.6303)
        nearby_heading(page, "地图上选的点").wait_for(timeout=60_000)
        expect(page).to_have_url(re.compile(r"at=29\.91\d+(,|%2C)121\.63\d+"), timeout=10_000)
        lat, lon = (float(v) for v in re.search(r"at=([\d.]+)(?:,|%2C)([\d.]+)", page.url).groups())
        assert abs(lat - 29.9142) < 0.002 and abs(lon - 121.6303) < 0.002
        # The new map is centred on the click, with its circle drawn.
        page.locator(f"{IN_PAGE_MAP} .leaflet-overlay-pane path[stroke='#2563eb']").first.wait_for(state="attached")
        centre = leaflet_frame(page).evaluate("(() => { const c = planmap.map.getCenter(); return [c.lat, c.lng]; })()")
        assert abs(centre[0] - lat) < 1e-3 and abs(centre[1] - lon) < 1e-3
        assert log.blocked == [] and log.page_errors == []


def test_picking_a_project_from_the_list_opens_it_on_the_same_map_without_drawing_it_again(app_url, nearby_heading):
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, "宁波大学")
        nearby_heading(page, "宁波大学").wait_for(timeout=30_000)
        frame = leaflet_frame(page)
        buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
        buttons.first.wait_for()
        frame.evaluate("window.__searchMap = planmap.map; planmap.map.__mark = 'first draw'")
        name = buttons.first.inner_text().split(" · ")[1]
        buttons.first.click()
        page.get_by_role("link", name="在原文中查看", exact=True).wait_for(timeout=30_000)
        expect(page).to_have_url(re.compile(r"sel="), timeout=10_000)
        page.locator(f"{IN_PAGE_MAP} .leaflet-popup").wait_for(timeout=10_000)
        assert name in page.locator(f"{IN_PAGE_MAP} .leaflet-popup").inner_text()
        assert frame.evaluate("planmap.map === window.__searchMap && planmap.map.__mark === 'first draw'")
        assert page.locator(IN_PAGE_MAP).count() == 1
        assert log.blocked == [] and log.page_errors == []


def test_a_shared_link_with_a_picked_project_opens_its_details_and_its_popup_on_the_map(app_url, nearby_heading):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "宁波大学")
        buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
        buttons.first.wait_for(timeout=30_000)
        name = buttons.first.inner_text().split(" · ")[1]
        buttons.first.click()
        expect(page).to_have_url(re.compile(r"sel="), timeout=10_000)
        shared, log = offline_page(browser)
        shared.goto(page.url)
        nearby_heading(shared, "宁波大学").wait_for(timeout=30_000)
        shared.get_by_role("link", name="在原文中查看", exact=True).wait_for(timeout=30_000)
        popup = shared.locator(f"{IN_PAGE_MAP} .leaflet-popup")
        popup.wait_for(timeout=15_000)
        assert name in popup.inner_text()
        assert log.blocked == [] and log.page_errors == []


def test_an_address_searches_around_the_street_it_names_and_says_the_house_number_was_not_used(app_url, nearby_heading):
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, "宁波市江北区大庆南路100号")
        nearby_heading(page, "大庆南路").wait_for(timeout=30_000)
        page.get_by_text("地址中的“100号”无法离线定位").wait_for()
        map_frame(page).locator(".leaflet-overlay-pane path[stroke='#2563eb']").first.wait_for(state="attached")
        assert log.blocked == [] and log.page_errors == []


def test_an_address_naming_only_a_district_is_refused_in_plain_words(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "鄞州区某某路88号")
        message = page.get_by_text("“鄞州区某某路88号”中认出了鄞州区")
        message.wait_for(timeout=30_000)
        assert "鄞州区是整个区" in message.inner_text()


def test_a_search_is_kept_in_the_url_and_the_link_opens_the_same_search(app_url, nearby_heading):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "宁波大学")
        summary = nearby_heading(page, "宁波大学")
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


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


@pytest.mark.parametrize("typed, district", [
    ("东部新城", "鄞州区"), ("南部新城", "鄞州区"), ("鄞州区", "鄞州区"),
])
def test_a_place_known_only_by_district_says_so_and_offers_that_districts_list(app_url, typed, district):
    """Issue 15 item 3: these answered "2 公里内有 0 个项目" around the middle of 鄞州.

    (钟公庙 and 南部商务区 of the issue have since been located from public data, so two
    places still known only by district stand in for them.)
    """
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, typed)
        page.get_by_text("无法按距离查找").first.wait_for(timeout=30_000)
        page.get_by_text(re.compile(rf"^{district}的 \d+ 个规划项目$")).first.wait_for()
        text = _main_text(page)
        assert "0 个项目" not in text and "公里内有" not in text
        assert "在地图上点一下" in text
        assert log.page_errors == []


def test_ningbo_city_is_the_whole_city_and_does_not_turn_into_yinzhou(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "宁波市")
        page.get_by_text("宁波市是整个城市").wait_for(timeout=30_000)
        page.get_by_text(re.compile(r"^江北区的 \d+ 个规划项目$")).wait_for()
        page.get_by_text(re.compile(r"^鄞州区的 \d+ 个规划项目$")).wait_for()
        assert "宁波市目前只知道在鄞州区" not in _main_text(page)


def test_a_district_only_place_offers_a_located_place_of_the_same_name(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "东钱湖")
        page.get_by_role("button", name="查找东钱湖站附近").click(timeout=30_000)
        page.get_by_text(re.compile(r"^东钱湖站 — ")).wait_for(timeout=30_000)


def test_far_projects_are_not_at_0_m_by_a_borrowed_line(app_url, nearby_heading):
    """Issue 15 item 4: 城际铁路 (only mentioning line 7) and 7号线鄞州段 were "0 米" from 江北's 大庆南路."""
    with chromium() as browser:
        page, log = offline_page(browser)
        _search(page, app_url, "宁波市江北区大庆南路100号")
        nearby_heading(page, "大庆南路").wait_for(timeout=30_000)
        buttons = page.locator("button", has_text=re.compile(r"^\s*[\d.]+\s*(米|公里) · "))
        buttons.first.wait_for()
        labels = buttons.all_inner_texts()
        assert not any("城际铁路" in label for label in labels), labels
        assert not any(label.startswith("0 米 · 7号线鄞州段") for label in labels), labels
        inferred = page.get_by_text(re.compile(r"项目提到了附近的地点，但项目本身的位置不知道"))
        inferred.click()
        page.get_by_text(re.compile(r"宁波至象山城际铁路工程.*（提到宁波轨道交通7号线.*项目本身位置未知）")).wait_for()
        assert log.page_errors == []


def test_a_real_road_not_yet_located_gets_its_districts_list_and_a_consistent_message(app_url):
    """Issue 15 item 5: "只认出了宁波市、鄞州区、天童南路，范围太大或尚未定位"."""
    with chromium() as browser:
        page, _ = offline_page(browser)
        _search(page, app_url, "宁波市鄞州区天童南路")
        message = page.get_by_text("天童南路尚未定位")
        message.wait_for(timeout=30_000)
        text = message.inner_text()
        assert "范围太大" not in text and "只知道在鄞州区" in text
        page.get_by_text(re.compile(r"^鄞州区的 \d+ 个规划项目$")).wait_for()


def test_english_keeps_the_radius_and_the_language_is_in_the_url(app_url):
    """Issue 15 item 13: switching to English made the slider jump to 500 m."""
    with chromium() as browser:
        page, log = offline_page(browser)
        page.goto(f"{app_url}/nearby?place=宁波大学&r=3000")
        page.get_by_text(re.compile(r"^宁波大学 — 3 公里内有")).wait_for(timeout=30_000)
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_role("link", name="语言 · Language: English").click()
        page.get_by_text(re.compile(r"^宁波大学 — \d+ projects within 3 km")).wait_for(timeout=30_000)
        thumb = page.locator("[data-testid='stMain'] [data-testid='stSliderThumbValue']").first
        assert thumb.inner_text().strip() == "3 km"
        page.wait_for_url(re.compile(r"lang=en"), timeout=10_000)
        assert "r=3000" in page.url
        shared, _ = offline_page(browser)
        shared.goto(page.url)
        shared.get_by_text(re.compile(r"projects within 3 km")).wait_for(timeout=30_000)
        assert log.page_errors == []


def test_an_unknown_place_in_english_is_worded_in_english(app_url):
    with chromium() as browser:
        page, _ = offline_page(browser)
        page.goto(f"{app_url}/nearby?lang=en&place=asdfgh")
        page.get_by_text("The gazetteer has no place named “asdfgh”").wait_for(timeout=30_000)
        assert "add it to a data/gazetteer" not in _main_text(page)
