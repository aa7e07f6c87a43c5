from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from geo.gazetteer import COLUMNS, Gazetteer, load_gazetteer
from geo.geoparse import MIN_NAME_LENGTH, find_places
from geo.settings import GAZETTEER_DIR
from layers.plans import load_catalog, read_plan_text

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def test_longest_name_wins_over_the_name_inside_it(gaz: Gazetteer) -> None:
    text = "加快宁波文创港建设，文创港站开通，文创港二期启动。"
    mentions = find_places(text, gazetteer=gaz)
    assert [(m.name, m.id) for m in mentions] == [
        ("宁波文创港", "jb-ningbo-culture-port"),
        ("文创港站", "rail-station-culture-port"),
        ("文创港", "jb-ningbo-culture-port"),
    ]


def test_offsets_index_the_text_exactly(gaz: Gazetteer) -> None:
    text = "慈城镇、庄桥街道和老外滩之间，\n姚江新区正在规划。"
    mentions = find_places(text, gazetteer=gaz)
    assert [m.name for m in mentions] == ["慈城镇", "庄桥街道", "老外滩", "姚江新区"]
    assert all(text[m.start:m.end] == m.name for m in mentions)


def test_dong_waitan_in_a_yinzhou_text_is_its_own_place(gaz: Gazetteer) -> None:
    text = "推进东外滩区块建设，提升外滩沿线景观。"
    mentions = find_places(text, gazetteer=gaz, district="330212")
    assert [(m.name, m.id) for m in mentions] == [("东外滩", "yz-dong-waitan"), ("外滩", "jb-lao-waitan")]


def test_shared_name_resolves_to_the_documents_district(gaz: Gazetteer) -> None:
    text = "中心公园改造提升"
    assert find_places(text, gazetteer=gaz, district="江北区")[0].id == "jb-central-park"
    assert find_places(text, gazetteer=gaz, district="鄞州区")[0].id == "yz-central-park"


def test_single_character_names_are_never_matched(tmp_path: Path) -> None:
    header = ",".join(COLUMNS)
    row = "jb-river,甬江,江|甬,river,330205,exact,published,121.60,29.90,wgs84,,,,,https://example.org/x,"
    (tmp_path / "jiangbei.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    small = load_gazetteer(tmp_path)
    mentions = find_places("江边的甬江", gazetteer=small)
    assert MIN_NAME_LENGTH == 2
    assert [(m.name, m.start) for m in mentions] == [("甬江", 3)]


def test_text_without_places_gives_no_mentions(gaz: Gazetteer) -> None:
    assert find_places("坚持稳中求进工作总基调。", gazetteer=gaz) == []


def test_every_plan_is_geoparsed_with_exact_offsets_by_the_real_gazetteer() -> None:
    real = load_gazetteer(GAZETTEER_DIR)
    for plan in load_catalog():
        text = read_plan_text(plan.id)
        mentions = find_places(text, gazetteer=real, district=plan.adcode)
        assert all(text[m.start:m.end] == m.name and m.id in real for m in mentions)
        assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
