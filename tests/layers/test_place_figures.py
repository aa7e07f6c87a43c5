"""Tests of `layers.place_figures`: figures pinned to the place that is their subject."""

from __future__ import annotations

import pandas as pd

from layers.place_figures import place_figures_from_plan
from layers.plans import read_plan_text

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
