"""The real app in Debian's Chromium with every request off this machine blocked."""

from pathlib import Path

import pytest

from testkit.browser import chromium, leaflet_frame, map_frame, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-browser-test.log") as url:
        yield url


def test_map_draws_every_district_with_no_request_leaving_the_machine(app_url):
    with chromium() as browser:
        page, log = offline_page(browser)
        page.goto(app_url)
        map_frame(page)  # waits until the map has drawn its features
        # Ten county-level units: two highlighted plan districts, eight for context.
        # Plan layers are SVG paths too, so count the district features themselves.
        units = leaflet_frame(page).evaluate("""() => { const codes = new Set();
          planmap.map.eachLayer(l => { const p = l.feature && l.feature.properties;
            if (p && p.adcode && !p.id) codes.add(p.adcode); });
          return codes.size; }""")
        assert units == 10
        page.get_by_text("规划地图").first.wait_for()
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "overview.png"))
        assert log.blocked == []
        assert log.console_errors == [] and log.page_errors == []
