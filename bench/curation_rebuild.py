"""Layers redone after an editor places one place: partial rebuild vs a full build.

On copies of the gazetteer and the store (the repository's files are not
touched): the most mentioned unlocated place is placed once, then
`layers.rebuild.rebuild_for_places` and `layers.build.build` are each timed
in the same warm process (imports, boundaries and plan texts already loaded,
as in the running app); `python -m layers build` as a command (what the app
would have to run otherwise) is timed once. Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from shapely.geometry import Point

from geo.curation import BASE_REVISION, CurationStore
from geo.gazetteer import load_gazetteer
from layers.build import build
from layers.locate import mentioned_places
from layers.rebuild import rebuild_for_places
from testkit.curation import copy_gazetteer, login

RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        gazetteer_dir = copy_gazetteer(root / "gazetteer")
        store_path, full_path = root / "planmap.gpkg", root / "full.gpkg"
        build(path=store_path, gazetteer_dir=gazetteer_dir)  # warms imports, boundaries, texts
        mentioned = mentioned_places(gazetteer=load_gazetteer(gazetteer_dir))
        place = str(mentioned[mentioned["precision"] == "unlocated"].sort_values("mentions").iloc[-1]["id"])
        CurationStore(gazetteer_dir / "curation", gazetteer_dir=gazetteer_dir).save(
            login(), place, geometry=Point(121.556, 29.885), precision="approximate",
            source="benchmark", expected_revision=BASE_REVISION,
        )
        partial, full = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            report = rebuild_for_places([place], path=store_path, gazetteer_dir=gazetteer_dir)
            partial.append(time.perf_counter() - started)
            started = time.perf_counter()
            build(path=full_path, gazetteer_dir=gazetteer_dir)
            full.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "layers", "build", "--out", str(full_path)], check=True, capture_output=True,
            cwd=Path(__file__).resolve().parent.parent, env={**os.environ, "PLANMAP_GAZETTEER_DIR": str(gazetteer_dir)},
        )
        command = time.perf_counter() - started
    print(json.dumps({
        "name": "curation_rebuild_one_place",
        "n": RUNS,
        "place": place,
        "records_redone": report.records,
        "median_s": round(statistics.median(partial), 3),
        "full_build_median_s": round(statistics.median(full), 3),
        "full_build_command_s": round(command, 2),
        "speedup_vs_warm_full": round(statistics.median(full) / statistics.median(partial), 1),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
