import numpy as np
import shapely

from geo.boundaries import district_boundaries, shared_border, unit_geometry
from geo.crs import to_metric
from geo.settings import NINGBO_DISTRICTS, STORAGE_CRS


def test_all_ten_ningbo_units_are_there_valid_and_in_wgs84():
    frame = district_boundaries()
    assert sorted(frame["adcode"]) == sorted(NINGBO_DISTRICTS)
    assert frame.crs.to_string() == STORAGE_CRS
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    minx, miny, maxx, maxy = frame.total_bounds
    assert 120.8 < minx < maxx < 122.4 and 28.7 < miny < maxy < 30.7


def test_simplified_units_still_tile_without_gaps_or_overlaps():
    full = district_boundaries()
    simple = district_boundaries(simplified=True)
    assert simple.geometry.is_valid.all()
    assert shapely.coverage_is_valid(simple.geometry.values)
    fewer = shapely.get_num_coordinates(simple.geometry.values).sum()
    assert fewer < 0.7 * shapely.get_num_coordinates(full.geometry.values).sum()
    union_full = shapely.union_all(full.geometry.values).area
    union_simple = shapely.union_all(simple.geometry.values).area
    assert abs(union_simple - union_full) / union_full < 0.01


def test_jiangbei_lies_north_of_the_yao_and_yong_rivers_it_borders():
    jiangbei = unit_geometry("330205")
    # 姚江 is the 江北|海曙 border and 甬江 the 江北|鄞州 border. Along each, the
    # part of 江北 within ~1 km of a border point lies north of the other side's.
    for other in ("330203", "330212"):
        border = shared_border("330205", other)
        assert border.length > 0.05
        south_side = unit_geometry(other)
        north_count = 0
        fractions = np.linspace(0.05, 0.95, 19)
        for fraction in fractions:
            disc = border.interpolate(fraction, normalized=True).buffer(0.01)
            if jiangbei.intersection(disc).centroid.y > south_side.intersection(disc).centroid.y:
                north_count += 1
        assert north_count >= 0.9 * len(fractions)


def test_jiangbei_centre_is_north_of_yinzhou_and_haishu():
    centroids = to_metric(district_boundaries()).set_index("adcode").geometry.centroid  # UTM: y grows northwards
    assert centroids["330205"].y > centroids["330212"].y
    assert centroids["330205"].y > centroids["330203"].y


def test_any_county_level_unit_is_resolved_by_adcode_or_name():
    from geo.boundaries import resolve_county

    assert resolve_county("330203").name == "海曙区"
    for text in ("海曙区", "宁波市海曙区", "浙江省宁波市海曙区"):
        assert resolve_county(text).adcode == "330203"
    assert resolve_county("重庆市江北区").adcode == "500105"
    # A bare name shared with another city means the 宁波 one.
    assert resolve_county("江北区").adcode == "330205"


def test_ambiguous_and_unknown_districts_are_refused_with_the_choices():
    import pytest

    from geo.boundaries import resolve_county
    from geo.errors import UnknownDistrictError

    with pytest.raises(UnknownDistrictError, match="北京市朝阳区 \\(110105\\).*吉林省长春市朝阳区 \\(220104\\)"):
        resolve_county("朝阳区")
    with pytest.raises(UnknownDistrictError, match="浙江省宁波市海曙区 \\(330203\\)"):
        resolve_county("海曙")
    with pytest.raises(UnknownDistrictError, match="not the adcode"):
        resolve_county("330200")  # 宁波市 itself is not county-level


def test_a_district_outside_ningbo_joins_the_ten_units():
    frame = district_boundaries(simplified=True, extra=("500105", "330205"))
    assert list(frame["adcode"]) == [*NINGBO_DISTRICTS, "500105"]
    assert frame.set_index("adcode").loc["500105", "name"] == "江北区"
    assert frame.geometry.is_valid.all()


# --- inside 宁波 / inside a district -------------------------------------------------------------


def _metres_outside(geometry, point) -> float:
    """Distance (m, UTM 51N) from `point` to `geometry`."""
    import geopandas as gpd

    frame = gpd.GeoSeries([geometry, point], crs=STORAGE_CRS).to_crs("EPSG:32651")
    return float(frame.iloc[0].distance(frame.iloc[1]))


def test_the_sea_east_of_beilun_and_the_neighbouring_cities_are_outside_ningbo():
    from geo.boundaries import in_ningbo, ningbo_outline

    sea = shapely.Point(122.30, 29.90)  # east of 北仑, all the old near-me box accepted
    assert _metres_outside(ningbo_outline(), sea) > 10_000  # premise: open sea by the boundary data
    assert not any(unit_geometry(c).covers(sea) for c in ("330902", "330903"))  # nor 舟山's land
    assert not in_ningbo(sea)
    # Points on the land of 舟山市定海区, 绍兴市上虞区 and 台州市三门县 (their own outlines say so).
    for adcode in ("330902", "330604", "331022"):
        inland = unit_geometry(adcode).buffer(-0.01).representative_point()
        assert unit_geometry(adcode).covers(inland)
        assert not in_ningbo(inland), adcode


def test_a_point_in_each_district_is_inside_its_own_district_and_not_the_others():
    from geo.boundaries import in_district, in_ningbo

    for adcode in NINGBO_DISTRICTS:
        point = unit_geometry(adcode).buffer(-0.01).representative_point()  # >1 km from its border
        assert in_ningbo(point), adcode
        assert in_district(point, adcode), adcode
        others = [o for o in NINGBO_DISTRICTS if o != adcode and in_district(point, o)]
        assert not others, (adcode, others)


def test_a_pier_just_off_the_coast_is_in_ningbo_and_three_kilometres_out_is_not():
    import geopandas as gpd

    from geo.boundaries import NINGBO_TOLERANCE_M, in_ningbo, ningbo_outline

    metric = gpd.GeoSeries([ningbo_outline()], crs=STORAGE_CRS).to_crs("EPSG:32651")
    for margin, expected in ((0.5 * NINGBO_TOLERANCE_M, True), (1.5 * NINGBO_TOLERANCE_M, False)):
        ring = metric.buffer(margin).to_crs(STORAGE_CRS).iloc[0]
        shell = max(shapely.get_parts(ring), key=lambda g: g.area).exterior
        points = [shell.interpolate(f, normalized=True) for f in np.linspace(0, 1, 40, endpoint=False)]
        assert all(in_ningbo(p) == expected for p in points), margin


def test_a_shape_is_in_ningbo_only_when_all_of_it_is():
    from geo.boundaries import in_ningbo

    inland = unit_geometry("330205").buffer(-0.01).representative_point()
    assert in_ningbo(shapely.LineString([inland, (inland.x + 0.01, inland.y)]))
    assert not in_ningbo(shapely.LineString([inland, (122.30, 29.90)]))  # reaches into the sea


def test_the_district_margin_is_narrower_than_the_city_one():
    from geo.boundaries import DISTRICT_TOLERANCE_M, NINGBO_TOLERANCE_M, district_area, unit_geometry as unit

    assert DISTRICT_TOLERANCE_M < NINGBO_TOLERANCE_M
    assert district_area("330205").covers(unit("330205"))
    assert district_area("330205") is district_area("330205")  # prepared once
