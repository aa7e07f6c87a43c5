"""Matching decides what a source may locate: district, kind and size must fit; doubt goes to review."""

import pytest

from geo.gazetteer import load_gazetteer
from geo.sources.matching import normalise, suggest_for
from geo.sources.public import GeoNamesSource, OsmSource


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(curated=False)


@pytest.mark.parametrize("written, key", [
    ("宁波市江北区甬江街道", "甬江"), ("鄞州区姜山镇", "姜山"), ("東錢湖鎮", "东钱湖"),
    ("宁波绿地中心", "宁波绿地中心"), ("宁波市第九医院", "第九医院"), ("钟公庙街道", "钟公庙"),
    ("湾头村", "湾头"), ("镇", "镇"),
])
def test_names_are_compared_without_admin_prefixes_and_suffixes(written, key):
    assert normalise(written) == key


def test_a_town_seat_locates_the_town_but_never_the_lake(gaz):
    town = suggest_for(gaz.get("yz-dongqianhu-town"), GeoNamesSource())
    assert town.status == "unambiguous" and town.candidates[0].feature_id == "7070623"
    lake = suggest_for(gaz.get("yz-dongqian-lake"), GeoNamesSource())
    assert lake.status == "rejected" and "not a lake" in lake.reason


def test_the_tiny_osm_university_polygon_is_not_the_campus(gaz):
    found = suggest_for(gaz.get("jb-ningbo-university"), OsmSource())
    assert found.status == "rejected" and "too small" in found.reason


def test_a_prefixed_osm_name_waits_for_review(gaz):
    found = suggest_for(gaz.get("jb-greenland-center"), OsmSource())
    assert found.status == "ambiguous" and "prefix" in found.reason


def test_two_osm_features_of_one_name_are_ambiguous(gaz):
    found = suggest_for(gaz.get("yz-dongnan-primary-school"), OsmSource())
    assert found.status == "ambiguous" and len(found.candidates) == 2 and "apart" in found.reason


def test_a_candidate_outside_the_entrys_district_is_refused(gaz):
    found = suggest_for(gaz.get("jb-jiangbei-tcm-hospital"), OsmSource())
    assert found.status == "rejected" and "outside 江北区" in found.reason


def test_an_entry_already_as_precise_as_the_source_gets_no_suggestion(gaz):
    assert suggest_for(gaz.get("yz-wuxiang-town"), GeoNamesSource()) is None  # exact already


@pytest.mark.parametrize("place_id", [
    "yz-qiuai-town", "yz-jiangshan-town", "yz-dongwu-town", "yz-hengxi-town", "yz-yunlong-town",
    "yz-xianxiang-town", "yz-tangxi-town", "yz-dongqianhu-town", "yz-zhonggongmiao-subdistrict",
    "yz-fuming-subdistrict", "yz-dongjiao-subdistrict", "jb-yongjiang-subdistrict",
])
def test_the_named_towns_and_subdistricts_have_one_geonames_seat(gaz, place_id):
    found = suggest_for(gaz.get(place_id), GeoNamesSource())
    assert found.status == "unambiguous", found.reason
