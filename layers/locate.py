"""Give extracted records a place on the map through the gazetteer.

A project gets the geometry of what it names: the place that *is* the project
(its own name) keeps that place's precision; a project located through a
place it merely mentions is at best `approximate`; a road "X路(A路-B路)" runs
between the points where X meets A and B when all three are located. What is
left is known only by the plan's district (`district`), with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import substring

from geo.gazetteer import Entry, Gazetteer
from geo.geoparse import find_places
from geo.settings import NINGBO_DISTRICTS, STORAGE_CRS
from layers.plans import load_catalog, read_plan_text

#: Best first: what a record's precision can be.
PRECISION_ORDER = ("exact", "approximate", "district", "unlocated")
_URL_RE = re.compile(r"https?://[^\s)（）,，]+")
#: Types that say only which district something is in.
_DISTRICT_TYPES = {"district", "city"}


@dataclass(frozen=True)
class Placement:
    """Where one record is, and how that is known."""

    geometry: shapely.Geometry | None
    precision: str
    place_ids: tuple[str, ...]
    note: str
    #: How the geometry relates to the record, as a code `ui/` words (see `LOCATION_BASES`).
    basis: str = "district"


#: `location_basis` codes: the geometry is the place that *is* the record ("own"), a place its
#: text only mentions ("mentioned", borrowed: never the record's own distance), a road stretch
#: between two named roads ("road_extent"), the union of a structure's members ("members"), or
#: there is none ("district").
LOCATION_BASES = ("own", "mentioned", "road_extent", "members", "district")


def locate_records(records: pd.DataFrame, *, gazetteer: Gazetteer, kind: str) -> gpd.GeoDataFrame:
    """Add geometry, `precision`, `place_ids` and `location_note` to extracted records.

    Parameters
    ----------
    records
        `projects` or `structures` from `layers.extract` (with `quote`, `name`,
        `places` or `members`, `district_adcode`).
    kind
        "projects" or "structures": structures are drawn from all their members.
    """
    placements = [
        _place_structure(row, gazetteer) if kind == "structures" else _place_project(row, gazetteer)
        for _, row in records.iterrows()
    ]
    frame = records.copy()
    frame["precision"] = [p.precision for p in placements]
    frame["place_ids"] = ["|".join(p.place_ids) for p in placements]
    frame["location_note"] = [p.note for p in placements]
    frame["location_basis"] = [p.basis for p in placements]
    return gpd.GeoDataFrame(frame, geometry=[p.geometry for p in placements], crs=STORAGE_CRS)


def places_layer(gazetteer: Gazetteer) -> gpd.GeoDataFrame:
    """Every gazetteer entry (unlocated ones with an empty geometry), EPSG:4326."""
    frame = gazetteer.frame.copy()
    return frame.set_crs(STORAGE_CRS, allow_override=True)


def mentioned_places(*, gazetteer: Gazetteer) -> pd.DataFrame:
    """The distinct gazetteer places the documents name, with how often and where first."""
    rows = []
    for plan in load_catalog():
        text = read_plan_text(plan.id)
        for m in find_places(text, gazetteer=gazetteer, district=plan.adcode):
            rows.append({"id": m.id, "doc_id": plan.id, "start": m.start})
    if not rows:
        return pd.DataFrame(columns=["id", "name", "precision", "mentions", "documents"])
    hits = pd.DataFrame(rows)
    grouped = hits.groupby("id").agg(mentions=("start", "size"), documents=("doc_id", "nunique")).reset_index()
    grouped["name"] = [gazetteer.get(i).name for i in grouped["id"]]
    grouped["precision"] = [gazetteer.get(i).precision for i in grouped["id"]]
    return grouped.sort_values(["precision", "mentions"], ascending=[True, False]).reset_index(drop=True)


def _candidates(row: pd.Series, gazetteer: Gazetteer, names_column: str) -> list[tuple[str, Entry]]:
    """(name as written, entry) for the record's listed names, then its quote's mentions."""
    district = str(row.get("district_adcode") or "") or None
    seen: set[str] = set()
    found: list[tuple[str, Entry]] = []
    listed = [n for n in str(row.get(names_column) or "").split("|") if n]
    for name in listed:
        matches = gazetteer.lookup(name, district=district)
        if matches and matches[0].id not in seen:
            seen.add(matches[0].id)
            found.append((name, matches[0]))
    for mention in find_places(str(row.get("quote") or ""), gazetteer=gazetteer, district=district):
        if mention.id not in seen:
            seen.add(mention.id)
            found.append((mention.name, gazetteer.get(mention.id)))
    return found


def _place_project(row: pd.Series, gazetteer: Gazetteer) -> Placement:
    candidates = _candidates(row, gazetteer, "places")
    own_name = str(row.get("name") or "")
    road = _road_extent(row, gazetteer)
    if road is not None:
        return road
    usable = [(n, e) for n, e in candidates if e.located and e.precision in ("exact", "approximate")
              and e.type not in _DISTRICT_TYPES]
    if usable:
        # The place that is the project itself beats places it only mentions.
        own = [(n, e) for n, e in usable if n == own_name or e.name == own_name]
        name, entry = (own or usable)[0]
        precision = entry.precision if own else "approximate"
        how = "是该项目本身" if own else "项目文字提到的地点"
        note = f"{entry.name}（{how}；{_describe(entry)}）"
        return Placement(entry.geometry, precision, (entry.id,), note, "own" if own else "mentioned")
    return _district_only(row, candidates)


def _place_structure(row: pd.Series, gazetteer: Gazetteer) -> Placement:
    candidates = _candidates(row, gazetteer, "members")
    usable = [e for _, e in candidates if e.located and e.precision in ("exact", "approximate")
              and e.type not in _DISTRICT_TYPES]
    if not usable:
        return _district_only(row, candidates)
    geometry = shapely.union_all([e.geometry for e in usable])
    precision = usable[0].precision if len(usable) == 1 else "approximate"
    names = "、".join(e.name for e in usable)
    note = f"由成员地点绘制：{names}" if len(usable) > 1 else f"{usable[0].name}（{_describe(usable[0])}）"
    return Placement(geometry, precision, tuple(e.id for e in usable), note, "members" if len(usable) > 1 else "own")


def _road_extent(row: pd.Series, gazetteer: Gazetteer) -> Placement | None:
    """"X路(A路-B路)": the stretch of X between A and B, when all three are located."""
    start_name, end_name = str(row.get("extent_from") or ""), str(row.get("extent_to") or "")
    if not (start_name and end_name):
        return None
    district = str(row.get("district_adcode") or "") or None
    road = _located_line(gazetteer, str(row.get("name") or ""), district)
    a = gazetteer.lookup(start_name, district=district)
    b = gazetteer.lookup(end_name, district=district)
    if road is None or not (a and a[0].located and b and b[0].located):
        return None
    line = road.geometry if isinstance(road.geometry, LineString) else shapely.line_merge(road.geometry)
    if not isinstance(line, LineString):
        return None
    d1 = line.project(a[0].geometry.centroid if not isinstance(a[0].geometry, Point) else a[0].geometry)
    d2 = line.project(b[0].geometry.centroid if not isinstance(b[0].geometry, Point) else b[0].geometry)
    segment = substring(line, min(d1, d2), max(d1, d2))
    note = f"{road.name}在{start_name}与{end_name}之间的路段（由道路与两端道路的位置推算）"
    return Placement(segment, "approximate", (road.id, a[0].id, b[0].id), note, "road_extent")


def _located_line(gazetteer: Gazetteer, name: str, district: str | None) -> Entry | None:
    for entry in gazetteer.lookup(name, district=district) if name else []:
        if entry.located and entry.geometry.geom_type in ("LineString", "MultiLineString"):
            return entry
    return None


def _district_only(row: pd.Series, candidates: list[tuple[str, Entry]]) -> Placement:
    adcode = str(row.get("district_adcode") or "")
    district = NINGBO_DISTRICTS.get(adcode, adcode)
    unlocated = [e.name for _, e in candidates if e.precision in ("unlocated", "district")
                 and e.type not in _DISTRICT_TYPES]
    if unlocated:
        reason = f"提到的地点尚无坐标：{'、'.join(unlocated)}"
    else:
        reason = "文字未提到可定位的地点"
    note = f"仅知在{district}（{reason}）"
    ids = tuple(e.id for _, e in candidates)
    return Placement(None, "district", ids, note, "district")


#: Chinese words for the gazetteer's precision and method codes in the stored note (the app
#: words notes itself from `location_basis`/`place_ids`; this prose is for the CLI and exports).
_PRECISION_WORDS = {"exact": "精确位置", "approximate": "近似位置", "district": "仅知所在区", "unlocated": "未定位"}
_METHOD_WORDS = {"published": "公开坐标", "derived_boundaries": "由行政区界推算", "digitized": "按描述绘制",
                 "computed_members": "由组成部分推算", "district_only": "仅知所在区", "none": "无"}


def _describe(entry: Entry) -> str:
    precision = _PRECISION_WORDS.get(entry.precision, entry.precision)
    method = _METHOD_WORDS.get(entry.method, entry.method)
    sites = _source_sites(entry.source)
    return f"{precision}，{method}" + (f"，来源网站：{'、'.join(sites)}" if sites else "")


def _source_sites(source: str) -> list[str]:
    """The web sites a gazetteer source cites (host names, in order), without its English prose."""
    hosts = [urlsplit(u).hostname or "" for u in _URL_RE.findall(source or "")]
    return list(dict.fromkeys(h.removeprefix("www.").rstrip(".") for h in hosts if h))
