"""The planner's map in Chromium says what it draws: legend, undrawn records, stacked points,
search, filters, shared links and labels (issue 15, items 6–12)."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from layers.store import read_layer
from layers.text import display_text
from testkit.browser import chromium, leaflet_frame, map_box, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
HOSPITAL_POINT = (29.866111, 121.569139)  # where 鄞州人民医院's branches are drawn (borrowed location)

# Every path the plan layers drew, as the SVG has it, and every legend swatch.
_DRAWN = """() => {
  const out = [];
  const walk = (l) => l.eachLayer ? l.eachLayer(walk) : out.push(l);
  planmap.visibleLayerIds().forEach(id => planmap.layers[id].eachLayer(walk));
  return out.filter(l => l._path).map(l => {
    const p = l._path, shape = l.getLatLng ? 'dot' : (l instanceof L.Polygon ? 'area' : 'line');
    return [shape, p.getAttribute('stroke'), p.getAttribute('stroke-dasharray') || '', p.getAttribute('stroke-opacity')];
  });
}"""
_SWATCHES = """() => Array.from(document.querySelectorAll('.pm-legend-row[data-legend-layer] svg > *')).map(n => [
  n.tagName === 'line' ? 'line' : (n.tagName === 'rect' ? 'area' : 'dot'),
  n.getAttribute('stroke'), n.getAttribute('stroke-dasharray') || '', n.getAttribute('stroke-opacity')])"""


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-planner-truth-test.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def _click_at(page, frame, lat: float, lon: float) -> None:
    point = frame.evaluate(f"planmap.map.latLngToContainerPoint([{lat}, {lon}])")
    box = map_box(page)
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_the_legend_shows_each_drawn_style_as_it_is_drawn(app_url, browser):
    page, log = offline_page(browser)
    page.goto(f"{app_url}/?layers=st-0,rail-existing,rail-planned,pl-rivers")
    frame = leaflet_frame(page)
    drawn = {tuple(p) for p in frame.evaluate(_DRAWN)}
    swatches = [tuple(s) for s in frame.evaluate(_SWATCHES)]
    assert drawn, "nothing drawn: the test would prove nothing"
    assert set(swatches) == drawn  # every style drawn has its row, and no row shows a style not drawn
    assert len(swatches) == len(set(swatches))  # one row per style
    # The operating metro lines in 一带两轴三核四片 are solid: dashes are for what is planned.
    metro = frame.evaluate("""() => {
      const out = [];
      planmap.layers['st-0'].eachLayer(l => { if (/号线/.test(l.feature.properties.name)) out.push(l._path.getAttribute('stroke-dasharray')); });
      return out; }""")
    assert metro and all(d is None for d in metro)
    assert log.page_errors == []


def test_structures_with_nothing_drawn_are_listed_and_found_by_search(app_url, browser):
    page, log = offline_page(browser)
    page.goto(app_url)
    frame = leaflet_frame(page)
    for name in ("一核四城六空间", "一环五片", "十线", "四大核心商圈"):
        item = frame.locator(".pm-unplaced-item summary", has_text=name).first
        expect(item).to_contain_text("未定位 · 读原文")
        assert "doc=" in item.locator("a.pm-unplaced-source").get_attribute("href")
    search = frame.locator(".pm-search input")
    for query in ("一核", "前洋", "中心城区"):
        search.fill(query)
        first = frame.locator(".pm-search-results li").first
        first.wait_for()
        assert first.get_attribute("data-id"), f"no match for {query}"
    search.fill("一核")
    hit = frame.locator(".pm-search-results li[data-id='yinzhou-14th-five-year-plan/一核四城六空间/01']")
    hit.click()
    card = frame.locator(".pm-card")
    expect(card).to_be_visible()
    expect(card.locator(".pm-popup-title")).to_have_text("一核")
    expect(card.locator(".pm-card-badge")).to_have_text("未定位 · 读原文")
    structures = read_layer("structures").set_index("id")
    quote = display_text(structures.loc["yinzhou-14th-five-year-plan/一核四城六空间/01", "quote"])
    assert card.locator(".pm-popup-quote").inner_text().strip() == quote[:599].strip() or quote.startswith(
        card.locator(".pm-popup-quote").inner_text().rstrip("…"))
    assert _params(page)["sel"] == "yinzhou-14th-five-year-plan/一核四城六空间/01"
    assert log.page_errors == []


def test_projects_on_one_point_are_spread_so_each_can_be_clicked(app_url, browser):
    page, log = offline_page(browser)
    lat, lon = HOSPITAL_POINT
    page.goto(f"{app_url}/?layers=pr-hospitals&view={lat},{lon},16")
    frame = leaflet_frame(page)
    frame.wait_for_function("planmap.map.getZoom() === 16")
    markers = frame.evaluate(f"""() => {{
      const out = [];
      planmap.layers['pr-hospitals'].eachLayer(l => {{
        // Projects drawn as areas (a hospital's own polygon) are not stacked markers.
        const o = l._pmOrigin || (l.getLatLng ? l.getLatLng() : null);
        if (o && Math.abs(o.lat - {lat}) < 1e-5 && Math.abs(o.lng - {lon}) < 1e-5) {{
          const p = l.getLatLng(); out.push([l.feature.properties.name, p.lat, p.lng]); }}
      }});
      return out; }}""")
    assert len(markers) >= 3
    points = [frame.evaluate(f"planmap.map.latLngToContainerPoint([{a}, {b}])") for _, a, b in markers]
    for i in range(len(points)):
        for j in range(i):
            assert abs(points[i]["x"] - points[j]["x"]) + abs(points[i]["y"] - points[j]["y"]) > 12
    for name, a, b in markers:
        frame.evaluate("planmap.map.closePopup()")  # an open popup may cover its neighbours, as for a user
        _click_at(page, frame, a, b)
        expect(frame.locator(".leaflet-popup .pm-popup-title")).to_have_text(name)
        expect(frame.locator(".leaflet-popup .pm-popup-stacked")).to_contain_text("鄞州人民医院")
    assert log.page_errors == []


def test_search_suggestions_are_labelled_once_each_and_a_click_opens_the_popup(app_url, browser):
    page, log = offline_page(browser)
    page.goto(app_url)
    frame = leaflet_frame(page)
    frame.locator(".pm-search input").fill("慈城古县城")
    items = frame.locator(".pm-search-results li")
    items.first.wait_for()
    texts = items.all_inner_texts()
    assert len(texts) == len(set(texts))
    assert all(item.locator(".pm-search-where").inner_text().strip() for item in items.all())
    first = items.first
    chosen, name = first.get_attribute("data-id"), first.locator(".pm-search-name").inner_text()
    first.click()
    expect(frame.locator(".leaflet-popup .pm-popup-title")).to_have_text(name)
    assert _params(page)["sel"] == chosen
    assert log.page_errors == []


def test_unticking_a_district_keeps_rail_through_the_other_and_counts_follow(app_url, browser):
    page, log = offline_page(browser)
    page.goto(f"{app_url}/?layers=st-0,rail-existing")
    frame = leaflet_frame(page)
    total = frame.evaluate("planmap.layers['st-0'].getLayers().length")
    frame.locator("input[data-filter='district'][value='330212']").uncheck()
    ids = frame.evaluate("planmap.layers['rail-existing'].getLayers().map(l => l.feature.properties.id)")
    assert {"rail-line-2", "rail-line-4"} <= set(ids)
    # Only 鄞州: 江北's structure draws nothing, its count says so and the legend drops it.
    frame.locator("input[data-filter='district'][value='330212']").check()
    frame.locator("input[data-filter='district'][value='330205']").uncheck()
    assert frame.evaluate("planmap.layers['st-0'].getLayers().length") == 0
    expect(frame.locator("[data-layer-count='st-0']")).to_have_text(f"(0/{total})")
    expect(frame.locator(".pm-legend [data-legend-layer='st-0']")).to_have_count(0)
    assert log.page_errors == []


def test_a_shared_link_opens_at_its_zoom_with_the_popup_on_its_feature_in_full(app_url, browser):
    lat, lon = HOSPITAL_POINT
    project = "yinzhou-14th-five-year-plan/专栏12/13"  # 明楼分院, one of the stacked branches
    page, log = offline_page(browser)
    page.goto(f"{app_url}/?sel={project}&view={lat + 0.004},{lon - 0.004},14&layers=pr-hospitals,rail-existing")
    frame = leaflet_frame(page)
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    frame.wait_for_timeout(600)  # let the pan that shows the popup in full finish
    assert frame.evaluate("planmap.map.getZoom()") == 14
    anchored = frame.evaluate(f"""() => {{
      const hit = planmap.index[{project!r}].layer, p = hit.getPopup().getLatLng(), m = hit.getLatLng();
      return Math.abs(p.lat - m.lat) < 1e-9 && Math.abs(p.lng - m.lng) < 1e-9; }}""")
    assert anchored
    box, pop = frame.evaluate("""() => {
      const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
      return [r(planmap.map.getContainer()), r(document.querySelector('.leaflet-popup-content-wrapper'))]; }""")
    assert box[0] <= pop[0] and box[1] <= pop[1] and pop[2] <= box[2] and pop[3] <= box[3]
    search = frame.evaluate("(() => { const b = document.querySelector('.pm-search').getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })()")
    assert not (search[0] < pop[2] and pop[0] < search[2] and search[1] < pop[3] and pop[1] < search[3])
    assert log.page_errors == []


def test_structure_parts_carry_labels_when_zoomed_in_without_overlap(app_url, browser):
    page, log = offline_page(browser)
    page.goto(f"{app_url}/?layers=st-0&view=29.92,121.52,12")
    frame = leaflet_frame(page)
    labels = frame.locator(".pm-label-text")
    labels.first.wait_for()
    names = set(frame.evaluate("planmap.layers['st-0'].getLayers().map(l => l.feature.properties.name)"))
    texts = labels.all_inner_texts()
    assert texts and set(texts) <= names
    rects = frame.evaluate("Array.from(document.querySelectorAll('.pm-label-text')).map(e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })")
    for i in range(len(rects)):
        for j in range(i):
            a, b = rects[i], rects[j]
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1)
    frame.evaluate("planmap.map.setZoom(10, {animate: false})")
    expect(labels).to_have_count(0)
    assert log.page_errors == []
