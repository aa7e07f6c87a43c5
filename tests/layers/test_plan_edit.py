"""`python -m layers add/replace/remove` on copies of the data: whole changes or none.

Every command runs in a subprocess whose PLANMAP_PLANS_DIR, PLANMAP_LAYERS and
PLANMAP_GAZETTEER_DIR point at temporary copies; the repository's files are
checked unchanged at the end.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import opencc
import pyogrio
import pytest

from geo.settings import ROOT
from layers.settings import LAYERS_GPKG, PLANS_DIR
from testkit.curation import copy_gazetteer
from testkit.plans import HAISHU_PRESS, HAISHU_REPORT, copy_plans, digests, plans_env

SHIPPED = ("jiangbei-14th-five-year-plan", "jiangbei-2021-government-work-report", "yinzhou-yangtze-delta-14th-plan",
           "jiangbei-2022-press-feature", "yinzhou-14th-five-year-plan")


@pytest.fixture(scope="module")
def repo_digest():
    before = digests(PLANS_DIR, *( [LAYERS_GPKG] if LAYERS_GPKG.exists() else []))
    yield
    assert digests(PLANS_DIR, *([LAYERS_GPKG] if LAYERS_GPKG.exists() else [])) == before, \
        "a test changed the repository's plans or layers"


@pytest.fixture
def data(tmp_path: Path, repo_digest):
    """Copies of the plans and gazetteer, and a store built from them."""
    plans = copy_plans(tmp_path / "plans")
    env = plans_env(plans, tmp_path / "layers" / "planmap.gpkg", copy_gazetteer(tmp_path / "gazetteer"))
    (tmp_path / "layers").mkdir()
    assert _layers(env, "build").returncode == 0
    return {"env": env, "plans": plans, "store": Path(env["PLANMAP_LAYERS"]), "tmp": tmp_path}


def test_adding_a_plan_of_a_third_district_catalogues_it_and_its_boundary_joins_the_layers(data) -> None:
    before = _records(data["store"])
    done = _layers(data["env"], "add", str(HAISHU_PRESS), "--district", "海曙区", "--kind", "press-feature",
                   "--date", "2024", "--publisher", "海曙发布", "--title", "海曙区“千项万亿”工程建设")
    assert done.returncode == 0, done.stderr
    row = _catalog(data["plans"])[-1]
    assert (row["adcode"], row["district"], row["kind"], row["date"], row["publisher"]) == \
        ("330203", "宁波市海曙区", "press-feature", "2024", "海曙发布")
    assert row["title"] == "海曙区“千项万亿”工程建设" and row["original_file"] == HAISHU_PRESS.name
    assert row["id"] in done.stdout
    # Stored as extracted: byte for byte the UTF-8 text.
    assert (data["plans"] / f"{row['id']}.txt").read_bytes() == HAISHU_PRESS.read_bytes()
    sections = pyogrio.read_dataframe(data["store"], layer="sections")
    assert (sections["doc_id"] == row["id"]).any()
    districts = pyogrio.read_dataframe(data["store"], layer="districts")
    assert "330203" in set(districts["adcode"])
    # The shipped documents give the same records as before.
    after = _records(data["store"])
    for kind in ("projects", "structures", "indicators"):
        assert after[kind] - {r for r in after[kind] if r.startswith(row["id"])} == before[kind]


def test_a_district_outside_ningbo_is_resolved_by_adcode_and_its_boundary_is_added(data) -> None:
    done = _layers(data["env"], "add", str(HAISHU_REPORT), "--district", "500105")  # 重庆市江北区, only as a test
    assert done.returncode == 0, done.stderr
    assert _catalog(data["plans"])[-1]["district"] == "重庆市江北区"
    districts = pyogrio.read_dataframe(data["store"], layer="districts")
    chongqing = districts[districts["adcode"] == "500105"]
    assert len(chongqing) == 1 and chongqing.geometry.iloc[0].centroid.x < 110  # far west of Ningbo's 121°E


def test_gb18030_and_big5_files_are_stored_as_utf8_text(data) -> None:
    gb = data["tmp"] / "report-gb.txt"
    gb.write_bytes(HAISHU_REPORT.read_text(encoding="utf-8").encode("gb18030"))
    assert _layers(data["env"], "add", str(gb), "--district", "330203").returncode == 0
    row = _catalog(data["plans"])[-1]
    assert (data["plans"] / f"{row['id']}.txt").read_text(encoding="utf-8") == HAISHU_REPORT.read_text(encoding="utf-8")
    assert "gb18030" in row["note"]

    traditional = opencc.OpenCC("s2tw").convert(HAISHU_PRESS.read_text(encoding="utf-8"))
    big5 = data["tmp"] / "press-big5.txt"
    big5.write_bytes(traditional.encode("big5"))
    kept = _layers(data["env"], "add", str(big5), "--district", "330203")
    assert kept.returncode == 0 and "Big5" in kept.stderr
    row = _catalog(data["plans"])[-1]
    assert (data["plans"] / f"{row['id']}.txt").read_text(encoding="utf-8") == traditional
    assert "traditional characters kept" in row["note"]


def test_big5_can_be_converted_to_simplified_on_request(data) -> None:
    traditional = opencc.OpenCC("s2tw").convert(HAISHU_PRESS.read_text(encoding="utf-8"))
    big5 = data["tmp"] / "press-big5.txt"
    big5.write_bytes(traditional.encode("big5"))
    assert _layers(data["env"], "add", str(big5), "--district", "海曙区", "--to-simplified").returncode == 0
    row = _catalog(data["plans"])[-1]
    stored = (data["plans"] / f"{row['id']}.txt").read_text(encoding="utf-8")
    assert "海曙区" in stored and "海曙區" not in stored
    assert "converted to simplified" in row["note"]


def test_replacing_keeps_the_id_and_details_and_rebuilds_from_the_new_text(data) -> None:
    assert _layers(data["env"], "add", str(HAISHU_PRESS), "--district", "海曙区", "--publisher", "海曙发布").returncode == 0
    doc_id = _catalog(data["plans"])[-1]["id"]
    done = _layers(data["env"], "replace", doc_id, str(HAISHU_REPORT))
    assert done.returncode == 0, done.stderr
    row = _catalog(data["plans"])[-1]
    assert row["id"] == doc_id and row["publisher"] == "海曙发布" and row["original_file"] == HAISHU_REPORT.name
    assert (data["plans"] / f"{doc_id}.txt").read_bytes() == HAISHU_REPORT.read_bytes()
    sections = pyogrio.read_dataframe(data["store"], layer="sections")
    quotes = "".join(sections.loc[sections["doc_id"] == doc_id, "title"].astype(str))
    assert "2022年工作回顾" in quotes


def test_removing_takes_out_the_row_the_text_and_its_records(data) -> None:
    assert _layers(data["env"], "add", str(HAISHU_PRESS), "--district", "海曙区").returncode == 0
    doc_id = _catalog(data["plans"])[-1]["id"]
    done = _layers(data["env"], "remove", doc_id)
    assert done.returncode == 0, done.stderr
    assert doc_id not in {r["id"] for r in _catalog(data["plans"])}
    assert not (data["plans"] / f"{doc_id}.txt").exists()
    for kind in ("sections", "projects", "structures", "indicators"):
        assert not (pyogrio.read_dataframe(data["store"], layer=kind)["doc_id"] == doc_id).any()
    assert "330203" in set(pyogrio.read_dataframe(data["store"], layer="districts")["adcode"])  # still a Ningbo unit
    assert [r["id"] for r in _catalog(data["plans"])] == list(SHIPPED)


@pytest.mark.parametrize("case", ["50 MB", "binary", "scanned pdf", "ambiguous district", "unknown district",
                                  "unknown adcode", "duplicate", "tour cites it", "unknown id", "bad date"])
def test_refused_changes_say_why_and_change_nothing(data, case: str) -> None:
    tmp = data["tmp"]
    if case == "50 MB":
        path = tmp / "huge.txt"
        with path.open("wb") as f:
            f.truncate(50 * 1024 * 1024 + 1)
        args, expected = ["add", str(path), "--district", "海曙区"], "50 MB"
    elif case == "binary":
        path = tmp / "plan.txt"
        path.write_bytes((ROOT / "docs" / "screenshot-tour.png").read_bytes())
        args, expected = ["add", str(path), "--district", "海曙区"], "binary"
    elif case == "scanned pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.image(str(ROOT / "docs" / "screenshot-tour.png"), x=10, y=10, w=150)
        path = tmp / "scan.pdf"
        path.write_bytes(bytes(pdf.output()))
        args, expected = ["add", str(path), "--district", "海曙区"], "no text layer"
    elif case == "ambiguous district":
        args, expected = ["add", str(HAISHU_PRESS), "--district", "鼓楼区"], "several county-level units"
    elif case == "unknown district":
        args, expected = ["add", str(HAISHU_PRESS), "--district", "火星区"], "No county-level unit"
    elif case == "unknown adcode":
        args, expected = ["add", str(HAISHU_PRESS), "--district", "330299"], "not the adcode"
    elif case == "duplicate":
        args, expected = ["add", str(PLANS_DIR / "jiangbei-2022-press-feature.txt"), "--district", "江北区"], \
            "already in the catalog as jiangbei-2022-press-feature"
    elif case == "tour cites it":
        args, expected = ["remove", "yinzhou-14th-five-year-plan"], "tour"
    elif case == "unknown id":
        args, expected = ["replace", "no-such-plan", str(HAISHU_PRESS)], "No plan 'no-such-plan'"
    else:
        args, expected = ["add", str(HAISHU_PRESS), "--district", "海曙区", "--date", "2024年"], "YYYY"
    before = digests(data["plans"], data["store"])
    done = _layers(data["env"], *args)
    assert done.returncode == 1
    assert expected in done.stderr and "nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr
    assert digests(data["plans"], data["store"]) == before
    assert not [p for p in data["store"].parent.iterdir() if "staging" in p.name or "building" in p.name]


def _layers(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "layers", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=300, check=False)


def _catalog(plans: Path) -> list[dict[str, str]]:
    with (plans / "catalog.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _records(store: Path) -> dict[str, set[str]]:
    return {kind: set(pyogrio.read_dataframe(store, layer=kind, read_geometry=False)["id"])
            for kind in ("projects", "structures", "indicators")}


def test_a_staging_store_left_by_a_killed_writer_is_cleaned_up_by_the_next_change(data) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    left = data["store"].with_name(f".{data['store'].name}.{dead}.deadbeef.staging.gpkg")
    left.write_bytes(b"half a store")
    assert _layers(data["env"], "add", str(HAISHU_PRESS), "--district", "海曙区").returncode == 0
    assert not left.exists()
