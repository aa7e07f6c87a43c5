"""A planning office's own GIS layer as a place source: import once, then answer by name.

`import_layer` reads a GeoPackage, a zipped Shapefile, GeoJSON, KML, a CSV with
lon/lat or WKT columns, or an OpenStreetMap `.osm`/`.osm.pbf` extract (GDAL's
OSM driver through pyogrio), with the name field and the datum the user
declares. It checks everything before it writes anything: a refused file
leaves the imports folder as it was. The layer is stored normalised under
`GAZETTEER_DIR / "imports"`: `<key>.gpkg` (WGS84, one row per named feature:
name, feature id, county adcode, the original attributes as JSON) and
`<key>.json` (source, licence, datum, name field, date, feature count).
`LayerSource` answers `candidates` from such a pair; `imported_sources` lists
every imported layer for the sources registry.

Errors are `LayerImportError`s carrying `code` and `details`, so the app can
word them in the user's language (`ui/layer_import.py`); the English message
itself names the file and the way out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS

from geo import crs as geo_crs
from geo.boundaries import district_boundaries, ningbo_area
from geo.errors import LayerImportError
from geo.names import normalise_query
from geo.precision import Precision
from geo.settings import GAZETTEER_DIR, NINGBO_DISTRICTS, STORAGE_CRS
from geo.sources.base import DATUMS, Candidate, PlaceSource

#: Largest file accepted, checked on the size before a byte is read. A layer of
#: every POI in 宁波 is a few tens of MB; anything larger should be clipped first.
MAX_LAYER_BYTES = 100 * 1024 * 1024
#: File endings read, and what they are.
FORMATS: dict[str, str] = {
    ".gpkg": "GeoPackage", ".zip": "zipped Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON",
    ".kml": "KML", ".csv": "CSV", ".osm": "OpenStreetMap XML", ".pbf": "OpenStreetMap PBF",
}
#: OSM driver layers holding named features (GDAL's OSM driver documentation).
_OSM_LAYERS = ("points", "lines", "multipolygons")
_LON_COLUMNS = ("lon", "lng", "long", "longitude", "x", "经度", "lon_wgs84", "lng_wgs84")
_LAT_COLUMNS = ("lat", "latitude", "y", "纬度", "lat_wgs84")
_WKT_COLUMNS = ("wkt", "geometry", "geom", "the_geom", "shape")
#: Encodings tried, in order, to tell a user what a non-UTF-8 CSV probably is.
_GUESSED_ENCODINGS = ("gb18030", "big5", "utf-16")


@dataclass(frozen=True)
class ImportedLayer:
    """The sidecar of an imported layer: what it is, where it came from, how it was read."""

    key: str
    file: str
    layer: str | None
    format: str
    source: str
    licence: str
    attribution: str
    datum: str
    crs_in_file: str | None
    name_field: str
    features: int
    skipped_unnamed: int
    skipped_outside: int
    imported: str
    sha256: str


def layer_fields(path: Path, *, layer: str | None = None, encoding: str | None = None) -> list[str]:
    """The attribute fields of a layer file, for choosing the name field (geometry not listed)."""
    frame, _, _ = _read(Path(path), layer=layer, encoding=encoding)
    return [str(c) for c in frame.columns if c != frame.geometry.name and not str(c).startswith("_planmap")]


def layer_names(path: Path) -> list[str]:
    """Layers inside a multi-layer file (GeoPackage, KML); one name or none for the others."""
    path = Path(path)
    _check_file(path)
    if path.suffix.lower() in (".csv", ".osm", ".pbf"):
        return []
    try:
        return [str(name) for name, _ in pyogrio.list_layers(_gdal_path(path))]
    except Exception as exc:  # pyogrio raises DataSourceError and plain errors alike
        raise _refuse("unreadable", file=path.name, detail=str(exc).splitlines()[0]) from exc


def import_layer(
    path: Path,
    *,
    name_field: str,
    datum: str | None,
    source: str,
    licence: str,
    layer: str | None = None,
    attribution: str = "",
    encoding: str | None = None,
    directory: Path | None = None,
    original_name: str | None = None,
) -> ImportedLayer:
    """Read, check and store one layer; returns its sidecar. Raises `LayerImportError`, writing nothing.

    Parameters
    ----------
    path
        The file (see `FORMATS`).
    name_field
        The attribute holding the place names.
    datum
        What the coordinates are in: one of `DATUMS`. A projected CRS the file
        defines is reprojected first; without a definition it is refused.
    source, licence
        Where the layer comes from and under which licence; both required.
    layer
        Which layer of a multi-layer file.
    encoding
        A CSV's encoding when it is not UTF-8.
    directory
        The imports folder (default `GAZETTEER_DIR / "imports"`).
    original_name
        The file name the user gave (an upload is saved under a temporary name).
    """
    path = Path(path)
    file_name = original_name or path.name
    if not source.strip():
        raise _refuse("no_source", file=file_name)
    if not licence.strip():
        raise _refuse("no_licence", file=file_name)
    if not datum:
        raise _refuse("no_datum", file=file_name, datums=", ".join(DATUMS))
    datum = datum.strip().lower().replace("-", "")
    if datum not in DATUMS:
        raise _refuse("unknown_datum", file=file_name, datum=datum, datums=", ".join(DATUMS))
    frame, crs_in_file, fmt = _read(path, layer=layer, encoding=encoding, file_name=file_name)
    if name_field not in frame.columns:
        fields = [str(c) for c in frame.columns if c != frame.geometry.name and not str(c).startswith("_planmap")]
        raise _refuse("no_name_field", file=file_name, field=name_field, fields=", ".join(fields) or "-")
    places, outside = _normalise(frame, name_field=name_field, datum=datum, crs_in_file=crs_in_file,
                                 file_name=file_name)
    meta = ImportedLayer(
        key=_layer_key(file_name, layer), file=file_name, layer=layer, format=fmt, source=source.strip(),
        licence=licence.strip(), attribution=attribution.strip() or source.strip(), datum=datum,
        crs_in_file=crs_in_file, name_field=name_field, features=len(places),
        skipped_unnamed=int(len(frame) - len(places) - outside), skipped_outside=outside,
        imported=datetime.now(UTC).replace(microsecond=0).isoformat(), sha256=_sha256(path),
    )
    _store(places, meta, directory or imports_dir())
    return meta


def imports_dir() -> Path:
    """The deployment's imports folder (follows PLANMAP_GAZETTEER_DIR through geo.settings)."""
    return GAZETTEER_DIR / "imports"


def imported_layers(directory: Path | None = None) -> list[ImportedLayer]:
    """Sidecars of every complete import in `directory`, oldest first."""
    folder = Path(directory) if directory is not None else imports_dir()
    layers = []
    for sidecar in sorted(folder.glob("*.json")):
        if not sidecar.with_suffix(".gpkg").is_file():
            continue
        try:
            layers.append(ImportedLayer(**json.loads(sidecar.read_text(encoding="utf-8"))))
        except (TypeError, ValueError) as exc:
            raise LayerImportError(f"The import record {sidecar} is unreadable ({exc}); remove it or import again") from exc
    return sorted(layers, key=lambda m: (m.imported, m.key))


def imported_sources(directory: Path | None = None) -> list[PlaceSource]:
    """Every layer imported into the deployment, as place sources (empty when none)."""
    folder = Path(directory) if directory is not None else imports_dir()
    return [LayerSource(folder / f"{meta.key}.gpkg", meta) for meta in imported_layers(folder)]


class LayerSource(PlaceSource):
    """Candidates from one imported layer, by exact or normalised name.

    A feature of a layer is a drawing of that very object, so its precision is
    `exact`; whether the object is the place a plan means (宁波大学 the
    building or the campus) is for matching and the editor to decide.
    """

    def __init__(self, gpkg: Path, meta: ImportedLayer) -> None:
        self.gpkg = Path(gpkg)
        self.meta = meta
        self.key = f"layer-{meta.key}"
        self.title = f"{meta.source} ({meta.file})"
        self.licence = meta.licence
        self.attribution = meta.attribution

    @cached_property
    def places(self) -> gpd.GeoDataFrame:
        """The stored WGS84 features (read once)."""
        return gpd.read_file(self.gpkg, engine="pyogrio")

    @cached_property
    def _by_exact(self) -> dict[str, list[int]]:
        return _index(self.places["name"])

    @cached_property
    def _by_normalised(self) -> dict[str, list[int]]:
        return _index(self.places["name_norm"])

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        """Features named `name` exactly, else after normalising (spaces, traditional characters)."""
        rows, matched = self._by_exact.get(name.strip(), []), "exact name in the layer's name field"
        if not rows:
            rows = self._by_normalised.get(normalise_query(name), [])
            matched = "same name after removing spaces and traditional characters"
        adcode = _district_code(district)
        found = []
        for i in rows:
            row = self.places.iloc[i]
            if adcode and row["adcode"] and row["adcode"] != adcode:
                continue
            found.append(Candidate(
                name=row["name"], geometry=row.geometry, precision=Precision.EXACT,
                source=f"{self.meta.source}: {self.meta.file}, feature {row['feature_id']}",
                licence=self.meta.licence, datum=self.meta.datum,
                matched=f"{matched} '{self.meta.name_field}'", source_key=self.key,
                adcode=row["adcode"] or None, attribution=self.meta.attribution, feature_id=str(row["feature_id"]),
                extra={"attributes": row["attributes"], "imported": self.meta.imported},
            ))
        return found


# --- reading ---------------------------------------------------------------------------------------------


def _read(
    path: Path, *, layer: str | None, encoding: str | None, file_name: str | None = None
) -> tuple[gpd.GeoDataFrame, str | None, str]:
    """The raw layer (feature id in `_planmap_fid`), the CRS the file declares (or None), its format."""
    file_name = file_name or path.name
    _check_file(path, file_name=file_name)
    suffix = path.suffix.lower()
    fmt = FORMATS[suffix]
    if suffix == ".csv":
        frame = _read_csv(path, encoding=encoding, file_name=file_name)
    elif suffix in (".osm", ".pbf"):
        frame = _read_osm(path, file_name=file_name)
    else:
        frame = _read_ogr(path, layer=layer, file_name=file_name)
    if frame.empty:
        raise _refuse("empty", file=file_name)
    declared = frame.crs.to_string() if frame.crs is not None else None
    return frame, declared, fmt


def _check_file(path: Path, *, file_name: str | None = None) -> None:
    file_name = file_name or path.name
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise _refuse("format", file=file_name, formats=", ".join(sorted(FORMATS)))
    if not path.is_file():
        raise _refuse("missing", file=file_name)
    size = path.stat().st_size
    if size == 0:
        raise _refuse("empty", file=file_name)
    if size > MAX_LAYER_BYTES:
        raise _refuse("too_large", file=file_name, mb=round(size / 2**20), limit_mb=MAX_LAYER_BYTES // 2**20)


def _gdal_path(path: Path) -> str:
    return f"/vsizip/{path}" if path.suffix.lower() == ".zip" else str(path)


def _read_ogr(path: Path, *, layer: str | None, file_name: str) -> gpd.GeoDataFrame:
    names = layer_names(path)
    if layer is None and len(names) > 1:
        raise _refuse("which_layer", file=file_name, layers=", ".join(names))
    if layer is not None and layer not in names:
        raise _refuse("no_layer", file=file_name, layer=layer, layers=", ".join(names) or "-")
    try:
        frame = pyogrio.read_dataframe(_gdal_path(path), layer=layer, fid_as_index=True)
    except Exception as exc:
        raise _refuse("unreadable", file=file_name, detail=str(exc).splitlines()[0]) from exc
    return _with_fid(frame, frame.index.astype(str))


def _read_osm(path: Path, *, file_name: str) -> gpd.GeoDataFrame:
    """Named points, ways and (multi)polygons of an OSM extract, each with its OSM id."""
    parts = []
    for name in _OSM_LAYERS:
        try:
            part = pyogrio.read_dataframe(str(path), layer=name)
        except Exception as exc:
            raise _refuse("unreadable", file=file_name, detail=str(exc).splitlines()[0]) from exc
        if part.empty:
            continue
        if name == "multipolygons":
            ids = np.where(part["osm_id"].notna(), "relation/" + part["osm_id"].astype(str),
                           "way/" + part["osm_way_id"].astype(str))
        else:
            ids = ("node/" if name == "points" else "way/") + part["osm_id"].astype(str)
        parts.append(_with_fid(part.drop(columns=[c for c in ("osm_id", "osm_way_id") if c in part]), ids))
    if not parts:
        return gpd.GeoDataFrame({"_planmap_fid": []}, geometry=gpd.GeoSeries([], crs=STORAGE_CRS))
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=parts[0].crs)


def _read_csv(path: Path, *, encoding: str | None, file_name: str) -> gpd.GeoDataFrame:
    raw = path.read_bytes()
    text = _decode(raw, encoding=encoding, file_name=file_name)
    try:
        table = pd.read_csv(pd.io.common.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        if isinstance(exc, pd.errors.EmptyDataError):
            raise _refuse("empty", file=file_name) from exc
        raise _refuse("unreadable", file=file_name, detail=str(exc).splitlines()[0]) from exc
    if table.empty:
        raise _refuse("empty", file=file_name)
    lower = {str(c).strip().lower(): c for c in table.columns}
    wkt = next((lower[c] for c in _WKT_COLUMNS if c in lower), None)
    lon = next((lower[c] for c in _LON_COLUMNS if c in lower), None)
    lat = next((lower[c] for c in _LAT_COLUMNS if c in lower), None)
    rows = pd.Series(np.arange(len(table)) + 2).astype(str)  # CSV line number (line 1 is the header)
    try:
        if wkt is not None:
            geometry = gpd.GeoSeries.from_wkt(table[wkt].replace("", None))
            attributes = table.drop(columns=[wkt])
        elif lon is not None and lat is not None:
            x = pd.to_numeric(table[lon].str.strip(), errors="raise")
            y = pd.to_numeric(table[lat].str.strip(), errors="raise")
            geometry = gpd.GeoSeries(gpd.points_from_xy(x, y))
            attributes = table
        else:
            raise _refuse("csv_columns", file=file_name, columns=", ".join(map(str, table.columns)))
    except (ValueError, shapely.errors.GEOSException) as exc:
        if isinstance(exc, LayerImportError):
            raise
        raise _refuse("csv_values", file=file_name, detail=str(exc).splitlines()[0]) from exc
    frame = gpd.GeoDataFrame(attributes.reset_index(drop=True), geometry=geometry.values, crs=None)
    return _with_fid(frame, rows.values)


def _decode(raw: bytes, *, encoding: str | None, file_name: str) -> str:
    """The CSV's text; a file that is not UTF-8 is refused with the encoding it most likely is."""
    if encoding:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise _refuse("encoding_given", file=file_name, encoding=encoding, detail=str(exc)) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = next((enc for enc in _GUESSED_ENCODINGS if _decodes(raw, enc)), None)
        raise _refuse("not_utf8", file=file_name, guess=guess or "unknown", offset=exc.start) from exc


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    # A wrong guess decodes to control characters or private-use code points.
    return not any((ord(c) < 32 and c not in "\r\n\t") or 0xE000 <= ord(c) <= 0xF8FF for c in text)


def _with_fid(frame: gpd.GeoDataFrame, ids: Any) -> gpd.GeoDataFrame:
    frame = frame.reset_index(drop=True)
    frame["_planmap_fid"] = list(ids)
    return frame


# --- checking and converting -----------------------------------------------------------------------------


def _normalise(
    frame: gpd.GeoDataFrame, *, name_field: str, datum: str, crs_in_file: str | None, file_name: str
) -> tuple[gpd.GeoDataFrame, int]:
    """Named features in WGS84 with their county, and how many lay outside 宁波 (left out).

    Refuses projected data without a definition, and a layer none of whose
    features lies in 宁波 (a wrong datum, swapped columns or the wrong file).
    """
    names = frame[name_field].astype("string").str.strip()
    keep = names.notna() & (names != "") & frame.geometry.notna() & ~frame.geometry.is_empty
    frame, names = frame[keep], names[keep]
    if frame.empty:
        raise _refuse("no_names", file=file_name, field=name_field)
    geometry = frame.geometry
    if crs_in_file is not None:
        declared = CRS.from_user_input(crs_in_file)
        if declared.is_projected:
            geometry = geometry.to_crs(STORAGE_CRS)  # the file defines its projection: pyproj reprojects
        elif not declared.is_geographic:
            raise _refuse("crs_unusable", file=file_name, crs=crs_in_file)
    else:
        minx, miny, maxx, maxy = geometry.total_bounds
        if 28 <= minx <= maxx <= 31 and 120 <= miny <= maxy <= 123:
            raise _refuse("swapped", file=file_name, bounds=f"{minx:.4f}, {miny:.4f}, {maxx:.4f}, {maxy:.4f}")
        if max(abs(minx), abs(maxx)) > 180 or max(abs(miny), abs(maxy)) > 90:
            raise _refuse("projected_undefined", file=file_name,
                          bounds=f"{minx:.0f}, {miny:.0f}, {maxx:.0f}, {maxy:.0f}")
    geometry = gpd.GeoSeries(_to_wgs84(geometry.values, datum=datum), crs=STORAGE_CRS, index=frame.index)
    inside = _inside_ningbo(geometry, ids=frame["_planmap_fid"], file_name=file_name, datum=datum)
    frame, names, geometry = frame[inside], names[inside], geometry[inside]
    attributes = frame.drop(columns=[frame.geometry.name, "_planmap_fid"])
    places = gpd.GeoDataFrame({
        "name": names.astype(str).values,
        "name_norm": [normalise_query(n) for n in names.astype(str)],
        "feature_id": frame["_planmap_fid"].astype(str).values,
        "attributes": [json.dumps(_jsonable(r), ensure_ascii=False) for r in attributes.to_dict("records")],
    }, geometry=geometry.values, crs=STORAGE_CRS)
    places["adcode"] = _counties(places)
    return places, int((~inside).sum())


def _to_wgs84(geometry: Any, *, datum: str) -> Any:
    """Shift GCJ-02/BD-09 vertices to WGS84; CGCS2000 and WGS84 differ by centimetres and are kept."""
    if datum in ("wgs84", "cgcs2000"):
        return geometry

    def shift(coords: np.ndarray) -> np.ndarray:
        lon, lat = geo_crs.to_wgs84(coords[:, 0], coords[:, 1], crs=datum)
        return np.column_stack([lon, lat])

    return shapely.transform(geometry, shift)


def _inside_ningbo(geometry: gpd.GeoSeries, *, ids: pd.Series, file_name: str, datum: str) -> np.ndarray:
    """Which features lie in 宁波 (`geo.boundaries.ningbo_area`, with its tolerance); refuses a layer with none inside."""
    inside = np.asarray(shapely.covers(ningbo_area(), geometry.representative_point().values), dtype=bool)
    if not inside.any():
        minx, miny, maxx, maxy = geometry.total_bounds
        raise _refuse("outside_all", file=file_name, total=len(geometry), datum=datum,
                      bounds=f"{minx:.4f}, {miny:.4f}, {maxx:.4f}, {maxy:.4f}")
    return inside


def _counties(places: gpd.GeoDataFrame) -> list[str]:
    """The county-level unit of 宁波 each feature's representative point lies in ('' when none)."""
    units = district_boundaries()
    points = gpd.GeoDataFrame(geometry=places.geometry.representative_point(), crs=STORAGE_CRS)
    joined = gpd.sjoin(points, units[["adcode", "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    return joined["adcode"].fillna("").astype(str).tolist()


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in record.items():
        if v is None or (isinstance(v, float) and np.isnan(v)):
            continue
        out[str(k)] = v if isinstance(v, (str, int, float, bool)) else str(v)
    return out


# --- storing ---------------------------------------------------------------------------------------------


def _store(places: gpd.GeoDataFrame, meta: ImportedLayer, folder: Path) -> None:
    """Write the layer then its sidecar, each by atomic replace: a reader sees the old or the new import."""
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(4)
    tmp_gpkg = folder / f".{meta.key}.{token}.tmp.gpkg"
    tmp_json = folder / f".{meta.key}.{token}.tmp.json"
    try:
        places.to_file(tmp_gpkg, layer="places", driver="GPKG", engine="pyogrio")
        tmp_json.write_text(json.dumps(asdict(meta), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp_gpkg, folder / f"{meta.key}.gpkg")
        os.replace(tmp_json, folder / f"{meta.key}.json")
    finally:
        for tmp in (tmp_gpkg, tmp_json):
            tmp.unlink(missing_ok=True)


def _layer_key(file_name: str, layer: str | None) -> str:
    """A stable key per file and layer: re-importing the same file replaces its earlier import."""
    stem = Path(file_name).name
    for suffix in (".osm.pbf", ".gpkg", ".zip", ".geojson", ".json", ".kml", ".csv", ".osm", ".pbf"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:40] or "layer"
    digest = hashlib.sha256(f"{file_name}\0{layer or ''}".encode()).hexdigest()[:8]
    return f"{slug}-{digest}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _index(values: pd.Series) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, value in enumerate(values.astype(str)):
        index.setdefault(value, []).append(i)
    return index


def _district_code(district: str | None) -> str | None:
    if not district:
        return None
    if district in NINGBO_DISTRICTS:
        return district
    return next((code for code, name in NINGBO_DISTRICTS.items() if name == district or name[:-1] == district), None)


# --- messages --------------------------------------------------------------------------------------------

#: English message per refusal code; `ui/layer_import.py` has the same codes in Chinese.
MESSAGES: dict[str, str] = {
    "format": "{file}: not a layer format read here; use one of {formats}",
    "missing": "{file}: no such file",
    "empty": "{file} is empty: it holds no features",
    "too_large": "{file} is {mb} MB, more than the {limit_mb} MB limit; clip it to 宁波 or split it first",
    "unreadable": "{file} cannot be read as a layer: {detail}",
    "which_layer": "{file} holds several layers ({layers}); say which one to import",
    "no_layer": "{file} has no layer '{layer}'; its layers are {layers}",
    "no_source": "{file}: say where the layer comes from (source); an import without one is refused",
    "no_licence": "{file}: give the layer's licence; an import without one is refused",
    "no_datum": "{file}: declare the datum the coordinates are in, one of {datums}",
    "unknown_datum": "{file}: unknown datum '{datum}'; use one of {datums}",
    "no_name_field": "{file} has no field '{field}'; its fields are {fields}",
    "no_names": "{file}: no feature has a name in field '{field}'",
    "csv_columns": "{file}: no lon/lat or WKT column found (columns: {columns}); "
                   "name them lon and lat, or wkt",
    "csv_values": "{file}: a coordinate or WKT value cannot be read ({detail})",
    "not_utf8": "{file} is not UTF-8 (first bad byte at {offset}); it looks like {guess}: "
                "save it as UTF-8, or import it with encoding {guess}",
    "encoding_given": "{file} cannot be read as {encoding}: {detail}",
    "crs_unusable": "{file} declares the coordinate system {crs}, which is neither geographic nor projected",
    "projected_undefined": "{file} has projected coordinates (in metres: {bounds}) but no definition of the "
                           "projection; export it with its .prj / CRS, or as longitude/latitude",
    "outside_all": "{file}: none of its {total} features lies in 宁波 after reading it as {datum} "
                   "(they lie in {bounds}); check the declared datum and that this is the right file",
    "swapped": "{file}: the coordinates read as longitude {bounds} look like latitude and longitude the "
               "wrong way round; swap the columns (x/lon is east, about 121.5 in 宁波)",
}


def _refuse(code: str, **details: Any) -> LayerImportError:
    error = LayerImportError(MESSAGES[code].format(**details) + "; nothing was imported")
    error.code = code  # type: ignore[attr-defined]
    error.details = details  # type: ignore[attr-defined]
    return error


# A temporary folder for uploads lives next to the imports, so os.replace never crosses file systems.
def upload_dir() -> Path:
    """A private temporary folder for one upload (the caller removes it)."""
    base = imports_dir() / ".uploads"
    base.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=base))
