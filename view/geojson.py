"""Compact GeoJSON for the browser: coordinates rounded to ~1 m, optional
simplification. Shared by every map so pages stay small."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import shapely

#: ~1 m at Ningbo's latitude: finer than anything the plans say.
COORD_DECIMALS = 5


def geometry_json(geom: shapely.Geometry, *, simplify_deg: float | None = None) -> dict[str, Any]:
    """A geometry as a GeoJSON dict, rounded; lines and areas simplified if asked."""
    if simplify_deg and geom.geom_type not in ("Point", "MultiPoint"):
        geom = geom.simplify(simplify_deg, preserve_topology=True)
    return _round(shapely.geometry.mapping(geom))


def feature_collection(frame: gpd.GeoDataFrame, *, properties: Iterable[str],
                       simplify_deg: float | None = None) -> dict[str, Any]:
    """A GeoDataFrame as a GeoJSON FeatureCollection with only `properties` kept.

    Rounding alone keeps neighbours' shared vertices identical, so a coverage
    (district boundaries) stays free of gaps.
    """
    keep = list(properties)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {k: row[k] for k in keep},
             "geometry": geometry_json(row.geometry, simplify_deg=simplify_deg)}
            for _, row in frame.iterrows() if row.geometry is not None and not row.geometry.is_empty
        ],
    }


def _round(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, COORD_DECIMALS)
    if isinstance(obj, (list, tuple)):
        return [_round(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    return obj
