from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.__main__ import main
from geo.errors import UnknownPlaceError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geocode import Located, district_from_context, locate, locate_or_raise
from geo.settings import GAZETTEER_DIR, NINGBO_DISTRICTS
from layers.plans import read_plan_text

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def test_located_carries_geometry_point_precision_method_and_source(gaz: Gazetteer) -> None:
    found = locate("文创港", district="330205", gazetteer=gaz)
    assert isinstance(found, Located)
    entry = gaz.get("jb-ningbo-culture-port")
    assert (found.id, found.name, found.type, found.adcode) == ("jb-ningbo-culture-port", "宁波文创港", "area", "330205")
    assert found.geometry.equals(entry.geometry)
    assert (found.lon, found.lat) == (entry.lon, entry.lat)
    assert (found.precision, found.method, found.source) == ("approximate", "published", "made-up test fixture")


def test_waitan_in_a_jiangbei_text_is_the_old_bund(gaz: Gazetteer) -> None:
    assert locate("外滩", district="江北区", gazetteer=gaz).id == "jb-lao-waitan"


def test_waitan_never_goes_to_the_shanghai_homonym_from_a_ningbo_document(gaz: Gazetteer) -> None:
    for district in NINGBO_DISTRICTS:
        assert locate("外滩", district=district, gazetteer=gaz).id == "jb-lao-waitan"
    assert locate("东外滩", district="330212", gazetteer=gaz).id == "yz-dong-waitan"


@pytest.mark.parametrize("district", [None, *NINGBO_DISTRICTS])
def test_jiangbei_district_is_always_ningbo_never_chongqing(gaz: Gazetteer, district: str | None) -> None:
    # The Chongqing row is `exact`, the Ningbo one only `district`: precision must not decide.
    for name in ("江北区", "江北"):
        found = locate(name, district=district, gazetteer=gaz)
        assert (found.id, found.adcode) == ("jb-jiangbei-district", "330205")


def test_government_report_titled_chongqing_is_geocoded_to_ningbo(gaz: Gazetteer) -> None:
    text = read_plan_text("jiangbei-2021-government-work-report")
    assert "重庆市江北区" in text[:200]
    assert district_from_context(text) == "330205"
    assert locate("江北区", context=text, gazetteer=gaz).adcode == "330205"


def test_document_district_decides_between_entries_sharing_a_name(gaz: Gazetteer) -> None:
    assert locate("中心公园", district="330205", gazetteer=gaz).id == "jb-central-park"
    assert locate("中心公园", district="鄞州", gazetteer=gaz).id == "yz-central-park"
    assert locate("中心公园", context="鄞州区中心公园改造", gazetteer=gaz).id == "yz-central-park"


def test_canonical_name_beats_an_alias_of_the_same_rank(gaz: Gazetteer) -> None:
    # Both are 330200 and approximate: 姚江 is the river's name and only an alias
    # of the greenway, whose id would sort first.
    assert locate("姚江", district="330205", gazetteer=gaz).id == "rg-yaojiang-river"
    assert locate("姚江绿道", gazetteer=gaz).id == "rg-yaojiang-greenway"


def test_unlocated_entry_is_returned_without_geometry(gaz: Gazetteer) -> None:
    found = locate("姚江新区", gazetteer=gaz)
    assert found.precision == "unlocated" and found.geometry is None and found.lon is None


def test_unknown_name_returns_none(gaz: Gazetteer) -> None:
    assert locate("火星基地", gazetteer=gaz) is None


def test_unknown_name_raises_quoting_the_name_and_close_names(gaz: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError) as info:
        locate_or_raise("文创", gazetteer=gaz)
    message = str(info.value)
    assert "'文创'" in message and "宁波文创港" in message and "文创港站" in message
    assert isinstance(info.value, LookupError)


def test_real_gazetteer_never_sends_jiangbei_to_chongqing() -> None:
    real = load_gazetteer(GAZETTEER_DIR)
    for name in ("江北区", "江北"):
        for district in (None, "330205", "330212"):
            found = locate(name, district=district, gazetteer=real)
            assert found is None or found.adcode.startswith("3302")


# --- python -m geo lookup ---


def test_cli_lookup_prints_json_with_point_precision_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--gazetteer", str(FIXTURES), "lookup", "外滩", "--district", "鄞州区", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert out["id"] == "jb-lao-waitan" and out["precision"] == "exact" and out["source"]
    assert (out["lon"], out["lat"]) == pytest.approx((121.5575, 29.8812))


def test_cli_lookup_prints_fields_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gazetteer", str(FIXTURES), "lookup", "中心公园", "--district", "330212"]) == 0
    lines = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines())
    assert lines["id"] == "yz-central-park" and lines["method"] == "published"


def test_cli_unknown_name_exits_1_with_suggestions_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--gazetteer", str(FIXTURES), "lookup", "姚江新城"])
    captured = capsys.readouterr()
    assert status == 1 and captured.out == ""
    assert "'姚江新城'" in captured.err and "姚江新区" in captured.err


def test_cli_unknown_district_exits_1_listing_districts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gazetteer", str(FIXTURES), "lookup", "外滩", "--district", "浦东"]) == 1
    assert "江北区 (330205)" in capsys.readouterr().err
