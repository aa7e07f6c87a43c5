"""Give extracted records a place on the map through the gazetteer.

A project gets the geometry of what it names: the place that *is* the project
(its own name) keeps that place's precision; a project located through a
place it merely mentions is at best `approximate`; a road "X路(A路-B路)" runs
between the points where X meets A and B when all three are located. Among the
places a project only mentions, a station its text names (…站, …站点, …站TOD,
…轨道TOD) comes first, then other named objects, and a 街道/镇 last: its point
is the unit's seat, so the project gets it as `approximate` with a note that
says so. `location_method` says which of these it was. What is left is known
only by the plan's district (`district`), with the reason.

The note is stored as names and codes (JSON in `location_note`, the method in
`location_method`); `view.location_words` words it in the reader's language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import substring

from geo.boundaries import county_units
from geo.gazetteer import Entry, Gazetteer
from geo.geoparse import find_places
from geo.precision import DRAWN, TOO_WIDE_TYPES, Precision
from geo.settings import NINGBO_DISTRICTS, STORAGE_CRS
from layers.plans import load_catalog, read_plan_text

#: Types whose point is the unit's seat, not the project: used last, and said so.
_SEAT_TYPES = {"town", "subdistrict"}
#: How a plan names a station after its name: 站, 站点, 站TOD, 轨道TOD, or just TOD.
_STATION_TAIL = r"(?:站\s*点|站\s*TOD|站|(?:轨道)?\s*TOD)"
#: `location_method` values: how the record's geometry was found.
LOCATION_METHODS = ("own_place", "road_extent", "mentioned_station", "mentioned_place",
                    "mentioned_seat", "members", "district_only")


@dataclass(frozen=True)
class Placement:
    """Where one record is, and how that is known."""

    geometry: shapely.Geometry | None
    precision: str
    place_ids: tuple[str, ...]
    #: What the reader is told about how it was placed, as names and codes (`view.location_words`
    #: words it): e.g. {"place": "潘火路站", "place_precision": "approximate", "place_method": "published",
    #: "sites": […]}.
    note: dict[str, Any]
    method: str = "district_only"


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
    frame["location_note"] = [note_json(p.note, method=p.method) for p in placements]
    frame["location_method"] = [p.method for p in placements]
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
    stations = _stations_named(str(row.get("quote") or ""), gazetteer)
    usable = [(n, e) for n, e in candidates if _usable(e)]
    own = [(n, e) for n, e in usable if n == own_name or e.name == own_name]
    if own:
        # The place that is the project itself beats places it only mentions.
        _, entry = own[0]
        note = _describe(entry)
        return Placement(entry.geometry, entry.precision, (entry.id,), note, "own_place")
    if stations:
        entry = stations[0]
        note = _describe(entry)
        return Placement(entry.geometry, Precision.APPROXIMATE, (entry.id,), note, "mentioned_station")
    specific = [(n, e) for n, e in usable if e.type not in _SEAT_TYPES]
    if specific:
        _, entry = specific[0]
        note = _describe(entry)
        return Placement(entry.geometry, Precision.APPROXIMATE, (entry.id,), note, "mentioned_place")
    if usable:
        _, entry = usable[0]
        if not isinstance(entry.geometry, Point):
            seat = "area"
        elif "geonames" in entry.source.lower():
            seat = "geonames"
        else:
            seat = "point"
        note = dict(_describe(entry), seat=seat)
        return Placement(entry.geometry, Precision.APPROXIMATE, (entry.id,), note, "mentioned_seat")
    return _district_only(row, candidates)


def _usable(entry: Entry) -> bool:
    return entry.located and entry.precision in DRAWN and entry.type not in TOO_WIDE_TYPES


def _stations_named(quote: str, gazetteer: Gazetteer) -> list[Entry]:
    """Located stations the quote names as a station (…站, …站点, …TOD, or in a 、-list before 站点), in text order.

    Only names with their 站/TOD tail count: a bare 五乡 is the town, 五乡站 or
    五乡站TOD the station.
    """
    if not quote:
        return []
    found: list[tuple[int, Entry]] = []
    for entry in _station_entries(gazetteer):
        for name in entry.names:
            stem = name.removesuffix("站")
            if len(stem) < 2:
                continue
            direct = re.search(re.escape(stem) + _STATION_TAIL, quote)
            listed = re.search(re.escape(stem) + r"、(?:[^、，,。；\s]{1,8}、)*[^、，,。；\s]{1,8}站\s*点", quote)
            hit = direct or listed
            if hit:
                found.append((hit.start(), entry))
                break
    found.sort(key=lambda pair: pair[0])
    out: list[Entry] = []
    for _, entry in found:
        if entry not in out:
            out.append(entry)
    return out


def _station_entries(gazetteer: Gazetteer) -> list[Entry]:
    return [e for e in gazetteer if e.type == "station" and _usable(e)]


def _place_structure(row: pd.Series, gazetteer: Gazetteer) -> Placement:
    candidates = _candidates(row, gazetteer, "members")
    usable = [e for _, e in candidates if e.located and e.precision in DRAWN
              and e.type not in TOO_WIDE_TYPES]
    if not usable:
        return _district_only(row, candidates)
    geometry = shapely.union_all([e.geometry for e in usable])
    precision = usable[0].precision if len(usable) == 1 else Precision.APPROXIMATE
    note = {"members": [e.name for e in usable]} if len(usable) > 1 else _describe(usable[0])
    return Placement(geometry, precision, tuple(e.id for e in usable), note, "members")


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
    d1 = line.project(shapely.centroid(a[0].geometry))  # a point's centroid is the point
    d2 = line.project(shapely.centroid(b[0].geometry))
    segment = substring(line, min(d1, d2), max(d1, d2))
    note = {"road": road.name, "from": start_name, "to": end_name}
    return Placement(segment, Precision.APPROXIMATE, (road.id, a[0].id, b[0].id), note, "road_extent")


def _located_line(gazetteer: Gazetteer, name: str, district: str | None) -> Entry | None:
    for entry in gazetteer.lookup(name, district=district) if name else []:
        if entry.geometry is not None and entry.geometry.geom_type in ("LineString", "MultiLineString"):
            return entry
    return None


def _district_only(row: pd.Series, candidates: list[tuple[str, Entry]]) -> Placement:
    adcode = str(row.get("district_adcode") or "")
    # A plan's district outside 宁波市 is named from the boundary data's index.
    unit = county_units().get(adcode)
    district = NINGBO_DISTRICTS.get(adcode) or (unit.name if unit else adcode)
    unlocated = [e.name for _, e in candidates if e.precision not in DRAWN
                 and e.type not in TOO_WIDE_TYPES]
    note = {"district": district, "unlocated": unlocated}
    ids = tuple(e.id for _, e in candidates)
    return Placement(None, Precision.DISTRICT, ids, note, "district_only")


_URL_RE = re.compile(r"https?://[^\s)（）,，]+")


def _describe(entry: Entry) -> dict[str, Any]:
    """The borrowed place's name, precision and method codes and the sites its source cites (not its prose)."""
    return {"place": entry.name, "place_precision": entry.precision, "place_method": entry.method,
            "sites": source_sites(entry.source)}


def note_json(note: dict[str, Any], *, method: str) -> str:
    """The stored `location_note`: the note's names and codes, and the `location_method`, as JSON.

    The method rides along so a table of records alone (the curation queue) can be worded.
    """
    return json.dumps(dict(note, location_method=method), ensure_ascii=False, sort_keys=True)


def source_sites(source: str) -> list[str]:
    """The web sites a gazetteer source cites (host names, in order), without its English prose."""
    hosts = [urlsplit(u).hostname or "" for u in _URL_RE.findall(source or "")]
    return list(dict.fromkeys(h.removeprefix("www.").rstrip(".") for h in hosts if h))
