"""A store left behind by a killed rebuild catches up on the next start, and its leftovers go."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap

import pytest
from shapely.geometry import Point

from geo.curation import BASE_REVISION, CurationStore
from geo.settings import ROOT
from layers.build import build, main as build_main
from layers.rebuild import catch_up, remove_dead_leftovers
from layers.store import built_from, curation_state, read_layer
from testkit.curation import copy_gazetteer

PLACE_POINT = (121.5512, 29.8901)

#: In a child process: save a place, then start the partial rebuild and die by SIGKILL in the middle.
_KILLED_SAVE = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from shapely.geometry import Point
    import layers.rebuild
    from geo.curation import BASE_REVISION, CurationStore
    from testkit.curation import login
    gazetteer_dir, store_path, place = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    curation = CurationStore(gazetteer_dir / "curation", gazetteer_dir=gazetteer_dir)
    curation.save(login(), place, geometry=Point(121.5512, 29.8901), precision="approximate",
                  source="test", expected_revision=BASE_REVISION)
    real = layers.rebuild._update
    def dying(store, *args):
        real(store, *args)  # the copy is updated, not yet moved into place
        os.kill(os.getpid(), signal.SIGKILL)
    layers.rebuild._update = dying
    layers.rebuild.rebuild_for_places([place], path=store_path, gazetteer_dir=gazetteer_dir)
""")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("built")
    gazetteer_dir = copy_gazetteer(root / "gazetteer")
    build(path=root / "planmap.gpkg", gazetteer_dir=gazetteer_dir)
    return root


def test_a_store_records_the_curation_it_was_built_from(built):
    assert built_from(path=built / "planmap.gpkg") == curation_state(built / "gazetteer")


def test_after_a_rebuild_killed_mid_way_the_next_start_shows_the_saved_place(built, tmp_path):
    gazetteer_dir = copy_gazetteer(tmp_path / "gazetteer")
    store_path = tmp_path / "planmap.gpkg"
    shutil.copyfile(built / "planmap.gpkg", store_path)
    places = read_layer("places", path=store_path)
    place = str(places[places["precision"] == "unlocated"]["id"].iloc[0])
    child = subprocess.run([sys.executable, "-c", _KILLED_SAVE, str(gazetteer_dir), str(store_path), place],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    # The save committed, the store still shows the old place, and the killed copy is left over.
    curation = CurationStore(gazetteer_dir / "curation", gazetteer_dir=gazetteer_dir)
    assert curation.revision(place) != BASE_REVISION
    stale = read_layer("places", path=store_path).set_index("id")
    assert stale.loc[place, "precision"] == "unlocated"
    assert list(tmp_path.glob(".planmap.*.rebuilding.gpkg"))

    report = catch_up(path=store_path, gazetteer_dir=gazetteer_dir)

    assert report is not None and report.full
    fresh = read_layer("places", path=store_path).set_index("id")
    assert fresh.loc[place, "precision"] == "approximate"
    assert fresh.loc[place, "geometry"].equals_exact(Point(*PLACE_POINT), 1e-7)
    assert not list(tmp_path.glob(".planmap.*.rebuilding.gpkg"))
    assert catch_up(path=store_path, gazetteer_dir=gazetteer_dir) is None  # now current: nothing to do


def test_a_leftover_of_a_living_rebuild_is_kept(tmp_path):
    import os
    mine = tmp_path / f".planmap.{os.getpid()}.rebuilding.gpkg"
    mine.write_bytes(b"x")
    assert remove_dead_leftovers(tmp_path / "planmap.gpkg") == [] and mine.exists()


@pytest.mark.parametrize("target", ["dir", "/proc/planmap-test/x.gpkg"])
def test_building_into_a_folder_or_an_unwritable_place_is_a_message_and_leaves_nothing(tmp_path, capsys, target):
    out = tmp_path if target == "dir" else target
    assert build_main(["--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert not list(tmp_path.parent.glob("*.building.gpkg")) and not list(tmp_path.glob("*.building.gpkg"))
