"""The curation page in Chromium, on copies of the data: an editor places an unlocated
place by drawing it and the planner's map shows it; a visitor without a login sees
no editing controls whatever the URL says; an import keeps the good rows and lists
every bad one.

Every point written here is a made-up test point inside 宁波市, and the source
typed with it says so; it goes only into the temporary copies.
"""

import contextlib
import hashlib
import json
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from geo.settings import GAZETTEER_DIR
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from testkit.browser import chromium, click_when_still, map_frame, offline_page
from testkit.curation import PASSWORD, copy_gazetteer, copy_store, data_env
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
#: Unlocated in the repository's gazetteer; the plans name it 11 times.
PLACE = "jb-ningbo-wenchuang-port"
#: Where the test clicks (lat, lon): on the north bank in 江北区, a made-up test point.
CLICK = (29.8890, 121.5560)
TEST_SOURCE = "browser test: made-up point, not a real location"


def _digest(paths):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on temporary copies with editor `wang`; the repository's data must not change."""
    ARTIFACTS.mkdir(exist_ok=True)
    watched = [*GAZETTEER_DIR.glob("*.csv"), *(GAZETTEER_DIR / "curation").glob("*"), LAYERS_GPKG]
    before = _digest(watched)
    root = tmp_path_factory.mktemp("curation-app")
    gazetteer = copy_gazetteer(root / "gazetteer")
    store = copy_store(root / "layers" / "planmap.gpkg")
    env = data_env(gazetteer, store, editor_names=("wang",))
    with running_app(env=env, log_path=ARTIFACTS / "streamlit-curation-test.log") as url:
        yield {"url": url, "gazetteer": gazetteer, "store": store}
    assert _digest(watched) == before, "a test changed the repository's data files"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _planmap_frame(page, timeout_s=60.0):
    """Whichever frame runs the planner's map (`window.planmap`), once its features are indexed."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            with contextlib.suppress(PlaywrightError):
                if frame.evaluate("typeof planmap !== 'undefined' && Object.keys(planmap.index).length > 0"):
                    return frame
        page.wait_for_timeout(250)
    raise AssertionError("the planner's map did not draw")


def _log_in(page):
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_label("用户名").fill("wang")
    sidebar.get_by_label("密码").fill(PASSWORD)
    sidebar.get_by_role("button", name="登录").click()
    sidebar.get_by_text("已登录编辑").wait_for(timeout=30_000)
    # The run before the login may still show its copy of the page's tabs for a moment.
    expect(page.get_by_role("tab", name="导出 / 导入")).to_have_count(1, timeout=30_000)


def _editor_frame(page):
    """The curation map's frame once the drawing toolbar is there."""
    frame = page.frame_locator("iframe[title*='streamlit_folium']").first
    frame.locator(".leaflet-draw-draw-marker").wait_for(timeout=30_000)
    return page.locator("iframe[title*='streamlit_folium']").first


def test_an_editor_draws_an_unlocated_place_and_the_planners_map_shows_it(server, browser, nearby_heading):
    page, log = offline_page(browser, height=1100)
    page.goto(f"{server['url']}/curation?place={PLACE}")
    page.get_by_role("heading", name="宁波文创港").wait_for(timeout=60_000)
    _log_in(page)
    iframe = _editor_frame(page)
    iframe.scroll_into_view_if_needed()
    frame = iframe.element_handle().content_frame()
    frame.locator(".leaflet-draw-draw-marker").click()

    def where():  # the frame may still move while the page lays itself out
        point, box = frame.evaluate(f"window.map.latLngToContainerPoint([{CLICK[0]}, {CLICK[1]}])"), iframe.bounding_box()
        return box["x"] + point["x"], box["y"] + point["y"]

    click_when_still(page, where)
    page.get_by_text("已画：Point").wait_for(timeout=30_000)

    page.get_by_label("来源（必填）").fill(TEST_SOURCE)
    page.get_by_label("来源（必填）").press("Tab")
    page.get_by_role("button", name="保存", exact=True).click()
    page.get_by_text("已保存。").wait_for(timeout=120_000)
    page.get_by_role("heading", name="修改记录").wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "curation-saved.png"))

    history = [json.loads(line) for line in
               (server["gazetteer"] / "curation" / "history.jsonl").read_text(encoding="utf-8").splitlines()]
    change = history[-1]
    assert (change["place_id"], change["editor"], change["action"]) == (PLACE, "wang", "set")
    assert change["before"]["precision"] == "unlocated" and change["after"]["precision"] == "approximate"
    assert change["after"]["method"] == "digitized" and change["source"] == TEST_SOURCE
    lon, lat = (float(v) for v in change["after"]["wkt"].removeprefix("POINT (").rstrip(")").split())
    # One screen pixel at the map's zoom is tens of metres; the click lands within a few.
    assert abs(lon - CLICK[1]) < 0.002 and abs(lat - CLICK[0]) < 0.002

    # The planner's map (a new visitor) draws the place where it was put ...
    planner, planner_log = offline_page(browser)
    planner.goto(server["url"])
    pm = _planmap_frame(planner)
    feature = pm.evaluate(f"planmap.index['{PLACE}'] && planmap.index['{PLACE}'].feature")
    assert feature is not None, "the placed place is not on the planner's map"
    assert feature["properties"]["precision"] == "approximate"
    x, y = feature["geometry"]["coordinates"]
    assert abs(x - lon) < 1e-4 and abs(y - lat) < 1e-4
    # ... and the projects placed through it were located again in the partial rebuild.
    projects = read_layer("projects", path=server["store"])
    through = projects[projects["place_ids"].fillna("").str.split("|").map(lambda ids: PLACE in ids)
                       & projects["precision"].isin(["exact", "approximate"])]
    assert len(through) > 0
    assert all(pm.evaluate(f"'{pid}' in planmap.index") for pid in through["id"])
    # Nearby search knows the place by name now.
    planner.goto(f"{server['url']}/nearby")
    box = planner.locator("[data-testid='stMain']").get_by_role("combobox").first
    box.click()
    box.fill("宁波文创港")
    planner.keyboard.press("Enter")
    nearby_heading(planner, "宁波文创港").wait_for(timeout=30_000)

    # The editor undoes the change: the place is unlocated again, in the files and the layers.
    page.get_by_role("button", name="撤销最近一次修改").click()
    page.get_by_text("已撤销。").wait_for(timeout=120_000)
    last = json.loads((server["gazetteer"] / "curation" / "history.jsonl").read_text(encoding="utf-8")
                      .splitlines()[-1])
    assert (last["action"], last["undoes"], last["after"]["precision"]) == ("undo", change["change_id"], "unlocated")
    places = read_layer("places", path=server["store"]).set_index("id")
    assert places.loc[PLACE, "precision"] == "unlocated"
    assert log.blocked == [] and log.page_errors == [] and planner_log.blocked == []


def test_a_visitor_without_login_sees_no_editing_controls_whatever_the_url_says(server, browser):
    page, log = offline_page(browser, height=1400)
    page.goto(f"{server['url']}/curation?place={PLACE}&editor=1&edit=true&role=editor&curation_editor=wang")
    page.get_by_role("heading", name="宁波文创港").wait_for(timeout=60_000)
    map_frame(page)
    page.get_by_text("只读模式").wait_for()
    frame = page.frame_locator("iframe[title*='streamlit_folium']").first
    frame.locator(".leaflet-control-zoom").wait_for()
    assert frame.locator(".leaflet-draw").count() == 0
    assert page.get_by_role("button", name="保存", exact=True).count() == 0
    assert page.get_by_role("button", name="撤销", exact=False).count() == 0
    assert page.get_by_text("定位方式").count() == 0
    assert page.get_by_label("来源（必填）").count() == 0
    page.get_by_role("tab", name="导出 / 导入").click()
    page.get_by_role("button", name="导出 GeoJSON").wait_for()
    assert page.locator("input[type='file']").count() == 0
    # The login form is offered, since the deployment configures editors.
    assert page.locator("section[data-testid='stSidebar']").get_by_role("button", name="登录").count() == 1
    assert log.blocked == [] and log.page_errors == []


def _feature(place_id, properties, geometry):
    return {"type": "Feature", "id": place_id, "properties": {"id": place_id, **properties}, "geometry": geometry}


def test_an_import_with_bad_rows_reports_each_and_keeps_the_good_ones(server, browser):
    made_up = {"precision": "approximate", "source": "browser test: made-up point"}
    features = [
        _feature("jb-yunhu", made_up, {"type": "Point", "coordinates": [121.5120, 29.9440]}),
        _feature("jb-tianyuan-beijiao", made_up, {"type": "Point", "coordinates": [121.5000, 29.9600]}),
        # Beijing: not inside 宁波市.
        _feature("jb-qianyang-ecommerce-town", made_up, {"type": "Point", "coordinates": [116.40, 39.90]}),
        # No source.
        _feature("jb-maoao-village", {"precision": "approximate", "source": ""},
                 {"type": "Point", "coordinates": [121.4800, 29.9700]}),
        # A type the gazetteer does not know.
        _feature("jb-dlut-ningbo-institute", {**made_up, "type": "spaceport"},
                 {"type": "Point", "coordinates": [121.5500, 29.9000]}),
    ]
    upload = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()
    page, log = offline_page(browser, height=1400)
    page.goto(f"{server['url']}/curation")
    page.get_by_role("heading", name="校正地图：补定位、改近似、留记录").wait_for(timeout=60_000)
    _log_in(page)
    page.get_by_role("tab", name="导出 / 导入").click()
    page.locator("input[type='file']").set_input_files(
        files=[{"name": "review.geojson", "mimeType": "application/geo+json", "buffer": upload}])
    page.get_by_role("button", name="导入", exact=True).click()
    summary = page.get_by_text("接受 2 行，拒绝 3 行")
    summary.wait_for(timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "curation-import.png"))
    table = page.locator("[data-testid='stTable']").last
    table.inner_text()  # waits until the table is there
    # Each rejected row: its feature number, its place and why.
    for number, rejected, why in ((3, "jb-qianyang-ecommerce-town", "not inside 宁波市"),
                                  (4, "jb-maoao-village", "source"), (5, "jb-dlut-ningbo-institute", "spaceport")):
        row = table.locator("tr", has_text=rejected)
        assert row.count() == 1
        cells = row.locator("td, th").all_inner_texts()
        assert cells[0].strip() == str(number) and why in cells[2]
    curated = (server["gazetteer"] / "curation" / "entries.csv").read_text(encoding="utf-8")
    assert "jb-yunhu," in curated and "jb-tianyuan-beijiao," in curated
    assert "jb-qianyang-ecommerce-town," not in curated and "jb-maoao-village," not in curated
    places = read_layer("places", path=server["store"]).set_index("id")
    assert places.loc["jb-yunhu", "precision"] == "approximate"
    assert places.loc["jb-maoao-village", "precision"] == "unlocated"
    assert log.blocked == [] and log.page_errors == []
