"""The planner's map in Chromium: layers, popups, search, shared URLs, escaping."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from geo.crs import to_metric
from layers.store import read_layer
from layers.text import display_text
from testkit.browser import chromium, leaflet_frame, map_box, offline_page
from testkit.server import running_app
from view.assets import STATIC_DIR, use_local_assets
from view.maps import base_map
from view.planmap import MAX_QUOTE_CHARS, plan_payload, planner_map

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def app_url():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-planner-test.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def _located_project():
    """A project drawn as a point that no other project of its category overlaps."""
    projects = read_layer("projects")
    drawn = projects[projects["precision"].isin(["exact", "approximate"]) & projects.geometry.notna()]
    metric = to_metric(drawn)  # distances in metres, not degrees
    points = drawn.geometry.geom_type == "Point"
    for (_, row), point in zip(drawn[points].iterrows(), metric[points].geometry):
        same = metric[metric["category"] == row["category"]]
        if (same.geometry.distance(point) < 500).sum() == 1:  # nothing else within 500 m (was 0.005°)
            return row
    raise AssertionError("no stand-alone project point to click")


def test_a_layer_toggle_hides_and_shows_its_features(app_url, browser):
    page, log = offline_page(browser)
    page.goto(app_url)
    frame = leaflet_frame(page)
    assert frame.evaluate("planmap.map.hasLayer(planmap.layers['st-0'])")
    assert frame.evaluate("planmap.layers['st-0'].getLayers().length") > 0
    frame.locator("input[data-layer='st-0']").uncheck()
    assert not frame.evaluate("planmap.map.hasLayer(planmap.layers['st-0'])")
    assert frame.locator(".pm-legend [data-legend-layer='st-0']").count() == 0
    assert "st-0" not in _params(page)["layers"].split(",")
    frame.locator("input[data-layer='st-0']").check()
    assert frame.evaluate("planmap.map.hasLayer(planmap.layers['st-0'])")
    assert frame.locator(".pm-legend [data-legend-layer='st-0']").count() >= 1  # one row per style it draws
    assert log.blocked == [] and log.page_errors == []


def test_clicking_a_project_shows_the_plans_own_words(app_url, browser):
    project = _located_project()
    page, _ = offline_page(browser)
    page.goto(f"{app_url}/?layers=pr-{project['category']}&view={project.geometry.y},{project.geometry.x},14")
    frame = leaflet_frame(page)
    frame.wait_for_function("planmap.map.getZoom() === 14")
    point = frame.evaluate(f"planmap.map.latLngToContainerPoint([{project.geometry.y}, {project.geometry.x}])")
    box = map_box(page)
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    quote = frame.locator(".leaflet-popup .pm-popup-quote")
    quote.wait_for()
    expected = display_text(project["quote"])
    assert quote.inner_text().strip() == (expected if len(expected) <= MAX_QUOTE_CHARS else expected[: MAX_QUOTE_CHARS - 1] + "…")
    assert frame.locator(".leaflet-popup .pm-popup-title").inner_text() == project["name"]
    assert "doc=" in frame.locator(".leaflet-popup a.pm-popup-source").get_attribute("href")


def test_search_flies_to_a_partial_name_and_selects_it(app_url, browser):
    page, _ = offline_page(browser)
    page.goto(app_url)
    frame = leaflet_frame(page)
    before = frame.evaluate("planmap.map.getCenter()")
    frame.locator(".pm-search input").fill("慈城")
    first = frame.locator(".pm-search-results li").first
    first.wait_for()
    chosen = first.get_attribute("data-id")
    first.click()
    frame.locator(".leaflet-popup").wait_for()
    # The flight ends centred on the chosen feature.
    frame.wait_for_function(
        f"""() => {{
            const c = planmap.map.getCenter();
            const t = planmap.boundsOf(planmap.index[{chosen!r}].layer).getCenter();
            return Math.abs(c.lat - t.lat) < 0.005 && Math.abs(c.lng - t.lng) < 0.005;
        }}""",
        timeout=10_000,
    )
    after = frame.evaluate("planmap.map.getCenter()")
    assert (before["lat"], before["lng"]) != (after["lat"], after["lng"])
    assert _params(page)["sel"] == chosen


def test_a_shared_url_opens_the_same_layers_view_and_selection(app_url, browser):
    project = _located_project()
    layer = f"pr-{project['category']}"
    page, _ = offline_page(browser)
    page.goto(f"{app_url}/?layers={layer},rail-existing&sel={project['id']}")
    frame = leaflet_frame(page)
    visible = frame.evaluate("planmap.visibleLayerIds()")
    assert sorted(visible) == sorted([layer, "rail-existing"])
    frame.locator(".leaflet-popup .pm-popup-title").wait_for()
    assert frame.locator(".leaflet-popup .pm-popup-title").inner_text() == project["name"]
    # The project is in view (its popup may have panned the map a little to fit).
    assert frame.evaluate(f"planmap.map.getBounds().contains([{project.geometry.y}, {project.geometry.x}])")
    assert frame.evaluate("planmap.map.getZoom()") >= 14


def test_a_popup_lists_what_else_names_its_place_and_a_click_goes_there(app_url, browser):
    page, log = offline_page(browser)
    page.goto(app_url)
    frame = leaflet_frame(page)
    # A drawn record related to another drawn record, as the payload says.
    source, target = frame.evaluate("""() => {
        var rel = planmap.data.related;
        for (var i = 0; i < rel.links.length; i++) {
            var from = rel.records[i][0];
            if (!planmap.index[from]) continue;
            for (var k = 0; k < rel.links[i].length; k++) {
                var to = rel.records[rel.links[i][k][0]][0];
                if (planmap.index[to] && to !== from) return [from, to];
            }
        }
        return [null, null];
    }""")
    assert source and target, "no two drawn records name the same place"
    page.goto(f"{app_url}/?sel={source}")
    frame = leaflet_frame(page)
    related = frame.locator(f".leaflet-popup .pm-related-link[data-id='{target}']")
    related.wait_for()
    name = related.inner_text()
    related.click()
    page.wait_for_function(f"() => new URL(location.href).searchParams.get('sel') === {target!r}")
    # The first popup closes (it may still be fading out for a moment).
    # The first popup closes and the target's opens once the map has flown there.
    expect(frame.locator(".leaflet-popup .pm-popup-title")).to_have_text(name)
    assert log.blocked == [] and log.page_errors == []


def test_html_in_a_document_is_shown_as_text_and_never_runs(browser, tmp_path):
    hostile = "<img src=x onerror=\"window.__owned=1\"><script>window.__owned=2</script>{{ x }}</script>"
    projects = read_layer("projects")
    row = projects[projects.geometry.notna() & projects["precision"].eq("approximate")].iloc[[0]].copy()
    row["quote"] = hostile
    row["name"] = "<b>bold?</b>"
    payload = plan_payload(projects=row, structures=read_layer("structures").iloc[0:0],
                           places=read_layer("places").iloc[0:0], districts=read_layer("districts"))
    payload["layers"][0]["visible"] = True
    m = planner_map(use_local_assets(base_map(read_layer("districts")), base_url=STATIC_DIR.as_uri()), payload,
                    base_url=STATIC_DIR.as_uri())
    path = tmp_path / "hostile.html"
    m.save(path)
    page, log = offline_page(browser)
    page.goto(path.as_uri())
    page.wait_for_function("window.planmap !== undefined")
    page.evaluate(f"planmap.select({row['id'].iloc[0]!r}, {{fly: false, open: true}})")
    popup = page.locator(".leaflet-popup .pm-popup-quote")
    popup.wait_for()
    assert popup.inner_text() == hostile
    assert page.locator(".leaflet-popup .pm-popup-title").inner_text() == "<b>bold?</b>"
    assert page.evaluate("window.__owned") is None
    assert page.locator(".leaflet-popup img, .leaflet-popup b").count() == 0
    assert log.page_errors == []


def test_the_basemap_is_chosen_in_the_maps_panel_and_kept_in_the_url_with_the_language(app_url, browser):
    page, log = offline_page(browser)
    page.goto(f"{app_url}/?lang=en")
    frame = leaflet_frame(page)
    assert frame.locator("input[data-basemap='none']").is_checked()
    frame.locator("input[data-layer='st-0']").uncheck()
    frame.locator("input[data-basemap='osm']").check()
    page.wait_for_url(lambda url: "tiles=osm" in url, timeout=30_000)
    frame = leaflet_frame(page)
    expect(frame.locator("input[data-basemap='osm']")).to_be_checked(timeout=30_000)
    params = _params(page)
    assert params["lang"] == "en" and "st-0" not in params["layers"].split(",")
    page.get_by_text("Basemap").first.wait_for()
    # The same link in a new session shows the same basemap.
    shared, _ = offline_page(browser)
    shared.goto(page.url)
    expect(leaflet_frame(shared).locator("input[data-basemap='osm']")).to_be_checked(timeout=30_000)
    assert log.page_errors == []
    shared.context.close()
    page.context.close()
