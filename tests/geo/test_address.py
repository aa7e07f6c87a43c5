"""A typed address stands for the narrowest located place it names, and says what it left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.address import resolve_address, strip_filler
from geo.errors import AddressTooWideError
from geo.gazetteer import Gazetteer, load_gazetteer

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def test_a_full_address_resolves_to_its_narrowest_located_place_and_keeps_the_rest(gaz: Gazetteer) -> None:
    match = resolve_address("宁波市江北区庄桥街道天合家园8幢", gazetteer=gaz)
    assert match.place.id == "jb-zhuangqiao-subdistrict"
    assert match.matched == "庄桥街道"
    assert match.parts == ("江北区", "庄桥街道")
    assert match.unplaced == "天合家园8幢"


def test_a_station_named_in_an_address_wins_over_the_subdistrict_before_it(gaz: Gazetteer) -> None:
    match = resolve_address("江北区庄桥街道庄桥站南广场", gazetteer=gaz)
    assert match.place.id == "rail-station-zhuangqiao"
    assert match.unplaced == "南广场"


def test_the_district_named_in_the_address_decides_between_homonyms(gaz: Gazetteer) -> None:
    assert resolve_address("鄞州区中心公园东门", gazetteer=gaz).place.id == "yz-central-park"
    assert resolve_address("江北区中心公园东门", gazetteer=gaz).place.id == "jb-central-park"


def test_an_unlocated_place_is_passed_over_for_a_located_one_before_it(gaz: Gazetteer) -> None:
    match = resolve_address("慈城镇姚江新区3号", gazetteer=gaz)
    assert match.place.id == "jb-cicheng-town"
    assert match.unplaced == "姚江新区3号"


def test_an_address_naming_only_districts_is_too_wide_and_says_what_it_found(gaz: Gazetteer) -> None:
    with pytest.raises(AddressTooWideError) as caught:
        resolve_address("鄞州区某某路88号", gazetteer=gaz)
    assert caught.value.parts == ("鄞州区",)
    assert "鄞州区" in str(caught.value)


def test_an_address_naming_no_known_place_is_not_an_address_match(gaz: Gazetteer) -> None:
    assert resolve_address("火星基地1号", gazetteer=gaz) is None


@pytest.mark.parametrize("typed, place", [("老外滩附近", "老外滩"), ("慈城周边", "慈城"), ("附近", "附近")])
def test_words_like_nearby_are_dropped_but_never_leave_nothing(typed: str, place: str) -> None:
    assert strip_filler(typed) == place
