import pandas as pd

from geo.errors import NotAPointError
from geo.query import Resolved
from layers.nearby import Nearby
from view.nearby_words import format_distance, location_words, nearby_summary, not_a_point_message, plain, unknown_place_words


def test_typed_markdown_is_shown_as_typed():
    assert plain("**x** [a](javascript:alert(1))") == r"\*\*x\*\* \[a\]\(javascript\:alert\(1\)\)"


def test_an_unlocated_road_is_worded_without_contradiction():
    exc = NotAPointError("", ("宁波市", "鄞州区", "天童南路"), place="天童南路", adcode="330212", reason="unlocated")
    words = not_a_point_message(exc, typed="宁波市鄞州区天童南路")
    assert words.startswith("天童南路尚未定位（只知道在鄞州区）") and "范围太大" not in words


def test_the_city_is_never_called_a_district():
    exc = NotAPointError("", ("宁波市",), place="宁波市", adcode="330200", reason="city")
    assert not_a_point_message(exc, typed="宁波市").startswith("宁波市是整个城市")


def test_a_borrowed_location_says_it_is_inferred():
    assert "只是推断" in location_words(method="mentioned_place", precision="approximate", via="7号线")
    assert "inferred" in location_words(method="mentioned_place", precision="approximate", via="7号线", lang="en")


def test_an_unknown_place_names_no_file_or_code():
    words = unknown_place_words("asdfgh")
    assert "地名表中没有“asdfgh”" in words and "gazetteer" not in words and ".csv" not in words


def test_the_summary_counts_categories_in_plain_words():
    within = pd.DataFrame({"id": ["p-road", "p-school", "p-park"]})
    result = Nearby(Resolved.at(lat=29.905, lon=121.63, name="test point"), radius_m=3000, within=within, district_only=pd.DataFrame(),
                    counts={"roads": 1, "schools": 1, "parks_green": 1})
    assert nearby_summary(result) == "3 公里内有 3 个项目：道路桥梁 1 个、学校教育 1 个、公园绿地 1 个"
    assert nearby_summary(result, lang="en").startswith("3 projects within 3 km: 1 roads, bridges and tunnels")


def test_a_summary_with_nothing_near_has_no_empty_list():
    result = Nearby(Resolved.at(lat=29.905, lon=121.63, name="test point"), radius_m=850, within=pd.DataFrame(),
                    district_only=pd.DataFrame())
    assert nearby_summary(result) == "850 米内有 0 个项目"
    assert nearby_summary(result, lang="en") == "0 projects within 850 m"


def test_distances_read_like_a_person_would_say_them():
    assert format_distance(850) == "850 米"
    assert format_distance(1200, lang="en") == "1.2 km"
    assert format_distance(2000) == "2 公里"
