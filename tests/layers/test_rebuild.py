import shutil

import pandas as pd
import pytest
from shapely.geometry import Point

from geo.access import files
from geo.curation import BASE_REVISION, CurationStore
from geo.errors import CurationError, LockTimeout
from geo.gazetteer import load_gazetteer
from layers import rebuild as rebuild_module
from layers.build import build
from layers.locate import mentioned_places
from layers.rebuild import rebuild_for_places
from layers.store import list_layers, read_layer
from testkit.curation import copy_gazetteer, login

#: A point in 江北区 (near 老外滩), WGS84.
JIANGBEI = Point(121.5560, 29.8850)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A full build from an uncurated copy of the gazetteer, made once."""
    root = tmp_path_factory.mktemp("built")
    gazetteer_dir = copy_gazetteer(root / "gazetteer")
    build(path=root / "planmap.gpkg", gazetteer_dir=gazetteer_dir)
    return root


@pytest.fixture
def setup(built, tmp_path):
    gazetteer_dir = copy_gazetteer(tmp_path / "gazetteer")
    store_path = tmp_path / "planmap.gpkg"
    shutil.copyfile(built / "planmap.gpkg", store_path)
    curation = CurationStore(gazetteer_dir / "curation", gazetteer_dir=gazetteer_dir)
    return gazetteer_dir, store_path, curation


def tables(path):
    return {name: pd.DataFrame(read_layer(name, path=path)) for name in list_layers(path=path)}


def assert_same_store(a, b):
    left, right = tables(a), tables(b)
    assert sorted(left) == sorted(right)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def most_mentioned_unlocated(gazetteer_dir):
    mentioned = mentioned_places(gazetteer=load_gazetteer(gazetteer_dir))
    unlocated = mentioned[mentioned["precision"] == "unlocated"].sort_values("mentions", ascending=False)
    return str(unlocated.iloc[0]["id"])


def test_partial_rebuild_after_placing_a_place_equals_a_full_build(setup, tmp_path):
    gazetteer_dir, store_path, curation = setup
    place = most_mentioned_unlocated(gazetteer_dir)
    curation.save(login(), place, geometry=JIANGBEI, precision="approximate", source="s",
                  expected_revision=BASE_REVISION)
    report = rebuild_for_places([place], path=store_path, gazetteer_dir=gazetteer_dir)
    assert not report.full
    assert set(report.tables) <= {"places", "rail", "projects", "structures"}
    assert report.records["projects"] + report.records["structures"] >= 1
    build(path=tmp_path / "full.gpkg", gazetteer_dir=gazetteer_dir)
    assert_same_store(store_path, tmp_path / "full.gpkg")
    places = read_layer("places", path=store_path).set_index("id")
    assert places.loc[place, "geometry"].equals_exact(JIANGBEI, 1e-9)
    # A record that names the place is now drawn there (or nearer than its district).
    projects = read_layer("projects", path=store_path)
    assert projects["place_ids"].fillna("").str.split("|").map(lambda ids: place in ids).any() or \
        read_layer("structures", path=store_path)["place_ids"].fillna("").str.contains(place).any()


def test_moving_a_station_redraws_the_lines_through_it(setup, tmp_path):
    gazetteer_dir, store_path, curation = setup
    gazetteer = load_gazetteer(gazetteer_dir)
    line = next(e for e in gazetteer if e.type == "rail_line" and e.method == "computed_members")
    station = next(r for r in gazetteer.rows() if r["id"] == line.id)["derive"].split(":")[1].split(",")[1]
    moved = Point(gazetteer.get(station).lon + 0.003, gazetteer.get(station).lat + 0.002)
    curation.save(login(), station, geometry=moved, precision="approximate", source="s",
                  expected_revision=BASE_REVISION)
    report = rebuild_for_places([station], path=store_path, gazetteer_dir=gazetteer_dir)
    assert line.id in report.place_ids
    rail = read_layer("rail", path=store_path).set_index("id")
    assert rail.loc[line.id, "geometry"].distance(moved) < 1e-6  # stored WKT keeps 7 decimals
    build(path=tmp_path / "full.gpkg", gazetteer_dir=gazetteer_dir)
    assert_same_store(store_path, tmp_path / "full.gpkg")


def test_tables_no_place_touches_are_left_as_they_were(setup):
    gazetteer_dir, store_path, curation = setup
    before = tables(store_path)
    place = most_mentioned_unlocated(gazetteer_dir)
    curation.save(login(), place, geometry=JIANGBEI, precision="approximate", source="s",
                  expected_revision=BASE_REVISION)
    rebuild_for_places([place], path=store_path, gazetteer_dir=gazetteer_dir)
    after = tables(store_path)
    for name in ("districts", "sections", "indicators", "problems"):
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)


def test_without_a_store_everything_is_built(setup, tmp_path):
    gazetteer_dir, _, _ = setup
    path = tmp_path / "new" / "planmap.gpkg"
    report = rebuild_for_places(["jb-anything"], path=path, gazetteer_dir=gazetteer_dir)
    assert report.full and report.tables["districts"] == 10
    assert "places" in list_layers(path=path)


def test_a_failed_rebuild_leaves_the_store_as_it_was(setup, monkeypatch):
    gazetteer_dir, store_path, curation = setup
    original = store_path.read_bytes()
    place = most_mentioned_unlocated(gazetteer_dir)
    curation.save(login(), place, geometry=JIANGBEI, precision="approximate", source="s",
                  expected_revision=BASE_REVISION)
    calls = []

    def failing_write(frame, name, *, path):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return write_layer(frame, name, path=path)

    write_layer = rebuild_module.write_layer
    monkeypatch.setattr(rebuild_module, "write_layer", failing_write)
    with pytest.raises(OSError, match="disk full"):
        rebuild_for_places([place], path=store_path, gazetteer_dir=gazetteer_dir)
    assert store_path.read_bytes() == original
    assert [p.name for p in store_path.parent.iterdir() if "rebuilding" in p.name] == []


def test_a_rebuild_waiting_too_long_for_the_layer_store_is_a_timeout_not_a_curation_error(setup, monkeypatch):
    gazetteer_dir, store_path, _ = setup
    monkeypatch.setattr(rebuild_module, "_LOCK_TIMEOUT_S", 0.05)
    before = store_path.read_bytes()
    with files.locked(store_path.with_name(f".{store_path.name}.lock")), pytest.raises(LockTimeout) as info:
        rebuild_for_places(["jb-ningbo-wenchuang-port"], path=store_path, gazetteer_dir=gazetteer_dir)
    assert isinstance(info.value, TimeoutError) and not isinstance(info.value, CurationError)
    assert store_path.read_bytes() == before


def test_moving_a_place_with_figures_moves_its_figures_in_the_place_figures_table(setup, tmp_path):
    gazetteer_dir, store_path, curation = setup
    place = "jb-cicheng-ancient-county-town"
    assert place in set(read_layer("place_figures", path=store_path)["place_id"])
    curation.save(login(), place, geometry=JIANGBEI, precision="approximate", source="s",
                  expected_revision=BASE_REVISION)
    report = rebuild_for_places([place], path=store_path, gazetteer_dir=gazetteer_dir)
    assert report.tables["place_figures"] >= 1
    figures = read_layer("place_figures", path=store_path)
    moved = figures[figures["place_id"] == place]
    assert (moved["rep_lon"].round(6).tolist(), moved["rep_lat"].round(6).tolist()) == \
        ([JIANGBEI.x] * len(moved), [JIANGBEI.y] * len(moved))
    build(path=tmp_path / "full.gpkg", gazetteer_dir=gazetteer_dir)
    assert_same_store(store_path, tmp_path / "full.gpkg")
