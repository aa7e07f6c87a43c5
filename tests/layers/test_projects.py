"""Tests of `layers.projects`: box items, list splitting, extents, tables, body text."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from layers.categories import category_keys
from layers.plans import read_plan_text
from layers.projects import find_boxes, parse_extent, places_of, projects_from_plan, split_list
from layers.text import iter_lines

JB = "jiangbei-14th-five-year-plan"
YZ = "yinzhou-14th-five-year-plan"
DELTA = "yinzhou-yangtze-delta-14th-plan"


def _projects(doc: str) -> pd.DataFrame:
    return projects_from_plan(plan_id=doc, text=read_plan_text(doc))


def _names(df: pd.DataFrame, box: str, group: str | None = None) -> list[str]:
    sel = df[df["box"] == box]
    if group is not None:
        sel = sel[sel["group"] == group]
    return list(sel["name"])


def test_road_list_is_split_one_project_per_road() -> None:
    names = _names(_projects(JB), "专栏4", "交通道路项目 › 市级实施类项目")
    assert names == [
        "梅鹤路", "青云桥及接线", "姚江东路", "青林湾街(江北段)(萧甬铁路三四线)", "姚江大桥拓宽工程",
        "城庄路北延", "邵家渡过江通道及接线工程", "云飞路二期道路工程", "金山路南延", "北海路",
        "宏图路", "西洪大桥及接线工程", "洪大路", "清泉路", "生宝路北延",
    ]


def test_road_extent_is_kept_from_and_to() -> None:
    df = _projects(JB)
    row = df[(df["name"] == "城庄路北延") & (df["status"] == "谋划类")].iloc[0]
    assert (row["extent_from"], row["extent_to"]) == ("宁慈公路", "荣吉西路")
    assert row["places"].split("|") == ["城庄路", "宁慈公路", "荣吉西路"]
    assert row["lead_unit"] == "区住建局(交通运输局)" and row["category"] == "roads"


def test_nested_brackets_do_not_split_a_list_entry() -> None:
    text = "梅鹤路(文开路-环城北路)、青林湾街(江北段)(萧甬铁路三四线)、城庄路北延"
    parts = [text[a:b] for a, b, _ in split_list(text)]
    assert parts == ["梅鹤路(文开路-环城北路)", "青林湾街(江北段)(萧甬铁路三四线)", "城庄路北延"]


def test_opening_verbs_become_the_status_of_each_entry() -> None:
    text = "迁建慈城镇中心卫生院、孔浦街道社区卫生服务中心,新建前江街道社区卫生服务中心。"
    parts = [(text[a:b], verb) for a, b, verb in split_list(text)]
    assert parts == [("慈城镇中心卫生院", "迁建"), ("孔浦街道社区卫生服务中心", "迁建"),
                     ("前江街道社区卫生服务中心", "新建")]


def test_prose_is_not_taken_for_a_list() -> None:
    assert split_list("北山片打造乡村休闲慢行区,姚江片打造都市田园体验区。") is None


@pytest.mark.parametrize(("name", "expected"), [
    ("梅鹤路(文开路-环城北路)", ("梅鹤路", "文开路", "环城北路")),
    ("云飞路二期(邵渡路-广元大道)道路工程", ("云飞路二期道路工程", "邵渡路", "广元大道")),
    ("示例东路(戊路(北段)-己路)", ("示例东路", "戊路(北段)", "己路")),
    ("青林湾街(江北段)(萧甬铁路三四线)", ("青林湾街(江北段)(萧甬铁路三四线)", "", "")),
])
def test_extent_is_parsed_from_the_bracket_with_a_dash(
        name: str, expected: tuple[str, str, str]) -> None:
    assert parse_extent(name) == expected


def test_places_name_the_road_and_what_its_brackets_cross() -> None:
    assert places_of("青林湾街(江北段)(萧甬铁路三四线)") == ["青林湾街", "萧甬铁路三四线"]


def test_every_line_of_every_box_is_covered_by_a_project() -> None:
    for doc in (JB, YZ):
        text = read_plan_text(doc)
        df = _projects(doc)
        spans = list(zip(df["start"], df["end"], strict=True))
        for box in find_boxes(text):
            for line in iter_lines(text, box.body_start, box.body_end):
                clean = line.clean
                if not clean or "牵头单位" in clean:
                    continue
                covered = any(line.start <= s < line.end + 1 or s <= line.start < e
                              for s, e in spans)
                header = re.fullmatch(r"[◆·]\s*\S{2,32}", clean) or clean.endswith((":", "："))
                assert covered or header, f"{doc} {box.label}: {clean[:40]}"


@pytest.mark.parametrize(("doc", "box", "count"), [
    (JB, "专栏1", 3), (JB, "专栏3", 7), (JB, "专栏4", 55), (JB, "专栏5", 7), (JB, "专栏6", 5),
    # 江北 专栏8: 4 items plus 江北区下沉式再生水厂(一期)项目, named inside one ("…项目建成投用").
    (JB, "专栏8", 5), (JB, "专栏9", 5), (JB, "专栏10", 16),
    # 鄞州 专栏1: 4 items plus 南部商务区三期四期, 宁波蓝色美丽湾区 and 山海产城融合示范区 named inside them.
    # 鄞州 专栏7: 6 items plus the five 综合体 named inside 消费提质升级工程 (万达广场, 环球银泰,
    # 世纪东方, 印象城, 东部银泰: "培育A成为…综合体，B、C、D、E等成为…综合体").
    (YZ, "专栏1", 7), (YZ, "专栏6", 7), (YZ, "专栏7", 11), (YZ, "专栏8", 8), (YZ, "专栏13", 6),
    (YZ, "专栏15", 10),
])
def test_box_item_counts_match_the_plan(doc: str, box: str, count: int) -> None:
    assert len(_names(_projects(doc), box)) == count


def test_hospital_box_lists_every_facility_with_its_verb() -> None:
    df = _projects(YZ)
    sel = df[df["box"] == "专栏12"]
    assert len(sel) == 14 and set(sel["category"]) == {"hospitals"}
    assert sel[sel["name"] == "宁波市第六医院北院区"]["status"].item() == "改扩建"
    assert sel[sel["name"] == "鄞州区第二医院医共体下应分院"]["status"].item() == "迁建"


def test_named_homes_inside_a_counted_group_are_listed() -> None:
    names = _names(_projects(YZ), "专栏14")
    assert {"江南养老院", "塘溪镇康养1号养老院", "乐智养护院", "横溪镇康养5号养护院"} <= set(names)


def test_each_box_item_gets_the_lead_unit_written_after_it() -> None:
    df = _projects(JB)
    lead = dict(zip(df["name"], df["lead_unit"], strict=False))
    assert lead["浙江前洋经济开发区"] == "浙江前洋经济开发区管委会"
    assert lead["宁波江北光电新材料高新技术产业园区"] == "宁波江北高新技术产业园管委会"
    assert lead["泛老外滩金融保险港"] == "区金融发展服务中心"


def test_every_row_of_the_project_tables_is_read() -> None:
    df = _projects(DELTA)
    rows = df[df["box"].str.startswith("表") & (df["source"] == "一览表 row")]
    assert rows.groupby("box").size().to_dict() == {"表4-1": 8, "表4-2": 6, "表4-3": 12, "表4-4": 8}


def test_objects_named_inside_a_table_row_are_its_children() -> None:
    df = _projects(DELTA)
    row = df[df["name"] == "承接上海优质教育资源项目"].iloc[0]
    children = set(df[df["parent_id"] == row["id"]]["name"])
    assert {"华师大宁波艺术实验学校", "鄞州赫德实验学校"} <= children


def test_table_rows_keep_scale_years_and_lead_unit() -> None:
    df = _projects(DELTA)
    row = df[df["id"] == f"{DELTA}/表4-3/01"].iloc[0]
    assert row["name"] == "象山湾疏港高速昆亭至塘溪段工程鄞州段"
    assert (row["start_year"], row["end_year"]) == ("2019", "2023")
    assert row["content"].startswith("全线新建高速24.2公里")
    assert row["lead_unit"].startswith("区交通运输局(象山湾一期公司)牵头")
    pending = df[df["id"] == f"{DELTA}/表4-3/03"].iloc[0]
    assert (pending["start_year"], pending["status"]) == ("", "正在预可行性研究")


def test_table_location_cells_become_places() -> None:
    df = _projects(DELTA)
    row = df[df["id"] == f"{DELTA}/表4-2/04"].iloc[0]
    assert "鄞州经济开发区" in row["places"].split("|")


def test_projects_named_in_body_text_are_found_once() -> None:
    df = _projects(JB)
    body = df[df["box"] == "正文"]
    assert {"西洪大桥及接线", "世纪大道快速路"} <= set(body["name"])
    assert not set(body["name"]) & set(df[df["box"] != "正文"]["name"])


def test_categories_come_from_the_fixed_vocabulary() -> None:
    keys = set(category_keys())
    for doc in (JB, YZ, DELTA):
        assert set(_projects(doc)["category"]) <= keys


def test_box_group_decides_the_category_of_its_entries() -> None:
    df = _projects(JB)
    cat = dict(zip(df["name"], df["category"], strict=False))
    assert cat["铁路卡口整治工程"] == "water"  # listed under 农林水利项目
    assert cat["宁波枢纽庄桥至宁波段增建三四线工程"] == "rail"
    assert cat["江北区“P+R”停车场建设工程"] == "transport_hubs"
