"""Tests of `layers.indicators`: run-together rows, tab-cell tables, flags, problems."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from layers.indicators import indicators_from_plan, split_values
from layers.plans import read_plan_text

JB = "jiangbei-14th-five-year-plan"
YZ = "yinzhou-14th-five-year-plan"


def _indicators(doc: str) -> pd.DataFrame:
    return indicators_from_plan(plan_id=doc, text=read_plan_text(doc))


def _row(df: pd.DataFrame, table: str, seq: int) -> pd.Series:
    return df[(df["table"] == table) & (df["seq"] == str(seq))].iloc[0]


@pytest.mark.parametrize(("values", "n", "expected"), [
    ("3.384[0.62]", 3, ["3.38", "4", "[0.62]"]),
    ("31003950[850]", 3, ["3100", "3950", "[850]"]),
    ("623130013", 3, ["623", "1300", "13"]),
    ("1.198—按市下达", 3, ["1.198", "—", "按市下达"]),
    ("0.0105接近或持平发达国家—", 3, ["0.0105", "接近或持平发达国家", "—"]),
    ("328.7470-4807.5%-8%667", 4, ["328.7", "470-480", "7.5%-8%", "667"]),
    ("82.41187.50%150.5", 4, ["82.4", "118", "7.50%", "150.5"]),
    ("51201752008%70464", 4, ["51201", "75200", "8%", "70464"]),
    ("[4]/1.35[4]—1.02/[6.57]", 4, ["[4]/1.35", "[4]", "—", "1.02/[6.57]"]),
    ("2.01<3.6—2.61", 4, ["2.01", "<3.6", "—", "2.61"]),
    ("—按市下达——", 4, ["—", "按市下达", "—", "—"]),
])
def test_run_together_values_are_cut_where_the_arithmetic_holds(
        values: str, n: int, expected: list[str]) -> None:
    assert split_values(values, n) == expected


def test_values_that_fit_no_cut_give_none() -> None:
    assert split_values("这一行无法读取", 3) is None


def test_jiangbei_table2_row_keeps_strings_and_adds_numbers() -> None:
    row = _row(_indicators(JB), "表2", 3)
    assert row["name"] == "研究与试验发展经费支出占地区生产总值比重"
    assert (row["unit"], row["base_year"], row["target_year"]) == ("%", "2020", "2025")
    assert (row["base_value"], row["target_value"], row["growth"]) == ("3.38", "4", "[0.62]")
    assert row["base_num"] == 3.38 and row["target_num"] == 4.0 and row["growth_num"] == 0.62
    assert (row["attribute"], row["department"]) == ("预期性", "区科技局")


def test_a_cut_confirmed_by_the_body_text_says_so() -> None:
    assert "target stated in text" in _row(_indicators(JB), "表2", 3)["flags"]
    assert "target stated in text" not in _row(_indicators(JB), "表2", 4)["flags"]


def test_words_in_value_columns_are_kept_and_have_no_number() -> None:
    df = _indicators(JB)
    row = _row(df, "表2", 1)
    assert row["target_value"] == "冲刺千亿" and math.isnan(row["target_num"])
    row = _row(df, "表2", 12)
    assert row["growth"] == "按市下达" and row["department"] == "生态环境江北分局"


def test_jiangbei_table1_has_completion_and_verdict() -> None:
    row = _row(_indicators(JB), "表1", 1)
    assert (row["group"], row["name"], row["base_year"]) == ("经济发展", "地区生产总值", "2015")
    assert (row["target_value"], row["growth"], row["result"], row["verdict"]) == (
        "470-480", "7.5%-8%", "667", "完成")
    assert row["result_num"] == 667.0


def test_a_cut_whose_check_fails_is_flagged_not_hidden() -> None:
    row = _row(_indicators(JB), "表1", 15)
    assert "check failed" in row["flags"]
    assert (row["base_value"], row["target_value"]) == ("12.39", "13.5")


def test_every_row_of_the_four_indicator_tables_is_read() -> None:
    counts = {(d, t): len(g) for d in (JB, YZ) for t, g in _indicators(d).groupby("table")}
    assert counts == {(JB, "表1"): 25, (JB, "表2"): 30, (YZ, "表1"): 30, (YZ, "表2"): 32}
    for d in (JB, YZ):
        for _, g in _indicators(d).groupby("table"):
            assert list(g["seq"]) == [str(i) for i in range(1, len(g) + 1)]


def test_yinzhou_starred_rows_use_the_2019_base_of_the_note() -> None:
    df = _indicators(YZ)
    starred = _row(df, "表2", 2)
    assert starred["base_year"] == "2019" and "2019 base (*)" in starred["flags"]
    plain = _row(df, "表2", 1)
    assert plain["base_year"] == "2020" and "2019" not in plain["flags"]


def test_yinzhou_table1_reads_target_result_and_attribute_columns() -> None:
    row = _row(_indicators(YZ), "表1", 30)
    assert (row["name"], row["unit"], row["growth"], row["result"], row["result_growth"]) == (
        "城乡居民人均可支配收入", "万元", ">7.5", "6.71", "7.7")
    assert row["attribute"] == "预期性" and row["group"] == "生活品质"


def test_merged_group_cell_is_read_once() -> None:
    assert _row(_indicators(YZ), "表2", 11)["group"] == "高水平开放"


def test_unreadable_row_is_kept_and_reported_with_its_text() -> None:
    text = ("表2:主要指标\n\n序号指标名称2020年2025年年均\n\n增长属性责任部门\n\n"
            "1经济发展地区生产总值(亿元)100200[100]预期性区发改局\n\n"
            "2人均收入(元)无法读取的内容预期性区发改局\n\n注:(1)说明。\n")
    problems: list = []
    df = indicators_from_plan(plan_id="t", text=text, problems=problems)
    assert list(df["seq"]) == ["1", "2"]
    assert df.iloc[1]["flags"] == "unparsed"
    assert len(problems) == 1 and "无法读取的内容" in problems[0].quote
    assert text[problems[0].start:problems[0].end] == problems[0].quote


def test_the_growth_check_reads_shares_as_points_a_year_and_a_starred_base_as_a_year_earlier():
    from layers.indicators import growth_check

    # 鄞州 表2 style: a share from a 2019 base (*) rising by 0.51 points a year over six years.
    assert growth_check({"base": "21.96", "target": "25", "growth": "0.51"}) == ""
    # A rate: 100 → 161 in five years is 10 %/year.
    assert growth_check({"base": "100", "target": "161", "growth": "10"}) == ""
    # A column cut one cell off (the target read as growth) still fails.
    assert "check failed" not in growth_check({"base": "100", "target": "161", "growth": "25"})
    assert growth_check({"base": "100", "target": "161", "growth": "25"}).startswith("100.0→161.0")
