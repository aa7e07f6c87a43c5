"""The in-page map's data: the basemap split as `view.maps.base_map` draws it, its static files, and a version."""

from __future__ import annotations

from layers.plans import plan_districts
from layers.store import read_layer
from view.assets import STATIC_DIR, ensure_vendor_files
from ui.map_component import SCRIPTS, STYLESHEETS, basemap_data, map_data
from view.maps import ONLINE_TILES


def test_the_basemap_highlights_the_plan_districts_and_keeps_the_others_for_context():
    base = basemap_data(read_layer("districts"))
    plan = {f["properties"]["adcode"] for f in base["districts"]["plan"]["features"]}
    context = {f["properties"]["adcode"] for f in base["districts"]["context"]["features"]}
    assert plan == set(plan_districts())
    assert context and not plan & context
    assert base["tiles"] is None  # offline by default: no tile address at all


def test_online_tiles_come_from_the_same_list_as_the_folium_maps_and_pale_the_land_fill():
    base = basemap_data(read_layer("districts"), tiles="osm")
    assert base["tiles"]["url"] == ONLINE_TILES["osm"][0]
    assert base["styles"]["plan"]["fillOpacity"] == 0.08


def test_every_file_the_map_loads_is_one_of_the_apps_static_files():
    ensure_vendor_files()
    for name in (*SCRIPTS, *STYLESHEETS):
        assert (STATIC_DIR / name).is_file(), name
    assert SCRIPTS[0].endswith("leaflet.js")  # the map's own scripts need Leaflet first


def test_the_version_changes_with_what_the_map_shows_and_only_then():
    base = basemap_data(read_layer("districts"))
    payload = {"layers": [], "labels": {"layers": "图层"}}
    same = map_data({"layers": [], "labels": {"layers": "图层"}}, base)
    assert map_data(payload, base)["version"] == same["version"]
    assert map_data({**payload, "labels": {"layers": "Layers"}}, base)["version"] != same["version"]
