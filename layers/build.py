"""`python -m layers build`: documents → records → geocoding → the layer GeoPackage.

The one way layers are made; generated tables are never edited by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.boundaries import district_boundaries
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.settings import GAZETTEER_DIR
from layers.extract import extract_all
from layers.locate import locate_records, places_layer
from layers.place_figures import place_figures_table
from layers.plans import plan_districts
from layers.settings import LAYERS_GPKG
from layers.errors import LayerStoreError
from layers.store import curation_state, write_build_info, write_layer


#: Place types that also make up the `rail` table.
RAIL_TYPES = ("rail_line", "station")


def build(*, path: Path = LAYERS_GPKG, gazetteer_dir: Path = GAZETTEER_DIR) -> dict[str, int]:
    """Build every layer into `path` from the gazetteer in `gazetteer_dir`; returns the row count per table.

    The store is written to a temporary file and moved into place at the end,
    so an interrupted build never leaves a half-written store behind. A path
    that cannot take the store (a folder, a read-only or full disk) raises
    `LayerStoreError` and leaves no temporary file. The store records which
    curation state it was built from (`layers.store.curation_state`).
    """
    path = Path(path)
    if path.is_dir():
        raise LayerStoreError(f"--out {path.name} is a folder; give the GeoPackage file to write")
    tmp = path.with_suffix(".building.gpkg")
    counts: dict[str, int] = {}
    try:
        tmp.unlink(missing_ok=True)
        state = curation_state(gazetteer_dir)
        for name, frame in _layers(gazetteer_dir):
            write_layer(frame, name, path=tmp)
            counts[name] = len(frame)
        write_build_info(tmp, curation=state)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, LayerStoreError):
            raise
        raise LayerStoreError(f"Cannot write the layer store {path.name}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return counts


def located_layer(records: pd.DataFrame, *, gazetteer: Gazetteer, kind: str) -> gpd.GeoDataFrame:
    """Extracted `projects` or `structures` records located and made storable, as in the store."""
    return _storable(locate_records(records, gazetteer=gazetteer, kind=kind))


def place_layers(gazetteer: Gazetteer) -> dict[str, gpd.GeoDataFrame]:
    """The `places` and `rail` tables of a gazetteer (also redone alone by `layers.rebuild`)."""
    places = _storable(places_layer(gazetteer))
    return {"places": places, "rail": places[places["type"].isin(RAIL_TYPES)]}


def _layers(gazetteer_dir: Path):
    # Simplified boundaries: the table is for display; exact work uses geo.boundaries.
    # The ten units of 宁波市, plus the district of any catalogued plan outside it.
    yield "districts", district_boundaries(simplified=True, extra=tuple(plan_districts()))
    extraction = extract_all()
    gazetteer = load_gazetteer(gazetteer_dir)
    yield "sections", extraction.sections
    yield "projects", located_layer(extraction.projects, gazetteer=gazetteer, kind="projects")
    yield "structures", located_layer(extraction.structures, gazetteer=gazetteer, kind="structures")
    yield "indicators", extraction.indicators
    yield "problems", extraction.problems_frame()
    places = place_layers(gazetteer)
    yield from places.items()
    # The figures the plan text states for a place: read by the indicators page, never extracted there.
    yield "place_figures", place_figures_table(places["places"])


def _storable(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Empty geometries become missing ones, and lists become text, for GeoPackage."""
    out = frame.copy()
    out["geometry"] = [None if g is None or g.is_empty else g for g in out.geometry]
    for column in out.columns.drop("geometry"):
        if out[column].map(lambda v: isinstance(v, (list, tuple, set))).any():
            out[column] = out[column].map(lambda v: "|".join(map(str, v)) if isinstance(v, (list, tuple, set)) else v)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=frame.crs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers build", description=__doc__)
    parser.add_argument("--out", type=Path, default=LAYERS_GPKG, help="GeoPackage to write")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = build(path=args.out)
    except LayerStoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name:>12}: {n} rows")
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s")
    return 0
