"""The layer GeoPackage: one file, one table per layer, everything EPSG:4326.

Attribute-only layers (indicators, sections) are stored as tables without
geometry, which GeoPackage supports as plain "attributes" tables.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.errors

from geo.settings import STORAGE_CRS
from layers.errors import LayerStoreError
from layers.settings import LAYERS_GPKG

_REBUILD_HINT = "run `python -m layers build` (or `make run`, which builds missing layers)"


def write_layer(frame: pd.DataFrame, name: str, *, path: Path = LAYERS_GPKG) -> None:
    """Write one layer, replacing a table of the same name.

    A GeoDataFrame must already be in WGS84; a plain DataFrame becomes an
    attribute table.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(frame, gpd.GeoDataFrame):
        if frame.crs is None or frame.crs.to_string() != STORAGE_CRS:
            raise LayerStoreError(f"Layer {name!r} must be in {STORAGE_CRS}, not {frame.crs}")
        frame.to_file(path, layer=name, driver="GPKG", engine="pyogrio")
    else:
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG")


#: Attribute table saying what the store was built from (one row).
BUILD_INFO = "build_info"


def curation_state(gazetteer_dir: Path) -> str:
    """A digest of the curated entries a store built from `gazetteer_dir` reflects ("" with none)."""
    entries = Path(gazetteer_dir) / "curation" / "entries.csv"
    try:
        data = entries.read_bytes()
    except FileNotFoundError:
        return ""
    return hashlib.sha256(data).hexdigest()


def write_build_info(path: Path, *, curation: str) -> None:
    """Record in the store which curation state it was built from."""
    write_layer(pd.DataFrame({"curation": [curation]}), BUILD_INFO, path=path)


def built_from(*, path: Path = LAYERS_GPKG) -> str | None:
    """The curation state recorded in the store, or None when it records none (an older store)."""
    if BUILD_INFO not in list_layers(path=path):
        return None
    frame = read_layer(BUILD_INFO, path=path)
    return str(frame["curation"].iloc[0]) if len(frame) and pd.notna(frame["curation"].iloc[0]) else ""


def read_layer(name: str, *, path: Path = LAYERS_GPKG) -> gpd.GeoDataFrame | pd.DataFrame:
    """Read one layer; raises `LayerStoreError` saying how to rebuild when missing or unreadable."""
    if not path.exists():
        raise LayerStoreError(f"No layer store at {path}; {_REBUILD_HINT}")
    if name not in list_layers(path=path):
        raise LayerStoreError(f"Layer {name!r} is not in {path.name}; {_REBUILD_HINT}")
    try:
        return pyogrio.read_dataframe(path, layer=name)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError,
            OSError, RuntimeError) as exc:
        raise _unreadable(path) from exc


def list_layers(*, path: Path = LAYERS_GPKG) -> list[str]:
    """Names of the tables in the store (empty when there is no store yet)."""
    if not path.exists():
        return []
    try:
        return [str(row[0]) for row in pyogrio.list_layers(path)]
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError, RuntimeError) as exc:
        raise _unreadable(path) from exc


def _unreadable(path: Path) -> LayerStoreError:
    """A store that exists but cannot be read: empty, cut short or overwritten. No server path in the message."""
    return LayerStoreError(f"The layer store {path.name} is damaged or empty and cannot be read; {_REBUILD_HINT}")
