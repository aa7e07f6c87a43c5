"""Match a source's candidates to gazetteer entries, and decide what may be applied without review.

A candidate becomes a suggestion for an entry only when its name matches after
normalisation, it lies in the entry's district, its kind fits the entry's type
(a town seat is not a lake; a hospital polygon is for a hospital) and a
polygon is big enough to be the site rather than one building. A suggestion
is `unambiguous` (exactly one candidate, exact name, near any location the
entry already has) or `ambiguous` (several candidates, a prefixed name, far
from the current location): ambiguous ones wait for an editor. Entries whose
candidates all fail get `rejected`, with each candidate's reason, so the
editor sees why nothing was offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely

from geo import crs
from geo.boundaries import in_district
from geo.gazetteer import Entry, Gazetteer
from geo.names import normalise_query
from geo.precision import PRECISIONS, Precision
from geo.settings import NINGBO_ADCODE, NINGBO_DISTRICTS, STORAGE_CRS
from geo.sources.base import Candidate, PlaceSource

STATUSES = ("unambiguous", "ambiguous", "rejected")
#: Administrative prefixes a plan or a source may or may not write (宁波市江北区…).
#: A bare 宁波 is *not* stripped: 宁波绿地中心 for 绿地中心 must stay a case for review.
_PREFIX = re.compile(r"^(?:浙江省)?(?:宁波市)?(?:(?:江北|鄞州|海曙|镇海|北仑|奉化)区)?")
#: Suffixes of administrative units, stripped when at least two characters remain.
_SUFFIXES = ("街道", "社区", "镇", "乡", "村")
#: Which candidate kinds fit which gazetteer types. A seat (GeoNames) only fits
#: a 乡镇/街道 entry; polygons fit the objects they outline.
KIND_FITS: dict[str, frozenset[str]] = {
    "seat": frozenset({"town", "subdistrict"}),
    "hospital": frozenset({"hospital"}),
    "school": frozenset({"school"}),
    "commercial": frozenset({"landmark", "area", "venue", "industrial_park", "new_town",
                             "development_zone", "hub", "other"}),
    "station": frozenset({"station"}),
}
#: Smallest polygon (m²) taken as the site of a school, hospital or area: the
#: OSM 宁波大学 is 337 m² (one building or a mapped point), real campuses and
#: centres in the extract are 4,700 m² and more.
MIN_SITE_AREA_M2 = 2000.0
#: A candidate this far (m) from where the entry already is needs review.
FAR_APART_M = 2000.0


@dataclass(frozen=True)
class Suggestion:
    """What one source offers for one gazetteer entry.

    `candidates` are those that passed the checks (one for `unambiguous`);
    `refused` are (candidate, reason) pairs that failed one.
    """

    place_id: str
    place_name: str
    source_key: str
    status: str
    reason: str
    candidates: tuple[Candidate, ...] = ()
    refused: tuple[tuple[Candidate, str], ...] = field(default=())


def normalise(name: str) -> str:
    """The form names are compared in: simplified, no spaces, no 宁波市/区 prefix, no 镇/街道/乡/村/社区 suffix."""
    text = normalise_query(name)
    stripped = _PREFIX.sub("", text)
    text = stripped if len(stripped) >= 2 else text
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            return text[: -len(suffix)]
    return text


def suggest_all(gazetteer: Gazetteer, source: PlaceSource, *, entries: Iterable[Entry] | None = None) -> list[Suggestion]:
    """One suggestion per entry that the source has any candidate for, in gazetteer order."""
    out = []
    for entry in entries if entries is not None else gazetteer:
        suggestion = suggest_for(entry, source)
        if suggestion is not None:
            out.append(suggestion)
    return out


def suggest_for(entry: Entry, source: PlaceSource) -> Suggestion | None:
    """The suggestion of `source` for `entry`, or None when it has no candidate or nothing better."""
    offered: dict[tuple[str, str], Candidate] = {}
    for name in entry.names:
        for candidate in source.candidates(name, district=entry.adcode or None):
            if candidate.source_key == "gazetteer" and candidate.feature_id == entry.id:
                continue  # the entry itself
            offered.setdefault((candidate.source_key, candidate.feature_id or candidate.source), candidate)
    if not offered:
        return None
    best_rank = min(PRECISIONS.index(c.precision) for c in offered.values())
    if entry.located and PRECISIONS.index(entry.precision) <= best_rank:
        return None  # already as good as anything this source has
    passed, refused = [], []
    for candidate in offered.values():
        problem = candidate_problem(entry, candidate)
        if problem:
            refused.append((candidate, problem))
        else:
            passed.append(candidate)
    base: dict[str, Any] = dict(place_id=entry.id, place_name=entry.name, source_key=source.key, refused=tuple(refused))
    if not passed:
        reasons = "; ".join(f"{c.name}: {why}" for c, why in refused)
        return Suggestion(status="rejected", reason=reasons, **base)
    status, reason = _status(entry, passed)
    return Suggestion(status=status, reason=reason, candidates=tuple(passed), **base)


def candidate_problem(entry: Entry, candidate: Candidate) -> str | None:
    """Why `candidate` cannot be `entry` (wrong district, kind or size), or None."""
    kind = candidate.extra.get("kind") or candidate.type or ""
    fits = KIND_FITS.get(kind)
    if fits is not None and entry.type not in fits:
        what = "a 乡镇/街道 seat" if kind == "seat" else f"a {kind} feature"
        return f"{what} is not a {entry.type} (kind does not fit)"
    if fits is None and candidate.type and candidate.type != entry.type:
        return f"a {candidate.type} is not a {entry.type} (kind does not fit)"
    area = candidate.extra.get("area_m2")
    if area and kind in ("school", "hospital", "commercial") and float(area) < MIN_SITE_AREA_M2:
        return (f"polygon of {float(area):.0f} m² is too small to be the site of this {entry.type} "
                "(a building or a mapped point, not the campus)")
    outside = _outside_district(entry, candidate)
    if outside:
        return outside
    return None


def distance_m(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """Distance in metres between two WGS84 geometries (0 when they touch)."""
    metric = crs.to_metric(gpd.GeoSeries([a, b], crs=STORAGE_CRS))
    return float(metric.iloc[0].distance(metric.iloc[1]))


def _spread_m(points: list[shapely.Point]) -> float:
    """Largest distance (m) between any two of the points, in the metric CRS."""
    metric = crs.to_metric(gpd.GeoSeries(points, crs=STORAGE_CRS))
    xy = np.column_stack([metric.x.to_numpy(), metric.y.to_numpy()])
    return float(np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1)).max())


def _status(entry: Entry, passed: list[Candidate]) -> tuple[str, str]:
    if len(passed) > 1:
        spread = _spread_m([c.point for c in passed])
        return "ambiguous", f"{len(passed)} candidates, up to {spread:.0f} m apart: an editor chooses"
    candidate = passed[0]
    if not candidate.matched.startswith(("exact", "Chinese alternate name", "station name", "canonical", "alias")):
        return "ambiguous", f"{candidate.matched}: an editor confirms"
    if entry.located and entry.precision == Precision.APPROXIMATE:
        far = distance_m(candidate.geometry, entry.geometry)
        if far > FAR_APART_M:
            return "ambiguous", f"{far:.0f} m from the entry's current location: an editor confirms"
    return "unambiguous", f"one candidate, {candidate.matched}, in {entry.adcode}, kind fits"


def _outside_district(entry: Entry, candidate: Candidate) -> str | None:
    adcode = entry.adcode
    if not adcode:
        return "the entry has no district to check against"
    if adcode != NINGBO_ADCODE and adcode not in NINGBO_DISTRICTS:
        return f"the entry lies outside 宁波市 ({adcode}); public extracts cover 宁波 only"
    if not in_district(candidate.point, adcode):  # with geo.boundaries.DISTRICT_TOLERANCE_M
        return f"lies outside {NINGBO_DISTRICTS.get(adcode, '宁波市')} ({adcode})"
    return None


