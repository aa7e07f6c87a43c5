"""Tests of `layers.structures`: spelled-out structures and named-only ones."""

from __future__ import annotations

import pandas as pd

from layers.plans import read_plan_text
from layers.structures import split_members, structures_from_plan

JB = "jiangbei-14th-five-year-plan"
YZ = "yinzhou-14th-five-year-plan"
REPORT = "jiangbei-2021-government-work-report"


def _structures(doc: str) -> pd.DataFrame:
    return structures_from_plan(plan_id=doc, text=read_plan_text(doc))


def _part(df: pd.DataFrame, structure: str, part: str) -> pd.DataFrame:
    return df[(df["structure"] == structure) & (df["part"] == part)]


def test_jiangbei_four_pieces_list_what_each_includes() -> None:
    pieces = _part(_structures(JB), "一带两轴三核四片", "四片")
    members = dict(zip(pieces["name"], pieces["members"], strict=True))
    assert members == {
        "国际滨水创意片": "三江口滨水区|湾头休闲商务区|甬江北岸",
        "有机更新提升片": "文教|甬江|庄桥|洪塘部分区块",
        "未来都市窗口片": "姚江新区|慈城南部区域",
        "生态休旅示范片": "保国寺-荪湖区块|慈城古县城|北部山区",
    }
    assert set(pieces["kind"]) == {"zone"}


def test_jiangbei_belt_axes_and_cores_are_read_with_their_roles() -> None:
    df = _structures(JB)
    assert _part(df, "一带两轴三核四片", "一带")["members"].item() == "甬江|姚江"
    assert list(_part(df, "一带两轴三核四片", "两轴")["name"]) == ["轨道交通4号线", "2号线"]
    cores = _part(df, "一带两轴三核四片", "三核")
    assert list(cores["name"]) == ["中心城", "姚江城", "古县城"]
    assert cores["role"].str.contains("统筹推进城市有机更新").all()


def test_a_structure_named_but_never_spelled_out_has_no_members() -> None:
    df = _structures(JB)
    row = df[df["structure"] == "四横十纵"].iloc[0]
    assert not row["spelled_out"] and row["members"] == ""
    three_ports = _part(df, "三港三城", "三港").iloc[0]
    assert not three_ports["spelled_out"] and three_ports["members"] == ""


def test_the_report_spells_out_the_three_ports() -> None:
    ports = _part(_structures(REPORT), "三港三城", "三港")
    assert list(ports["name"]) == ["文创港", "音乐港", "时尚港"]


def test_yinzhou_four_cities_come_from_box_1_and_the_core_is_not_spelled_out() -> None:
    df = _structures(YZ)
    cities = _part(df, "一核四城六空间", "四城")
    assert list(cities["name"]) == ["东部新城", "南部新城", "钱湖高科新城", "滨海蓝湾新城"]
    core = _part(df, "一核四城六空间", "一核").iloc[0]
    assert not core["spelled_out"] and core["members"] == ""
    spaces = _part(df, "一核四城六空间", "六空间")
    assert len(spaces) == 6 and not spaces["spelled_out"].any()


def test_yinzhou_axis_belts_rings_and_lines() -> None:
    df = _structures(YZ)
    belts = _part(df, "拥江揽湖滨海城市发展主轴", "三带")
    assert list(belts["name"]) == ["奉化江滨江带", "东钱湖环湖带", "滨海新区蓝湾带"]
    axis = _part(df, "拥江揽湖滨海城市发展主轴", "主轴").iloc[0]
    assert axis["members"] == "东部新城|南部新城|钱湖高科新城|滨海蓝湾新城"
    assert len(_part(df, "十线", "十线")) == 10
    assert _part(df, "一环五片", "一环")["name"].item() == "东钱湖景观环线"
    assert len(_part(df, "一环五片", "五片")) == 5
    assert list(_part(df, "一轴三区", "三区")["name"]) == [
        "都市生态农业区", "林特休闲产业区", "滨海休闲水产区"]


def test_six_key_blocks_are_one_record_each_with_their_sentence() -> None:
    blocks = _part(_structures(YZ), "六大重点区块", "六大重点区块")
    assert list(blocks["name"]) == ["时尚东外滩区块", "中部科产城融合区块", "城南智创走廊区块",
                                    "姜山田园区块", "环东钱湖创新区块", "山海产城融合区块"]
    assert "三江口核心滨水区" in blocks.iloc[0]["members"].split("|")


def test_members_are_split_at_lists_and_conjunctions() -> None:
    assert split_members("文教、甬江、庄桥以及洪塘部分区块") == ["文教", "甬江", "庄桥", "洪塘部分区块"]
