"""What is planned near a place: projects within a radius, nearest first.

Distances are ground distances in metres from the point to the *nearest
point* of each project's geometry (a road's closest stretch, an area's edge),
computed in UTM 51N where the scale error over Ningbo is below 0.04 %.
Projects known only by district are never ranked as if near; they are
returned apart, for the districts the circle touches.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.address import is_point, not_a_point, resolve_address, strip_filler
from geo.crs import to_metric
from geo.errors import GeoError, UnknownPlaceError
from geo.geocode import default_gazetteer, locate, unknown_place_message
from geo.names import normalise_query
from geo.settings import NINGBO_DISTRICTS, STORAGE_CRS
from layers.categories import category
from layers.errors import LayersError
from layers.projects import actual_projects
from layers.store import read_layer
from layers.styles import PRECISION_LABELS

MIN_RADIUS_M = 100
MAX_RADIUS_M = 20_000
_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,，]\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Origin:
    """Where the search is centred: a WGS84 point and what it was called."""

    label: str
    lon: float
    lat: float
    precision: str = "exact"
    source: str = ""
    #: For a typed address: the words it contained that no gazetteer place
    #: covers ("100号"), so the page can say they were not used.
    unplaced: str = ""


@dataclass
class Nearby:
    """The answer: ranked projects within the radius and district-only ones apart."""

    origin: Origin
    radius_m: float
    within: pd.DataFrame
    district_only: pd.DataFrame
    counts: dict[str, int] = field(default_factory=dict)
    #: Projects drawn only at a place their text *mentions* (`location_method` "mentioned_…"),
    #: whose mentioned place lies within the radius: not ranked as near, listed apart with
    #: `via` (the mentioned place's name) and `via_distance_m` (its distance, not theirs).
    inferred: pd.DataFrame = field(default_factory=pd.DataFrame)

    def summary(self, *, lang: str = "zh") -> str:
        """One plain sentence, e.g. "2 公里内有 12 个项目：道路桥梁 5 个、学校教育 3 个…"."""
        n = len(self.within)
        dist = format_distance(self.radius_m, lang=lang)
        if lang == "en":
            parts = ", ".join(f"{c} {category(k).en.lower()}" for k, c in self.counts.items())
            return f"{n} projects within {dist}" + (f": {parts}" if parts else "")
        parts = "、".join(f"{category(k).zh} {c} 个" for k, c in self.counts.items())
        return f"{dist}内有 {n} 个项目" + (f"：{parts}" if parts else "")


def projects_near(projects: gpd.GeoDataFrame, origin: Origin, *, radius_m: float,
                  districts: gpd.GeoDataFrame | None = None) -> Nearby:
    """Projects whose geometry comes within `radius_m` metres of `origin`, nearest first.

    Parameters
    ----------
    projects
        The `projects` layer (EPSG:4326) with `precision` and `category`.
    origin
        The centre, WGS84.
    radius_m
        Search radius in metres, between `MIN_RADIUS_M` and `MAX_RADIUS_M`.
    districts
        The `districts` layer; projects known only by district are listed for
        the districts the circle touches. Without it, none are listed.
    """
    if not MIN_RADIUS_M <= radius_m <= MAX_RADIUS_M:
        raise LayersError(f"radius must be between {MIN_RADIUS_M} and {MAX_RADIUS_M} m, not {radius_m:g}")
    centre = to_metric(gpd.GeoSeries([Point(origin.lon, origin.lat)], crs=STORAGE_CRS)).iloc[0]
    projects = actual_projects(projects)
    drawn = projects[projects["precision"].isin(["exact", "approximate"])
                     & projects.geometry.notna() & ~projects.geometry.is_empty]
    metric = _own_section(drawn, to_metric(drawn.geometry), districts)
    distances = metric.distance(centre)
    near = drawn.assign(distance_m=distances.round(0)).loc[distances <= radius_m]
    near = near.sort_values(["distance_m", "name"], kind="stable")
    near = pd.DataFrame(near.drop(columns="geometry"))
    borrowed = (near["location_method"].astype(str).str.startswith("mentioned_") if "location_method" in near.columns
                else pd.Series(False, index=near.index))
    within = near.loc[~borrowed].reset_index(drop=True)
    inferred = near.loc[borrowed].rename(columns={"distance_m": "via_distance_m"}).reset_index(drop=True)
    inferred["via"] = [_first_place_name(ids) for ids in inferred.get("place_ids", pd.Series(dtype=str))]
    counts = within["category"].value_counts().to_dict() if len(within) else {}
    district_only = _district_only(projects, centre, radius_m, districts)
    return Nearby(origin, radius_m, within, district_only, counts, inferred)


def projects_in_districts(projects: gpd.GeoDataFrame, adcodes: list[str]) -> pd.DataFrame:
    """Every project of the given districts (no geometry), best-located first, then by name.

    The answer for a place that is not a point (a 区, or a place known only by
    its district): what the plans hold for that district, without distances.
    """
    order = {"exact": 0, "approximate": 1, "district": 2, "unlocated": 3}
    rows = pd.DataFrame(actual_projects(projects).drop(columns="geometry"))
    rows = rows[rows["district_adcode"].astype(str).isin([str(a) for a in adcodes])]
    rows = rows.assign(_rank=rows["precision"].map(order).fillna(9))
    return rows.sort_values(["_rank", "name"], kind="stable").drop(columns="_rank").reset_index(drop=True)


def plan_districts(projects: gpd.GeoDataFrame) -> list[str]:
    """The adcodes of the districts the plans cover (those with projects), in order."""
    return sorted(set(projects["district_adcode"].astype(str)) & set(NINGBO_DISTRICTS))


def located_alternatives(name: str, *, limit: int = 5) -> list[str]:
    """Located gazetteer places whose name contains `name`'s core ("钟公庙" → 钟公庙站).

    Offered when the typed place itself is not a point; never a guess that they
    are the same place.
    """
    gazetteer = default_gazetteer()
    core = re.sub(r"(街道|镇|乡|村|社区|新城|区块)$", "", name) or name
    found = []
    for candidate in sorted(gazetteer.names(), key=len):
        if core in candidate and candidate != name:
            entry = locate(candidate, gazetteer=gazetteer)
            if entry is not None and is_point(entry) and entry.name not in found:
                found.append(entry.name)
    return found[:limit]


def resolve_origin(query: str, *, district: str | None = None) -> Origin:
    """A place name, an address or "lat,lon" → the search centre.

    A name the gazetteer has (whole or as a unique part) wins; otherwise an
    address stands for the most specific located place it names
    (`geo.address`). Raises `UnknownPlaceError` with close names when nothing
    is recognised, and `NotAPointError` (an `AddressTooWideError`) for a 市/区,
    a place known only by its district or not located yet: such a place has
    no point to measure from, and the error says which district it is in.
    """
    text = query.strip()
    if not text:
        raise UnknownPlaceError("Type a place name, e.g. 慈城, or click the map")
    point = parse_lat_lon(text)
    if point:
        lat, lon = point
        if not in_ningbo(lat, lon):
            raise GeoError(f"{text} is not in 宁波 (expected latitude,longitude such as 29.90,121.55)")
        return Origin(f"{lat:.5f}, {lon:.5f}", lon, lat, "exact", "coordinates given")
    gazetteer = default_gazetteer()
    text = strip_filler(normalise_query(text))
    found = locate(text, district=district, gazetteer=gazetteer)
    if found is None:
        found = _partial_match(text, gazetteer, district)
    if found is None:
        address = resolve_address(text, gazetteer=gazetteer, district=district)
        if address is not None:
            place = address.place
            if place.lon is None or place.lat is None:  # resolve_address returns drawn places only
                raise not_a_point(place, asked=text)
            return Origin(place.name, place.lon, place.lat, place.precision, place.source, address.unplaced)
        raise UnknownPlaceError(unknown_place_message(text, gazetteer))
    if not is_point(found) or found.lon is None or found.lat is None:
        raise not_a_point(found, asked=text)
    return Origin(found.name, found.lon, found.lat, found.precision, found.source)


def parse_lat_lon(text: str) -> tuple[float, float] | None:
    """"29.90,121.55" (or with a full-width comma) → (lat, lon); None for anything else."""
    match = _LATLON.match(text)
    return (float(match.group(1)), float(match.group(2))) if match else None


def in_ningbo(lat: float, lon: float) -> bool:
    """Whether a point lies in and around 宁波 (a generous box, for telling typos from places)."""
    return 28.5 < lat < 31 and 120.5 < lon < 122.6


def format_distance(metres: float, *, lang: str = "zh") -> str:
    """"850 m" below a kilometre, "1.2 km" above (公里/米 in Chinese)."""
    if metres < 1000:
        return f"{metres:.0f} 米" if lang == "zh" else f"{metres:.0f} m"
    km = f"{metres / 1000:.1f}".rstrip("0").rstrip(".")
    return f"{km} 公里" if lang == "zh" else f"{km} km"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers nearby",
                                     description="Projects planned near a place, nearest first.")
    parser.add_argument("place", help="a place name (慈城, 宁波大学 …), an address or 'lat,lon'")
    parser.add_argument("--radius", type=float, default=2000, help="metres (default 2000)")
    parser.add_argument("--district", help="district to prefer for ambiguous names (江北区 or 330205)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        origin = resolve_origin(args.place, district=args.district)
        result = projects_near(read_layer("projects"), origin, radius_m=args.radius,
                               districts=read_layer("districts"))
    except (GeoError, LayersError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = [
        {"id": r.id, "name": r.name, "category": r.category, "distance_m": int(r.distance_m),
         "precision": r.precision}
        for r in result.within.itertuples()
    ]
    if args.json:
        print(json.dumps({
            "origin": {"name": origin.label, "lon": origin.lon, "lat": origin.lat,
                       "precision": origin.precision, "unplaced": origin.unplaced},
            "radius_m": args.radius, "projects": rows,
            "district_only": [{"id": r.id, "name": r.name, "district": r.district}
                              for r in result.district_only.itertuples()],
        }, ensure_ascii=False, indent=2))
    else:
        print(f"{origin.label} ({origin.lat:.5f}, {origin.lon:.5f}) — {result.summary()}")
        if origin.unplaced:
            print(f"（地址中的“{origin.unplaced}”无法离线定位，已按“{origin.label}”查找；"
                  f"位置精度：{PRECISION_LABELS['zh'].get(origin.precision, origin.precision)}）")
        for row in rows:
            print(f"{format_distance(row['distance_m']):>9}  {row['name']}  [{row['category']}, {row['precision']}]")
        if len(result.district_only):
            print(f"另有 {len(result.district_only)} 个项目仅知所在区（不计入附近）")
    return 0


def _district_only(projects: gpd.GeoDataFrame, centre: Point, radius_m: float,
                   districts: gpd.GeoDataFrame | None) -> pd.DataFrame:
    columns = ["id", "name", "category", "district", "doc_id"]
    if districts is None:
        return pd.DataFrame(columns=columns)
    circle = centre.buffer(radius_m)
    touched = [code for code, geom in zip(districts["adcode"], to_metric(districts.geometry))
               if geom.intersects(circle)]
    only = projects[projects["precision"].eq("district") & projects["district_adcode"].astype(str).isin(touched)]
    out = pd.DataFrame(only.drop(columns="geometry"))
    out["district"] = out["district_adcode"].astype(str).map(NINGBO_DISTRICTS)
    return out.reindex(columns=[*columns, *[c for c in out.columns if c not in columns]]).reset_index(drop=True)


_SECTION_RE = re.compile(r"(" + "|".join(n[:-1] for n in NINGBO_DISTRICTS.values()) + r")段")


def _own_section(drawn: gpd.GeoDataFrame, metric: gpd.GeoSeries,
                 districts: gpd.GeoDataFrame | None) -> gpd.GeoSeries:
    """A "…鄞州段" project measured on the part of its line inside that district.

    Such a project is drawn with the whole line it is a section of; its own
    extent is what lies in the named district, so a point on the line in
    another district is not "0 m" from it.
    """
    if districts is None or not len(drawn):
        return metric
    shapes = dict(zip(districts["name"].astype(str), to_metric(districts.geometry)))
    out = metric.copy()
    for index, name in drawn["name"].astype(str).items():
        match = _SECTION_RE.search(name)
        area = shapes.get(f"{match.group(1)}区") if match else None
        if area is not None and not out[index].is_empty:
            clipped = out[index].intersection(area)
            out[index] = clipped if not clipped.is_empty else out[index]
    return out


def _first_place_name(place_ids: str) -> str:
    first = str(place_ids or "").split("|")[0]
    try:
        return default_gazetteer().get(first).name if first else ""
    except LookupError:
        return first


def _partial_match(text: str, gazetteer, district: str | None):
    """A unique gazetteer name containing the query ("文创" → 宁波文创港)."""
    names = [n for n in gazetteer.names() if text in n]
    located = []
    for name in sorted(names, key=len):
        entry = locate(name, district=district, gazetteer=gazetteer)
        if entry is not None and entry.lon is not None:
            located.append(entry)
    return located[0] if located else None
