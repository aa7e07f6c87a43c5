"""Benchmark: import a 50,000-feature GeoPackage as a place source, then look names up in it.

The layer is the 389 OpenStreetMap polygons of tests/data/sources (ODbL) repeated
129 times with a copy number appended to each name (50,181 features: a size a
planning office's POI layer reaches; the geometry is the real one). Writing the
input file is setup; the timed parts are `import_layer` (read, check, convert,
store) and 1,000 `candidates` calls on the stored layer. Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path


import geopandas as gpd
import pandas as pd

from geo.sources.layer import import_layer, imported_sources

OSM_CSV = Path(__file__).resolve().parent.parent / "tests" / "data" / "sources" / "osm_nignbohub_jiangbei_yinzhou.csv"
COPIES, RUNS, LOOKUPS = 129, 3, 1000


def main() -> None:
    table = pd.read_csv(OSM_CSV, dtype=str)
    base = gpd.GeoDataFrame(table[["name", "kind"]], geometry=gpd.GeoSeries.from_wkt(table["wkt"]), crs="EPSG:4326")
    frame = pd.concat([base.assign(name=base["name"] + (f" {i}" if i else "")) for i in range(COPIES)],
                      ignore_index=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.gpkg"
        gpd.GeoDataFrame(frame, crs="EPSG:4326").to_file(path, layer="places", driver="GPKG")
        imports, lookups = [], []
        for run in range(RUNS):
            folder = Path(tmp) / f"imports{run}"
            started = time.perf_counter()
            meta = import_layer(path, name_field="name", datum="wgs84", source="bench", licence="ODbL 1.0",
                                directory=folder)
            imports.append(time.perf_counter() - started)
            source = imported_sources(folder)[0]
            source.candidates("万象城")  # first call reads the stored layer and builds the name index
            names = list(frame["name"].sample(LOOKUPS, random_state=run))
            started = time.perf_counter()
            found = sum(len(source.candidates(name)) for name in names)
            lookups.append(time.perf_counter() - started)
    print(json.dumps({
        "name": "layer_import_50k",
        "features": meta.features,
        "import_s_median": round(statistics.median(imports), 3),
        "lookups": LOOKUPS,
        "lookup_ms_median": round(statistics.median(lookups) / LOOKUPS * 1000, 4),
        "candidates_found": found,
        "runs": RUNS,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
