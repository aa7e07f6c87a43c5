"""The files of curation: `entries.csv` text, the CSV and GeoJSON exports, and reading imports.

Only formats live here; what a row may say and how a change is recorded is
`geo.curation.store`'s and `geo.curation.imports`' job.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from geo.errors import CurationError
from geo.gazetteer import COLUMNS, Gazetteer
from geo.precision import DRAWN, Precision

#: Columns an export adds after the gazetteer's: the place's last change.
#: `revision` lets an import notice a place changed after the file was exported.
EXPORT_COLUMNS = ("revision", "changed_by", "changed_at", "reason")
#: Gazetteer columns a GeoJSON feature carries as its geometry instead of properties.
_SHAPE_COLUMNS = ("lon", "lat", "crs", "radius_m", "wkt")
#: Declared CRS names that mean WGS84 longitude/latitude (RFC 7946 and the 2008 GeoJSON spec).
WGS84_NAMES = frozenset({
    "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "CRS84", "OGC:CRS84",
    "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:4326",
})
#: Tolerance (degrees, ~1 cm) under which an imported geometry is the one already stored.
SAME_GEOMETRY_DEG = 1e-6
_DECIMALS = 7
#: First characters a spreadsheet reads as a formula (OWASP "CSV Injection":
#: https://owasp.org/www-community/attacks/CSV_Injection names = + - @ tab and CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ImportRow:
    """One row of an import: CSV line number or 1-based feature number, its text fields, its geometry.

    `geometry` is only for GeoJSON (None when the feature has none); `error`
    says why the row could not even be read.
    """

    number: int
    values: dict[str, str]
    geometry: shapely.Geometry | None = None
    is_geojson: bool = False
    error: str | None = None


def entries_bytes(curated: dict[str, dict[str, str]]) -> bytes:
    """`entries.csv`: header, rows sorted by id, `\\n` line ends, UTF-8."""
    return _csv(COLUMNS, (curated[k] for k in sorted(curated)))


def csv_bytes(rows: Iterable[dict[str, str]]) -> bytes:
    """The CSV export: gazetteer columns then `EXPORT_COLUMNS`, cells a spreadsheet would run quoted."""
    safe = ({k: spreadsheet_cell(v) for k, v in row.items()} for row in rows)
    return _csv((*COLUMNS, *EXPORT_COLUMNS), safe)


def spreadsheet_cell(value: Any) -> Any:
    """A text cell that opens as text in a spreadsheet: one starting like a formula gets a leading `'`.

    Per OWASP's CSV injection guidance; `parse_import` takes the `'` off again,
    so an exported, reviewed and re-imported file keeps its values.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _unguarded(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def geojson_bytes(rows: Iterable[dict[str, str]], gazetteer: Gazetteer) -> bytes:
    """The GeoJSON export (RFC 7946, WGS84), one feature per line so that reviews diff cleanly.

    Located places carry their resolved geometry; district-only and unlocated
    ones have none, since a polygon of the whole district would look like a location.
    """
    rows = list(rows)
    features = []
    for row in rows:
        entry = gazetteer.get(row["id"])
        located = row["precision"] in DRAWN and entry.geometry is not None
        properties = {k: v for k, v in row.items() if k not in _SHAPE_COLUMNS}
        feature = {
            "type": "Feature", "id": row["id"], "properties": properties,
            "geometry": _rounded(mapping(entry.geometry)) if located else None,
        }
        features.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    body = ",\n".join(features)
    # Licence credits (GeoNames, OpenStreetMap) as a foreign member, only when such rows are exported.
    from geo.sources.credits import credits_for

    credits = credits_for(row.get(c) for row in rows for c in ("source", "derive"))
    head = f'"credits":{json.dumps(credits, ensure_ascii=False)},' if credits else ""
    return f'{{"type":"FeatureCollection",{head}"features":[\n{body}\n]}}\n'.encode()


def parse_import(data: bytes, *, filename: str) -> list[ImportRow]:
    """Rows of an uploaded CSV or GeoJSON export; `CurationError` when the file as a whole is unreadable."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CurationError(f"{filename} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    name = filename.lower()
    if name.endswith((".geojson", ".json")) or (not name.endswith(".csv") and text.lstrip().startswith("{")):
        return _geojson_rows(text, filename)
    return _csv_rows(text, filename)


def candidate_row(row: ImportRow, current: dict[str, str] | None,
                  current_geometry: shapely.Geometry | None) -> dict[str, str]:
    """The gazetteer row an import row asks for; `CurationError` when it contradicts itself.

    Columns the file leaves out keep their current values. A GeoJSON geometry
    equal to the stored one keeps the stored columns (a published point stays
    published); a new one is stored as `wkt`, method `digitized`.
    """
    values = row.values
    out = {c: values[c] if c in values else (current or {}).get(c, "") for c in COLUMNS}
    if not row.is_geojson:
        return out
    precision = out["precision"]
    keep = dict.fromkeys(_SHAPE_COLUMNS, "") | {"derive": ""}
    if out["derive"].startswith("same:"):
        out |= {c: "" for c in _SHAPE_COLUMNS}
        out["method"] = "computed_members"
        return out
    if precision in (Precision.DISTRICT, Precision.UNLOCATED):
        if row.geometry is not None:
            raise CurationError(f"has a geometry but precision {precision}; make it exact or approximate, or drop the geometry")
        same_kind = current if current is not None and current["precision"] == precision else None
        out |= {c: same_kind[c] for c in keep} if same_kind is not None else keep
        out["method"] = same_kind["method"] if same_kind is not None else ("district_only" if precision == "district" else "none")
        return out
    if row.geometry is None:
        raise CurationError(f"precision {precision or '(blank)'} needs a geometry")
    if current is not None and current_geometry is not None and shapely.equals_exact(row.geometry, current_geometry, SAME_GEOMETRY_DEG):
        out |= {c: current[c] for c in keep}
        out["method"] = current["method"]
    else:
        out |= keep
        out["wkt"] = shapely.to_wkt(row.geometry, rounding_precision=_DECIMALS, trim=True)
        out["method"] = "digitized"
    return out


def _geojson_rows(text: str, filename: str) -> list[ImportRow]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CurationError(f"{filename} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise CurationError(f"{filename} nests objects or lists too deeply to be a GeoJSON export") from None
    if not isinstance(doc, dict) or doc.get("type") not in ("FeatureCollection", "Feature"):
        raise CurationError(f"{filename} is not a GeoJSON FeatureCollection")
    _check_crs(doc, filename)
    features = doc.get("features") if doc["type"] == "FeatureCollection" else [doc]
    if not isinstance(features, list):
        raise CurationError(f"{filename}: 'features' is not a list")
    rows = []
    for number, feature in enumerate(features, start=1):
        try:
            rows.append(_feature_row(number, feature, filename))
        except RecursionError:
            rows.append(ImportRow(number, {}, is_geojson=True, error="nested too deeply to be a feature"))
    return rows


def _feature_row(number: int, feature: Any, filename: str) -> ImportRow:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return ImportRow(number, {}, is_geojson=True, error="not a GeoJSON Feature")
    _check_crs(feature, filename)
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        return ImportRow(number, {}, is_geojson=True, error="properties is not an object")
    values = {str(k): _field(v) for k, v in properties.items() if v is not None}
    if not values.get("id") and feature.get("id") is not None:
        values["id"] = _field(feature["id"])
    unknown = sorted(set(values) - set(COLUMNS) - set(EXPORT_COLUMNS))
    if unknown:
        return ImportRow(number, values, is_geojson=True, error=f"unknown properties {unknown}")
    geometry = None
    if feature.get("geometry") is not None:
        try:
            geometry = shape(feature["geometry"])
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, shapely.errors.ShapelyError) as exc:
            return ImportRow(number, values, is_geojson=True, error=f"geometry cannot be read: {exc}")
    return ImportRow(number, values, geometry, is_geojson=True)


def _check_crs(obj: dict[str, Any], filename: str) -> None:
    declared = obj.get("crs")
    if declared is None:
        return
    name = declared.get("properties", {}).get("name") if isinstance(declared, dict) else None
    if name not in WGS84_NAMES:
        raise CurationError(
            f"{filename} declares the coordinate system {name or declared!r}; only WGS84 longitude/latitude "
            "(EPSG:4326, CRS84) is accepted: reproject it and import again"
        )


def _csv_rows(text: str, filename: str) -> list[ImportRow]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise CurationError(f"{filename} cannot be read as CSV: {exc}") from None
    if "id" not in header:
        raise CurationError(f"{filename}: the first line must be a header with at least an id column")
    unknown = [h for h in header if h not in COLUMNS and h not in EXPORT_COLUMNS]
    if unknown:
        raise CurationError(f"{filename}: unknown columns {unknown}; expected {','.join((*COLUMNS, *EXPORT_COLUMNS))}")
    reader.fieldnames = header
    rows = []
    try:
        for record in reader:
            values = {k: _unguarded((v or "").strip()) for k, v in record.items() if k is not None}
            if not any(values.values()):
                continue
            error = "more fields than columns" if None in record else None
            rows.append(ImportRow(reader.line_num, values, error=error))
    except csv.Error as exc:  # e.g. a field longer than the csv module's limit (131,072 characters)
        raise CurationError(f"{filename} cannot be read as CSV near line {reader.line_num}: {exc}") from None
    return rows


def _csv(columns: Iterable[str], rows: Iterable[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _field(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return " ".join(text.split())


def _rounded(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, _DECIMALS)
    if isinstance(obj, (list, tuple)):
        return [_rounded(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj
