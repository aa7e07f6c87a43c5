"""Structure codes read by their grammar, on passages written for the test and on real
passages of other places' plans (tests/data/plans/structures-*.txt).

The made-up passages use wordings no shipped plan has, so a rule worded on the
shipped plans' sentences cannot pass them.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
import yaml

from layers import structures
from layers.structures import structures_from_plan

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "plans"


def _read(text: str) -> tuple[list[tuple[str, str, str]], list]:
    problems: list = []
    with mock.patch.object(structures, "SPECS", ()):
        df = structures_from_plan(plan_id="t", text=text, problems=problems)
    spelled = df[df["spelled_out"].astype(bool)]
    return list(zip(spelled["structure"], spelled["part"], spelled["name"], strict=True)), problems


def test_each_quoted_group_is_read_from_its_own_marker() -> None:
    parts, _ = _read("构建“一心两翼三区”空间格局。“一心”即云溪湖；“两翼”指东港和西岭；"
                     "“三区”分别为临江片区、中部片区、南山片区。")
    assert parts == [("一心两翼三区", "一心", "云溪湖"),
                     ("一心两翼三区", "两翼", "东港"), ("一心两翼三区", "两翼", "西岭"),
                     ("一心两翼三区", "三区", "临江片区"), ("一心两翼三区", "三区", "中部片区"),
                     ("一心两翼三区", "三区", "南山片区")]


def test_a_list_closing_with_its_count_and_a_role_keeps_only_the_members() -> None:
    parts, _ = _read("打造“两核三带”。“两核”：青石、白沙两个核心；"
                     "“三带”：继续推进沿河、沿湖、沿山三条生态带。")
    assert [name for _, _, name in parts] == ["青石", "白沙", "沿河", "沿湖", "沿山"]


def test_an_unquoted_code_is_read_from_the_clauses_after_it() -> None:
    parts, _ = _read("构建一环四片空间格局，重点打造龙湖生态环线，推进东湖片、西溪片、"
                     "北塘片、南岙片等四大片区建设。")
    assert parts[0] == ("一环四片", "一环", "龙湖生态环线")
    assert [name for _, part, name in parts if part == "四片"] == ["东湖片", "西溪片", "北塘片", "南岙片"]


def test_a_corridor_from_a_to_b_is_the_axis_and_its_ends_are_its_members() -> None:
    with mock.patch.object(structures, "SPECS", ()):
        df = structures_from_plan(plan_id="t", text="按照“一轴两区”总体框架，以城北大道到港口路为发展轴线。"
                                                     "沿轴线依次布局丘陵茶园区和平原粮油区。")
    axis = df[df["part"] == "一轴"].iloc[0]
    assert axis["name"] == "一轴" and axis["members"] == "城北大道|港口路"
    assert list(df[df["part"] == "两区"]["name"]) == ["丘陵茶园区", "平原粮油区"]


def test_members_opening_their_clause_with_a_verb_are_pieces() -> None:
    parts, _ = _read("“两片”：东岙片打造滨海度假区，西坑片打造茶文化体验区。")
    assert parts == [("两片", "两片", "东岙片"), ("两片", "两片", "西坑片")]


def test_a_list_before_the_code_fills_its_groups_in_order_when_the_nouns_agree() -> None:
    parts, _ = _read("由东城园区、西城园区、南城园区和临港基地构成的“三园区一基地”。")
    assert parts == [("三园区一基地", "三园区", "东城园区"), ("三园区一基地", "三园区", "西城园区"),
                     ("三园区一基地", "三园区", "南城园区"), ("三园区一基地", "一基地", "临港基地")]


def test_a_counted_heading_names_its_list() -> None:
    parts, _ = _read("◆乡村五大风景区块：云岭、竹海、花溪、渔村、古道。")
    assert [(s, p) for s, p, _ in parts] == [("乡村五大风景区块", "五大风景区块")] * 5


def test_a_count_that_does_not_match_the_list_is_a_problem_not_records() -> None:
    parts, problems = _read("形成“一核三区”格局。“一核”即新城；“三区”包括工业区、物流区。")
    assert [p for _, p, _ in parts] == ["一核"]
    reasons = [p.reason for p in problems]
    assert any("counts 3 members but this list names 2" in r for r in reasons)
    mismatch = next(p for p in problems if "names 2" in p.reason)
    assert mismatch.quote == "工业区、物流区"


def test_a_group_counted_as_many_takes_no_list() -> None:
    parts, problems = _read("“一核多点”：“一核”即县城；“多点”：依托各类园区、特色小镇形成增长点。")
    assert [p for _, p, _ in parts] == ["一核"]
    assert any("多点 has no count" in p.reason for p in problems)


def test_a_label_inside_a_list_is_an_entry_not_the_lists_count() -> None:
    parts, _ = _read("主要包括滨江新区、河西新城、四大组团。")
    assert parts == []


def _fixture(name: str) -> tuple[set, set]:
    expected = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    df = structures_from_plan(plan_id=name, text=text)
    got = {(r.structure, r.part, r.name) for r in df.itertuples() if r.spelled_out}
    want = {(e["structure"], e["part"], e["name"]) for e in expected["structures"]}
    return got, want


@pytest.mark.parametrize(("name", "recall", "precision"), [
    # Measured once the rules were fixed (see README.md "Structure passages" for the first run).
    ("structures-hunan-13th-proposal", 1.0, 1.0),
    ("structures-changsha-11th-plan", 1.0, 1.0),
    ("structures-changsha-13th-urban-plan", 1.0, 1.0),
    # Held out in round 2 (first run recall 1/6, precision 1/1), development text since.
    ("structures-tunchang-2024-industry-layout", 1.0, 1.0),
    # Held out in round 2 (first run recall 0/10, precision 0/1), development text since:
    # kept in traditional characters, read in their simplified form.
    ("structures-dongyuan-2024-county-town", 1.0, 1.0),
    # Held out in round 2 (first run recall 0/3, nothing found), development text since.
    ("structures-zhushan-2018-county-strategy", 1.0, 1.0),
    # Held out in round 3 (first run recall 0/3, precision 0/3: names kept their quotes),
    # development text since.
    ("structures-xingning-2021-city-layout", 1.0, 1.0),
    # Held out in round 3 (first run recall 0/4, nothing found: the code stood after its list),
    # development text since.
    ("structures-jiangling-2020-development-zone", 1.0, 1.0),
])
def test_real_passages_are_read_at_their_measured_recall_and_precision(
        name: str, recall: float, precision: float) -> None:
    got, want = _fixture(name)
    hit = len(got & want)
    assert hit / len(want) >= recall
    assert (hit / len(got) if got else 1.0) >= precision


# Passages found after the grammar was written (rounds 2 to 4), parts hand-counted before the
# first run and never read while writing a rule. Each is expected at 90 % recall and precision; those
# short of it say by how much (first run, see README.md "Structure passages").
HELD_OUT_SHORT: dict[str, str] = {
    # Round 4, run once after that round's rules.
    "structures-chengyu-2011-economic-zone":
        "recall 0/7, precision 0/0: 雙 (双) is not read as a count, so “雙核五帶” is not taken as a code",
    "structures-yangtze-belt-two-belts-three-regions":
        "recall 0/5, precision 0/0: the code is written in Arabic digits inside 「」 (「2帶3區」), and "
        "neither is read as a code",
}
HELD_OUT = sorted(
    p.stem for p in FIXTURES.glob("structures-*.yaml")
    if yaml.safe_load(p.read_text(encoding="utf-8"))["held_out"])


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=HELD_OUT_SHORT[n])]
                 if n in HELD_OUT_SHORT else [])
    for n in HELD_OUT
])
def test_held_out_real_passages_reach_90_percent_recall_and_precision(name: str) -> None:
    expected = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert expected["held_out"] is True
    got, want = _fixture(name)
    hit = len(got & want)
    assert hit / len(want) >= 0.9
    assert (hit / len(got) if got else 1.0) >= 0.9


def test_the_grammar_alone_reproduces_the_shipped_records_it_did_when_the_specs_were_cut() -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "bench" / "structure_grammar.py"
    spec = importlib.util.spec_from_file_location("structure_grammar", path)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.measure()
    # 20 of 134 before this work; 98 once 26 of the 38 specs were deleted.
    assert result["grammar_alone"] >= 98
    assert result["specs"] <= 12


def test_a_bracket_after_the_code_gives_each_group_its_members_before_wei() -> None:
    parts, _ = _read("形成“一体两翼”（北岸老城+滨湖片为一体，东岭、西港为两翼）的城市格局。")
    assert parts == [("一体两翼", "一体", "北岸老城+滨湖片"),
                     ("一体两翼", "两翼", "东岭"), ("一体两翼", "两翼", "西港")]


def test_a_bracket_naming_more_members_than_the_group_counts_is_a_problem() -> None:
    parts, problems = _read("形成“一心两翼”（云溪为一心，东岭、西港、南湾为两翼）。")
    assert ("一心两翼", "一心", "云溪") in parts
    assert not [p for p in parts if p[1] == "两翼"]
    assert any("两翼 counts 2 members but the bracket names 3" in p.reason for p in problems)


def test_integration_prose_is_not_a_body_group() -> None:
    parts, _ = _read("推进“一体化”发展，建设“一体”平台。")
    assert parts == []


def test_a_one_member_group_drops_its_verb_and_the_process_it_undergoes() -> None:
    parts, _ = _read("建设“一核两极”。“一核”：加快推进青岚湾同城化，打造核心区。"
                     "“两极”：培育东岭、西港两个增长极。")
    assert parts[0] == ("一核两极", "一核", "青岚湾")


def test_a_quoted_list_after_the_marker_is_read_inside_its_quotes() -> None:
    parts, _ = _read("布局“一港三园”。“一港”即青岚港，“三园”即“东岭园、西港园、南湾园”。")
    assert [p[2] for p in parts if p[1] == "三园"] == ["东岭园", "西港园", "南湾园"]


def test_he_inside_a_name_is_kept_when_the_count_says_so() -> None:
    parts, _ = _read("建设“一港两中心”。“一港”即青岚港，“两中心”即航运服务中心、科技和金融创新中心。")
    assert [p[2] for p in parts if p[1] == "两中心"] == ["航运服务中心", "科技和金融创新中心"]


def test_a_group_opening_numbered_items_takes_one_member_per_item() -> None:
    parts, _ = _read("构建“一心两带”格局。\n“一心”即老城。\n“两带”：\n1. 沿江发展带：串联港区和新城。\n"
                     "2. 沿山生态带，保护丘陵林地。\n")
    assert parts == [("一心两带", "一心", "老城"), ("一心两带", "两带", "沿江发展带"),
                     ("一心两带", "两带", "沿山生态带")]


def test_numbered_items_that_do_not_match_the_count_are_a_problem() -> None:
    parts, problems = _read("构建“一心三带”格局。“一心”即老城。\n“三带”：\n（1）沿江发展带：串联港区。\n"
                            "（2）沿山生态带：保护林地。\n")
    assert [p for _, p, _ in parts] == ["一心"]
    assert any("counts 3 members but 2 numbered items follow" in p.reason for p in problems)


def test_a_group_introduced_by_qizhong_and_wei_is_read() -> None:
    parts, _ = _read("形成“一轴三带”发展格局。其中，一轴为滨江大道发展轴，三带为沿江产业带、沿湖旅游带和"
                     "沿山生态带。")
    assert parts == [("一轴三带", "一轴", "滨江大道发展轴"), ("一轴三带", "三带", "沿江产业带"),
                     ("一轴三带", "三带", "沿湖旅游带"), ("一轴三带", "三带", "沿山生态带")]


def test_members_opening_the_sentences_after_a_counted_label_are_one_record_each() -> None:
    parts, _ = _read("加快建设三大特色街区。鼓楼老街区围绕夜经济，改造沿街店面。滨河新街区打造水上游线。"
                     "站前商务街区完善配套。另外推进绿道建设。")
    assert parts == [("三大特色街区", "三大特色街区", "鼓楼老街区"),
                     ("三大特色街区", "三大特色街区", "滨河新街区"),
                     ("三大特色街区", "三大特色街区", "站前商务街区")]


def test_fewer_sentences_than_the_label_counts_are_a_problem() -> None:
    parts, problems = _read("加快建设三大特色街区。鼓楼老街区围绕夜经济。滨河新街区打造水上游线。另外推进绿道建设。")
    assert parts == []
    assert any("counts 3 members but 2 sentences" in p.reason for p in problems)


def test_a_core_described_but_not_named_is_recorded_unspelled_and_a_box_lists_the_cities() -> None:
    text = ("构建“一核两城三空间”格局。“一核”是要集聚高端服务功能；提升“一湾、一廊、一谷”三大新空间的品质。\n"
            "专栏1　“两城”发展定位\n· 北岸新城发挥枢纽优势，发展总部经济。\n"
            "· 南湖新城以科创为主导，建设创新走廊。\n")
    with mock.patch.object(structures, "SPECS", ()):
        df = structures_from_plan(plan_id="t", text=text)
    core = df[df["part"] == "一核"].iloc[0]
    assert core["name"] == "一核" and not core["spelled_out"] and core["members"] == ""
    assert list(df[df["part"] == "两城"]["name"]) == ["北岸新城", "南湖新城"]
    spaces = df[df["part"] == "三空间"]
    assert list(spaces["name"]) == ["一湾", "一廊", "一谷"] and not spaces["spelled_out"].any()


def test_a_box_with_other_than_the_counted_items_is_a_problem() -> None:
    text = ("构建“一核三城”格局。“一核”即老城。\n专栏1　“三城”发展定位\n· 北岸新城发挥枢纽优势。\n"
            "· 南湖新城以科创为主导。\n")
    parts, problems = _read(text)
    assert [p for _, p, _ in parts] == ["一核"]
    assert any("counts 3 members but box 专栏1 has 2 items" in p.reason for p in problems)


def test_a_text_in_traditional_characters_is_read_and_quoted_as_written() -> None:
    text = "構建“一軸兩區”(“一軸”指濱江發展軸,“兩區”指東部產業區、西部生活區)格局。"
    df = structures_from_plan(plan_id="t", text=text)
    assert set(df["name"]) == {"濱江發展軸", "東部產業區", "西部生活區"}
    assert set(df["structure"]) == {"一軸兩區"}
    assert all(text[r.start:r.end] == r.quote for r in df.itertuples())


def test_a_list_closing_with_deng_and_the_groups_count_names_some_of_its_members() -> None:
    df = structures_from_plan(plan_id="t", text="构建“一轴三脉”（“一轴”指滨江轴，“三脉”指甲河、乙河等三条水系）。")
    assert set(df[df["part"] == "三脉"]["name"]) == {"甲河", "乙河"}


def test_a_many_group_sharing_a_marker_leaves_the_counted_group_its_own_entries() -> None:
    text = "构建“一轴两区多组团”（“一轴”指滨江轴，“两区多组团”指东部产业区、西部生活区以及下属的组团）。"
    df = structures_from_plan(plan_id="t", text=text)
    assert set(df[df["part"] == "两区"]["name"]) == {"东部产业区", "西部生活区"}


def test_a_slogans_clauses_give_a_codes_groups_in_order_and_a_non_spatial_group_yields_no_part() -> None:
    text = ("“建设滨江新城区,提升东部产业带,打造西部生态带,以创新为主线、开放为主题,实现跨越。”"
            "会议确立“一城两带两为主”战略。")
    df = structures_from_plan(plan_id="t", text=text)
    got = {(r.part, r.name) for r in df.itertuples()}
    assert got == {("一城", "滨江新城区"), ("两带", "东部产业带"), ("两带", "西部生态带")}


def test_a_slogan_whose_non_spatial_group_fails_its_count_gives_no_part() -> None:
    text = ("“建设滨江新城区,提升东部产业带,打造西部生态带,以创新为主线、开放为主题,实现跨越。”"
            "会议确立“一城两带三为主”战略。")
    assert structures_from_plan(plan_id="t", text=text).empty


def test_a_one_member_groups_quoted_name_is_read_without_its_quotes() -> None:
    text = "构建“一港一廊”格局。一港,即建设“青岚国际枢纽港”;一廊,即打造“滨江创新走廊”。"
    parts, _ = _read(text)
    assert parts == [("一港一廊", "一港", "青岚国际枢纽港"), ("一港一廊", "一廊", "滨江创新走廊")]
    df = structures_from_plan(plan_id="t", text=text)
    assert all(text[r.start:r.end] == r.name for r in df.itertuples())


def test_an_unquoted_code_after_its_list_takes_the_list_and_the_clause_before_for_its_one_group() -> None:
    parts, _ = _read("青石高新区规模扩大到12平方公里，形成东湖电子园、西岭材料园一区两园的产业布局。")
    assert parts == [("一区两园", "一区", "青石高新区"), ("一区两园", "两园", "东湖电子园"),
                     ("一区两园", "两园", "西岭材料园")]


def test_a_clause_before_the_list_that_names_another_noun_gives_no_reading() -> None:
    parts, _ = _read("青石新城规模扩大到12平方公里，形成东湖电子园、西岭材料园一区两园的产业布局。")
    assert parts == []
