"""Tests of `geo.query`: typed text (coordinates, a name, part of one, an address) → one place."""

import pytest

from geo.errors import AddressTooWideError, GeoError, NotAPointError, UnknownPlaceError
from geo.geocode import Located
from geo.query import (AddressResolver, CoordinateResolver, NameResolver, QueryResolver, Resolved,
                       located_alternatives, parse_lat_lon)
from geo.query import in_ningbo_at as in_ningbo


def resolve(text: str, **options) -> Resolved:
    return QueryResolver(inside=in_ningbo).resolve(text, **options)


def test_an_unknown_place_gets_close_suggestions_and_coordinates_are_accepted():
    with pytest.raises(UnknownPlaceError, match="close names"):
        resolve("火星基地")
    origin = resolve("29.905, 121.63")
    assert (origin.lat, origin.lon) == (29.905, 121.63)
    with pytest.raises(GeoError, match="not in 宁波"):
        resolve("39.9, 116.4")


def test_a_partial_name_finds_the_place():
    origin = resolve("慈城")
    assert "慈城" in origin.name and origin.lon is not None


def test_traditional_characters_and_spaces_find_the_same_place():
    assert resolve("寧波 大學").name == resolve("宁波大学").name


def test_an_address_searches_around_the_narrowest_place_it_names_and_says_what_it_could_not_place():
    origin = resolve("宁波市江北区大庆南路100号")
    assert origin.name == "大庆南路" and origin.unplaced == "100号"
    assert origin.precision == "approximate" and origin.source
    # A text that contains a known place is read as an address, not refused.
    assert resolve("慈城古县城东门外的不存在的地方").unplaced == "东门外的不存在的地方"


def test_an_address_naming_only_a_district_is_refused_with_what_was_recognised():
    with pytest.raises(AddressTooWideError) as caught:
        resolve("鄞州区某某路88号")
    assert caught.value.parts == ("鄞州区",)


def test_nearby_after_a_place_name_is_dropped():
    assert resolve("宁波大学附近").name == resolve("宁波大学").name


@pytest.mark.parametrize("typed, place, adcode, reason", [
    ("东部新城", "东部新城", "330212", "district_only"),
    ("南部新城", "南部新城", "330212", "district_only"),
    ("鄞州区", "鄞州区", "330212", "district"),
    ("宁波市", "宁波市", "330200", "city"),
    ("宁波市鄞州区天童南路", "天童南路", "330212", "unlocated"),
])
def test_a_place_that_is_not_a_point_is_refused_with_its_district_not_searched_around(typed, place, adcode, reason):
    with pytest.raises(NotAPointError) as caught:
        resolve(typed)
    assert (caught.value.place, caught.value.adcode, caught.value.reason) == (place, adcode, reason)


def test_a_resolved_place_is_a_located_gazetteer_entry_with_its_id_and_geometry():
    origin = resolve("宁波大学")
    assert isinstance(origin, Located)
    assert origin.id.startswith("jb-") and origin.geometry is not None and origin.unplaced == ""


def test_coordinates_are_an_exact_point_named_by_what_was_typed_and_read_latitude_first():
    origin = resolve(" 29.905，121.63 ")
    assert (origin.name, origin.precision, origin.source) == ("29.90500, 121.63000", "exact", "coordinates given")
    assert (origin.geometry.x, origin.geometry.y) == (121.63, 29.905)
    assert parse_lat_lon("29.9,121.5") == (29.9, 121.5)
    assert parse_lat_lon("宁波大学") is None and parse_lat_lon("29.9") is None


def test_the_area_served_is_the_callers_to_say():
    nowhere = CoordinateResolver(inside=lambda lat, lon: False)
    with pytest.raises(GeoError, match="not in 宁波"):
        nowhere.resolve("29.905,121.63")
    assert CoordinateResolver(inside=lambda lat, lon: True).resolve("39.9,116.4").lat == 39.9


def test_each_resolver_passes_on_text_it_does_not_recognise():
    for resolver in (CoordinateResolver(inside=in_ningbo), NameResolver(), AddressResolver()):
        with pytest.raises(UnknownPlaceError):
            resolver.resolve("火星基地")
    # A name alone is not an address the name resolver reads, and the other way round.
    with pytest.raises(UnknownPlaceError):
        NameResolver().resolve("宁波市江北区大庆南路100号")
    assert AddressResolver().resolve("宁波市江北区大庆南路100号").name == "大庆南路"


def test_an_empty_query_asks_for_a_place():
    with pytest.raises(UnknownPlaceError, match="Type a place name"):
        resolve("   ")


def test_resolvers_are_asked_in_the_order_given():
    only_names = QueryResolver(inside=in_ningbo, resolvers=[NameResolver()])
    with pytest.raises(UnknownPlaceError):
        only_names.resolve("29.905,121.63")
    assert only_names.resolve("慈城").name == resolve("慈城").name


def test_a_place_without_a_point_offers_located_places_sharing_its_core_name():
    alternatives = located_alternatives("钟公庙街道")
    assert alternatives and all("钟公庙" in name for name in alternatives)
    assert all(resolve(name).lon is not None for name in alternatives)


def test_a_resolved_place_always_has_a_point_to_measure_from():
    assert resolve("宁波大学").latlon == (resolve("宁波大学").lat, resolve("宁波大学").lon)
    assert Resolved.at(lat=29.9, lon=121.5, name="x").latlon == (29.9, 121.5)


def test_typed_coordinates_in_zhoushan_or_the_sea_are_not_taken_for_ningbo():
    # Both lie in the old 28.5–31°N, 120.5–122.6°E box; the 宁波市 outline says they are outside.
    for typed in ("30.016, 122.106", "29.90, 122.30"):  # 舟山市定海区 (its cnmaps outline); sea east of 北仑
        with pytest.raises(GeoError, match="not in 宁波"):
            QueryResolver().resolve(typed)
    assert QueryResolver().resolve("29.95, 121.72").lat == 29.95  # in 镇海区 by its outline
