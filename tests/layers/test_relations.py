"""Plan records relate when they name the same place, never through their district."""

import pandas as pd

from layers.relations import related_records

PLACES = pd.DataFrame({
    "id": ["jb-yaojiang-new-area", "rg-yaojiang", "jb-jiangbei-district", "rg-ningbo"],
    "name": ["姚江新区", "姚江", "江北区", "宁波市"],
    "type": ["new_town", "river", "district", "city"],
})


def _records(**place_ids: str) -> pd.DataFrame:
    return pd.DataFrame({"id": list(place_ids), "place_ids": list(place_ids.values())})


def test_records_naming_the_same_place_are_related_both_ways_with_the_place_named():
    related = related_records(_records(core="jb-yaojiang-new-area", school="jb-yaojiang-new-area|jb-jiangbei-district"),
                              PLACES)
    assert related == {"core": [("school", "姚江新区")], "school": [("core", "姚江新区")]}


def test_sharing_only_a_district_or_the_city_relates_nothing():
    records = _records(a="jb-jiangbei-district|rg-ningbo", b="jb-jiangbei-district", c="rg-ningbo")
    assert related_records(records, PLACES) == {}


def test_each_other_record_is_listed_once_with_the_first_place_they_share():
    records = _records(belt="rg-yaojiang|jb-yaojiang-new-area", park="jb-yaojiang-new-area|rg-yaojiang", road="rg-yaojiang")
    related = related_records(records, PLACES)
    assert related["belt"] == [("park", "姚江"), ("road", "姚江")]
    assert related["park"] == [("belt", "姚江新区"), ("road", "姚江")]


def test_records_without_places_or_with_a_missing_list_relate_to_nothing():
    records = pd.DataFrame({"id": ["a", "b", "c"], "place_ids": ["", None, "jb-yaojiang-new-area"]})
    assert related_records(records, PLACES) == {}
