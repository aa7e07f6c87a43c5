"""Presenter tours: ordered steps authored in `data/tours/*.yaml`, checked against the store.

A tour file names records, never copies their text: each step's narrative is a
list of record ids whose exact quotes come from the layer store, so the words
on screen are always the plan's own and cannot drift from it. Presenter notes
are the author's words and stay separate. Views are fitted to features or to
district boundaries from the store; an explicit extent must say why.

Layers are named by stable references (not the planner map's positional
`st-N` ids):

- `structure:<doc_id>/<structure name>`, e.g. `structure:jiangbei-14th-five-year-plan/一带两轴三核四片`
- `projects:<category key>` (see `layers.categories`) or `projects:district-only`
- `rail:existing`, `rail:planned`, `rail:stations`, `rivers`, `places`
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, overload

import geopandas as gpd
import shapely
import yaml

from geo.precision import DRAWN
from geo.settings import DATA_DIR
from layers.categories import category_keys
from layers.errors import LayersError
from layers.plans import load_catalog
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from layers.text import display_text

TOURS_DIR = DATA_DIR / "tours"
#: Tables whose records carry an exact quote a step may cite as narrative.
NARRATIVE_TABLES = ("structures", "projects", "indicators", "sections")
#: Layer references that are not structures or project categories.
FIXED_LAYERS = ("rail:existing", "rail:planned", "rail:stations", "rivers", "places", "projects:district-only")
#: Precisions the planner map draws as a location (district-only records are not).
DRAWN_PRECISIONS = DRAWN

_TOUR_KEYS = {"id", "title", "summary", "layers", "steps"}
_STEP_KEYS = {"title", "narrative", "notes", "layers", "highlight", "view"}


class TourError(LayersError, ValueError):
    """A tour file is malformed or names a record, feature or layer the store lacks."""


@dataclass(frozen=True)
class Passage:
    """One record's exact quote, as a step shows it."""

    record_id: str
    doc_id: str
    start: int
    end: int
    section_path: str
    text: str


@dataclass(frozen=True)
class View:
    """Where the map goes: `bounds` = (west, south, east, north), degrees, EPSG:4326."""

    kind: str
    bounds: tuple[float, float, float, float]
    why: str | None = None


@dataclass(frozen=True)
class Step:
    """One step of a tour; `number` counts from 1."""

    number: int
    title: dict[str, str]
    narrative: tuple[Passage, ...]
    notes: dict[str, str] | None
    layers: tuple[str, ...]
    highlight: tuple[str, ...]
    view: View


@dataclass(frozen=True)
class Tour:
    """A validated tour."""

    id: str
    path: Path
    title: dict[str, str]
    summary: dict[str, str] | None
    steps: tuple[Step, ...]


def list_tours(*, tours_dir: Path = TOURS_DIR) -> list[str]:
    """Ids (file stems) of the tour files, sorted."""
    return sorted(p.stem for p in tours_dir.glob("*.yaml"))


def load_tour(tour_id: str, *, tours_dir: Path = TOURS_DIR, store: Path = LAYERS_GPKG) -> Tour:
    """Read and validate one tour by id; raises `TourError` naming file and step."""
    path = tours_dir / f"{tour_id}.yaml"
    if not path.is_file():
        known = ", ".join(list_tours(tours_dir=tours_dir)) or "none"
        raise TourError(f"No tour {tour_id!r} in {tours_dir}; known tours: {known}")
    return load_tour_file(path, store=store)


def load_tour_file(path: Path, *, store: Path = LAYERS_GPKG) -> Tour:
    """Read and validate a tour file against the layer store."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TourError(f"Tour file {path.name}: cannot be read as YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise TourError(f"Tour file {path.name}: expected a mapping with `title` and `steps`")
    where = f"Tour file {path.name}"
    _no_unknown_keys(raw, _TOUR_KEYS, where)
    if raw.get("id", path.stem) != path.stem:
        raise TourError(f"{where}: `id` {raw['id']!r} must equal the file name {path.stem!r}")
    steps_raw = raw.get("steps")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise TourError(f"{where}: `steps` must be a non-empty list")
    records = _records(store, _mtime(store))
    base_layers = _layer_refs(raw.get("layers"), records, where)
    steps = tuple(
        _step(item, number=i, base_layers=base_layers, records=records, where=f"{where}, step {i}")
        for i, item in enumerate(steps_raw, start=1)
    )
    return Tour(
        id=path.stem, path=path, title=_texts(raw.get("title"), f"{where}: `title`", required=True),
        summary=_texts(raw.get("summary"), f"{where}: `summary`"), steps=steps,
    )


def layer_refs_of(tour: Tour) -> set[str]:
    """Every layer reference any step of the tour shows."""
    return {ref for step in tour.steps for ref in step.layers}


# ---- steps ---------------------------------------------------------------


def _step(item: Any, *, number: int, base_layers: tuple[str, ...], records: _Records, where: str) -> Step:
    if not isinstance(item, dict):
        raise TourError(f"{where}: expected a mapping with `title` and `narrative`")
    title = _texts(item.get("title"), f"{where}: `title`", required=True)
    where = f"{where} ({title['zh']})"
    _no_unknown_keys(item, _STEP_KEYS, where)
    narrative_ids = _id_list(item.get("narrative"), f"{where}: `narrative`")
    if not narrative_ids:
        raise TourError(f"{where}: `narrative` must name at least one record id (the plan's own words)")
    narrative = tuple(records.passage(rid, where) for rid in narrative_ids)
    highlight = tuple(_id_list(item.get("highlight"), f"{where}: `highlight`"))
    for fid in highlight:
        records.require_drawn(fid, where)
    own_layers = _layer_refs(item.get("layers"), records, where)
    layers = tuple(dict.fromkeys(base_layers + own_layers))
    view = _view(item.get("view"), highlight=highlight, narrative=narrative, records=records, where=where)
    return Step(number=number, title=title, narrative=narrative,
                notes=_texts(item.get("notes"), f"{where}: `notes`"), layers=layers,
                highlight=highlight, view=view)


def _view(raw: Any, *, highlight: tuple[str, ...], narrative: tuple[Passage, ...], records: _Records,
          where: str) -> View:
    if raw is None or raw == "fit":
        if highlight:
            return View("fit", records.bounds_of(highlight, where))
        adcodes = tuple(dict.fromkeys(records.district_of(p) for p in narrative))
        return View("district", records.district_bounds(adcodes, where))
    if not isinstance(raw, dict) or len(raw) not in (1, 2):
        raise TourError(f"{where}: `view` must be `fit`, {{fit: [ids]}}, {{district: adcode}} "
                        f"or {{extent: [west, south, east, north], why: ...}}")
    if "fit" in raw:
        ids = _id_list(raw["fit"], f"{where}: `view.fit`")
        for fid in ids:
            records.require_drawn(fid, where)
        return View("fit", records.bounds_of(tuple(ids), where))
    if "district" in raw:
        adcodes = tuple(str(a) for a in _as_list(raw["district"]))
        return View("district", records.district_bounds(adcodes, where))
    if "extent" in raw:
        why = raw.get("why")
        if not isinstance(why, str) or not why.strip():
            raise TourError(f"{where}: an explicit `view.extent` needs `why` (why features cannot be fitted)")
        box = raw["extent"]
        ok = isinstance(box, list) and len(box) == 4 and all(isinstance(v, (int, float)) for v in box)
        if not ok or not (box[0] < box[2] and box[1] < box[3]) or not _in_degrees(box):
            raise TourError(f"{where}: `view.extent` must be [west, south, east, north] in degrees (EPSG:4326)")
        return View("extent", (float(box[0]), float(box[1]), float(box[2]), float(box[3])), why.strip())
    raise TourError(f"{where}: unknown `view` {sorted(raw)}; use fit, district or extent")


def _layer_refs(raw: Any, records: _Records, where: str) -> tuple[str, ...]:
    refs = _id_list(raw, f"{where}: `layers`")
    for ref in refs:
        records.require_layer(ref, where)
    return tuple(refs)


# ---- the store, read once per version --------------------------------------


class _Records:
    """Lookups over the tables a tour may name."""

    def __init__(self, store: Path) -> None:
        self.quoted = {name: read_layer(name, path=store).set_index("id", drop=False) for name in NARRATIVE_TABLES}
        self.structures = self.quoted["structures"]
        self.projects = self.quoted["projects"]
        self.places = read_layer("places", path=store).set_index("id", drop=False)
        self.districts = read_layer("districts", path=store).set_index("adcode", drop=False)
        self.plan_adcodes = {plan.id: plan.adcode for plan in load_catalog()}

    def passage(self, record_id: str, where: str) -> Passage:
        for frame in self.quoted.values():
            if record_id in frame.index:
                row = frame.loc[record_id]
                return Passage(record_id=record_id, doc_id=str(row["doc_id"]), start=int(row["start"]),
                               end=int(row["end"]), section_path=display_text(str(row.get("section_path") or "")),
                               text=display_text(str(row["quote"])))
        raise TourError(f"{where}: unknown record {record_id!r} (not in {', '.join(NARRATIVE_TABLES)}); "
                        f"check the id with `python -m layers report` or the store")

    def geometry(self, feature_id: str) -> shapely.Geometry | None:
        """The drawn geometry of a record or place, None when the map does not draw it."""
        for frame in (self.structures, self.projects, self.places):
            if feature_id in frame.index:
                row = frame.loc[feature_id]
                geom = row.geometry
                if geom is None or geom.is_empty or row.get("precision") not in DRAWN_PRECISIONS:
                    return None
                return geom
        return None

    def require_drawn(self, feature_id: str, where: str) -> None:
        if self.geometry(feature_id) is not None:
            return
        for frame in (self.structures, self.projects, self.places):
            if feature_id in frame.index:
                precision = frame.loc[feature_id].get("precision")
                raise TourError(f"{where}: {feature_id!r} has no location on the map (precision {precision}); "
                                f"cite it in `narrative` instead of `highlight`/`view.fit`")
        raise TourError(f"{where}: unknown feature {feature_id!r} (not a structure, project or place id)")

    def bounds_of(self, feature_ids: tuple[str, ...], where: str) -> tuple[float, float, float, float]:
        geoms = [self.geometry(fid) for fid in feature_ids]
        return _bounds([g for g in geoms if g is not None], where)

    def district_of(self, passage: Passage) -> str:
        for name in ("structures", "projects", "indicators"):
            frame = self.quoted[name]
            if passage.record_id in frame.index and "district_adcode" in frame.columns:
                code = frame.loc[passage.record_id].get("district_adcode")
                if isinstance(code, str) and code:
                    return code
        return self.plan_adcodes.get(passage.doc_id, "")

    def district_bounds(self, adcodes: tuple[str, ...], where: str) -> tuple[float, float, float, float]:
        missing = [a for a in adcodes if a not in self.districts.index]
        if missing or not adcodes:
            raise TourError(f"{where}: unknown district adcode(s) {missing or adcodes}; "
                            f"known: {', '.join(self.districts.index)}")
        return _bounds(list(self.districts.loc[list(adcodes)].geometry), where)

    def require_layer(self, ref: str, where: str) -> None:
        if ref in FIXED_LAYERS:
            return
        kind, _, rest = ref.partition(":")
        if kind == "projects" and rest in category_keys():
            drawn = self.projects[(self.projects["category"] == rest)
                                  & self.projects["precision"].isin(DRAWN_PRECISIONS)
                                  & self.projects.geometry.notna()]
            if drawn.empty:
                raise TourError(f"{where}: layer {ref!r} has no project drawn on the map")
            return
        if kind == "structure" and "/" in rest:
            doc_id, _, name = rest.partition("/")
            part = self.structures[(self.structures["doc_id"] == doc_id) & (self.structures["structure"] == name)]
            if part.empty:
                raise TourError(f"{where}: unknown layer {ref!r}: no structure {name!r} in {doc_id!r}")
            if not any(self.geometry(rid) is not None for rid in part.index):
                raise TourError(f"{where}: layer {ref!r} has no located part, so the map has no such layer")
            return
        raise TourError(f"{where}: unknown layer {ref!r}; use structure:<doc>/<name>, projects:<category> "
                        f"or one of {', '.join(FIXED_LAYERS)}")


def _mtime(store: Path) -> float:
    return store.stat().st_mtime if store.exists() else 0.0


@lru_cache(maxsize=2)
def _records(store: Path, version: float) -> _Records:
    return _Records(store)


# ---- small helpers ----------------------------------------------------------


def _bounds(geoms: list[shapely.Geometry], where: str) -> tuple[float, float, float, float]:
    if not geoms:
        raise TourError(f"{where}: nothing to fit the view to")
    west, south, east, north = gpd.GeoSeries(geoms, crs="EPSG:4326").total_bounds
    return (round(float(west), 5), round(float(south), 5), round(float(east), 5), round(float(north), 5))


def _in_degrees(box: list[float]) -> bool:
    return all(math.isfinite(v) for v in box) and -180 <= box[0] <= 180 and -90 <= box[1] <= 90 \
        and -180 <= box[2] <= 180 and -90 <= box[3] <= 90


@overload
def _texts(raw: Any, where: str, *, required: Literal[True]) -> dict[str, str]: ...
@overload
def _texts(raw: Any, where: str, *, required: bool = False) -> dict[str, str] | None: ...
def _texts(raw: Any, where: str, *, required: bool = False) -> dict[str, str] | None:
    """A text in Chinese (plain string) or {zh: ..., en: ...}; English falls back to Chinese."""
    if raw is None or raw == "":
        if required:
            raise TourError(f"{where} is missing")
        return None
    if isinstance(raw, str):
        return {"zh": raw.strip(), "en": raw.strip()}
    if isinstance(raw, dict) and isinstance(raw.get("zh"), str) and all(isinstance(v, str) for v in raw.values()):
        return {"zh": raw["zh"].strip(), "en": str(raw.get("en") or raw["zh"]).strip()}
    raise TourError(f"{where} must be a string or {{zh: ..., en: ...}}")


def _id_list(raw: Any, where: str) -> list[str]:
    items = _as_list(raw)
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise TourError(f"{where} must be a list of ids (strings)")
    return [v.strip() for v in items]


def _as_list(raw: Any) -> list[Any]:
    if raw is None:
        return []
    return list(raw) if isinstance(raw, list) else [raw]


def _no_unknown_keys(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(map(str, raw)) - allowed)
    if unknown:
        raise TourError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")

