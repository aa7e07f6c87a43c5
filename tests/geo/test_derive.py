from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import crs
from geo.boundaries import unit_geometry
from geo.derive import HULL_MARGIN_M, Recipe, derive_all, parse_recipe
from geo.gazetteer import Gazetteer, load_gazetteer

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def _metres(*geometries: shapely.Geometry) -> list[shapely.Geometry]:
    return list(crs.to_metric(gpd.GeoSeries(list(geometries), crs="EPSG:4326")))


def test_through_line_passes_its_member_points_in_order(gaz: Gazetteer) -> None:
    line = gaz.get("rail-line-4").geometry
    stations = ["rail-station-cicheng", "rail-station-zhuangqiao", "rail-station-culture-port"]
    points = [shapely.Point(gaz.get(s).lon, gaz.get(s).lat) for s in stations]
    assert line.geom_type == "LineString"
    assert all(line.distance(p) < 1e-9 for p in points)
    positions = [line.project(p) for p in points]
    assert positions == sorted(positions) and positions[0] == 0 and positions[-1] == pytest.approx(line.length)


def test_hull_covers_its_members_with_a_margin(gaz: Gazetteer) -> None:
    hull = gaz.get("jb-north-cluster").geometry
    members = [gaz.get(i).geometry for i in ("jb-cicheng-town", "jb-zhuangqiao-subdistrict")]
    assert hull.geom_type == "Polygon"
    hull_m, *members_m = _metres(hull, *members)
    for member in members_m:
        assert hull_m.contains(member)
        # The margin: the member lies about HULL_MARGIN_M inside the edge, not on it.
        assert hull_m.exterior.distance(member) == pytest.approx(HULL_MARGIN_M, rel=0.02)


def test_boundary_recipe_lies_on_both_districts_borders(gaz: Gazetteer) -> None:
    river = gaz.get("rg-yaojiang-river").geometry
    assert river.geom_type in ("LineString", "MultiLineString") and river.length > 0.05
    samples = [river.interpolate(f, normalized=True) for f in np.linspace(0, 1, 25)]
    jiangbei, haishu = unit_geometry("330205").boundary, unit_geometry("330203").boundary
    edges_m = _metres(jiangbei, haishu, *samples)
    for sample in edges_m[2:]:
        assert sample.distance(edges_m[0]) < 50 and sample.distance(edges_m[1]) < 50


def test_district_recipe_is_the_unit_polygon(gaz: Gazetteer) -> None:
    assert gaz.get("jb-jiangbei-district").geometry.equals(unit_geometry("330205"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("through:a,b,c", Recipe("through", ("a", "b", "c"))),
        ("hull: a , b", Recipe("hull", ("a", "b"))),
        ("boundary:330205|330203", Recipe("boundary", ("330205", "330203"))),
        ("district:330212", Recipe("district", ("330212",))),
    ],
)
def test_recipes_parse_into_kind_and_arguments(text: str, expected: Recipe) -> None:
    assert parse_recipe(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("line:a,b", "KIND:ARGS"),
        ("through:a", "at least two"),
        ("hull:a,,b", "at least two"),
        ("boundary:330205", "ADCODE1|ADCODE2"),
        ("district:jiangbei", "6-digit"),
    ],
)
def test_malformed_recipes_say_what_is_expected(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_recipe(text)


def test_derive_all_reports_cycles_and_unlocated_members_per_row() -> None:
    point = shapely.Point(121.5, 29.9)
    recipes = {
        "a": Recipe("hull", ("b", "p")),
        "b": Recipe("hull", ("a", "p")),
        "c": Recipe("through", ("p", "u")),
        "d": Recipe("through", ("p", "q")),
    }
    done, problems = derive_all(recipes, {"p": point, "q": shapely.Point(121.6, 29.9), "u": None})
    assert "cycle" in problems["a"] and "b" in problems
    assert problems["c"] == "derive member 'u' is unlocated"
    assert list(done) == ["d"] and done["d"].length == pytest.approx(0.1)
