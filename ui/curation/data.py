"""Cached access to the curation store for the curation page, and what follows a change.

Everything is keyed by `curation_version()` (size and modification time of
the curation files), so a change saved by another editor or another server
process is seen on the next rerun; the queues also by `store_version()`, since
they count the records of the built layer store, which a rebuild replaces. After a change, `after_change` rebuilds the
affected layers and clears the caches, so the planner's map, nearby search
and tours show the new geometry.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.curation import CurationStore
from geo.gazetteer import Gazetteer
from geo.geocode import default_gazetteer
from geo.precision import DRAWN, TOO_WIDE_TYPES
from geo.settings import GAZETTEER_DIR
from layers.curation_queue import curation_queue, mention_contexts, records_queue
from layers.rebuild import RebuildReport, rebuild_for_places
from layers.settings import LAYERS_GPKG


def store() -> CurationStore:
    """The curation store of this deployment (follows `PLANMAP_GAZETTEER_DIR`)."""
    return CurationStore(GAZETTEER_DIR / "curation", gazetteer_dir=GAZETTEER_DIR)


def curation_version() -> tuple[tuple[int, int], ...]:
    """(size, mtime_ns) of the curation files; changes with every saved change."""
    out = []
    for name in ("entries.csv", "history.jsonl"):
        path = GAZETTEER_DIR / "curation" / name
        stat = path.stat() if path.exists() else None
        out.append((stat.st_size, stat.st_mtime_ns) if stat else (0, 0))
    return tuple(out)


def store_version() -> tuple[int, int]:
    """(size, mtime_ns) of the layer store; changes with every build and rebuild."""
    stat = LAYERS_GPKG.stat() if LAYERS_GPKG.exists() else None
    return (stat.st_size, stat.st_mtime_ns) if stat else (0, 0)


@st.cache_resource(show_spinner=False, max_entries=2)
def _gazetteer(version: tuple) -> Gazetteer:
    return store().gazetteer()


def gazetteer() -> Gazetteer:
    """The gazetteer with the curated rows applied, as the layers see it."""
    return _gazetteer(curation_version())


@st.cache_data(show_spinner=False, max_entries=2)
def _queue(version: tuple, stored: tuple) -> pd.DataFrame:
    return curation_queue(gazetteer=_gazetteer(version), path=LAYERS_GPKG)


def queue() -> pd.DataFrame:
    """`layers.curation_queue.curation_queue` for the current gazetteer and layer store."""
    return _queue(curation_version(), store_version())


@st.cache_data(show_spinner=False, max_entries=2)
def _records(version: tuple, stored: tuple) -> pd.DataFrame:
    return records_queue(gazetteer=_gazetteer(version), path=LAYERS_GPKG)


def records() -> pd.DataFrame:
    """`layers.curation_queue.records_queue` for the current gazetteer and layer store."""
    return _records(curation_version(), store_version())


@st.cache_data(show_spinner=False, max_entries=64)
def _contexts(place_id: str, version: tuple) -> list[dict]:
    return mention_contexts(place_id, gazetteer=_gazetteer(version))


def contexts(place_id: str) -> list[dict]:
    """The plan's words around each mention of a place."""
    return _contexts(place_id, curation_version())


@st.cache_data(show_spinner=False, max_entries=2)
def _exports(version: tuple) -> tuple[bytes, bytes]:
    return store().export_geojson(), store().export_csv()


def exports() -> tuple[bytes, bytes]:
    """The curated entries as (GeoJSON, CSV) bytes, made once per change."""
    return _exports(curation_version())


@st.cache_data(show_spinner=False, max_entries=2)
def _reference(version: tuple) -> gpd.GeoDataFrame:
    frame = _gazetteer(version).frame
    keep = (frame["precision"].isin(DRAWN) & ~frame.geometry.is_empty
            & frame["adcode"].str.startswith("3302") & ~frame["type"].isin(TOO_WIDE_TYPES))
    return frame.loc[keep, ["id", "name", "precision", "geometry"]]


def reference_places() -> gpd.GeoDataFrame:
    """Located Ningbo places (id, name, precision, geometry), for orientation on the editors' map."""
    return _reference(curation_version())


def after_change(place_ids: Iterable[str]) -> RebuildReport:
    """Rebuild the layers the changed places affect, then drop every cached frame.

    The layer caches in `ui.data` are keyed by the store's modification time
    and refresh by themselves; the data caches are cleared so derived frames
    (payloads, name lists, the queue) are rebuilt, and the name-search
    gazetteer of `geo.geocode` is reloaded for the nearby page.
    """
    report = rebuild_for_places(list(place_ids), path=LAYERS_GPKG, gazetteer_dir=GAZETTEER_DIR)
    st.cache_data.clear()
    _gazetteer.clear()
    default_gazetteer.cache_clear()
    return report


@st.cache_data(show_spinner=False, max_entries=2)
def _unknown(version: tuple) -> pd.DataFrame:
    from layers.curation_queue import unknown_names_queue

    return unknown_names_queue(gazetteer=_gazetteer(version))


def unknown_names() -> pd.DataFrame:
    """`layers.curation_queue.unknown_names_queue` for the current gazetteer."""
    return _unknown(curation_version())
