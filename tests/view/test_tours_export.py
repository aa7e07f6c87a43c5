"""Offline tour export: one HTML file with everything inlined; tour layers resolved on the map."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from layers.build import build
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from layers.tours import TourError, list_tours, load_tour
from view.tours_export import export_tour_html, main
from view.assets import STATIC_DIR
from view.planmap import plan_payload
from view.tours import planmap_layer_ids, tour_payload

STRUCTURE_REF = "structure:jiangbei-14th-five-year-plan/一带两轴三核四片"


@pytest.fixture(scope="module")
def plan() -> dict:
    if not LAYERS_GPKG.exists():
        build()
    frames = {name: read_layer(name) for name in ("projects", "structures", "places", "districts")}
    return plan_payload(**frames, source_url=None)


@pytest.fixture(scope="module")
def exported() -> str:
    return export_tour_html("jiangbei-structure")


def test_the_exported_page_loads_no_script_stylesheet_or_image_from_anywhere(exported: str) -> None:
    assert not re.search(r"<script[^>]*\bsrc=", exported)
    assert not re.search(r"<link[^>]*\bhref=", exported)
    assert not re.search(r"<img[^>]*\bsrc=", exported)
    assert "/app/static" not in exported


def test_the_exported_page_inlines_leaflet_the_map_scripts_and_the_tour(exported: str) -> None:
    for name in ("planmap.js", "tour.js", "tour.css"):
        body = (STATIC_DIR / name).read_text(encoding="utf-8")
        assert body[:2000] in exported, name
    assert "L.version" in exported or "leafletjs" in exported.lower()
    assert "new PlanMap(" in exported and "new PlanTour(" in exported
    tour = load_tour("jiangbei-structure")
    assert tour.steps[1].narrative[0].text in exported


def test_the_exported_tour_has_no_links_to_the_app(exported: str) -> None:
    payload = re.search(r"new PlanTour\(window\.planmap, (.*?)\);\s*$", exported, re.M | re.S)
    assert payload
    data = json.loads(payload.group(1))
    assert all("href" not in p for step in data["steps"] for p in step["narrative"])
    assert '"source_url":null' in exported


def test_the_command_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tour.html"
    assert main(["yinzhou-key-blocks", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out


def test_the_command_reports_an_unknown_tour_with_the_known_ones(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nope", "--out", str(tmp_path / "x.html")]) == 1
    assert "jiangbei-structure" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("tour_id", list_tours())
def test_every_step_shows_real_planner_layers_and_features(tour_id: str, plan: dict) -> None:
    payload = tour_payload(load_tour(tour_id), plan)
    layer_ids = {layer["id"] for layer in plan["layers"]}
    features = {f["properties"]["id"]: layer["id"] for layer in plan["layers"] for f in layer["features"]["features"]}
    for step in payload["steps"]:
        assert set(step["layers"]) <= layer_ids
        assert all(fid in features for fid in step["highlight"])
        (south, west), (north, east) = step["bounds"]
        assert west <= east and south <= north


def test_a_structure_layer_is_found_by_its_records_not_its_position(plan: dict) -> None:
    shuffled = copy.deepcopy(plan)
    shuffled["layers"].reverse()
    for i, layer in enumerate(shuffled["layers"]):
        if layer["id"].startswith("st-"):
            layer["id"] = f"st-{100 + i}"
    layer_id = planmap_layer_ids(shuffled)[STRUCTURE_REF]
    layer = next(layer for layer in shuffled["layers"] if layer["id"] == layer_id)
    ids = {f["properties"]["id"] for f in layer["features"]["features"]}
    assert "jiangbei-14th-five-year-plan/一带两轴三核四片/01" in ids


def test_a_layer_missing_from_the_map_is_an_error_naming_the_step(plan: dict) -> None:
    without = copy.deepcopy(plan)
    without["layers"] = [layer for layer in without["layers"] if layer["id"] != "rail-existing"]
    with pytest.raises(TourError) as info:
        tour_payload(load_tour("jiangbei-structure"), without)
    assert "jiangbei-structure.yaml" in str(info.value) and "step 3" in str(info.value)
    assert "rail:existing" in str(info.value)


@pytest.mark.parametrize("target", ["dir", "/proc/planmap-test/tour.html"])
def test_exporting_into_a_folder_or_an_unwritable_place_is_a_message_not_a_traceback(tmp_path, capsys, target):
    out = tmp_path if target == "dir" else target
    assert main(["jiangbei-structure", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write") and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
