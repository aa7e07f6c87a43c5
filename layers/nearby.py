"""What is planned near a place: projects within a radius, nearest first.

Distances are ground distances in metres from the point to the *nearest
point* of each project's geometry (a road's closest stretch, an area's edge),
computed in UTM 51N where the scale error over Ningbo is below 0.04 %.
Projects known only by district are never ranked as if near; they are
returned apart, for the districts the circle touches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.crs import to_metric
from geo.geocode import Located, default_gazetteer
from geo.precision import DRAWN, PRECISIONS, Precision, rank
from geo.settings import NINGBO_DISTRICTS, STORAGE_CRS
from layers.errors import LayersError
from layers.projects import actual_projects

MIN_RADIUS_M = 100
MAX_RADIUS_M = 20_000


@dataclass
class Nearby:
    """The answer: ranked projects within the radius and district-only ones apart."""

    origin: Located
    radius_m: float
    within: pd.DataFrame
    district_only: pd.DataFrame
    counts: dict[str, int] = field(default_factory=dict)
    #: Projects drawn only at a place their text *mentions* (`location_method` "mentioned_…"),
    #: whose mentioned place lies within the radius: not ranked as near, listed apart with
    #: `via` (the mentioned place's name) and `via_distance_m` (its distance, not theirs).
    inferred: pd.DataFrame = field(default_factory=pd.DataFrame)


def projects_near(projects: gpd.GeoDataFrame, origin: Located, *, radius_m: float,
                  districts: gpd.GeoDataFrame | None = None) -> Nearby:
    """Projects whose geometry comes within `radius_m` metres of `origin`, nearest first.

    Parameters
    ----------
    projects
        The `projects` layer (EPSG:4326) with `precision` and `category`.
    origin
        The centre, WGS84 (what `geo.query.QueryResolver` resolved, or `Resolved.at` a point).
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
    drawn = projects[projects["precision"].isin(DRAWN)
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
    order = {p: rank(p) for p in PRECISIONS}
    rows = pd.DataFrame(actual_projects(projects).drop(columns="geometry"))
    rows = rows[rows["district_adcode"].astype(str).isin([str(a) for a in adcodes])]
    rows = rows.assign(_rank=rows["precision"].map(order).fillna(9))
    return rows.sort_values(["_rank", "name"], kind="stable").drop(columns="_rank").reset_index(drop=True)


def plan_districts(projects: gpd.GeoDataFrame) -> list[str]:
    """The adcodes of the districts the plans cover (those with projects), in order."""
    return sorted(set(projects["district_adcode"].astype(str)) & set(NINGBO_DISTRICTS))


def _district_only(projects: gpd.GeoDataFrame, centre: Point, radius_m: float,
                   districts: gpd.GeoDataFrame | None) -> pd.DataFrame:
    columns = ["id", "name", "category", "district", "doc_id"]
    if districts is None:
        return pd.DataFrame(columns=columns)
    circle = centre.buffer(radius_m)
    touched = [code for code, geom in zip(districts["adcode"], to_metric(districts.geometry))
               if geom.intersects(circle)]
    only = projects[projects["precision"].eq(Precision.DISTRICT) & projects["district_adcode"].astype(str).isin(touched)]
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
