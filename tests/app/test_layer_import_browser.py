"""Uploading a GIS layer on the curation page, in Chromium, on copies of the data.

An editor uploads the OSM extract (tests/data/sources, ODbL) as GeoJSON, picks
the name field and the datum, gives source and licence, and the layer is stored
as a place source; a layer outside 宁波 is refused with a message and nothing
stored; a visitor sees no upload at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from playwright.sync_api import expect

from testkit.browser import chromium, offline_page
from testkit.curation import PASSWORD, copy_gazetteer, copy_store, data_env
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
OSM_CSV = Path(__file__).resolve().parents[1] / "data" / "sources" / "osm_nignbohub_jiangbei_yinzhou.csv"


def _geojson(*, xoff: float = 0.0) -> bytes:
    table = pd.read_csv(OSM_CSV, dtype=str)
    frame = gpd.GeoDataFrame(table[["name", "kind"]], geometry=gpd.GeoSeries.from_wkt(table["wkt"]), crs="EPSG:4326")
    frame["geometry"] = frame.geometry.translate(xoff=xoff)
    return frame.to_json(ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    root = tmp_path_factory.mktemp("layer-import-app")
    gazetteer = copy_gazetteer(root / "gazetteer")
    store = copy_store(root / "layers" / "planmap.gpkg")
    with running_app(env=data_env(gazetteer, store, editor_names=("wang",)),
                     log_path=ARTIFACTS / "streamlit-layer-import-test.log") as url:
        yield {"url": url, "imports": gazetteer / "imports"}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _stored(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.*")) if p.suffix in (".json", ".gpkg")}


def _open_files_tab(page, url, *, log_in: bool):
    page.goto(f"{url}/curation")
    page.get_by_role("heading", name="校正地图：补定位、改近似、留记录").wait_for(timeout=60_000)
    if log_in:
        sidebar = page.locator("section[data-testid='stSidebar']")
        sidebar.get_by_label("用户名").fill("wang")
        sidebar.get_by_label("密码").fill(PASSWORD)
        sidebar.get_by_role("button", name="登录").click()
        sidebar.get_by_text("已登录编辑").wait_for(timeout=30_000)
        expect(page.get_by_role("tab", name="导出 / 导入")).to_have_count(1, timeout=30_000)
    page.get_by_role("tab", name="导出 / 导入").click()


def _upload(page, name: str, body: bytes):
    page.get_by_text("导入 GIS 图层作为地点来源").click()
    uploader = page.locator("[data-testid='stFileUploader']").filter(has_text="图层文件")
    uploader.locator("input[type='file']").set_input_files(
        files=[{"name": name, "mimeType": "application/geo+json", "buffer": body}])
    page.get_by_role("button", name="导入图层").wait_for(timeout=60_000)


def _fill(page, *, source: str = "OpenStreetMap via qingwalashi/nignbohub@15e16dd (browser test)",
          licence: str = "ODbL 1.0"):
    datum = page.locator("[data-testid='stSelectbox']").filter(has_text="坐标系（必填）")
    datum.get_by_role("combobox").click()
    page.get_by_role("option", name="WGS84（GPS、OpenStreetMap）").click()
    page.get_by_label("图层来源（必填）").fill(source)
    page.get_by_label("许可（必填）").fill(licence)
    page.get_by_role("button", name="导入图层").click()


def test_an_editor_imports_the_osm_layer_and_it_is_stored_as_a_source(server, browser):
    page, log = offline_page(browser, height=1600)
    _open_files_tab(page, server["url"], log_in=True)
    _upload(page, "osm_jiangbei_yinzhou.geojson", _geojson())
    name_field = page.locator("[data-testid='stSelectbox']").filter(has_text="名称字段")
    expect(name_field.get_by_role("combobox")).to_have_value("name")  # chosen from the file's own fields
    _fill(page)
    page.get_by_text("已导入 osm_jiangbei_yinzhou.geojson：389 个有名称的要素").wait_for(timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "layer-import.png"))
    sidecars = list(server["imports"].glob("*.json"))
    assert len(sidecars) == 1
    meta = json.loads(sidecars[0].read_text(encoding="utf-8"))
    assert (meta["features"], meta["datum"], meta["licence"], meta["name_field"]) == (389, "wgs84", "ODbL 1.0", "name")
    assert log.blocked == [] and log.page_errors == []


def test_a_layer_outside_ningbo_is_refused_with_a_message_and_nothing_stored(server, browser):
    before = _stored(server["imports"])
    page, _log = offline_page(browser, height=1600)
    _open_files_tab(page, server["url"], log_in=True)
    _upload(page, "elsewhere.geojson", _geojson(xoff=-15.0))
    _fill(page)
    error = page.locator("[data-testid='stAlert']").filter(has_text="未导入 elsewhere.geojson")
    error.wait_for(timeout=120_000)
    assert "没有一个在宁波市内" in error.inner_text()
    assert page.get_by_text("Traceback").count() == 0
    assert _stored(server["imports"]) == before


def test_a_visitor_sees_no_layer_upload(server, browser):
    page, _ = offline_page(browser)
    _open_files_tab(page, server["url"], log_in=False)
    page.get_by_role("button", name="导出 GeoJSON").wait_for(timeout=60_000)
    assert page.get_by_text("导入 GIS 图层作为地点来源").count() == 0


def test_a_gb18030_csv_is_refused_naming_its_encoding_then_imported_with_it(server, browser):
    geonames = Path(__file__).resolve().parents[1] / "data" / "sources" / "geonames_cities500_ningbo.csv"
    body = geonames.read_text(encoding="utf-8").replace("’", "'").encode("gb18030")
    before = _stored(server["imports"])
    page, log = offline_page(browser, height=1600)
    _open_files_tab(page, server["url"], log_in=True)
    page.get_by_text("导入 GIS 图层作为地点来源").click()
    uploader = page.locator("[data-testid='stFileUploader']").filter(has_text="图层文件")
    uploader.locator("input[type='file']").set_input_files(
        files=[{"name": "geonames_gb.csv", "mimeType": "text/csv", "buffer": body}])
    error = page.locator("[data-testid='stAlert']").filter(has_text="不是 UTF-8 编码")
    error.wait_for(timeout=60_000)
    assert "gb18030" in error.inner_text() and _stored(server["imports"]) == before
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="CSV 编码")
    box.get_by_role("combobox").click()
    page.get_by_role("option", name="gb18030").click()
    page.get_by_role("button", name="导入图层").wait_for(timeout=60_000)
    _fill(page, source="GeoNames cities500 (browser test, re-encoded as GB18030)", licence="CC BY 4.0")
    page.get_by_text("已导入 geonames_gb.csv：96 个有名称的要素").wait_for(timeout=120_000)
    assert page.get_by_text("宁波以外未导入 33 个").count() == 1
    assert log.page_errors == []
