"""Names from documents or imports are shown as text on every map: hovering runs no script.

The planner map, near me and tours all draw their features with `static/planmap.js`;
the offline tour export inlines that same file, so hovering every feature of an
exported tour whose names carry markup checks that sink. The editors' map is
folium's own tooltip, checked on its rendered page; the indicators map is
`static/indicator_component.js`, run on a bare page with poisoned data.
"""

from __future__ import annotations


import geopandas as gpd
import pandas as pd
import pytest
import shapely
from playwright.sync_api import Page, Route

import view.planmap
import view.tours_export
from layers.store import read_layer
from view.tours_export import export_tour_html
from testkit.browser import chromium, offline_page
from view.assets import STATIC_DIR
from ui.curation.map import curation_map

EVIL = "<img src=x onerror=alert(101)>慈城古县城保护工程"
HOOK = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _poisoned_payload(real):
    def payload(*args, **kwargs):
        data = real(*args, **kwargs)
        for layer in data["layers"]:
            for feature in layer["features"]["features"]:
                if feature.get("properties", {}).get("name"):
                    feature["properties"]["name"] = EVIL
        return data
    return payload


def test_hovering_every_feature_of_an_exported_tour_runs_no_script_and_shows_the_name(browser, monkeypatch, tmp_path):
    # The export takes the payload builder from view.planmap at import time: poison it there.
    monkeypatch.setattr(view.tours_export, "plan_payload", _poisoned_payload(view.planmap.plan_payload))
    page_html = export_tour_html("jiangbei-structure")
    assert "onerror=alert(101)" in page_html
    out = tmp_path / "tour.html"
    out.write_text(page_html, encoding="utf-8")
    page, _log = offline_page(browser)
    page.add_init_script(HOOK)
    page.goto(out.as_uri())
    page.wait_for_function("() => window.planmap && Object.keys(window.planmap.index).length > 0", timeout=60_000)
    shown = page.evaluate("""() => {
        const texts = [];
        for (const id of Object.keys(planmap.index)) {
            const lyr = planmap.index[id].layer;
            if (!lyr.getTooltip()) continue;
            if (!planmap.map.hasLayer(lyr)) planmap.map.addLayer(lyr);
            lyr.openTooltip(lyr.getLatLng ? lyr.getLatLng() : lyr.getBounds().getCenter());
            texts.push(lyr.getTooltip().getElement().textContent);
            lyr.closeTooltip();
        }
        return texts;
    }""")
    page.wait_for_timeout(500)  # an <img onerror> fires once the failed load is noticed
    assert shown and all(t == EVIL for t in shown)
    assert page.evaluate("() => window.__alerts") == []
    assert page.locator(".leaflet-tooltip img").count() == 0
    page.context.close()


def test_hovering_a_reference_place_on_the_editors_map_runs_no_script(browser):
    districts = read_layer("districts")
    reference = gpd.GeoDataFrame({"name": [EVIL], "precision": ["exact"]},
                                 geometry=[shapely.Point(121.55, 29.88)], crs="EPSG:4326")
    html = curation_map(districts, current=shapely.Point(121.56, 29.89), reference=reference).get_root().render()
    _hover_first_feature(browser, html)


def test_hovering_a_district_on_the_indicator_map_runs_no_script(browser):
    from ui.indicator_component import SCRIPTS, STYLESHEETS
    from view.indicator_map import indicator_map_data
    from view.planmap import safe_json

    districts = read_layer("districts").copy()
    districts.loc[districts["adcode"] == "330205", "name"] = EVIL
    values = pd.DataFrame({"adcode": ["330205"], "name": ["GDP"], "unit": ["亿元"], "value": [EVIL],
                           "value_num": [float("nan")], "year": ["2025"], "doc_id": ["d"], "start": [0], "end": [1]})
    labels = {"no_data": "无数据", "not_numeric": "非数值", "darker": "颜色越深数值越大", "figures": "地点数据"}
    figures = gpd.GeoDataFrame({"place_name": [EVIL], "quote": ["q"], "year": ["2025"], "doc_id": ["d"], "start": [0],
                                "end": [1]}, geometry=[shapely.Point(121.55, 29.88)], crs="EPSG:4326")
    data = indicator_map_data(districts, values, title=EVIL, labels=labels, figures=figures)
    # The page's map is the component's own script: run it on a bare page with that data.
    head = "".join(f"<link rel='stylesheet' href='/app/static/{name}'>" for name in STYLESHEETS)
    head += "".join(f"<script src='/app/static/{name}'></script>" for name in SCRIPTS)
    html = (f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body><div id='root'></div><script>"
            f"window.indicatorComponent.mount(document.getElementById('root'), {safe_json(data)});</script>"
            "</body></html>")
    page = _hover_first_feature(browser, html, keep=True)
    # The legend and the place figure's popup show the same words as text, too.
    assert EVIL in page.locator(".indicator-legend").inner_text()
    page.evaluate("() => indicatormap.eachLayer(l => { if (l.getPopup && l.getPopup()) l.openPopup(); })")
    assert EVIL in page.locator(".leaflet-popup-content").inner_text()
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__alerts") == []
    assert page.locator(".ind-map img").count() == 0
    page.context.close()


def _hover_first_feature(browser, html: str, *, keep: bool = False) -> Page | None:
    """Serve `html` (a folium page) with the app's static files, hover its first feature, check no script ran."""
    page, _log = offline_page(browser)

    def serve(route: Route) -> None:
        path = route.request.url.split("127.0.0.1:9", 1)[1].split("?", 1)[0]
        if path in ("/", ""):
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif path.startswith("/app/static/") and (STATIC_DIR / path[len("/app/static/"):]).is_file():
            route.fulfill(path=str(STATIC_DIR / path[len("/app/static/"):]))
        else:
            route.fulfill(status=404, body="")

    page.route("http://127.0.0.1:9/**", serve)
    page.add_init_script(HOOK)
    page.goto("http://127.0.0.1:9/")
    page.wait_for_function("() => window.L && document.querySelector('.leaflet-interactive')", timeout=30_000)
    page.locator("path.leaflet-interactive").first.hover(force=True)
    page.wait_for_selector(".leaflet-tooltip", timeout=10_000)
    text = page.locator(".leaflet-tooltip").first.text_content()
    page.wait_for_timeout(500)
    assert text is not None and EVIL in text
    assert page.evaluate("() => window.__alerts") == []
    if keep:
        return page
    page.context.close()
    return None
