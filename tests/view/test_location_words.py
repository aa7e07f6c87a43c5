"""The popup's "位置来源" line is worded here from the names and codes `layers.locate` stores."""

import re

import pandas as pd
import pytest

from geo.gazetteer import load_gazetteer
from layers.locate import locate_records, note_json
from view.location_words import location_note


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _note(gaz, quote, *, name="测试项目", district="330212", kind="projects", **columns):
    records = pd.DataFrame([{"name": name, "quote": quote, "places": "", "members": "", "district_adcode": district,
                             "extent_from": "", "extent_to": "", **columns}])
    return locate_records(records, gazetteer=gaz, kind=kind).iloc[0]["location_note"]


def test_a_borrowed_station_says_it_is_not_the_project(gaz):
    note = _note(gaz, "推进邱隘镇湾头产业综合体、潘火路站TOD综合开发")
    words = location_note(note)
    assert words.startswith("潘火路站（项目文字提到的车站，") and "车站" in words and "不是项目本身" in words
    assert "not the project's own extent" in location_note(note, lang="en")


def test_a_town_seat_says_it_is_the_seat_not_the_project(gaz):
    words = location_note(_note(gaz, "姜山镇推进农业产业强镇建设"))
    assert "驻地点" in words and "不是项目位置" in words and "来源网站：geonames.org" in words


def test_a_district_only_record_gives_its_reason_in_both_languages(gaz):
    note = _note(gaz, "没有任何地名的一句话")
    assert location_note(note) == "仅知在鄞州区（文字未提到可定位的地点）"
    assert location_note(note, lang="en") == "known only to be in 鄞州区 (its text names no place that can be located)"


def test_no_code_or_json_reaches_the_reader(gaz):
    for quote in ("姜山镇万象城周边改造", "推进邱隘镇湾头产业综合体、潘火路站TOD综合开发", "姜山镇推进农业产业强镇建设"):
        for lang in ("zh", "en"):
            words = location_note(_note(gaz, quote, district="330205"), lang=lang)
            # No JSON and no snake_case code (English words such as "approximate" are fine).
            assert "{" not in words and not re.search(r"[a-z]+_[a-z]+", words), words


def test_a_road_stretch_and_several_members_are_worded():
    road = note_json({"road": "环城北路", "from": "江北大道", "to": "广元路"}, method="road_extent")
    assert location_note(road) == "环城北路在江北大道与广元路之间的路段（由道路与两端道路的位置推算）"
    members = note_json({"members": ["甬江", "姚江"]}, method="members")
    assert location_note(members) == "由成员地点绘制：甬江、姚江"
    assert location_note(members, lang="en") == "drawn from its member places: 甬江, 姚江"


def test_a_note_from_an_older_store_is_shown_as_it_is_and_a_missing_one_is_empty():
    assert location_note("仅知在江北区（文字未提到可定位的地点）") == "仅知在江北区（文字未提到可定位的地点）"
    assert location_note(float("nan")) == "" and location_note(None) == ""
