"""A project borrows the location of a station or 街道/镇 its text names, and says it borrowed it."""

import json

import pandas as pd
import pytest

from geo.gazetteer import load_gazetteer
from layers.locate import locate_records


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _project(gaz, quote, *, name="测试项目", district="330212"):
    records = pd.DataFrame([{"name": name, "quote": quote, "places": "", "district_adcode": district,
                             "extent_from": "", "extent_to": ""}])
    return locate_records(records, gazetteer=gaz, kind="projects").iloc[0]


def test_a_station_tod_takes_the_station_as_approximate(gaz):
    row = _project(gaz, "推进邱隘镇湾头产业综合体、潘火路站TOD综合开发")
    assert row["place_ids"] == "rail-metro-panhuolu"
    assert row["precision"] == "approximate" and row["location_method"] == "mentioned_station"
    # Stored as names and codes; tests/view/test_location_words.py reads the words.
    assert json.loads(row["location_note"])["place"] == "潘火路站"


def test_a_station_in_a_list_before_zhandian_counts(gaz):
    row = _project(gaz, "紧抓铁路建设窗口期，助推五乡、钟公庙站点落地建设")
    assert row["location_method"] == "mentioned_station"
    assert row["place_ids"] in ("rail-metro-wuxiang", "rail-metro-zhonggongmiao")


def test_a_bare_town_name_is_the_town_seat_not_its_station(gaz):
    row = _project(gaz, "姜山镇推进农业产业强镇建设")
    assert row["place_ids"] == "yz-jiangshan-town"
    assert row["location_method"] == "mentioned_seat" and row["precision"] == "approximate"
    assert json.loads(row["location_note"])["seat"] == "geonames"


def test_a_named_object_beats_the_town_it_lies_in(gaz):
    row = _project(gaz, "姜山镇万象城周边改造", district="330205")
    assert row["place_ids"] == "jb-mixc" and row["location_method"] == "mentioned_place"


def test_a_project_that_is_the_place_keeps_its_precision(gaz):
    row = _project(gaz, "万象城", name="万象城", district="330205")
    assert row["precision"] == "exact" and row["location_method"] == "own_place"


def test_a_text_without_a_located_place_stays_district_only(gaz):
    row = _project(gaz, "完善社区卫生服务站点")
    assert row["precision"] == "district" and row["location_method"] == "district_only"
