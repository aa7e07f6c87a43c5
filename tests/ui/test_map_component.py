"""The in-page map's data: the basemap split as `view.maps.base_map` draws it, its static files, a version,
and the marks a page adds (view, search circle, outlined areas, locate button); what a click sends back."""

from __future__ import annotations

import math

import pytest

from layers.plans import plan_districts
from layers.store import read_layer
from view.assets import STATIC_DIR, ensure_vendor_files
from ui.map_component import (SCRIPTS, STYLESHEETS, basemap_data, circle_data, latlng_point, locate_data, map_data,
                              outline_data, view_data)
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


def test_a_page_without_marks_sends_none_of_them():
    data = map_data({"layers": []}, basemap_data(read_layer("districts")))
    assert not {"view", "circle", "outline", "locate"} & set(data)


def test_the_circle_is_centred_where_asked_with_its_radius_in_metres_and_a_dot_at_the_centre():
    circle = circle_data((29.91, 121.63), 2000, color="#2563eb")
    assert circle["center"] == [29.91, 121.63] and circle["radius"] == 2000.0
    assert circle["style"]["color"] == circle["marker"]["color"] == "#2563eb"


def test_the_version_changes_with_the_circle_the_view_and_the_outline():
    base = basemap_data(read_layer("districts"))
    payload = {"layers": []}
    locate = locate_data(label="📍", denied="×")
    small = map_data(payload, base, circle=circle_data((29.9, 121.6), 500, color="#000"), locate=locate)
    assert small["version"] == map_data(payload, base, circle=circle_data((29.9, 121.6), 500, color="#000"),
                                        locate=locate)["version"]
    versions = {
        small["version"],
        map_data(payload, base, circle=circle_data((29.9, 121.6), 1000, color="#000"), locate=locate)["version"],
        map_data(payload, base, circle=circle_data((29.9, 121.6), 500, color="#000"), locate=locate,
                 view=view_data((29.9, 121.6), 13))["version"],
        map_data(payload, base, outline=outline_data(read_layer("districts").head(1), color="#000"))["version"],
    }
    assert len(versions) == 4


def test_an_outline_keeps_only_the_areas_codes_and_fits_the_map_to_them():
    districts = read_layer("districts")
    outline = outline_data(districts[districts["adcode"] == "330212"], color="#2563eb")
    assert [f["properties"] for f in outline["features"]["features"]] == [{"adcode": "330212"}]
    assert outline["fit"] is True and outline["style"]["color"] == "#2563eb"


def test_no_area_with_a_shape_means_no_outline_so_the_map_keeps_its_view():
    districts = read_layer("districts")
    assert outline_data(districts[districts["adcode"] == "no-such-code"], color="#000") is None


def test_the_view_is_a_centre_and_a_whole_zoom():
    assert view_data((29.9, 121.58), 11.0) == {"center": [29.9, 121.58], "zoom": 11}


def test_a_map_click_becomes_lat_and_lon():
    assert latlng_point({"lat": 29.9142, "lng": 121.6303}) == (29.9142, 121.6303)
    assert latlng_point({"lat": 30, "lng": 121}) == (30.0, 121.0)


@pytest.mark.parametrize("value", [
    None, "29.9,121.6", [29.9, 121.6], {"lat": "29.9", "lng": 121.6}, {"lat": 29.9}, {"lat": True, "lng": 121.6},
    {"lat": math.nan, "lng": 121.6}, {"lat": 95.0, "lng": 121.6}, {"lat": 29.9, "lng": 200.0},
])
def test_anything_else_sent_as_a_click_is_no_point(value):
    assert latlng_point(value) is None
