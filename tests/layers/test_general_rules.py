"""The general extraction rules read layouts the shipped plans do not use.

The texts here are written for the tests (short, in the shape of real 纲要 and 报告
wording); the real public texts are in tests/data/plans/ (test_plan_fixtures.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from layers.extract import extract_plan
from layers.indicators import is_indicator_table
from layers.projects import (
    described_projects, find_boxes, named_list, named_single, report_spans, subject_spans,
)
from layers.sections import find_tables
from layers.structures import code_groups, structures_from_plan

LAYERS = Path(__file__).resolve().parents[2] / "layers"


@pytest.mark.parametrize(("line", "label", "title"), [
    ("专栏4\u3000新农村建设重点工程", "专栏4", "新农村建设重点工程"),
    ("专栏 1 重大交通项目", "专栏1", "重大交通项目"),
    ("专栏一：重点产业平台", "专栏1", "重点产业平台"),
    ("专栏12:医疗卫生设施", "专栏12", "医疗卫生设施"),
])
def test_box_titles_are_read_with_or_without_colon_or_space(line: str, label: str,
                                                            title: str) -> None:
    text = f"第一章 总则\n{line}\n◆甲路：新建道路。\n◆乙桥：改建桥梁。\n"
    boxes = find_boxes(text)
    assert [(b.label, b.title) for b in boxes] == [(label, title)]


def test_a_box_title_may_stand_on_the_next_line() -> None:
    boxes = find_boxes("专栏3\n重点水利工程\n1. 甲水库\n2. 乙河道整治\n")
    assert boxes[0].label == "专栏3" and boxes[0].title == "重点水利工程"


def test_a_sentence_that_mentions_a_box_is_not_a_box() -> None:
    assert find_boxes("专栏1所列项目要按期完成并接受社会监督，各部门要细化分工落实责任。\n") == []


def test_a_box_ends_at_a_blank_line_before_a_body_paragraph() -> None:
    text = ("专栏2：道路\n◆甲路\n◆乙路\n\n"
            "加快完善城市路网，推动形成内畅外联的交通格局，提升通行效率，同时统筹推进城市更新，改善居民出行条件，"
            "建设更加便捷高效的综合交通体系。\n")
    box = find_boxes(text)[0]
    assert "加快完善" not in text[box.body_start:box.body_end]


def test_numbered_box_items_become_one_record_each() -> None:
    text = "专栏5：重点项目\n1. 甲路改造工程\n2、乙大桥\n（3）丙公园\n"
    ex = extract_plan(plan_id="t", text=text, adcode="")
    assert list(ex.projects["name"]) == ["甲路改造工程", "乙大桥", "丙公园"]


@pytest.mark.parametrize(("clause", "names"), [
    ("全面开工建设甲大桥、乙隧道和丙快速路", ["甲大桥", "乙隧道", "丙快速路"]),
    ("甲大桥、乙大桥建成通车", ["甲大桥", "乙大桥"]),
    ("做好甲铁路、乙枢纽等项目前期", ["甲铁路", "乙枢纽"]),
])
def test_lists_named_in_prose_by_a_common_verb_are_projects(clause: str, names: list[str]) -> None:
    spans = named_list(clause)
    assert spans is not None and [clause[a:b] for a, b in spans] == names


@pytest.mark.parametrize("clause", [
    "推进科技、人才、资金等要素集聚",       # kinds of things, not named objects
    "加快建设科技孵化园、产业园区",          # generic facilities
    "以甲新城、乙新区为核心",                # examples, not projects
])
def test_lists_that_name_no_object_are_not_projects(clause: str) -> None:
    assert named_list(clause) is None


def test_one_named_object_after_a_build_verb_is_a_project() -> None:
    clause = "开工建设国际会议中心"
    a, b = named_single(clause)
    assert clause[a:b] == "国际会议中心"
    assert named_single("建设高能级创新型城区") is None


def test_items_listed_inside_a_box_item_become_children_of_it() -> None:
    text = "专栏2：区块\n· 甲区块：新世界广场、渔轮厂演艺综合体全面建成，老城区启动改造。\n"
    ex = extract_plan(plan_id="t", text=text, adcode="")
    parent = ex.projects.iloc[0]
    children = ex.projects[ex.projects["parent_id"] == parent["id"]]
    assert list(children["name"]) == ["新世界广场", "渔轮厂演艺综合体"]


def test_a_structure_code_is_read_by_its_grammar() -> None:
    assert code_groups("一核四城六空间") == [(1, "一核"), (4, "四城"), (6, "六空间")]
    text = ("构建“一核两带三片”的空间格局。“一核”即滨江新城核心区。“两带”：沿江产业带、沿湖生态带。"
            "“三片”分别为北部工业片、中部城市片和南部田园片。\n")
    df = structures_from_plan(plan_id="t", text=text)
    assert list(df["name"]) == ["滨江新城核心区", "沿江产业带", "沿湖生态带", "北部工业片",
                                "中部城市片", "南部田园片"]
    assert set(df["kind"]) == {"core", "belt", "zone"}
    for row in df.itertuples():
        assert text[row.start:row.end] == row.quote


def test_a_code_group_without_members_is_a_problem_with_its_position() -> None:
    text = "构建“一核两带”格局。“一核”即滨江新城核心区。\n"
    problems: list = []
    structures_from_plan(plan_id="t", text=text, problems=problems)
    assert any("两带" in p.reason and text[p.start:p.end] == p.quote for p in problems)


def test_an_indicator_table_is_found_by_its_header() -> None:
    text = ("表3 “十五五”经济社会发展目标\n\t序号\t名称\t单位\t2025年\t2030年\t年均增长\t属性\n"
            "\t1\t地区生产总值\t亿元\t1000\t1300\t5.4\t预期性\n")
    table = find_tables(text)[0]
    assert is_indicator_table(text, table)


def test_a_box_and_a_table_that_yield_nothing_are_problems() -> None:
    text = "专栏7：说明\n\n表5：人口结构\n\t年龄\t人数\n\t0-14\t100\n"
    ex = extract_plan(plan_id="t", text=text, adcode="")
    reasons = [p.reason for p in ex.problems]
    assert any("专栏7" in r for r in reasons) and any("表5" in r for r in reasons)


def test_no_rule_names_a_document_or_a_box_number() -> None:
    ids = ["jiangbei-14th-five-year-plan", "jiangbei-2021-government-work-report",
           "yinzhou-14th-five-year-plan", "yinzhou-yangtze-delta-14th-plan",
           "jiangbei-2022-press-feature"]
    for module in ("projects", "structures", "indicators", "sections", "categories", "lexicon"):
        source = (LAYERS / f"{module}.py").read_text(encoding="utf-8")
        assert not any(i in source for i in ids), module
        assert not re.search(r"[\"']专栏\d+[\"']", source), module


def test_category_words_name_no_place_of_the_gazetteer() -> None:
    from geo.gazetteer import load_gazetteer
    from layers.categories import CATEGORIES

    words = {w for c in CATEGORIES for w in re.split(r"[|()?<!=$^\\]+", c.pattern) if len(w) >= 2}
    places = {n for e in load_gazetteer() for n in e.names if e.type not in ("district", "city")}
    # "动车所" (a train depot) is a kind of facility that one gazetteer entry uses as its alias.
    assert not (words & places) - {"动车所"}, sorted(words & places)


def test_targets_are_not_projects_and_rows_read_name_then_content() -> None:
    from layers.extract import extract_all

    projects = extract_all(["jiangbei-14th-five-year-plan", "yinzhou-yangtze-delta-14th-plan"]).projects
    by_name = projects.set_index("name")
    assert by_name.loc["六倍增", "record_type"] == "target"
    assert by_name.loc["研究与试验发展经费支出占地区生产总值比重力争达4%", "record_type"] == "target"
    rows = projects[projects["source"] == "一览表 row"]
    assert len(rows) > 0
    for row in rows.itertuples():
        assert row.summary.startswith(row.name)
        assert not re.match(r"^\d+\s", row.summary)       # no row number
        assert not re.search(r"\s(?:19|20)\d\d\s", row.summary)  # no bare year cells


def test_an_indicator_table_of_another_layout_is_read_by_its_header() -> None:
    text = ("表3 “十五五”经济社会发展目标\n"
            "\t序号\t指标\t单位\t2025年\t2030年\t年均增长\t属性\n"
            "\t1\t地区生产总值\t亿元\t1000\t1300\t5.4\t预期性\n"
            "\t2\t常住人口\t万人\t100\t102\t9.0\t预期性\n")
    ex = extract_plan(plan_id="t", text=text, adcode="")
    rows = ex.indicators
    assert list(rows["name"]) == ["地区生产总值", "常住人口"]
    assert list(rows["target_value"]) == ["1300", "102"] and list(rows["base_year"]) == ["2025"] * 2
    assert "check failed" not in rows["flags"].iloc[0]
    assert "check failed" in rows["flags"].iloc[1]  # 100 → 102 is not 9 % a year
    for row in rows.itertuples():
        assert text[row.start:row.end] == row.quote


def test_an_unquoted_code_is_read_too() -> None:
    text = ("全区构建一核两带空间格局。一核即滨江新城核心区。两带：沿江产业带、沿湖生态带。\n")
    df = structures_from_plan(plan_id="t", text=text)
    assert list(df["part"]) == ["一核", "两带", "两带"]


def test_the_report_lists_per_document_what_was_found_and_read() -> None:
    from layers.extract import extract_all
    from layers.report import report_per_document

    lines = report_per_document(extract_all(["yinzhou-14th-five-year-plan", "jiangbei-2022-press-feature"]))
    yz = next(line for line in lines if line.startswith("yinzhou-14th-five-year-plan"))
    assert yz.split()[1] == "17/17"  # boxes read/found
    assert any(line.startswith("jiangbei-2022-press-feature") for line in lines)


@pytest.mark.parametrize(("clause", "names"), [
    # entries joined by 及/与 inside one 、-entry, status words 建设/共建 after a member
    ("加快启动甲省道乙段、丙线北延建设及丁线戊段拓宽与己高速(二期)共建等",
     ["甲省道乙段", "丙线北延", "丁线戊段拓宽", "己高速(二期)"]),
    # the plan calls the entries works and says they were started: an entry naming none is skipped
    ("甲医院二期、乙隧道一期、农村联网公路、丙围涂等一批重大民生基础设施相继开工",
     ["甲医院二期", "乙隧道一期", "丙围涂"]),
    ("甲路南延、乙医院、丙基地等一批重大项目也将在下半年陆续开工建设", ["甲路南延", "乙医院", "丙基地"]),
    ("甲路西港地块、乙第二幼儿园主体结构顺利完工", ["甲路西港地块", "乙第二幼儿园"]),
])
def test_lists_with_conjunctions_status_words_and_progress_are_one_record_per_member(
        clause: str, names: list[str]) -> None:
    spans = named_list(clause)
    assert spans is not None and [clause[a:b] for a, b in spans] == names


@pytest.mark.parametrize("clause", [
    "加快推进三条高速、三条国省干线公路建设",   # counts, not names
    "建成两大平台、8 所中小学",
    "扎实做好“两重”、“两新”、中央预算内资金、新型政策性金融工具等项目谋划储备和申报",
])
def test_counts_and_funding_lists_are_not_projects(clause: str) -> None:
    assert named_list(clause) is None


@pytest.mark.parametrize(("clause", "name"), [
    ("甲水库加速放量", "甲水库"),
    ("乙抽蓄并网发电", "乙抽蓄"),
    ("丙高速丁段改扩建工程全线铺开", "丙高速丁段改扩建工程"),
    ("戊线拓宽工程己段先行进场施工", "戊线拓宽工程己段"),
    ("加快庚高速门户区块基础设施建设步伐", "庚高速门户区块"),
])
def test_one_named_work_and_how_far_it_is_is_a_project(clause: str, name: str) -> None:
    a, b = named_single(clause)
    assert clause[a:b] == name


def test_an_aim_with_a_progress_verb_is_not_a_project() -> None:
    assert named_single("高能级创新型城区全面建成") is None
    assert named_single("城市功能加速放量") is None


@pytest.mark.parametrize(("clause", "names"), [
    ("甲地块结合乙地块改造和轨道TOD开发建设", ["甲地块", "乙地块"]),
    ("7815地块完成拆迁和项目落地", ["7815地块"]),
    ("培育甲广场成为30亿级综合体", ["甲广场"]),
    ("乙银泰、丙东方、丁城等成为10亿级综合体", ["乙银泰", "丙东方", "丁城"]),
])
def test_sites_a_clause_is_about_are_one_record_each(clause: str, names: list[str]) -> None:
    spans = subject_spans(clause)
    assert spans is not None and [clause[a:b] for a, b in spans] == names


def test_becoming_an_aim_names_no_site() -> None:
    assert subject_spans("推动甲区成为示范区") is None


def test_a_sentence_describing_projects_one_by_one_names_each() -> None:
    sentence = ("工业项目领域方面,甲汽车零部件项目占地面积196亩,新建厂房;乙产业园项目,总建筑面积"
                "24.7万平方米;丙未来工业社区项目,重点发展新兴企业;丁区“污水零直排”改造工程涉及13个镇")
    spans = described_projects(sentence)
    assert [sentence[a:b] for a, b in spans] == [
        "甲汽车零部件项目", "乙产业园项目", "丙未来工业社区项目", "丁区“污水零直排”改造工程"]
    assert described_projects("青才工程是人才政策的总称,涵盖引进与培育。") is None


@pytest.mark.parametrize(("clause", "names"), [
    ("他们先后视察了甲安置房项目、乙大道和丙中学迁建项目", ["甲安置房项目", "乙大道", "丙中学迁建项目"]),
    # A firm among the visited places names no built thing: it is skipped.
    ("走进甲锂电池、乙产业园一期项目、丙工业城项目、丁新材料", ["乙产业园一期项目", "丙工业城项目"]),
    ("布局甲深海产业先导区、乙国家级户外运动目的地", ["甲深海产业先导区"]),
    ("由甲中学迁建工程、乙书院新建工程、甲中学和乙书院配套中央广场工程三个子项目组成的",
     ["甲中学迁建工程", "乙书院新建工程", "甲中学和乙书院配套中央广场工程"]),
])
def test_visited_placed_and_made_of_lists_name_their_works(clause: str, names: list[str]) -> None:
    assert [clause[a:b] for a, b in named_list(clause) or []] == names


@pytest.mark.parametrize("clause", [
    "主要用于甲示范区块、乙新村、丙新村等拆迁户的调产安置",
    "分层次梯度布局区级核心商圈、街镇片区商业载体、一站式邻里商业中心",
    "鼓励企业双向布局投资、设立联合研发机构、成立离岸创新研发中心",
])
def test_beneficiaries_and_kinds_placed_are_not_lists_of_projects(clause: str) -> None:
    assert named_list(clause) is None


@pytest.mark.parametrize(("clause", "name"), [
    ("推动区甲保健院新院等开门应诊", "区甲保健院新院"),
    ("确保区乙医院三期等主体结构封顶", "区乙医院三期"),
    ("“没想到这么快!”在甲中学迁建工程现场", "甲中学迁建工程"),
    ("开工仪式主现场设立在甲农产品物流园项目", "甲农产品物流园项目"),
])
def test_a_work_reached_or_visited_is_named(clause: str, name: str) -> None:
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == name


def test_an_item_number_opening_a_body_line_is_not_part_of_a_name() -> None:
    text = "第一章 总则\n1、确保甲园路、乙沙西路等15条道路开工建设,丙湖东路、丁祥西街等13条道路建成通车。\n"
    names = list(extract_plan(plan_id="t", text=text, adcode="").projects["name"])
    assert names == ["甲园路", "乙沙西路", "丙湖东路", "丁祥西街"]


@pytest.mark.parametrize(("clause", "names"), [
    # Words of the sentence before the first name are not part of it.
    ("我区甲路拓宽改造工程、乙站以及丙城项目陆续开工", ["甲路拓宽改造工程", "乙站", "丙城项目"]),
    ("其中包括甲路改造、乙桥建设、丙站等6个交通项目", ["甲路改造", "乙桥", "丙站"]),
    ("对甲焦化改造项目、乙树脂项目、丙装备项目、丁振兴项目、戊高速建设及通车准备情况、"
     "己实训基地改造工程六个项目进行了详细了解",
     ["甲焦化改造项目", "乙树脂项目", "丙装备项目", "丁振兴项目", "戊高速", "己实训基地改造工程"]),
    # A quoted name with the works done to it is one named work.
    ("“甲乙一线”综合整治、丙文物修缮保护工程等环境整治项目", ["“甲乙一线”综合整治", "丙文物修缮保护工程"]),
])
def test_list_openings_odd_entries_and_quoted_works(clause: str, names: list[str]) -> None:
    assert [clause[a:b] for a, b in named_list(clause) or []] == names


@pytest.mark.parametrize("clause", [
    # Without a count of projects, or in a short list, an entry that names nothing still
    # makes the clause prose.
    "扎实做好“甲重”、“乙新”、中央预算内资金、新型政策性金融工具等项目谋划储备和申报",
    "对甲路、乙桥、丙项目工作情况进行了详细了解",
])
def test_an_odd_entry_outside_a_long_counted_list_keeps_the_clause_prose(clause: str) -> None:
    assert named_list(clause) is None


def test_a_road_that_joins_others_is_the_only_work_of_its_list() -> None:
    clause = "新建甲栖路连接乙柏路、丙银路等“连片”工程"
    assert [clause[a:b] for a, b in named_list(clause) or []] == ["甲栖路"]


@pytest.mark.parametrize(("clause", "name"), [
    ("推进甲新城综合管廊工程", "甲新城综合管廊工程"),
    ("完成甲河运动天地建设", "甲河运动天地"),
])
def test_pushing_or_finishing_one_named_work_is_a_project(clause: str, name: str) -> None:
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == name


@pytest.mark.parametrize("clause", ["全力推进区级交通工程项目", "基本完成核心区开发建设", "完成年度建设"])
def test_pushing_a_kind_or_finishing_a_stage_is_not_a_project(clause: str) -> None:
    assert named_single(clause) is None


@pytest.mark.parametrize(("clause", "names"), [
    # A verb with the relative particle opens the list, after a date as long as a month's.
    ("2023年9月开工的甲园横一路、乙纵二路(北段)工程", ["甲园横一路", "乙纵二路(北段)工程"]),
    # The particle ends the verb phrase: it is no part of the first name.
    ("今年3月开工建设的甲勤路、乙二路、丙三路等3条道路工程", ["甲勤路", "乙二路", "丙三路"]),
    # A part word with the works that go with it is part of the entry before it.
    ("全面开工甲机场航站楼、跑道及相关配套设施建设", ["甲机场航站楼"]),
    # A second kind of works of the same named place after 和 does not cut the name.
    ("对甲焦化改造项目、乙路城市基础设施和道路改造项目、丙装备项目三个项目进行了详细了解",
     ["甲焦化改造项目", "乙路城市基础设施和道路改造项目", "丙装备项目"]),
])
def test_relative_leads_parts_of_a_work_and_kinds_of_works(clause: str, names: list[str]) -> None:
    assert [clause[a:b] for a, b in named_list(clause) or []] == names


@pytest.mark.parametrize(("clause", "name"), [
    ("确保六十九中竣工", "六十九中"),  # a school called by its number
    ("城区甲乙片区改造项目开工", "城区甲乙片区改造项目"),  # 城区 says where, it is no aim
])
def test_a_numbered_school_and_an_urban_area_works_are_projects(clause: str, name: str) -> None:
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == name


def test_a_numbered_area_that_is_an_aim_is_still_not_a_project() -> None:
    assert named_single("建设高能级创新型城区") is None


def test_a_list_goes_on_past_a_comma_only_after_a_list() -> None:
    text = ("第一章 交通\n加快推进甲高速、乙高速丙至丁段,戊长江大桥、己长江大桥,"
            "庚储配基地一期、辛集并中心等项目建设。\n甲大桥、乙大桥,都是当地的名胜。\n")
    names = list(extract_plan(plan_id="t", text=text, adcode="").projects["name"])
    # The second line's bridges follow no list: they are not read.
    assert sorted(names) == sorted(["甲高速", "乙高速丙至丁段", "戊长江大桥", "己长江大桥",
                                    "庚储配基地一期", "辛集并中心"])


def test_a_short_numbered_line_is_read_and_a_short_heading_is_not() -> None:
    text = "第一章 实事\n7.建设甲水厂。\n开工建设乙水厂\n"
    names = list(extract_plan(plan_id="t", text=text, adcode="").projects["name"])
    assert names == ["甲水厂"]


def test_a_road_that_joins_others_is_one_work_in_the_body_list_pass_too() -> None:
    # After a list the body pass reads first, the joining road's clause is read by that pass.
    text = ("第一章 道路\n1、实施甲环线(东段)、S108乙河大桥等“连城”工程。"
            "新建丙栖里路连接丁柏路、戊银路等“连片”工程。\n")
    names = list(extract_plan(plan_id="t", text=text, adcode="").projects["name"])
    assert sorted(names) == sorted(["丙栖里路", "甲环线(东段)", "S108乙河大桥"])


@pytest.mark.parametrize(("clause", "names"), [
    # A work, then what was invested in it.
    ("甲乙公路改造完成投资1200万元", ["甲乙公路改造"]),
    # A list closed by a plan and a date, not by a verb alone.
    ("甲至乙高速公路、丙至丁高速公路改扩建工程计划10月底建成通车",
     ["甲至乙高速公路", "丙至丁高速公路改扩建工程"]),
    # Hospital campuses, then the part of them under way.
    ("甲大学附属医院乙湖院区主体工程正式开工", ["甲大学附属医院乙湖院区"]),
    ("甲省儿童医院乙新院正在进行桩基施工", ["甲省儿童医院乙新院"]),
    # A works name with no built-thing ending, long enough to name one work.
    ("甲城电网改造工程开工建设", ["甲城电网改造工程"]),
    # The part of a work written after it is not the name.
    ("甲电厂新建工程2号机组、乙风电场实现并网发电", ["甲电厂新建工程", "乙风电场"]),
    ("甲镇第三小学(乙园)幼儿园项目同样进展顺利", ["甲镇第三小学(乙园)幼儿园项目"]),
])
def test_a_progress_report_names_its_works_before_how_far_they_are(clause: str, names: list[str]) -> None:
    assert [clause[a:b] for a, b in report_spans(clause) or []] == names


@pytest.mark.parametrize("clause", [
    "其中续建项目完成投资29.1亿元",  # a class of projects
    "其中建成投产项目完成投资13.7亿元",  # a stage names no work
    "计划新开工项目完成投资9.4亿元",
    "完成2所乡镇卫生院主体工程建设",  # a count of unnamed works
    "当听到“项目进展顺利”时",  # an open quote is prose
    "今年上半年全省重点项目建设进展顺利",  # a class of projects
])
def test_classes_stages_and_counts_before_progress_are_not_works(clause: str) -> None:
    assert report_spans(clause) is None


def test_a_site_named_in_brackets_before_its_building_site_is_a_project() -> None:
    span = named_single("在甲县城市智慧公交(乙客运枢纽站)建设现场")
    assert span is not None
    assert "在甲县城市智慧公交(乙客运枢纽站)建设现场"[span[0]:span[1]] == "甲县城市智慧公交(乙客运枢纽站)"


def test_a_county_s_key_projects_site_is_no_work() -> None:
    assert named_single("在甲省乙市丙县重点项目建设现场") is None


def test_a_long_list_the_plan_counts_as_projects_keeps_a_link_road_and_works_without_an_ending() -> None:
    # "连接线" is a link road, not "joins"; the count after 等 makes the short names projects.
    clause = "甲乙高速公路连接线、丙丁段公路、戊钢精矿洗选、己科技冷固球团、庚至辛输气干线、壬水电站等7个项目完成投资达50%以上"
    assert [clause[a:b] for a, b in named_list(clause) or []] == [
        "甲乙高速公路连接线", "丙丁段公路", "戊钢精矿洗选", "己科技冷固球团", "庚至辛输气干线", "壬水电站"]


def test_a_count_of_a_class_of_projects_before_the_works_is_no_name() -> None:
    text = "20个加快前期工作项目中甲铁路客运专线施工设计即将展开。"
    ex = extract_plan(plan_id="t", text=text, adcode="")
    assert list(ex.projects["name"]) == ["甲铁路客运专线"]


def test_a_list_after_which_the_plan_describes_the_class_at_length_is_read() -> None:
    clause = "甲海湾邮轮城、乙旅游服务中心等带动示范效应强的现代服务业项目加快建设步伐"
    assert [clause[a:b] for a, b in named_list(clause) or []] == ["甲海湾邮轮城", "乙旅游服务中心"]


def test_what_a_place_already_has_is_no_list_of_works() -> None:
    assert named_list("拥有甲软件园、乙航运服务中心、丙金融小镇等服务业集聚区") is None


def test_a_short_extent_before_a_road_shares_its_ending() -> None:
    clause = "甲城至乙镇、甲城至丙镇高速公路路基土石方施工完成98%"
    assert [clause[a:b] for a, b in report_spans(clause) or []] == ["甲城至乙镇", "甲城至丙镇高速公路"]


def test_a_short_extent_before_a_work_that_is_no_extent_is_prose() -> None:
    assert report_spans("甲城至乙镇、丙城公园计划年底开放") is None


@pytest.mark.parametrize(("clause", "name"), [
    ("甲新能源一期项目顺利实现投产", "甲新能源一期项目"),
    ("甲乙至丙丁铁路项目(甲段)实现开工", "甲乙至丙丁铁路项目(甲段)"),
    ("甲江大桥建成投入使用", "甲江大桥"),
    ("甲城“一台戏”项目取得重大进展", "甲城“一台戏”项目"),
])
def test_a_review_says_how_one_named_work_went(clause: str, name: str) -> None:
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == name


def test_a_quoted_phrase_is_a_work_only_when_the_plan_calls_it_a_project() -> None:
    assert named_single("甲城“一台戏”取得重大进展") is None


@pytest.mark.parametrize(("clause", "name"), [
    ("力争甲乙高速2026年建成通车", "甲乙高速"),
    ("123国道甲镇绕镇公路2026年全面贯通", "123国道甲镇绕镇公路"),
    ("甲南高速公路1个项目竣工通车", "甲南高速公路"),
])
def test_a_date_or_a_count_of_projects_may_stand_between_a_name_and_its_verb(clause: str, name: str) -> None:
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == name


def test_a_list_a_plan_focuses_on_names_its_key_projects() -> None:
    clause = "聚焦甲乙高速、123国道、456国道甲镇绕镇公路等关键项目"
    assert [clause[a:b] for a, b in named_list(clause) or []] == [
        "甲乙高速", "123国道", "456国道甲镇绕镇公路"]


def test_what_a_plan_focuses_on_that_names_no_work_is_no_list() -> None:
    assert named_list("聚焦产业升级、民生保障等关键领域") is None


def test_a_project_brought_in_is_named_after_what_it_costs() -> None:
    clause = "引进落地总投资21.18亿元的甲时代新型锂盐研发生产项目"
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == "甲时代新型锂盐研发生产项目"


def test_a_ramp_that_joins_two_roads_is_one_work_in_a_list() -> None:
    clause = "新老123国道连接匝道工程、甲小学食堂改建工程、乙商务中心等项目已开工建设"
    assert [clause[a:b] for a, b in named_list(clause) or []] == [
        "新老123国道连接匝道工程", "甲小学食堂改建工程", "乙商务中心"]


def test_a_metro_line_called_by_its_number_opens_a_progress_report() -> None:
    clause = "1号线正抓紧装修各个车站"
    assert [clause[a:b] for a, b in report_spans(clause) or []] == ["1号线"]
    assert report_spans("其中正抓紧装修各个车站") is None


def test_a_works_named_before_its_parts_and_how_far_they_are_is_one_project() -> None:
    clause = "甲汽车公司年产24万辆整车技术改造项目焊装厂房、冲压厂房、总装车间陆续封顶"
    span = named_single(clause)
    assert span is not None and clause[span[0]:span[1]] == "甲汽车公司年产24万辆整车技术改造项目"


@pytest.mark.parametrize("clause", ["20个重点项目厂房封顶", "重点项目厂房、车间陆续封顶"])
def test_a_class_of_projects_before_its_parts_is_no_work(clause: str) -> None:
    assert named_single(clause) is None


def _project_names(text: str) -> list[str]:
    return list(extract_plan(plan_id="t", text=text, adcode="").projects["name"])


def test_a_meeting_hears_the_projects_and_skips_a_matter_that_names_no_work() -> None:
    text = ("会议听取了甲镇光伏电站项目、关于乙公司退出事宜、丙县殡仪馆建设项目、丁镇污水处理厂"
            "及配套管网项目的进展情况、存在问题以及下一步计划。")
    assert _project_names(text) == ["甲镇光伏电站项目", "丙县殡仪馆建设项目", "丁镇污水处理厂及配套管网项目"]


def test_a_list_after_a_count_of_projects_is_read_when_as_many_as_counted() -> None:
    counted = "今年,全市纳入考核的项目共3个,即甲酒业扩规项目、乙食用油项目、丙电容器项目。"
    assert _project_names(counted) == ["甲酒业扩规项目", "乙食用油项目", "丙电容器项目"]
    miscounted = "今年,全市纳入考核的项目共4个,即甲酒业扩规项目、乙食用油项目、丙电容器项目。"
    assert _project_names(miscounted) == []


def test_a_service_centre_before_its_works_word_is_a_building() -> None:
    clause = "加快推进甲县便民服务中心改造项目、乙县体育中心项目建设"
    spans = named_list(clause) or []
    assert [clause[a:b] for a, b in spans] == ["甲县便民服务中心改造项目", "乙县体育中心"]
