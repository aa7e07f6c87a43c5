"""The public extracts shipped in `data/sources/` as place sources: GeoNames seats, OSM polygons, metro stations.

Each source reads its pinned file once, offers candidates by exact
(normalised) name, and names the very row it used (file, row, feature id) and
the licence. The traps of each dataset (data/sources/README.md) are handled
here where they are facts about the data (GeoNames' outdated 镇 labels, a
seat being a seat) and in `geo.sources.matching` where they are rules about
what may be applied (kind and size checks, prefixed names).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapely
from shapely import wkt as shapely_wkt

from geo import crs
from geo.errors import SourceError
from geo.names import normalise_query
from geo.precision import Precision
from geo.settings import DATA_DIR
from geo.gazetteer import Gazetteer
from geo.sources.base import Candidate, PlaceSource
from geo.sources.matching import distance_m, normalise

SOURCES_DIR: Path = DATA_DIR / "sources"
GEONAMES_FILE = "geonames_cities500_ningbo.csv"
OSM_FILE = "osm_nignbohub_jiangbei_yinzhou.csv"
UNITS_FILE = "areacity_units_jiangbei_yinzhou.csv"
METRO_FILE = "metromancn_nb_stations.csv"

GEONAMES_ATTRIBUTION = "GeoNames (CC BY 4.0)"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"
#: OSM kinds in the extract → the gazetteer type a polygon of that kind is.
OSM_KIND_TYPES = {"hospital": "hospital", "school": "school", "commercial": "area"}


@dataclass(frozen=True)
class OsmFeature:
    """One row of the OSM extract; `feature_id` is `r<N>`, N its 1-based data row."""

    feature_id: str
    row: int
    name: str
    kind: str
    adcode: str
    area_m2: float
    geometry: shapely.Geometry


class GeoNamesSource(PlaceSource):
    """GeoNames 乡镇/街道 seat points, matched on their Chinese alternate names only."""

    key = "geonames"
    title = "GeoNames cities500 (乡镇/街道 seats)"
    licence = "CC BY 4.0"
    attribution = GEONAMES_ATTRIBUTION

    def __init__(self, directory: Path = SOURCES_DIR) -> None:
        self.path = Path(directory) / GEONAMES_FILE
        self._units = current_units(Path(directory))

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        key = name_key(name)
        out = []
        for row_number, row in _rows(self.path):
            names_zh = [n for n in row["names_zh"].split("|") if n]
            if key not in {name_key(n) for n in names_zh}:
                continue
            # The current unit's own type: GeoNames still labels 钟公庙 and 甬江 镇.
            unit = self._units.get(row["areacity_unit_code"][:9].ljust(12, "0")) if row["areacity_unit_code"] else None
            unit_name = unit or row["areacity_unit_name"]
            kind = "subdistrict" if unit_name.endswith("街道") else "town" if unit_name.endswith(("镇", "乡")) else None
            lon, lat = (float(v) for v in crs.to_wgs84(float(row["lon"]), float(row["lat"]), crs="wgs84"))
            gid = row["geonameid"]
            out.append(Candidate(
                name=unit_name or names_zh[-1], geometry=shapely.Point(lon, lat), precision=Precision.APPROXIMATE,
                source=(f"https://www.geonames.org/{gid} (GeoNames cities500 seat of {unit_name or row['name']}; "
                        f"data/sources/{GEONAMES_FILE} row {row_number})"),
                licence=self.licence, datum="wgs84", matched=f"Chinese alternate name of GeoNames {gid} ({row['name']})",
                source_key=self.key, type=kind, adcode=row["county_adcode_by_polygon"] or None,
                attribution=self.attribution, feature_id=gid,
                extra={"kind": "seat", "feature_code": row["feature_code"], "unit": unit_name},
            ))
        return out


class OsmSource(PlaceSource):
    """OpenStreetMap polygons of hospitals, schools and commercial areas (ODbL, kept in their own file)."""

    key = "osm"
    title = "OpenStreetMap polygons 江北/鄞州 (nignbohub extract)"
    licence = "ODbL 1.0"
    attribution = OSM_ATTRIBUTION

    def __init__(self, directory: Path = SOURCES_DIR) -> None:
        self.path = Path(directory) / OSM_FILE

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        key = name_key(name)
        if len(key) < 2:
            return []
        out = []
        for feature in osm_features(self.path):
            own = name_key(feature.name)
            if own == key:
                matched = "exact name"
            elif own.endswith(key) and len(own) > len(key):
                matched = f"name with a prefix: {feature.name} (needs review)"
            else:
                continue
            out.append(self._candidate(feature, matched))
        return sorted(out, key=lambda c: not c.matched.startswith("exact"))

    def feature(self, feature_id: str) -> OsmFeature:
        """The feature with this id; `SourceError` naming the file when there is none."""
        for feature in osm_features(self.path):
            if feature.feature_id == feature_id:
                return feature
        raise SourceError(f"No OSM feature {feature_id!r} in data/sources/{OSM_FILE}")

    def _candidate(self, feature: OsmFeature, matched: str) -> Candidate:
        return Candidate(
            name=feature.name, geometry=feature.geometry, precision=Precision.EXACT,
            source=f"OpenStreetMap via data/sources/{OSM_FILE} feature {feature.feature_id} ({feature.name})",
            licence=self.licence, datum="wgs84", matched=matched, source_key=self.key,
            type=OSM_KIND_TYPES.get(feature.kind), adcode=feature.adcode or None,
            attribution=self.attribution, feature_id=feature.feature_id,
            extra={"kind": feature.kind, "area_m2": f"{feature.area_m2:.0f}"},
        )


class MetroSource(PlaceSource):
    """Ningbo metro stations (metromancn list, GCJ-02 converted here), named "<name>站"."""

    key = "metro"
    title = "Ningbo metro stations (metromancn list @087310a)"
    licence = "MIT (repository); origin of the coordinates not stated"
    attribution = ""

    def __init__(self, directory: Path = SOURCES_DIR) -> None:
        self.path = Path(directory) / METRO_FILE

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        key = normalise_query(name).removesuffix("站点")
        if not key.endswith("站"):
            return []  # a plan's 慈城 is the town, not the station: only station names are asked for
        key = key.removesuffix("站")
        out = []
        for row_number, row in _rows(self.path):
            station = normalise_query(row["name"])
            if station != key:
                continue
            lon, lat = (float(v) for v in crs.to_wgs84(float(row["lon_gcj02"]), float(row["lat_gcj02"]), crs="gcj02"))
            out.append(Candidate(
                name=f"{row['name']}站", geometry=shapely.Point(lon, lat), precision=Precision.EXACT,
                source=f"{row['source']} (data/sources/{METRO_FILE} row {row_number})",
                licence=self.licence, datum="gcj02", matched="station name", source_key=self.key,
                type="station", adcode=row["county_adcode_by_polygon"] or None, feature_id=f"r{row_number}",
                extra={"kind": "station"},
            ))
        return out


def name_key(name: str) -> str:
    """A source's own spelling reduced to what matching compares (see `geo.sources.matching.normalise`)."""
    return normalise(name)


def metro_crosscheck(gazetteer: Gazetteer, *, directory: Path = SOURCES_DIR) -> list[tuple[str, float]]:
    """(station id, metres) between each located station in the gazetteer and the same name in the pinned list.

    The gazetteer's stations come from an older commit of the same list, which
    moved 潘火路 by 424 m: this shows such moves after any update of either.
    """
    source = MetroSource(directory)
    out = []
    for entry in gazetteer:
        if entry.type != "station" or not entry.located or "metromancn" not in entry.source:
            continue
        found = source.candidates(entry.name)
        if found:
            out.append((entry.id, distance_m(found[0].geometry, shapely.Point(entry.lon, entry.lat))))
    return sorted(out, key=lambda pair: -pair[1])


def current_units(directory: Path = SOURCES_DIR) -> dict[str, str]:
    """12-digit code → current 乡镇/街道 name of 江北区 and 鄞州区 (AreaCity list, names only)."""
    return {row["code12"]: row["name"] for _, row in _rows(Path(directory) / UNITS_FILE)}


@lru_cache(maxsize=8)
def osm_features(path: Path = SOURCES_DIR / OSM_FILE) -> tuple[OsmFeature, ...]:
    """Every row of the OSM extract with its WGS84 polygon (the extract is WGS84 as stored)."""
    features = []
    for row_number, row in _rows(Path(path)):
        try:
            geometry = shapely_wkt.loads(row["wkt"])
        except shapely.errors.GEOSException as exc:
            raise SourceError(f"data/sources/{Path(path).name} row {row_number}: wkt does not parse: {exc}") from None
        features.append(OsmFeature(
            feature_id=f"r{row_number}", row=row_number, name=row["name"], kind=row["kind"],
            adcode=row["county_adcode_by_polygon"], area_m2=float(row["area_m2_approx"] or 0), geometry=geometry,
        ))
    return tuple(features)


def osm_geometry(feature_id: str, *, directory: Path = SOURCES_DIR) -> shapely.Geometry:
    """The polygon a `source:osm:<feature id>` recipe refers to."""
    return OsmSource(directory).feature(feature_id).geometry


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    return _read(Path(path), _mtime(Path(path)))


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        raise SourceError(f"Source file {path} is missing; it ships with the repository under data/sources/") from None


@lru_cache(maxsize=16)
def _read(path: Path, mtime: int) -> list[tuple[int, dict[str, str]]]:
    """(1-based data row, row) of a UTF-8 CSV, read again when the file changes."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [(i, {k: (v or "").strip() for k, v in row.items()}) for i, row in enumerate(csv.DictReader(f), start=1)]
