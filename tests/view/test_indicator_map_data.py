"""The indicators map's data: Python decides every colour, legend row and text the page's map draws."""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from layers.build import build
from layers.plans import plan_districts
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from view.indicator_map import HIGH_COLOUR, LOW_COLOUR, NO_DATA_STYLE, TEXT_COLOUR, indicator_map_data
from view.links import source_link

LABELS = {"no_data": "无数据", "not_numeric": "非数值", "darker": "颜色越深数值越大", "figures": "地点数据"}
JIANGBEI, YINZHOU = "330205", "330212"


@pytest.fixture(scope="module")
def districts() -> gpd.GeoDataFrame:
    if not LAYERS_GPKG.exists():
        build()
    return read_layer("districts")


def _values(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return pd.DataFrame({"adcode": [r[0] for r in rows], "name": ["x"] * len(rows), "unit": ["人"] * len(rows),
                         "value": [r[1] for r in rows], "value_num": [r[2] for r in rows],
                         "year": ["2025"] * len(rows), "doc_id": ["d"] * len(rows), "start": [0] * len(rows),
                         "end": [1] * len(rows)})


def _items(data: dict) -> dict[str, dict]:
    return {item["adcode"]: item for item in data["legend"]["items"]}


def test_the_larger_value_gets_the_darker_colour_and_both_show_the_value_as_written(districts):
    data = indicator_map_data(districts, _values((JIANGBEI, "5.07", 5.07), (YINZHOU, "4.9", 4.9)),
                              title="每千人执业医师数 (人)", labels=LABELS)
    items = _items(data)
    assert items[JIANGBEI]["shown"] == "5.07 人" and items[YINZHOU]["shown"] == "4.9 人"
    assert items[JIANGBEI]["fill"] == HIGH_COLOUR
    assert items[YINZHOU]["fill"] not in ("", HIGH_COLOUR, LOW_COLOUR)  # the low end is not the palest colour
    assert data["legend"]["note"] == LABELS["darker"]
    # The map's features carry the same colour and text as the legend, one feature per plan district.
    features = {f["properties"]["adcode"]: f["properties"] for f in data["districts"]["features"]}
    assert set(features) == set(plan_districts())
    assert {k: (p["fill"], p["shown"]) for k, p in features.items()} == {
        k: (items[k]["fill"], items[k]["shown"]) for k in features}


def test_a_district_without_the_value_is_no_data_never_a_zero_and_words_are_kept_as_written(districts):
    data = indicator_map_data(districts, _values((JIANGBEI, "冲刺千亿", math.nan)), title="t", labels=LABELS)
    items = _items(data)
    assert items[YINZHOU] == {"adcode": YINZHOU, "name": items[YINZHOU]["name"], "fill": "", "shown": "无数据"}
    assert items[JIANGBEI]["fill"] == TEXT_COLOUR and items[JIANGBEI]["shown"] == "冲刺千亿 (非数值)"
    assert data["legend"]["note"] is None  # no number, so no scale to explain
    assert data["styles"]["no_data"] == NO_DATA_STYLE


def test_texts_stay_plain_for_the_browser_to_set_as_text(districts):
    evil = "<img src=x onerror=alert(1)>"
    named = districts.copy()
    named.loc[named["adcode"] == JIANGBEI, "name"] = evil
    data = indicator_map_data(named, _values((JIANGBEI, "<3.6", math.nan)), title=evil, labels=LABELS)
    assert _items(data)[JIANGBEI]["name"] == evil and _items(data)[JIANGBEI]["shown"].startswith("<3.6")
    assert data["title"] == evil


def test_the_faint_context_holds_every_district_without_a_plan_and_figures_link_to_their_source(districts):
    figures = gpd.GeoDataFrame({"place_name": ["慈城"], "quote": ["人口 5 万"], "year": ["2025"], "doc_id": ["doc-a"],
                                "start": [10], "end": [20]}, geometry=[shapely.Point(121.45, 29.98)], crs="EPSG:4326")
    data = indicator_map_data(districts, _values(), title="t", labels=LABELS, figures=figures)
    context = {f["properties"]["adcode"] for f in data["context"]["features"]}
    assert context == set(districts["adcode"]) - set(plan_districts())
    assert data["figures"]["points"] == [{"lat": 29.98, "lon": 121.45, "text": "慈城：人口 5 万（2025）",
                                          "href": source_link("doc-a", start=10, end=20)}]
    assert data["figures"]["name"] == LABELS["figures"]
