"""The suggestions tab of the curation page in Chromium, on copies of the data.

A visitor sees what the sources offer but no decision buttons; an editor accepts
all unambiguous GeoNames seats at once, and the changes land in the curation
history and the layers.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from geo.curation import CurationStore
from geo.settings import GAZETTEER_DIR
from geo.sources.public import GeoNamesSource
from geo.sources.suggestions import SuggestionStore
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from testkit.browser import chromium, map_frame, offline_page
from testkit.curation import PASSWORD, copy_gazetteer, copy_store, data_env
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    watched = [*GAZETTEER_DIR.glob("*.csv"), *(GAZETTEER_DIR / "curation").glob("*"),
               *(GAZETTEER_DIR / "suggestions").glob("*"), LAYERS_GPKG]
    before = {p: p.read_bytes() for p in watched if p.is_file()}
    root = tmp_path_factory.mktemp("suggestions-app")
    gazetteer = copy_gazetteer(root / "gazetteer")
    store = copy_store(root / "layers" / "planmap.gpkg")
    curation = CurationStore(gazetteer / "curation", gazetteer_dir=gazetteer)
    SuggestionStore(gazetteer, curation=curation).refresh(GeoNamesSource(), curation.gazetteer())
    env = data_env(gazetteer, store, editor_names=("wang",))
    with running_app(env=env, log_path=ARTIFACTS / "streamlit-suggestions-test.log") as url:
        yield {"url": url, "gazetteer": gazetteer, "store": store}
    assert {p: p.read_bytes() for p in watched if p.is_file()} == before, "a test changed the repository's data"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _open_tab(page, url):
    page.goto(f"{url}/curation")
    page.get_by_role("heading", name="校正地图：补定位、改近似、留记录").wait_for(timeout=60_000)
    page.get_by_role("tab", name="来源建议").click()
    page.get_by_text("等待编辑确认").wait_for(timeout=30_000)


def test_a_visitor_sees_the_suggestions_and_a_preview_but_cannot_decide(server, browser):
    page, log = offline_page(browser, height=1400)
    _open_tab(page, server["url"])
    page.get_by_text("12 条待定").wait_for(timeout=30_000)
    frame = page.frame_locator("iframe[title*='streamlit_folium']").last
    frame.locator("path.planmap-suggestion").first.wait_for(timeout=30_000)
    page.get_by_text("登录编辑后可接受或拒绝建议").wait_for()
    page.screenshot(path=str(ARTIFACTS / "curation-suggestions-visitor.png"), full_page=True)
    assert page.get_by_role("button", name="接受此建议").count() == 0
    assert page.get_by_role("button", name="接受全部无歧义建议", exact=False).count() == 0
    assert log.blocked == [] and log.page_errors == []


def test_an_editor_accepts_all_unambiguous_seats_into_the_history_and_layers(server, browser):
    page, log = offline_page(browser, height=1400)
    _open_tab(page, server["url"])
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_label("用户名").fill("wang")
    sidebar.get_by_label("密码").fill(PASSWORD)
    sidebar.get_by_role("button", name="登录").click()
    sidebar.get_by_text("已登录编辑").wait_for(timeout=30_000)
    # The run before the login may still show its copy of the page's tabs for a moment.
    expect(page.get_by_role("tab", name="来源建议")).to_have_count(1, timeout=30_000)
    page.get_by_role("tab", name="来源建议").click()
    button = page.get_by_role("button", name="接受全部无歧义建议（12 条）")
    expect(button).to_have_count(1, timeout=30_000)
    button.click()
    page.get_by_text("已接受 12 条建议").wait_for(timeout=180_000)
    page.screenshot(path=str(ARTIFACTS / "curation-suggestions-accepted.png"))
    history = [json.loads(line) for line in
               (server["gazetteer"] / "curation" / "history.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(history) == 12 and {c["action"] for c in history} == {"import"}
    assert {c["editor"] for c in history} == {"wang"}
    places = read_layer("places", path=server["store"]).set_index("id")
    assert places.loc["yz-tangxi-town", "precision"] == "approximate"
    assert "geonames.org/7070639" in places.loc["yz-tangxi-town", "source"]
    # The planner's map now credits GeoNames (its data is drawn) in the Leaflet attribution.
    planner, planner_log = offline_page(browser)
    planner.goto(server["url"])
    credit = map_frame(planner, timeout_ms=60_000).locator(".leaflet-control-attribution")
    expect(credit).to_contain_text("GeoNames (CC BY 4.0)", timeout=60_000)
    assert log.blocked == [] and log.page_errors == [] and planner_log.blocked == []
