"""The shipped public extracts answer as place sources, each candidate naming its row and licence."""

import pytest
import shapely

from geo import crs
from geo.derive import parse_recipe
from geo.errors import SourceError
from geo.gazetteer import load_gazetteer
from geo.sources.gazetteer import GazetteerSource
from geo.sources.public import GeoNamesSource, MetroSource, OsmSource, current_units, osm_geometry
from geo.sources.registry import all_sources, source


def test_geonames_matches_the_chinese_alternate_name_not_pinyin():
    found = GeoNamesSource().candidates("塘溪镇")
    assert [c.feature_id for c in found] == ["7070639"]  # GeoNames calls it "Tangtou"
    assert GeoNamesSource().candidates("Tangtou") == []
    seat = found[0]
    assert seat.precision == "approximate" and seat.licence == "CC BY 4.0"
    assert "https://www.geonames.org/7070639" in seat.source and "row" in seat.source
    assert seat.attribution == "GeoNames (CC BY 4.0)"


def test_geonames_type_comes_from_the_current_unit_list_not_its_outdated_label():
    (seat,) = GeoNamesSource().candidates("钟公庙街道")
    assert seat.type == "subdistrict"  # GeoNames still labels it 钟公庙镇
    assert seat.extra["kind"] == "seat"


def test_the_unit_list_has_the_33_current_units_of_both_districts():
    units = current_units()
    assert len(units) == 33
    assert {code[:6] for code in units} == {"330205", "330212"}


def test_osm_offers_the_exact_name_first_and_marks_prefixed_names_for_review():
    found = OsmSource().candidates("绿地中心")
    assert found and all("prefix" in c.matched for c in found)
    (mixc,) = OsmSource().candidates("万象城")
    assert mixc.matched == "exact name" and mixc.licence == "ODbL 1.0"
    assert mixc.precision == "exact" and mixc.geometry.geom_type == "Polygon"
    assert mixc.feature_id.startswith("r") and mixc.feature_id in mixc.source


def test_an_osm_reference_resolves_to_the_shipped_polygon():
    (mixc,) = OsmSource().candidates("万象城")
    assert osm_geometry(mixc.feature_id).equals(mixc.geometry)
    with pytest.raises(SourceError, match="r99999"):
        osm_geometry("r99999")


def test_the_source_recipe_parses_and_refuses_unknown_extracts():
    assert parse_recipe("source:osm:r2").args == ("osm", "r2")
    for bad in ("source:osm", "source:wiki:r2", "source:osm:"):
        with pytest.raises(ValueError, match="source:KEY:FEATURE"):
            parse_recipe(bad)


def test_metro_stations_are_converted_from_gcj02_and_asked_for_only_by_station_name():
    (station,) = MetroSource().candidates("潘火路站")
    assert station.datum == "gcj02" and station.type == "station"
    lon, lat = crs.wgs84_to_gcj02(station.point.x, station.point.y)
    assert abs(float(lon) - 121.591644) < 1e-6 and abs(float(lat) - 29.84047) < 1e-6
    assert MetroSource().candidates("慈城") == []  # the town, not 慈城站


def test_the_gazetteer_is_a_source_too():
    found = GazetteerSource(load_gazetteer()).candidates("慈城镇")
    assert found and found[0].feature_id == "jb-cicheng-town"
    assert "jiangbei.csv" in found[0].source


def test_the_registry_lists_every_source_and_names_the_valid_keys_for_a_wrong_one():
    assert {"gazetteer", "geonames", "osm", "metro"} <= set(all_sources())
    with pytest.raises(SourceError, match="geonames"):
        source("nope")


def test_every_osm_row_is_a_valid_wgs84_polygon_in_ningbo():
    from geo.sources.public import osm_features

    features = osm_features()
    assert len(features) == 389
    assert all(f.geometry.is_valid and isinstance(f.geometry, (shapely.Polygon, shapely.MultiPolygon)) for f in features)
    assert all(121.0 < f.geometry.centroid.x < 122.3 and 29.4 < f.geometry.centroid.y < 30.4 for f in features)


def test_the_metro_crosscheck_finds_the_424_m_move_of_panhuolu():
    from geo.sources.public import metro_crosscheck

    moves = dict(metro_crosscheck(load_gazetteer(curated=False)))
    assert 400 < moves["rail-metro-panhuolu"] < 450  # README of the extracts: moved by 424 m
    assert moves["rail-metro-gulou"] < 100
