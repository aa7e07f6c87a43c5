"""Tests of `ui.nearby_page`'s plain pieces: which districts an area lists, and the plan-text link."""

import geopandas as gpd
from shapely.geometry import Point

from geo.errors import NotAPointError
from ui.nearby_page import area_codes
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
