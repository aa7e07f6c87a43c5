"""`python -m layers build`: documents → records → geocoding → the layer GeoPackage.

The one way layers are made; generated tables are never edited by hand.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from geo.boundaries import district_boundaries
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
