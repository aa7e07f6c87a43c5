"""Paths of the plan documents and the built layer store."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from geo.settings import DATA_DIR

PLANS_DIR: Final[Path] = DATA_DIR / "plans"
CATALOG_CSV: Final[Path] = PLANS_DIR / "catalog.csv"
LAYERS_DIR: Final[Path] = DATA_DIR / "layers"
#: The one GeoPackage every layer lives in, one table per layer.
LAYERS_GPKG: Final[Path] = LAYERS_DIR / "planmap.gpkg"
