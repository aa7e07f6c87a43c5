"""Tests of `ui.nearby_page`'s plain pieces: which districts an area lists, the plan-text link, and the map's data."""

import geopandas as gpd
from shapely.geometry import Point

from geo.errors import NotAPointError
from layers.store import read_layer
from geo.query import Resolved
from ui.nearby_page import area_codes, nearby_map_data, search_nearby
from view.links import source_link


def _projects() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"id": ["a", "b", "c"], "district_adcode": ["330212", "330205", "330212"]},
                            geometry=[Point(121.5, 29.8)] * 3, crs="EPSG:4326")


def _area(adcode: str, reason: str) -> NotAPointError:
    return NotAPointError("x", ("x",), place="x", adcode=adcode, reason=reason)


def test_the_city_lists_every_plan_district_and_a_district_only_itself() -> None:
    assert area_codes(_area("330200", "city"), _projects()) == ["330205", "330212"]
    assert area_codes(_area("330212", "district_only"), _projects()) == ["330212"]
    assert area_codes(None, _projects()) == []


def test_a_record_links_to_its_words_in_the_plan_text() -> None:
    link = source_link("jiangbei-14th-five-year-plan", start=12.0, end=30)
    assert link == "/source?doc=jiangbei-14th-five-year-plan&start=12&end=30"


def _drawn_ids(data: dict) -> set[str]:
    return {f["properties"]["id"] for layer in data["payload"]["layers"] for f in layer["features"]["features"]}


def test_a_search_draws_its_circle_around_the_centre_and_only_the_projects_within() -> None:
    projects, districts = read_layer("projects"), read_layer("districts")
    drawn = projects[projects.geometry.notna() & ~projects.geometry.is_empty]
    within = tuple(drawn["id"].head(3))
    data = nearby_map_data(projects=projects, districts=districts, centre=(29.91, 121.63), radius=1000,
                           within=within, codes=(), lang="zh")
    assert data["circle"]["center"] == [29.91, 121.63] and data["circle"]["radius"] == 1000
    assert data["view"]["center"] == [29.91, 121.63]
    assert _drawn_ids(data) <= set(within) and _drawn_ids(data)
    assert [g["id"] for g in data["payload"]["groups"]] == ["projects"]
    assert "outline" not in data


def test_an_area_answer_outlines_its_districts_and_fits_the_map_to_them() -> None:
    projects, districts = read_layer("projects"), read_layer("districts")
    data = nearby_map_data(projects=projects, districts=districts, centre=None, radius=0, within=(),
                           codes=("330212",), lang="zh")
    assert [f["properties"]["adcode"] for f in data["outline"]["features"]["features"]] == ["330212"]
    assert data["outline"]["fit"] and "circle" not in data and _drawn_ids(data) == set()


def test_before_a_search_the_map_opens_between_the_plan_districts_with_the_locate_button() -> None:
    projects, districts = read_layer("projects"), read_layer("districts")
    data = nearby_map_data(projects=projects, districts=districts, centre=None, radius=0, within=(), codes=(),
                           lang="en")
    assert data["view"] == {"center": [29.90, 121.58], "zoom": 11}
    assert data["locate"] == {"label": "◎ My location", "denied": "◎ Location unavailable"}
    assert not {"circle", "outline"} & set(data) and _drawn_ids(data) == set()


def test_a_search_is_answered_for_the_name_asked_even_when_the_same_point_was_searched_before() -> None:
    first = search_nearby(Resolved.at(lat=29.91, lon=121.63, name="甲"), radius=2000)
    again = search_nearby(Resolved.at(lat=29.91, lon=121.63, name="乙"), radius=2000)
    assert (first.origin.name, again.origin.name) == ("甲", "乙")
    assert list(first.within["id"]) == list(again.within["id"])
    wider = search_nearby(Resolved.at(lat=29.91, lon=121.63, name="乙"), radius=5000)
    assert set(first.within["id"]) <= set(wider.within["id"]) and wider.radius_m == 5000
