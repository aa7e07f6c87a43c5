"""Tours load from data/tours/, quote the plans exactly and fail clearly on bad names."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from shapely.geometry import box

from layers.build import build
from layers.errors import LayersError
from layers.plans import read_plan_text
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from layers.text import display_text
from layers.tours import TOURS_DIR, TourError, list_tours, load_tour, load_tour_file

JB_STRUCTURE = "jiangbei-14th-five-year-plan/一带两轴三核四片"
GOOD_STEP = f"""
  - title: 一带
    narrative: [{JB_STRUCTURE}/01]
    highlight: [{JB_STRUCTURE}/01]
"""


@pytest.fixture(scope="module", autouse=True)
def built_store() -> None:
    if not LAYERS_GPKG.exists():
        build()


def _write(tmp_path: Path, body: str, *, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"title: 测试\nlayers: [rivers]\nsteps:{body}", encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(TourError) as info:
        load_tour_file(path)
    return str(info.value)


def test_built_in_tours_cover_the_structures_campaigns_blocks_and_infrastructure() -> None:
    titles = {tour_id: load_tour(tour_id).title["zh"] for tour_id in list_tours()}
    joined = " ".join(titles.values())
    for subject in ("一带两轴三核四片", "三城建设会战", "一核四城六空间", "六大重点区块", "基础设施"):
        assert subject in joined, subject
    infra = load_tour("infrastructure")
    docs = {p.doc_id for step in infra.steps for p in step.narrative}
    assert any(d.startswith("jiangbei") for d in docs) and any(d.startswith("yinzhou") for d in docs)
    projects = read_layer("projects").set_index("id")
    cited = {p.record_id for step in infra.steps for p in step.narrative if p.record_id in projects.index}
    assert set(projects.loc[list(cited), "category"]) == {"rail", "roads"}


@pytest.mark.parametrize("tour_id", list_tours())
def test_every_narrative_is_the_plans_own_quote_at_its_offsets(tour_id: str) -> None:
    tour = load_tour(tour_id)
    assert tour.steps
    for step in tour.steps:
        assert step.narrative, step.number
        for passage in step.narrative:
            text = read_plan_text(passage.doc_id)
            assert passage.text == display_text(text[passage.start:passage.end])
            assert passage.text


@pytest.mark.parametrize("tour_id", list_tours())
def test_a_fitted_view_contains_every_highlighted_feature(tour_id: str) -> None:
    frames = [read_layer(n).set_index("id") for n in ("structures", "projects", "places")]
    for step in load_tour(tour_id).steps:
        if step.view.kind != "fit":
            continue
        view = box(*step.view.bounds).buffer(1e-5)
        for fid in step.highlight:
            geom = next(f.geometry[fid] for f in frames if fid in f.index)
            assert view.contains(shapely.envelope(geom)), (tour_id, step.number, fid)


def test_a_district_view_is_the_bounds_of_that_districts_boundary(tmp_path: Path) -> None:
    path = _write(tmp_path, f"""
  - title: 鄞州
    narrative: [{JB_STRUCTURE}/01]
    view: {{district: "330212"}}
""")
    step = load_tour_file(path).steps[0]
    districts = read_layer("districts").set_index("adcode")
    expected = districts.geometry["330212"].bounds
    assert step.view.kind == "district"
    assert step.view.bounds == pytest.approx(expected, abs=1e-5)


def test_an_unknown_record_is_an_error_naming_the_file_and_step(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_STEP + """
  - title: 第二步
    narrative: [jiangbei-14th-five-year-plan/没有这个/99]
""")
    message = _error(path)
    assert "demo.yaml" in message and "step 2" in message and "第二步" in message
    assert "jiangbei-14th-five-year-plan/没有这个/99" in message


def test_an_unknown_layer_is_an_error_naming_the_step(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_STEP + GOOD_STEP + f"""
  - title: 第三步
    narrative: [{JB_STRUCTURE}/01]
    layers: [structure:{JB_STRUCTURE[:-2]}不存在]
""")
    message = _error(path)
    assert "step 3" in message and "unknown layer" in message and "不存在" in message


def test_positional_planner_layer_ids_are_not_accepted_as_layers(tmp_path: Path) -> None:
    path = _write(tmp_path, f"""
  - title: 一
    narrative: [{JB_STRUCTURE}/01]
    layers: [st-0]
""")
    assert "unknown layer 'st-0'" in _error(path)


def test_highlighting_a_record_known_only_by_district_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = _write(tmp_path, f"""
  - title: 中心城
    narrative: [{JB_STRUCTURE}/04]
    highlight: [{JB_STRUCTURE}/04]
""")
    message = _error(path)
    assert "step 1" in message and "precision district" in message and "narrative" in message


def test_an_explicit_extent_needs_a_reason(tmp_path: Path) -> None:
    path = _write(tmp_path, f"""
  - title: 范围
    narrative: [{JB_STRUCTURE}/01]
    view: {{extent: [121.4, 29.8, 121.7, 30.0]}}
""")
    assert "why" in _error(path)
    path.write_text(path.read_text(encoding="utf-8").replace("]}", "], why: 对照全市范围}"), encoding="utf-8")
    view = load_tour_file(path).steps[0].view
    assert view.kind == "extent" and view.why == "对照全市范围"


def test_a_misspelt_step_key_is_reported_not_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, f"""
  - title: 一
    narative: [{JB_STRUCTURE}/01]
""")
    message = _error(path)
    assert "narative" in message and "step 1" in message


def test_a_step_without_narrative_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, """
  - title: 空
    notes: 只有备注
""")
    assert "narrative" in _error(path)


def test_malformed_yaml_is_a_tour_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed\nsteps: -", encoding="utf-8")
    assert "broken.yaml" in _error(path)


def test_an_unknown_tour_id_lists_the_known_tours() -> None:
    with pytest.raises(TourError) as info:
        load_tour("no-such-tour")
    assert "jiangbei-structure" in str(info.value)


def test_tour_errors_are_layers_errors_and_value_errors() -> None:
    assert issubclass(TourError, LayersError) and issubclass(TourError, ValueError)


def test_tour_ids_are_the_file_names_of_data_tours() -> None:
    assert list_tours() == sorted(p.stem for p in TOURS_DIR.glob("*.yaml"))
    assert len(list_tours()) >= 5
