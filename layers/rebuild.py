"""Rebuild only the layers a curated place affects, after an editor saves.

A full `python -m layers build` redoes every table (district boundaries,
sections, indicators …). After one place changed, only these can differ: the
`places` and `rail` tables, and the project and structure records whose text
names the place (under its old or new names) or that were placed through it.
Places derived from a changed place (`through`, `hull`, `same` recipes)
change with it and count as changed too. Everything else is left as it is.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import derive
from geo.access import files
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geocode import default_gazetteer
from geo.settings import GAZETTEER_DIR
from layers.build import build, located_layer, place_layers
from layers.place_figures import place_figures_table
from layers.errors import LayerStoreError
from layers.settings import LAYERS_GPKG
from layers.store import built_from, curation_state, list_layers, read_layer, write_build_info, write_layer

#: Record columns that hold names a record may be placed by.
_NAME_COLUMNS = {
    "projects": ("quote", "name", "places", "extent_from", "extent_to"),
    "structures": ("quote", "name", "members"),
}
#: Columns `layers.locate.locate_records` adds to extracted records.
_LOCATED_COLUMNS = ("precision", "place_ids", "location_note", "location_method")
#: A full build can take a while; a second rebuild waits for the first rather than failing.
_LOCK_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild redid: rows written per table, the places it covered, seconds taken.

    `place_ids` are the places asked for plus those derived from them;
    `records` counts the project/structure records located again (a subset of
    their tables' rows); `full` is True when there was no store and everything was built.
    """

    tables: dict[str, int]
    records: dict[str, int]
    place_ids: tuple[str, ...]
    seconds: float
    full: bool = False

    def summary(self) -> str:
        """One line for a page or the log."""
        how = "full build" if self.full else "partial rebuild"
        tables = ", ".join(f"{k} {v}" for k, v in self.tables.items())
        return f"{how} in {self.seconds:.2f} s: {tables}"


def rebuild_for_places(
    place_ids: Iterable[str], *, path: Path = LAYERS_GPKG, gazetteer_dir: Path = GAZETTEER_DIR
) -> RebuildReport:
    """Redo the tables and records that the given places affect, atomically.

    The store is copied, the copy updated and moved into place, so readers see
    the old or the new store; two rebuilds at once take turns (a lock beside
    the store). Without a store, this is a full `layers.build.build`.
    The gazetteer is read from `gazetteer_dir` with its curated entries.
    """
    started = time.perf_counter()
    asked = tuple(dict.fromkeys(place_ids))
    path = Path(path)
    with files.locked(path.with_name(f".{path.name}.lock"), timeout_s=_LOCK_TIMEOUT_S):
        default_gazetteer.cache_clear()  # name searches in this process must see the new places
        if not path.exists() or not {"places", "projects", "structures"} <= set(list_layers(path=path)):
            counts = build(path=path, gazetteer_dir=gazetteer_dir)
            return RebuildReport(counts, {}, asked, time.perf_counter() - started, full=True)
        gazetteer = load_gazetteer(gazetteer_dir)
        changed = _with_dependents(asked, gazetteer)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.rebuilding.gpkg")
        try:
            shutil.copyfile(path, tmp)
            tables, records = _update(tmp, gazetteer, changed)
            write_build_info(tmp, curation=curation_state(gazetteer_dir))
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return RebuildReport(tables, records, tuple(sorted(changed)), time.perf_counter() - started)


def catch_up(*, path: Path = LAYERS_GPKG, gazetteer_dir: Path = GAZETTEER_DIR) -> RebuildReport | None:
    """On start: clear what killed rebuilds left, and rebuild a store that is behind the curation.

    A server killed after a save committed but before its rebuild finished
    leaves a store showing the old place; the store records the curation state
    it was built from, so a mismatch (or a store that records none, being
    older) means a full build now. Returns None when the store was current
    (or is damaged, which the pages report).
    """
    started = time.perf_counter()
    path = Path(path)
    remove_dead_leftovers(path)
    if not path.exists() or not Path(gazetteer_dir).is_dir():
        return None
    with files.locked(path.with_name(f".{path.name}.lock"), timeout_s=_LOCK_TIMEOUT_S):
        try:
            recorded = built_from(path=path)
        except LayerStoreError:
            return None  # damaged: the pages say so and how to rebuild; not rebuilt behind anyone's back
        if recorded == curation_state(gazetteer_dir):
            return None
        default_gazetteer.cache_clear()
        counts = build(path=path, gazetteer_dir=gazetteer_dir)
    return RebuildReport(counts, {}, (), time.perf_counter() - started, full=True)


def remove_dead_leftovers(path: Path = LAYERS_GPKG) -> list[Path]:
    """Delete `.STORE.<pid>.rebuilding.gpkg` files whose process is gone; returns those deleted."""
    removed = []
    for leftover in Path(path).parent.glob(f".{Path(path).stem}.*.rebuilding.gpkg"):
        pid = leftover.name.split(".")[-3]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _update(store: Path, gazetteer: Gazetteer, changed: set[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Rewrite `places`, `rail` and the affected records in `store`; rows written and records redone."""
    old_places = read_layer("places", path=store)
    names = _names(old_places[old_places["id"].isin(changed)], gazetteer, changed)
    tables: dict[str, int] = {}
    records: dict[str, int] = {}
    for kind in ("projects", "structures"):
        stored = read_layer(kind, path=store)
        hit = _affected(stored, kind, names, changed)
        records[kind] = int(hit.sum())
        if not hit.any():
            continue
        redo = located_layer(_as_extracted(stored[hit]), gazetteer=gazetteer, kind=kind)
        write_layer(_replaced(stored, redo), kind, path=store)
        tables[kind] = len(stored)
    for name, frame in place_layers(gazetteer).items():
        write_layer(frame, name, path=store)
        tables[name] = len(frame)
    # A place's new name, alias or precision can give it figures or take them away.
    figures = place_figures_table(read_layer("places", path=store))
    if not _same_table(store, "place_figures", figures):
        write_layer(figures, "place_figures", path=store)
        tables["place_figures"] = len(figures)
    return tables, records


def _same_table(store: Path, name: str, frame: pd.DataFrame) -> bool:
    """Whether `store` already holds `frame` as table `name` (compared as stored text, so dtypes may differ)."""
    if name not in list_layers(path=store):
        return False
    stored = pd.DataFrame(read_layer(name, path=store))
    return list(stored.columns) == list(frame.columns) and \
        stored.astype(str).values.tolist() == frame.astype(str).values.tolist()


def _as_extracted(stored: gpd.GeoDataFrame) -> pd.DataFrame:
    """Stored records as extraction gave them: without what locating added, text gaps as "".

    The store keeps every field locating reads (names, quote, listed places,
    district), so records are located again without re-reading the documents.
    """
    records = pd.DataFrame(stored.drop(columns=[stored.geometry.name, *_LOCATED_COLUMNS]))
    text = records.select_dtypes(exclude="number").columns
    records[text] = records[text].fillna("")
    return records


def _with_dependents(place_ids: Iterable[str], gazetteer: Gazetteer) -> set[str]:
    """The places plus every entry whose `derive` recipe reaches one of them."""
    users: dict[str, set[str]] = {}
    for row in gazetteer.rows():
        if row["derive"]:
            for member in derive.parse_recipe(row["derive"]).member_ids:
                users.setdefault(member, set()).add(row["id"])
    changed, todo = set(), list(place_ids)
    while todo:
        place_id = todo.pop()
        if place_id not in changed:
            changed.add(place_id)
            todo.extend(users.get(place_id, ()))
    return changed


def _names(old: pd.DataFrame, gazetteer: Gazetteer, changed: set[str]) -> set[str]:
    """Every name and alias the changed places had before or have now."""
    names: set[str] = set()
    for _, row in old.iterrows():
        names.add(str(row["name"]))
        names.update(a for a in str(row.get("aliases") or "").split("|") if a)
    for place_id in changed & {e.id for e in gazetteer}:
        names.update(gazetteer.get(place_id).names)
    return {n for n in names if n and n != "nan"}


def _affected(stored: pd.DataFrame, kind: str, names: set[str], changed: set[str]) -> pd.Series:
    """Records whose text names one of `names` or whose placement went through a changed place."""
    hit = pd.Series(False, index=stored.index)
    if names:
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        for column in _NAME_COLUMNS[kind]:
            if column in stored:
                hit |= stored[column].fillna("").astype(str).str.contains(pattern, regex=True)
    if "place_ids" in stored:
        ids = stored["place_ids"].fillna("").astype(str).str.split("|")
        hit |= ids.map(lambda values: bool(changed.intersection(values)))
    return hit


def _replaced(stored: gpd.GeoDataFrame, redo: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """`stored` with the rows of `redo` put in place of those with the same id, order kept."""
    redo = redo.set_index("id", drop=False)
    keep = ~stored["id"].isin(redo.index)
    merged = pd.concat([stored[keep], redo[list(stored.columns)]], ignore_index=True)
    order = {record_id: i for i, record_id in enumerate(stored["id"])}
    merged = merged.sort_values("id", key=lambda ids: ids.map(order), kind="stable").reset_index(drop=True)
    return gpd.GeoDataFrame(merged, geometry="geometry", crs=stored.crs)
