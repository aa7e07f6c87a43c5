"""Tests of `layers.sections`: heading tree, table of contents, noise, tables."""

from __future__ import annotations

from layers.plans import read_plan_text
from layers.sections import SectionIndex, find_tables, sections_from_text

JB = "jiangbei-14th-five-year-plan"
YZ = "yinzhou-14th-five-year-plan"
DELTA = "yinzhou-yangtze-delta-14th-plan"


def _sections(doc: str):
    return sections_from_text(read_plan_text(doc), doc_id=doc)


def test_chapter_and_section_paths_nest_in_the_jiangbei_plan() -> None:
    paths = set(_sections(JB)["section_path"])
    assert "第三章 优化城市空间,构建拥江发展新格局 › 第二节 实施三城建设会战" in paths


def test_table_of_contents_entries_are_not_headings() -> None:
    s = _sections(JB)
    assert (s["kind"] == "chapter").sum() == 11
    assert not s["title"].str.contains(r"\d$").any()


def test_arabic_numbered_section_with_bookmark_noise_is_a_heading() -> None:
    s = _sections(YZ)
    row = s[s["title"] == "指导思想"].iloc[0]
    assert row["number"] == "3" and row["kind"] == "section"
    assert row["section_path"].startswith("第一章 站在新起点上的新鄞州 › 第3节")


def test_chinese_numbered_outline_nests_three_levels() -> None:
    s = _sections(DELTA)
    assert "一、现实基础与重大意义 › (一)现实基础 › 1、城区“首位度”高" in set(s["section_path"])
    assert s["level"].max() == 3


def test_numbered_list_items_are_not_taken_for_headings() -> None:
    titles = " ".join(_sections(JB)["title"])
    assert "市级实施类项目" not in titles


def test_body_end_stops_at_the_next_heading_of_same_level() -> None:
    s = _sections(JB)
    first, second = s.iloc[1], s.iloc[2]  # 第一节, 第二节 of 第一章
    assert first["body_end"] == second["start"]


def test_a_text_without_headings_yields_its_title_as_one_section() -> None:
    s = sections_from_text("\n\n某区新闻稿\n\n正文一段。\n", doc_id="x")
    assert list(s["title"]) == ["某区新闻稿"] and list(s["kind"]) == ["title"]


def test_section_index_returns_the_enclosing_path() -> None:
    text = read_plan_text(JB)
    index = SectionIndex(_sections(JB))
    offset = text.index("专栏4:")
    assert index.path_at(offset).endswith("第三节 建设魅力品质城区")


def test_tables_are_found_with_layout_and_note() -> None:
    tables = {t.label: t for t in find_tables(read_plan_text(YZ))}
    assert set(tables) == {"表1", "表2"}
    assert tables["表2"].tab_cells
    assert "2019" in read_plan_text(YZ)[tables["表2"].note_start:tables["表2"].note_end]
