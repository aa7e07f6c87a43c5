"""Tests of `layers.place_figures`: figures pinned to the place that is their subject."""

from __future__ import annotations

import pandas as pd

from layers.place_figures import PLACE_FIGURES_TABLE_COLUMNS, place_figures_from_plan, place_figures_table
from layers.plans import get_plan, load_catalog, read_plan_text
from layers.store import read_layer

PLACES = pd.DataFrame([
    {"id": "cicheng", "name": "慈城古县城", "aliases": "古县城|慈城古城", "type": "scenic_area", "precision": "approximate"},
    {"id": "corridor", "name": "城南智创走廊区块", "aliases": "宁波城南智创大走廊", "type": "area", "precision": "district"},
    {"id": "jiangbei", "name": "江北区", "aliases": "江北", "type": "district", "precision": "approximate"},
    {"id": "lost", "name": "某某公园", "aliases": "", "type": "park", "precision": "unlocated"},
])


def test_cicheng_visitors_per_year_are_found_and_quoted_exactly() -> None:
    doc = "jiangbei-14th-five-year-plan"
    text = read_plan_text(doc)
    figures = place_figures_from_plan(plan_id=doc, text=text, places=PLACES)
    visitors = figures[figures["place_id"] == "cicheng"]
    assert len(visitors) == 1
    row = visitors.iloc[0]
    assert (row["year"], row["value"], row["unit"]) == ("2025", "300", "万人")
    assert row["quote"] == text[row["start"]:row["end"]] == "年接待游客人次超300万人"
    assert text[row["sentence_start"]:row["sentence_end"]].startswith("慈城古县城")


def test_a_place_named_right_after_the_year_owns_each_figure_of_the_sentence() -> None:
    doc = "yinzhou-yangtze-delta-14th-plan"
    text = "到2025年，宁波城南智创大走廊人才总量新增10万人、院士工作站新增5家，成为一流走廊。"
    figures = place_figures_from_plan(plan_id=doc, text=text, places=PLACES)
    assert list(figures["quote"]) == ["宁波城南智创大走廊人才总量新增10万人", "院士工作站新增5家"]
    assert list(figures["measure"]) == ["人才总量新增", "院士工作站新增"]
    assert all(text[s:e] == q for s, e, q in zip(figures["start"], figures["end"], figures["quote"], strict=True))


def test_district_wide_and_unlocated_subjects_and_sentences_without_a_year_give_nothing() -> None:
    text = ("江北区到2025年,新增高技能人才10000名。某某公园到2025年,年接待游客50万人次。"
            "慈城古县城年接待游客超过200万人次。")
    figures = place_figures_from_plan(plan_id="x", text=text, places=PLACES)
    assert figures.empty


def test_the_built_store_holds_every_plans_place_figures_as_computed_from_its_places_and_plan_text() -> None:
    places = read_layer("places")
    computed = pd.concat(
        [place_figures_from_plan(plan_id=p.id, text=read_plan_text(p.id), places=places) for p in load_catalog()],
        ignore_index=True).join(places.set_index("id")[["rep_lon", "rep_lat"]], on="place_id")
    stored = pd.DataFrame(read_layer("place_figures"))
    assert len(stored) > 0
    pd.testing.assert_frame_equal(stored, computed, check_dtype=False)
    # Offsets are stored as numbers and still point at the quoted words.
    assert stored["start"].dtype.kind == "i" and stored["value_num"].dtype.kind == "f"
    for row in stored.to_dict("records"):
        assert read_plan_text(row["doc_id"])[row["start"]:row["end"]] == row["quote"]


def test_a_figure_carries_the_point_of_its_place() -> None:
    places = PLACES.assign(rep_lon=[121.45, 121.67, 121.55, None], rep_lat=[29.98, 29.75, 29.88, None])
    figures = place_figures_table(places, plans=[get_plan("jiangbei-14th-five-year-plan")])
    assert list(figures.columns) == PLACE_FIGURES_TABLE_COLUMNS
    cicheng = figures[figures["place_id"] == "cicheng"]
    assert (cicheng["rep_lon"].tolist(), cicheng["rep_lat"].tolist()) == ([121.45], [29.98])


def test_plans_without_place_figures_give_an_empty_table_with_the_stored_columns() -> None:
    figures = place_figures_table(PLACES.assign(rep_lon=0.0, rep_lat=0.0), plans=[])
    assert figures.empty and list(figures.columns) == PLACE_FIGURES_TABLE_COLUMNS
