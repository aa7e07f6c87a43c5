"""`python -m layers build`: documents → records → geocoding → the layer GeoPackage.

The one way layers are made; generated tables are never edited by hand.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.boundaries import district_boundaries
from geo.gazetteer import load_gazetteer
from layers.extract import extract_all
from layers.locate import locate_records, places_layer
from layers.settings import LAYERS_GPKG
from layers.store import write_layer


def build(*, path: Path = LAYERS_GPKG) -> dict[str, int]:
    """Build every layer into `path`; returns the row count per table.

    The store is written to a temporary file and moved into place at the end,
    so an interrupted build never leaves a half-written store behind.
    """
    tmp = path.with_suffix(".building.gpkg")
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    for name, frame in _layers():
        write_layer(frame, name, path=tmp)
        counts[name] = len(frame)
    tmp.replace(path)
    return counts


def _layers():
    # Simplified boundaries: the table is for display; exact work uses geo.boundaries.
    yield "districts", district_boundaries(simplified=True)
    extraction = extract_all()
    gazetteer = load_gazetteer()
    yield "sections", extraction.sections
    yield "projects", _storable(locate_records(extraction.projects, gazetteer=gazetteer, kind="projects"))
    yield "structures", _storable(locate_records(extraction.structures, gazetteer=gazetteer, kind="structures"))
    yield "indicators", extraction.indicators
    yield "problems", extraction.problems_frame()
    places = _storable(places_layer(gazetteer))
    yield "places", places
    yield "rail", places[places["type"].isin(["rail_line", "station"])]


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
    counts = build(path=args.out)
    for name, n in counts.items():
        print(f"{name:>12}: {n} rows")
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s")
    return 0
