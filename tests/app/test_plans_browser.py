"""The 规划文件 page in Chromium, on copies of the data: an editor uploads a real text of a
third district (海曙区), which then shows in the planner map's filters and map and on
the indicators page; a bad upload is refused with a message; a visitor cannot edit.

The text is a public press note on 海曙区's projects (source in
tests/data/plans/haishu/README.md); it goes only into the temporary copies.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from layers.settings import LAYERS_GPKG, PLANS_DIR
from testkit.browser import chromium, offline_page
from testkit.curation import PASSWORD, copy_gazetteer, copy_store, data_env
from testkit.plans import HAISHU_PRESS, HAISHU_REPORT, copy_plans, digests
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
TITLE = "海曙区“千项万亿”工程建设（测试上传）"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    before = digests(PLANS_DIR, LAYERS_GPKG)
    root = tmp_path_factory.mktemp("plans-app")
    plans = copy_plans(root / "plans")
    env = {**data_env(copy_gazetteer(root / "gazetteer"), copy_store(root / "layers" / "planmap.gpkg"),
                      editor_names=("wang",)),
           "PLANMAP_PLANS_DIR": str(plans)}
    with running_app(env=env, log_path=ARTIFACTS / "streamlit-plans-test.log") as url:
        yield {"url": url, "plans": plans}
    assert digests(PLANS_DIR, LAYERS_GPKG) == before, "a test changed the repository's data files"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_a_visitor_sees_the_catalog_but_no_upload(server, browser):
    page, log = offline_page(browser)
    page.goto(f"{server['url']}/plans")
    page.get_by_role("heading", name="规划文件").wait_for(timeout=60_000)
    page.get_by_text("登录为编辑者后可添加").wait_for(timeout=30_000)
    assert page.locator("input[type='file']").count() == 0
    assert page.get_by_role("button", name="添加规划").count() == 0
    assert log.page_errors == []


def test_an_editor_adds_a_third_district_and_it_shows_in_filters_map_and_indicators(server, browser):
    page, log = offline_page(browser, height=1400)
    page.goto(f"{server['url']}/plans")
    page.get_by_role("heading", name="规划文件").wait_for(timeout=60_000)
    _log_in(page)

    # A binary file first: refused with a message, nothing added, the form keeps its fields.
    _fill(page, name="plan.txt", data=(Path(__file__).resolve().parents[2] / "docs" / "screenshot-tour.png").read_bytes())
    page.get_by_role("button", name="添加规划").click()
    page.get_by_text("未作任何修改").wait_for(timeout=60_000)
    refused = page.locator("[data-testid='stAlert']").filter(has_text="未作任何修改").inner_text()
    assert "这是二进制文件" in refused and "binary" in refused
    assert page.get_by_label("区县（代码或名称）").input_value() == "海曙区"
    assert len((server["plans"] / "catalog.csv").read_text(encoding="utf-8").splitlines()) == 6

    # A scanned PDF, then a district name several units share: each refused, nothing added.
    _fill(page, name="scan.pdf", data=_scanned_pdf())
    page.get_by_role("button", name="添加规划").click()
    expect(page.locator("[data-testid='stAlert']").filter(has_text="扫描件")).to_have_count(1, timeout=60_000)
    _fill(page, name=HAISHU_PRESS.name, data=HAISHU_PRESS.read_bytes(), district="鼓楼区")
    page.get_by_role("button", name="添加规划").click()
    expect(page.locator("[data-testid='stAlert']").filter(has_text="有多个同名区县")).to_have_count(1, timeout=60_000)
    assert len((server["plans"] / "catalog.csv").read_text(encoding="utf-8").splitlines()) == 6

    _fill(page, name=HAISHU_PRESS.name, data=HAISHU_PRESS.read_bytes())
    page.get_by_role("button", name="添加规划").click()
    page.get_by_text("已添加").wait_for(timeout=120_000)
    expect(page.locator("[data-testid='stDataFrame']").first).to_contain_text("宁波市海曙区", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "plans-added.png"))
    catalog = (server["plans"] / "catalog.csv").read_text(encoding="utf-8")
    assert TITLE in catalog and ",330203," in catalog

    # The planner's map: a district filter for 海曙区, the district drawn as a plan district.
    page.goto(f"{server['url']}/")
    page.get_by_role("heading", name="规划地图 · 江北区、鄞州区、海曙区").wait_for(timeout=60_000)
    frame = _planmap_frame(page)
    assert frame.locator("input[data-filter='district'][value='330203']").count() == 1
    assert frame.evaluate("planmap.data.docs")[_doc_id(server)] == TITLE
    highlighted = frame.evaluate(
        "() => { const out = []; planmap.map.eachLayer(l => { const p = l.feature && l.feature.properties;"
        " if (p && p.adcode && l.options && l.options.color) out.push([p.adcode, l.options.color]); }); return out; }")
    plan_colour = dict(highlighted)["330205"]
    assert dict(highlighted)["330203"] == plan_colour
    page.screenshot(path=str(ARTIFACTS / "plans-third-district-map.png"))

    # The indicators page lists the district (its plan sets no indicator table) and marks it on the map.
    page.goto(f"{server['url']}/indicators?table=表2&view=tables")
    page.get_by_role("heading", name="海曙区 · ", exact=False).first.wait_for(timeout=60_000)
    page.goto(f"{server['url']}/indicators?table=表2&view=map")
    # The indicators map is in the page itself (an in-page component), not in an iframe.
    legend = page.locator(".indicator-legend .legend-item[data-adcode='330203']")
    legend.wait_for(timeout=60_000)
    assert "海曙区" in legend.inner_text() and "无数据" in legend.inner_text()
    assert log.page_errors == []


def test_an_editor_replaces_the_added_plans_text_after_confirming(server, browser):
    doc_id = _doc_id(server)
    page, log = offline_page(browser, height=1400)
    page.goto(f"{server['url']}/plans")
    page.get_by_role("heading", name="规划文件").wait_for(timeout=60_000)
    _log_in(page)
    page.get_by_role("tab", name="替换").click()
    page.get_by_role("combobox", name="要替换的规划").click()
    page.get_by_role("option", name=doc_id, exact=False).click()
    page.locator("input[type='file']").nth(1).set_input_files(
        files=[{"name": HAISHU_REPORT.name, "mimeType": "text/plain", "buffer": HAISHU_REPORT.read_bytes()}])
    page.get_by_role("button", name="替换", exact=True).click()
    page.get_by_text("请先勾选确认").wait_for(timeout=30_000)
    assert (server["plans"] / f"{doc_id}.txt").read_bytes() == HAISHU_PRESS.read_bytes()
    page.get_by_text("确认用新文件替换此规划的文字").click()
    page.get_by_role("button", name="替换", exact=True).click()
    page.get_by_text("已替换").wait_for(timeout=120_000)
    assert (server["plans"] / f"{doc_id}.txt").read_bytes() == HAISHU_REPORT.read_bytes()
    assert TITLE in (server["plans"] / "catalog.csv").read_text(encoding="utf-8")  # details kept
    assert log.page_errors == []


def test_an_editor_removes_the_added_plan_after_typing_its_id(server, browser):
    doc_id = _doc_id(server)
    page, log = offline_page(browser, height=1400)
    page.goto(f"{server['url']}/plans")
    page.get_by_role("heading", name="规划文件").wait_for(timeout=60_000)
    _log_in(page)
    page.get_by_role("tab", name="删除").click()
    page.get_by_role("combobox", name="要删除的规划").click()
    page.get_by_role("option", name=doc_id, exact=False).click()
    page.get_by_role("button", name="删除规划").click()
    page.get_by_text("未删除").wait_for(timeout=30_000)
    assert doc_id in (server["plans"] / "catalog.csv").read_text(encoding="utf-8")
    page.get_by_label("输入要删除的规划编号以确认").fill(doc_id)
    page.get_by_role("button", name="删除规划").click()
    page.get_by_text("已删除").wait_for(timeout=120_000)
    assert doc_id not in (server["plans"] / "catalog.csv").read_text(encoding="utf-8")
    assert not (server["plans"] / f"{doc_id}.txt").exists()
    assert log.page_errors == []


def _doc_id(server) -> str:
    lines = (server["plans"] / "catalog.csv").read_text(encoding="utf-8").splitlines()
    return next(line.split(",")[0] for line in lines if ",330203," in line)


def _scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(Path(__file__).resolve().parents[2] / "docs" / "screenshot-tour.png"), x=10, y=10, w=150)
    return bytes(pdf.output())


def _fill(page, *, name: str, data: bytes, district: str = "海曙区") -> None:
    page.locator("input[type='file']").first.set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": data}])
    page.get_by_label("区县（代码或名称）").fill(district)
    page.get_by_label("标题（留空则取第一行）").fill(TITLE)


def _log_in(page):
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_label("用户名").fill("wang")
    sidebar.get_by_label("密码").fill(PASSWORD)
    sidebar.get_by_role("button", name="登录").click()
    sidebar.get_by_text("已登录编辑").wait_for(timeout=30_000)
    expect(page.get_by_role("tab", name="添加")).to_have_count(1, timeout=30_000)


def _planmap_frame(page, timeout_s=60.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            with contextlib.suppress(PlaywrightError):
                if frame.evaluate("typeof planmap !== 'undefined' && Object.keys(planmap.index).length > 0"):
                    return frame
        page.wait_for_timeout(250)
    raise AssertionError("the planner's map did not draw")
