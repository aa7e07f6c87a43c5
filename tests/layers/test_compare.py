"""Tests of `layers.compare`: pairing by meaning, never across units."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from layers.compare import (
    CONCEPTS, canonical_unit, compare_indicators, concept_of, districts_with, implied_growth, normalise_name,
    with_concepts,
)
from layers.indicators import INDICATOR_COLUMNS, indicators_from_plan
from layers.plans import read_plan_text

JB, YZ = "330205", "330212"


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    """Both districts' indicator tables, read from the shipped plan texts."""
    frames = [
        indicators_from_plan(plan_id=doc, text=read_plan_text(doc), adcode=adcode)
        for doc, adcode in (("jiangbei-14th-five-year-plan", JB), ("yinzhou-14th-five-year-plan", YZ))
    ]
    return pd.concat(frames, ignore_index=True)


def _pair(pairs: pd.DataFrame, concept: str) -> pd.Series:
    found = pairs[pairs["concept"] == concept]
    assert len(found) == 1, f"{concept}: {len(found)} pairs"
    return found.iloc[0]


@pytest.mark.parametrize(("concept", "jb_name", "yz_name", "unit"), [
    ("gdp", "地区生产总值", "地区生产总值", "亿元"),
    ("rd_share", "研究与试验发展经费支出占地区生产总值比重", "R&D经费支出占GDP比重", "%"),
    ("urbanisation", "常住人口城镇化率", "常住人口城镇化率", "%"),
    ("pm25", "细颗粒物(PM2.5)平均浓度", "细颗粒物（PM2.5）平均浓度", "微克/立方米"),
    ("doctors", "每千人口拥有执业(助理)医师数", "每千人执业（助理）医师数", "个/千人"),
    ("childcare", "每千人口拥有3岁以下婴幼儿托位数", "每千人拥有3岁以下婴幼儿照护设施托位数", "个/千人"),
    ("elderly_carers", "每万老年人拥有持证养老护理员数", "每万老年人拥有执证养老护理员", "人/万老年人"),
    ("work_safety", "亿元地区生产总值生产安全事故死亡率", "亿元GDP生命安全事故死亡率", "人/亿元"),
    ("energy_per_gdp", "单位地区生产总值能源消耗降低", "单位GDP能源消耗降幅", "%"),
])
def test_the_same_target_under_different_names_is_paired_jiangbei_with_yinzhou(
        indicators: pd.DataFrame, concept: str, jb_name: str, yz_name: str, unit: str) -> None:
    pair = _pair(compare_indicators(indicators, table="表2").pairs, concept)
    assert (pair["a_name"], pair["b_name"], pair["unit"]) == (jb_name, yz_name, unit)
    assert pair["a_id"].startswith("jiangbei-14th-five-year-plan/表2/")
    assert pair["b_id"].startswith("yinzhou-14th-five-year-plan/表2/")


def test_no_pair_joins_rows_whose_units_differ(indicators: pd.DataFrame) -> None:
    for table in ("表1", "表2"):
        result = compare_indicators(indicators, table=table)
        for pair in result.pairs.to_dict("records"):
            assert canonical_unit(pair["a_unit"], pair["a_name"]) == pair["unit"]
            assert canonical_unit(pair["b_unit"], pair["b_name"]) == pair["unit"]
        mismatches = result.unit_mismatches
        assert (mismatches["a_unit_norm"] != mismatches["b_unit_norm"]).all()


def test_patent_count_and_patents_per_10k_people_are_reported_not_compared(indicators: pd.DataFrame) -> None:
    result = compare_indicators(indicators, table="表2")
    assert "patents" not in set(result.pairs["concept"])
    row = result.unit_mismatches[result.unit_mismatches["concept"] == "patents"].iloc[0]
    assert (row["a_name"], row["a_unit_norm"]) == ("有效发明专利拥有量", "件")
    assert (row["b_name"], row["b_unit_norm"]) == ("每万人拥有有效发明专利授权", "件/万人")


def test_beds_per_person_and_beds_per_100_elderly_are_reported_not_compared(indicators: pd.DataFrame) -> None:
    result = compare_indicators(indicators, table="表1")
    assert "elderly_beds" not in set(result.pairs["concept"])
    row = result.unit_mismatches[result.unit_mismatches["concept"] == "elderly_beds"].iloc[0]
    assert (row["a_unit_norm"], row["b_unit_norm"]) == ("张/人", "张/百名老人")


def test_rows_of_the_same_concept_in_different_units_are_never_paired() -> None:
    rows = pd.DataFrame([
        _row("a/1", JB, "地区生产总值", "亿元", "666.7"),
        _row("b/1", YZ, "地区生产总值", "万元", "22661000"),
    ])
    result = compare_indicators(rows)
    assert result.pairs.empty
    assert list(result.unit_mismatches["concept"]) == ["gdp"]


def test_a_row_without_a_unit_is_never_paired() -> None:
    rows = pd.DataFrame([_row("a/1", JB, "森林覆盖率", "%", "26"), _row("b/1", YZ, "森林覆盖率", "", "43")])
    result = compare_indicators(rows)
    assert result.pairs.empty and len(result.unit_mismatches) == 1


def test_similar_names_with_different_meanings_stay_apart(indicators: pd.DataFrame) -> None:
    # Annual foreign investment (江北) is not the 5-year cumulative total (鄞州);
    # urban residents' income (江北 表1) is not urban-and-rural income (鄞州 表1).
    assert concept_of("实际利用外资额") != concept_of("累计实际利用外资")
    assert concept_of("城镇居民人均可支配收入") is None
    unmatched = compare_indicators(indicators, table="表2").unmatched
    assert {"实际利用外资额", "累计实际利用外资"} <= set(unmatched["name"])


def test_every_row_is_either_compared_or_listed_as_unmatched(indicators: pd.DataFrame) -> None:
    for table in ("表1", "表2"):
        result = compare_indicators(indicators, table=table)
        seen = [*result.pairs["a_id"], *result.pairs["b_id"], *result.unit_mismatches["a_id"],
                *result.unit_mismatches["b_id"], *result.unmatched["id"]]
        expected = indicators.loc[indicators["table"] == table, "id"]
        assert sorted(seen) == sorted(expected)


def test_worded_targets_are_kept_as_written_never_as_numbers(indicators: pd.DataFrame) -> None:
    gdp = _pair(compare_indicators(indicators, table="表2").pairs, "gdp")
    assert gdp["a_target_value"] == "冲刺千亿" and math.isnan(gdp["a_target_num"])
    assert "冲刺千亿" in gdp["note"]


def test_a_2019_base_is_noted_beside_a_2020_base(indicators: pd.DataFrame) -> None:
    pair = _pair(compare_indicators(indicators, table="表2").pairs, "urbanisation")
    assert (pair["a_base_year"], pair["b_base_year"]) == ("2020", "2019")
    assert "2020 vs 2019" in pair["note"]


def test_every_listed_name_is_already_normalised_and_belongs_to_one_concept() -> None:
    names = [n for _, _, ns in CONCEPTS.values() for n in ns]
    assert all(normalise_name(n) == n for n in names)
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("unit", "name", "expected"), [
    ("件", "每万人拥有有效发明专利授权", "件/万人"),
    ("个", "每千人口拥有执业(助理)医师数", "个/千人"),
    ("平方米", "人均公园绿地面积", "平方米/人"),
    ("张/人", "每百名老人拥有养老床位", "张/人"),
    ("％", "森林覆盖率", "%"),
    ("", "森林覆盖率", ""),
])
def test_units_gain_the_denominator_their_name_implies(unit: str, name: str, expected: str) -> None:
    assert canonical_unit(unit, name) == expected


def test_map_keys_separate_one_concept_in_two_units(indicators: pd.DataFrame) -> None:
    rows = with_concepts(indicators[indicators["table"] == "表2"])
    patents = rows[rows["concept"] == "patents"]
    assert patents["key"].nunique() == 2
    gdp = rows[rows["concept"] == "gdp"]
    assert gdp["key"].nunique() == 1 and set(gdp["district_adcode"]) == {JB, YZ}


def test_implied_growth_is_compound_for_amounts_and_points_for_shares() -> None:
    rate, unit = implied_growth(100.0, 200.0, years=5, unit="亿元")
    assert unit == "%" and rate == pytest.approx((2 ** 0.2 - 1) * 100)
    points, unit = implied_growth(83.0, 85.0, years=5, unit="％")
    assert unit == "百分点" and points == pytest.approx(0.4)
    assert implied_growth(0.0, 5.0, years=5, unit="亿元") is None
    assert implied_growth(1.0, float("nan"), years=5, unit="亿元") is None


def _row(row_id: str, adcode: str, name: str, unit: str, base: str) -> dict:
    row = dict.fromkeys(INDICATOR_COLUMNS, "")
    row.update(id=row_id, doc_id=row_id.split("/")[0], start=0, end=1, table="表2", name=name, unit=unit,
               base_year="2020", base_value=base, base_num=float(base), target_num=float("nan"),
               result_num=float("nan"), district_adcode=adcode)
    return row


def test_any_two_of_three_districts_can_be_compared_and_only_their_rows_count() -> None:
    third = "330203"  # a district added to the catalog, here with made-up rows
    rows = pd.DataFrame([
        _row("a/1", JB, "地区生产总值", "亿元", "666.7"),
        _row("b/1", YZ, "地区生产总值", "亿元", "2266.1"),
        _row("c/1", third, "地区生产总值", "亿元", "1500"),
        _row("c/2", third, "森林覆盖率", "%", "10"),
    ])
    assert districts_with(rows, table="表2") == [JB, YZ, third]
    result = compare_indicators(rows, a=YZ, b=third)
    assert list(result.pairs["a_id"]) == ["b/1"] and list(result.pairs["b_id"]) == ["c/1"]
    assert list(result.unmatched["id"]) == ["c/2"]  # 江北's row is in neither side
    # By default the first two districts with rows are compared.
    assert list(compare_indicators(rows).pairs["b_id"]) == ["b/1"]
