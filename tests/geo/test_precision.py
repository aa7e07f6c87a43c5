"""The one precision vocabulary matches what is stored and what the map draws."""

import pytest

from geo.gazetteer import TYPES, load_gazetteer
from geo.precision import DRAWN, PRECISIONS, TOO_WIDE_TYPES, Precision, is_drawn, rank
from layers.store import read_layer


def test_the_four_precisions_are_the_strings_the_gazetteer_files_hold():
    stored = {e.precision for e in load_gazetteer()}
    assert stored == {p.value for p in Precision}  # all four are in use, and nothing else
    assert all(Precision(s) == s and str(Precision(s)) == s for s in stored)


@pytest.mark.parametrize("layer", ["projects", "structures", "places", "rail"])
def test_every_precision_in_the_built_store_is_a_member_written_as_a_plain_string(layer):
    values = read_layer(layer)["precision"].dropna()
    assert len(values)
    assert set(values) <= set(Precision)
    assert {type(v) for v in values} == {str}  # "exact", never "Precision.EXACT"


def test_precisions_are_ranked_best_first():
    assert [rank(p) for p in ("exact", "approximate", "district", "unlocated")] == [0, 1, 2, 3]
    assert tuple(sorted(Precision, key=rank)) == PRECISIONS
    with pytest.raises(ValueError, match="exact, approximate, district, unlocated"):
        rank("precise")


def test_drawn_are_the_two_with_a_shape_of_their_own():
    assert {"exact", "approximate"} == DRAWN
    assert is_drawn("exact") and is_drawn(Precision.APPROXIMATE)
    assert not any(is_drawn(v) for v in ("district", "unlocated", "", None, float("nan")))


def test_drawn_is_what_the_planner_map_draws_as_projects():
    from view.planmap import plan_payload

    frames = {name: read_layer(name) for name in ("projects", "structures", "places", "districts")}
    payload = plan_payload(**frames)
    drawn = {f["properties"]["id"]: f["properties"]["precision"]
             for layer in payload["layers"] if layer["id"].startswith("pr-") and layer["id"] != "pr-district-only"
             for f in layer["features"]["features"]}
    projects = frames["projects"]
    with_shape = projects[projects.geometry.notna() & ~projects.geometry.is_empty]
    assert drawn and set(drawn.values()) <= DRAWN
    assert set(drawn) <= set(with_shape.loc[with_shape["precision"].isin(DRAWN), "id"])
    assert not set(drawn) & set(projects.loc[~projects["precision"].isin(DRAWN), "id"])


def test_too_wide_types_are_the_gazetteer_types_of_a_city_and_a_district():
    assert TOO_WIDE_TYPES <= TYPES
    by_name = {e.name: e.type for e in load_gazetteer()}
    assert {by_name["宁波市"], by_name["江北区"], by_name["鄞州区"]} == TOO_WIDE_TYPES


def test_a_district_is_located_but_not_a_point_to_search_around():
    from geo.address import is_point
    from geo.geocode import default_gazetteer, locate

    jiangbei = locate("江北区", gazetteer=default_gazetteer())
    assert jiangbei is not None and jiangbei.lon is not None
    assert jiangbei.type in TOO_WIDE_TYPES and not is_point(jiangbei)
