"""Paths of the plan documents and the built layer store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from geo.settings import DATA_DIR

#: The plan texts and their catalog. `PLANMAP_PLANS_DIR` points it elsewhere so
#: that tests and test servers add and remove plans on a copy.
PLANS_DIR: Final[Path] = Path(
    os.environ.get("PLANMAP_PLANS_DIR") or DATA_DIR / "plans"
).expanduser().resolve()
CATALOG_CSV: Final[Path] = PLANS_DIR / "catalog.csv"
LAYERS_DIR: Final[Path] = DATA_DIR / "layers"
#: The one GeoPackage every layer lives in, one table per layer. `PLANMAP_LAYERS`
#: points it elsewhere so that tests and test servers work on a copy.
LAYERS_GPKG: Final[Path] = Path(
    os.environ.get("PLANMAP_LAYERS") or LAYERS_DIR / "planmap.gpkg"
).expanduser().resolve()
