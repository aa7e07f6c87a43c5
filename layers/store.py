"""The layer GeoPackage: one file, one table per layer, everything EPSG:4326.

Attribute-only layers (indicators, sections) are stored as tables without
geometry, which GeoPackage supports as plain "attributes" tables.
"""

from __future__ import annotations

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
