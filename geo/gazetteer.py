"""The gazetteer: every `data/gazetteer/*.csv` row, validated, with a WGS84 geometry.

The file format is documented in data/gazetteer/README.md. `load_gazetteer`
reads all files, reports every bad row at once (file, line and id), converts
published coordinates to WGS84 and builds the geometries: a point, a circle
(point + `radius_m`), a `wkt` shape, a `derive` recipe (`geo.derive`), or the
district polygon for district-precision rows. A published point given next to
`wkt` or `derive` becomes the entry's representative point. Planners'
corrections (`curation/entries.csv`, written by `geo.curation`) are applied
over the base files.
"""

from __future__ import annotations

import csv
import difflib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely import wkt as shapely_wkt

from geo import crs, derive
from geo.errors import GazetteerFormatError, GeoError, UnknownPlaceError
from geo.precision import PRECISIONS
from geo.settings import GAZETTEER_DIR, NINGBO_ADCODE, NINGBO_DISTRICTS, STORAGE_CRS

COLUMNS = (
    "id", "name", "aliases", "type", "adcode", "precision", "method", "lon", "lat",
    "crs", "radius_m", "derive", "wkt", "status", "source", "note",
)
TYPES = frozenset({
    "city", "district", "subdistrict", "town", "village", "community", "new_town", "area",
    "development_zone", "industrial_park", "park", "scenic_area", "landmark", "temple",
    "river", "lake", "mountain", "island", "station", "rail_line", "road", "bridge",
    "tunnel", "school", "hospital", "venue", "port", "hub", "other",
})
METHODS = frozenset({
    "published", "derived_boundaries", "digitized", "computed_members", "district_only", "none",
})
STATUSES = frozenset({"existing", "under_construction", "planned"})
#: Id prefix each contributor file must use; other file names (test fixtures) are free.
ID_PREFIXES = {"jiangbei": "jb-", "yinzhou": "yz-", "regional": "rg-", "rail": "rail-"}
#: Cross-check columns (data/gazetteer/crosscheck/*.csv).
CROSSCHECK_COLUMNS = ("id", "lon", "lat", "crs", "source")
#: How far (metres) a second published coordinate may lie from the entry's
#: geometry. Small objects (`SMALL_TYPES`): 400 m, below the ~490 m a GCJ-02 vs
#: WGS84 mix-up shifts a point in Ningbo (BD-09: ~1.1 km). Areas: 2 km, since
#: sources put an area's "centre" in different places. A homonym elsewhere in
#: China is tens of kilometres off and fails either way.
CROSSCHECK_TOLERANCE_M = {"small": 400.0, "area": 2000.0}
SMALL_TYPES = frozenset({
    "landmark", "temple", "station", "bridge", "tunnel", "school", "hospital", "venue",
})
#: Where, inside the gazetteer folder, the planners' corrections live (`geo.curation`).
CURATION_ENTRIES = Path("curation") / "entries.csv"
#: Problems listed in one error message; the rest are counted.
_MAX_LISTED = 25
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ADCODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place. `geometry`, `lon` and `lat` are WGS84; None when unlocated.

    `lon`/`lat` is the representative point: the published point when the row
    has one (the centre of a circle, a seat inside a derived polygon), else a
    point of the geometry (`geo.derive.representative_point`).
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    adcode: str
    precision: str
    method: str
    status: str
    source: str
    note: str
    geometry: shapely.Geometry | None
    lon: float | None
    lat: float | None
    file: str
    line: int

    @property
    def located(self) -> bool:
        return self.geometry is not None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


class Gazetteer:
    """Validated gazetteer entries with name lookup. Build it with `load_gazetteer`."""

    def __init__(self, entries: list[Entry], rows: list[dict[str, str]]) -> None:
        self._entries = {e.id: e for e in entries}
        self._rows = rows
        self._by_name: dict[str, list[str]] = {}
        for entry in entries:
            for name in dict.fromkeys(entry.names):
                self._by_name.setdefault(name, []).append(entry.id)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    @cached_property
    def frame(self) -> gpd.GeoDataFrame:
        """All rows as in the files plus `file`, `line`, `rep_lon`, `rep_lat`, geometry (EPSG:4326)."""
        data = pd.DataFrame(self._rows, columns=[*COLUMNS, "file", "line"])
        data["line"] = data["line"].astype(int)
        entries = [self._entries[row["id"]] for row in self._rows]
        data["rep_lon"] = [e.lon for e in entries]
        data["rep_lat"] = [e.lat for e in entries]
        geoms = [e.geometry if e.geometry is not None else shapely.GeometryCollection() for e in entries]
        return gpd.GeoDataFrame(data, geometry=geoms, crs=STORAGE_CRS)

    def get(self, entry_id: str) -> Entry:
        """The entry with this id; raises `UnknownPlaceError` naming close ids."""
        try:
            return self._entries[entry_id]
        except KeyError:
            close = difflib.get_close_matches(entry_id, list(self._entries), n=5)
            hint = f"; close ids: {', '.join(close)}" if close else ""
            raise UnknownPlaceError(f"No gazetteer id {entry_id!r}{hint}") from None

    def lookup(self, name: str, *, district: str | None = None) -> list[Entry]:
        """Entries whose name or alias is exactly `name`, best first.

        Order: adcode equal to `district` (name or adcode), then entries of
        宁波市 (adcode 3302xx), then the rest; within each, a canonical-name
        match before an alias match, then better precision, then id. Nothing
        is filtered out.
        """
        name = name.strip()
        ids = self._by_name.get(name, [])
        adcode = district_adcode(district) if district else None
        return sorted((self._entries[i] for i in ids), key=lambda e: _preference(e, name, adcode))

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Up to `n` known names close to `name` (containing it, in it, or similar), closest first."""
        name = name.strip()
        if not name:
            return []
        known = list(self._by_name)
        contains = [k for k in known if name in k or (len(k) >= 2 and k in name)]
        similar = difflib.get_close_matches(name, known, n=n, cutoff=0.4)
        candidates = set(contains) | set(similar)
        return sorted(candidates, key=lambda k: (-_similarity(name, k), k))[:n]

    def rows(self) -> list[dict[str, str]]:
        """Copies of the rows as read (gazetteer columns plus `file` and `line`), in file order."""
        return [dict(row) for row in self._rows]

    def names(self) -> dict[str, tuple[str, ...]]:
        """Every name and alias → ids of the entries carrying it."""
        return {name: tuple(ids) for name, ids in self._by_name.items()}


def load_gazetteer(directory: Path = GAZETTEER_DIR, *, curated: bool = True) -> Gazetteer:
    """Read, validate and geometrise every `*.csv` directly in `directory`.

    With `curated` (the default), the planners' corrections in
    `curation/entries.csv` (see `geo.curation`) replace the base rows of the
    same id and add new places; the base files themselves are never changed.
    Raises `GazetteerFormatError` listing every bad row as `file:line (id): problem`.
    """
    directory = Path(directory)
    problems: list[str] = []
    rows: list[dict[str, str]] = []
    for path in sorted(directory.glob("*.csv")):
        rows.extend(_read_file(path, problems))
    rows = _unique(rows, problems)
    curation = directory / CURATION_ENTRIES
    if curated and curation.exists():
        overrides = _unique(_read_file(curation, problems, curated=True), problems)
        rows = overlay_rows(rows, overrides)
    return _gazetteer(rows, problems, directory)


def gazetteer_from_rows(rows: list[dict[str, str]], *, label: str = "rows") -> Gazetteer:
    """Validate and geometrise rows already read (each with `file` and `line`).

    The curation store uses it to check that a change keeps the whole
    gazetteer loadable before writing anything. Raises `GazetteerFormatError`.
    """
    problems: list[str] = []
    checked = []
    for row in rows:
        problem = _field_problem(row, Path(row["file"]).stem, curated=row["file"] == str(CURATION_ENTRIES))
        if problem:
            problems.append(f"{_where(row)}: {problem}")
        else:
            checked.append(row)
    return _gazetteer(_unique(checked, problems), problems, label)


def overlay_rows(base: list[dict[str, str]], overrides: list[dict[str, str]]) -> list[dict[str, str]]:
    """`base` with each row replaced by the override of the same id (in place); new ids at the end."""
    by_id = {row["id"]: row for row in overrides}
    out = [by_id.pop(row["id"], row) for row in base]
    return out + [row for row in overrides if row["id"] in by_id]


def row_problem(row: dict[str, str], *, curated: bool = True) -> str | None:
    """What is wrong with one row's fields (None if nothing), as the loader would say it.

    `curated` rows may use any contributor file's id prefix (`ID_PREFIXES`).
    """
    missing = [c for c in COLUMNS if c not in row]
    if missing:
        return f"lacks columns {missing}"
    return _field_problem(row, "entries", curated=curated)


def _unique(rows: list[dict[str, str]], problems: list[str]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        first = seen.setdefault(row["id"], row)
        if first is not row:
            problems.append(f"{_where(row)}: duplicate id, first in {first['file']}:{first['line']}")
    return [row for row in rows if seen[row["id"]] is row]


def _gazetteer(rows: list[dict[str, str]], problems: list[str], where: object) -> Gazetteer:
    base: dict[str, shapely.Geometry | None] = {}
    recipes: dict[str, derive.Recipe] = {}
    anchors: dict[str, shapely.Point] = {}
    for row in rows:
        try:
            anchor = _published_point(row)
            recipe_or_geometry = _row_geometry(row, anchor)
        except (ValueError, GeoError) as exc:
            problems.append(f"{_where(row)}: {exc}")
            continue
        if anchor is not None:
            anchors[row["id"]] = anchor
        if isinstance(recipe_or_geometry, derive.Recipe):
            recipes[row["id"]] = recipe_or_geometry
        else:
            base[row["id"]] = recipe_or_geometry
    _share_anchors(recipes, anchors)
    derived, failed = derive.derive_all(recipes, base, anchors=anchors)
    by_id = {row["id"]: row for row in rows}
    problems.extend(f"{_where(by_id[i])}: {message}" for i, message in failed.items())
    if problems:
        raise GazetteerFormatError(_summary(problems, where))
    geometries = {**base, **derived}
    entries = [_entry(row, geometries[row["id"]], anchors.get(row["id"])) for row in rows]
    return Gazetteer(entries, rows)


def _share_anchors(recipes: dict[str, derive.Recipe], anchors: dict[str, shapely.Point]) -> None:
    """A `same:ID` entry stands at its target's published point too, following chains."""
    for entry_id, recipe in recipes.items():
        seen = {entry_id}
        target = recipe.args[0] if recipe.kind == "same" else None
        while target is not None and entry_id not in anchors and target not in seen:
            if target in anchors:
                anchors[entry_id] = anchors[target]
            seen.add(target)
            nxt = recipes.get(target)
            target = nxt.args[0] if nxt is not None and nxt.kind == "same" else None


def district_adcode(district: str) -> str:
    """Adcode of a 宁波 unit given as adcode, name (江北区) or short name (江北)."""
    value = district.strip()
    if _ADCODE.match(value):
        return value
    for adcode, name in NINGBO_DISTRICTS.items():
        if value in (name, name[:-1]):
            return adcode
    known = ", ".join(f"{n} ({c})" for c, n in NINGBO_DISTRICTS.items())
    raise UnknownPlaceError(f"Unknown district {district!r}; known: {known}")


def crosscheck_distances(
    directory: Path = GAZETTEER_DIR / "crosscheck", *, gazetteer: Gazetteer | None = None
) -> pd.DataFrame:
    """Distance (m) from each cross-check coordinate to its entry's geometry.

    Columns: file, line, id, name, type, precision, distance_m, point_distance_m,
    tolerance_m, within. `distance_m` (to the geometry) is 0 inside a polygon and
    decides `within`; `point_distance_m` is to the entry's representative point.
    Both are NaN for an unlocated entry.
    Raises `GazetteerFormatError` for a cross-check row that cannot be read.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer(Path(directory).parent)
    records = []
    for path in sorted(Path(directory).glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if set(reader.fieldnames or []) != set(CROSSCHECK_COLUMNS):
                raise GazetteerFormatError(
                    f"{path.name}:1: cross-check header must be {','.join(CROSSCHECK_COLUMNS)}"
                )
            for record in reader:
                row = {k: (v or "").strip() for k, v in record.items() if k is not None}
                row |= {"file": path.name, "line": str(reader.line_num)}
                records.append(_crosscheck_record(row, gaz))
    columns = [
        "file", "line", "id", "name", "type", "precision",
        "distance_m", "point_distance_m", "tolerance_m", "within",
    ]
    return pd.DataFrame(records, columns=columns)


def _crosscheck_record(row: dict[str, str], gaz: Gazetteer) -> dict[str, object]:
    if row["id"] not in gaz:
        raise GazetteerFormatError(f"{_where(row)}: cross-check names unknown id")
    try:
        point = _published_point(row)
    except (ValueError, GeoError) as exc:
        raise GazetteerFormatError(f"{_where(row)}: {exc}") from None
    if point is None:
        raise GazetteerFormatError(f"{_where(row)}: cross-check row has no lon/lat")
    entry = gaz.get(row["id"])
    distance = point_distance = math.nan
    if entry.geometry is not None:
        anchor = shapely.Point(entry.lon, entry.lat)
        metric = crs.to_metric(gpd.GeoSeries([point, entry.geometry, anchor], crs=STORAGE_CRS))
        distance = float(metric.iloc[0].distance(metric.iloc[1]))
        point_distance = float(metric.iloc[0].distance(metric.iloc[2]))
    tolerance = CROSSCHECK_TOLERANCE_M["small" if entry.type in SMALL_TYPES else "area"]
    return {
        "file": row["file"], "line": int(row["line"]), "id": entry.id, "name": entry.name,
        "type": entry.type, "precision": entry.precision, "distance_m": distance,
        "point_distance_m": point_distance, "tolerance_m": tolerance,
        "within": bool(distance <= tolerance),
    }


def _read_file(path: Path, problems: list[str], *, curated: bool = False) -> list[dict[str, str]]:
    """Rows of one file with `file` and `line` added; header and field problems appended.

    `file` is the name relative to the gazetteer folder (`curation/entries.csv`
    for curated rows), so messages say which file to open.
    """
    label = str(CURATION_ENTRIES) if curated else path.name
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        unknown = [c for c in header if c not in COLUMNS]
        missing = [c for c in COLUMNS if c not in header]
        if unknown or missing:
            problems.append(
                f"{label}:1: header has unknown columns {unknown} / lacks {missing}; "
                f"expected {','.join(COLUMNS)}"
            )
            return []
        rows = []
        for record in reader:
            row = {k: (v or "").strip() for k, v in record.items() if k is not None}
            row |= {"file": label, "line": str(reader.line_num)}
            if None in record:
                problems.append(f"{_where(row)}: more fields than columns")
                continue
            if not any(row[c] for c in COLUMNS):
                continue  # a blank line is not a place
            problem = _field_problem(row, path.stem, curated=curated)
            if problem:
                problems.append(f"{_where(row)}: {problem}")
                continue
            rows.append(row)
        return rows


def _field_problem(row: dict[str, str], stem: str, *, curated: bool = False) -> str | None:
    """The first thing wrong with a row's fields, or None.

    A curated row may carry any contributor's prefix, but must carry one: a
    place an editor adds belongs to one of the contributor files' families.
    """
    prefix = ID_PREFIXES.get(stem)
    if not _SLUG.match(row["id"]):
        return f"id {row['id']!r} is not a lowercase ASCII slug"
    if prefix and not row["id"].startswith(prefix):
        return f"id must start with {prefix!r} in {stem}.csv"
    if curated and not row["id"].startswith(tuple(ID_PREFIXES.values())):
        return f"id {row['id']!r} must start with one of {', '.join(ID_PREFIXES.values())}"
    if not row["name"]:
        return "name is empty"
    checks = (
        ("type", TYPES), ("precision", PRECISIONS), ("method", METHODS),
    )
    for column, allowed in checks:
        if row[column] not in allowed:
            return f"unknown {column} {row[column]!r}; expected one of {', '.join(sorted(allowed))}"
    if row["status"] and row["status"] not in STATUSES:
        return f"unknown status {row['status']!r}; expected one of {', '.join(sorted(STATUSES))} or blank"
    if row["adcode"] and not _ADCODE.match(row["adcode"]):
        return f"adcode {row['adcode']!r} is not 6 digits"
    unlocated = row["precision"] == "unlocated"
    has_shape = any(row[c] for c in ("lon", "lat", "radius_m", "derive", "wkt"))
    if unlocated and (has_shape or row["method"] != "none"):
        return "an unlocated row has method none and no lon/lat, radius_m, derive or wkt"
    if not unlocated and row["method"] == "none":
        return "method none is only for unlocated rows"
    if not unlocated and not row["adcode"]:
        return "a located row needs an adcode"
    if not unlocated and not row["source"]:
        return "a located row needs a source (page address or derivation)"
    if not unlocated and not has_shape and row["precision"] != "district":
        return "no geometry: give lon/lat, derive or wkt, or make it unlocated"
    return None


def _row_geometry(
    row: dict[str, str], point: shapely.Point | None
) -> shapely.Geometry | derive.Recipe | None:
    """WGS84 geometry of a row, or its recipe to build once all rows are read.

    A published point next to a `derive` or `wkt` shape is kept as the entry's
    representative point (e.g. a district seat inside the district polygon).
    """
    if row["derive"] and row["wkt"]:
        raise ValueError("give derive or wkt, not both")
    if row["radius_m"] and (point is None or row["derive"] or row["wkt"]):
        raise ValueError("radius_m needs lon/lat and no derive or wkt")
    if row["precision"] == "unlocated":
        return None
    if row["derive"]:
        return derive.parse_recipe(row["derive"])
    if row["wkt"]:
        return _parse_wkt(row["wkt"])
    if point is not None:
        return derive.buffer_m(point, _radius(row)) if row["radius_m"] else point
    return derive.build(derive.Recipe("district", (row["adcode"],)), {})


def _published_point(row: dict[str, str]) -> shapely.Point | None:
    """The row's lon/lat converted from its datum to WGS84, or None if it has none."""
    if not (row["lon"] or row["lat"]):
        return None
    lon, lat = _number(row, "lon"), _number(row, "lat")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"lon/lat {lon}, {lat} out of range (lon first, then lat)")
    if row["crs"] not in crs.DATUMS:
        raise ValueError(f"unknown crs {row['crs']!r}; expected one of {', '.join(crs.DATUMS)}")
    w_lon, w_lat = crs.to_wgs84(lon, lat, crs=row["crs"])
    return shapely.Point(float(w_lon), float(w_lat))


def _radius(row: dict[str, str]) -> float:
    radius = _number(row, "radius_m")
    if radius <= 0:
        raise ValueError(f"radius_m {row['radius_m']!r} must be positive")
    return radius


def _parse_wkt(text: str) -> shapely.Geometry:
    try:
        geometry = shapely_wkt.loads(text)
    except shapely.errors.GEOSException as exc:
        raise ValueError(f"wkt does not parse: {exc}") from None
    if geometry.is_empty:
        raise ValueError("wkt is empty")
    return geometry


def _number(row: dict[str, str], column: str) -> float:
    try:
        value = float(row[column])
    except ValueError:
        raise ValueError(f"{column} {row[column]!r} is not a decimal number") from None
    if not math.isfinite(value):
        raise ValueError(f"{column} {row[column]!r} is not finite")
    return value


def _entry(row: dict[str, str], geometry: shapely.Geometry | None, anchor: shapely.Point | None) -> Entry:
    point = None
    if geometry is not None:
        point = anchor if anchor is not None else derive.representative_point(geometry)
    return Entry(
        id=row["id"],
        name=row["name"],
        aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip() and a.strip() != row["name"]),
        type=row["type"],
        adcode=row["adcode"],
        precision=row["precision"],
        method=row["method"],
        status=row["status"],
        source=row["source"],
        note=row["note"],
        geometry=geometry,
        lon=point.x if point is not None else None,
        lat=point.y if point is not None else None,
        file=row["file"],
        line=int(row["line"]),
    )


def _preference(entry: Entry, name: str, adcode: str | None) -> tuple[int, int, int, int, str]:
    """Sort key: the document's district, then 宁波市, then elsewhere; then canonical, precision."""
    in_ningbo = entry.adcode.startswith(NINGBO_ADCODE[:4])
    return (
        0 if adcode and entry.adcode == adcode else 1,
        0 if in_ningbo else 1,
        0 if entry.name == name else 1,
        PRECISIONS.index(entry.precision),
        entry.id,
    )


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _where(row: dict[str, str]) -> str:
    return f"{row['file']}:{row['line']} ({row['id'] or 'no id'})"


def _summary(problems: list[str], directory: object) -> str:
    listed = "\n  ".join(problems[:_MAX_LISTED])
    more = len(problems) - _MAX_LISTED
    tail = f"\n  … and {more} more" if more > 0 else ""
    return f"{len(problems)} problem(s) in gazetteer {directory}:\n  {listed}{tail}"
