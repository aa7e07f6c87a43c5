import geopandas as gpd
import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, Polygon

from geo.geocode import Located
from geo.query import QueryResolver, Resolved
from layers.errors import LayersError
from layers.nearby import projects_in_districts, projects_near
from layers.store import read_layer

GEOD = Geod(ellps="WGS84")
# 宁波大学站 area in 江北区, WGS84.
ORIGIN = Resolved.at(lat=29.9050, lon=121.6300, name="test point")


def _projects():
    rows = [
        ("p-road", "近处道路", "roads", "approximate", "330205",
         LineString([(121.6250, 29.9100), (121.6400, 29.9100)])),
        ("p-school", "学校", "schools", "exact", "330205", Point(121.6450, 29.9050)),
        ("p-park", "大公园", "parks_green", "approximate", "330205",
         Polygon([(121.6000, 29.8900), (121.6100, 29.8900), (121.6100, 29.9000), (121.6000, 29.9000)])),
        ("p-far", "远处项目", "roads", "exact", "330212", Point(121.7500, 29.7800)),
        ("p-district", "只知在江北", "housing", "district", "330205", None),
        ("p-district-yz", "只知在鄞州", "housing", "district", "330212", None),
    ]
    return gpd.GeoDataFrame(
        [dict(id=i, name=n, category=c, precision=p, district_adcode=d, doc_id="doc") for i, n, c, p, d, _ in rows],
        geometry=[g for *_, g in rows], crs="EPSG:4326",
    )


def _brute_force_geodesic_m(origin: Located, geom) -> float:
    """Geodesic distance to the closest of many points densified along the geometry."""
    if geom.geom_type == "Polygon":
        if geom.contains(Point(origin.lon, origin.lat)):
            return 0.0
        geom = geom.exterior
    if geom.geom_type == "Point":
        coords = np.array([[geom.x, geom.y]])
    else:
        steps = np.linspace(0, geom.length, 4000)
        coords = np.array([geom.interpolate(s).coords[0] for s in steps])
    _, _, dist = GEOD.inv(np.full(len(coords), origin.lon), np.full(len(coords), origin.lat), coords[:, 0], coords[:, 1])
    return float(dist.min())


def test_projects_are_ranked_nearest_first_within_the_radius():
    result = projects_near(_projects(), ORIGIN, radius_m=3000)
    assert result.within["id"].tolist() == ["p-road", "p-school", "p-park"]
    assert result.within["distance_m"].is_monotonic_increasing
    assert "p-far" not in result.within["id"].tolist()


def test_distances_are_ground_distances_to_the_nearest_point_not_the_centroid():
    projects = _projects()
    result = projects_near(projects, ORIGIN, radius_m=3000).within.set_index("id")
    for pid in ("p-road", "p-school", "p-park"):
        expected = _brute_force_geodesic_m(ORIGIN, projects.set_index("id").geometry[pid])
        assert result.loc[pid, "distance_m"] == pytest.approx(expected, abs=3)
    # The road passes ~550 m north of the point; its centroid is farther away.
    road = projects.set_index("id").geometry["p-road"]
    assert result.loc["p-road", "distance_m"] < _brute_force_geodesic_m(ORIGIN, road.centroid) - 50


def test_district_only_projects_are_listed_apart_for_the_districts_the_circle_touches():
    districts = read_layer("districts")
    inland = Resolved.at(lat=29.96, lon=121.50, name="north of 江北")  # far from any other district
    result = projects_near(_projects(), inland, radius_m=1000, districts=districts)
    assert "p-district" not in result.within["id"].tolist()
    assert result.district_only["id"].tolist() == ["p-district"]
    assert result.district_only["district"].tolist() == ["江北区"]


def test_the_answer_counts_projects_per_category():
    # The words are view.nearby_words.nearby_summary's (tests/view/test_nearby_words.py).
    result = projects_near(_projects(), ORIGIN, radius_m=3000)
    assert result.counts == {"roads": 1, "schools": 1, "parks_green": 1}


def test_a_radius_out_of_range_is_refused_clearly():
    with pytest.raises(LayersError, match="between 100 and 20000"):
        projects_near(_projects(), ORIGIN, radius_m=50_000)


def test_a_project_drawn_at_a_place_it_only_mentions_is_listed_apart_not_ranked():
    projects = _projects()
    projects["location_method"] = ["own_place", "mentioned_station", "own_place", "own_place", "district_only",
                                   "district_only"]
    projects["place_ids"] = ["", "jb-ningbo-university", "", "", "", ""]
    result = projects_near(projects, ORIGIN, radius_m=3000)
    assert "p-school" not in set(result.within["id"])
    assert list(result.inferred["id"]) == ["p-school"] and result.inferred["via_distance_m"].iloc[0] > 0


def test_a_district_section_of_a_line_is_measured_inside_that_district():
    projects = read_layer("projects")
    origin = QueryResolver().resolve("宁波市江北区大庆南路100号")
    result = projects_near(projects, origin, radius_m=2000, districts=read_layer("districts"))
    sections = result.within[result.within["name"].str.endswith("鄞州段")]
    assert len(sections) and (sections["distance_m"] > 0).all()
    assert "宁波至象山城际铁路工程(含梅山支线)" in set(result.inferred["name"])


def test_a_districts_list_holds_only_its_projects_best_located_first():
    rows = projects_in_districts(_projects(), ["330212"])
    assert list(rows["id"]) == ["p-far", "p-district-yz"]


def test_a_target_written_in_a_box_is_never_listed_as_a_project_near_you():
    projects = _projects()
    projects["record_type"] = "project"
    target = projects.iloc[[1]].assign(id="p-target", name="研发经费支出占比力争达4%", record_type="target")
    projects = gpd.GeoDataFrame(
        [*projects.to_dict("records"), *target.to_dict("records")], geometry="geometry", crs="EPSG:4326")
    result = projects_near(projects, ORIGIN, radius_m=5000)
    assert "p-school" in set(result.within["id"])
    assert "p-target" not in set(result.within["id"])
    assert "p-target" not in set(projects_in_districts(projects, ["330205"])["id"])


