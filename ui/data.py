"""Cached, read-only access to the built layers for the Streamlit pages.

The only module where Streamlit caching meets `layers/`: `geo/` and `layers/`
stay Streamlit-free for the CLI, tests and benchmarks.
"""

from __future__ import annotations

import logging
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.crs import geometry_wgs84_to_gcj02
from geo.errors import GeoError
from geo.precision import DRAWN
from layers.errors import LayersError
from layers.plans import Plan, load_catalog
from layers.rebuild import catch_up
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from view.planmap import plan_payload


_log = logging.getLogger(__name__)


def store_version() -> float:
    """Changes whenever the store is rebuilt, so caches keyed by it refresh."""
    _caught_up()
    return LAYERS_GPKG.stat().st_mtime if LAYERS_GPKG.exists() else 0.0


@st.cache_resource(show_spinner=False)
def _caught_up() -> str:
    """Once per server process: a store left behind the curation by a crash is rebuilt first."""
    try:
        report = catch_up()
    except (LayersError, GeoError, OSError) as exc:
        _log.error("layer store not checked against the curation: %s", exc)
        return "failed"
    if report is not None:
        _log.warning("layer store was behind the curation (a rebuild was cut short); %s", report.summary())
        return "rebuilt"
    return "current"


@st.cache_resource(show_spinner=False)
def _layer(name: str, version: float) -> gpd.GeoDataFrame | pd.DataFrame:
    return read_layer(name)


def get_layer(name: str) -> gpd.GeoDataFrame | pd.DataFrame:
    """One layer of the store, read once per process and again after a rebuild."""
    return _layer(name, store_version())


# cache_resource, not cache_data: one shared payload (read only by the pages),
# not an unpickled copy per script run (~0.3 MB, ~20 ms each, measured by
# bench/load_server.py's sessions).
@st.cache_resource(show_spinner=False, max_entries=8)
def _payload(lang: str, gcj02: bool, version: float) -> dict[str, Any]:
    frames = {name: get_layer(name) for name in ("projects", "structures", "places", "districts")}
    if gcj02:
        # Amap tiles are drawn in GCJ-02: shift every overlay so it lines up.
        frames = {name: _shifted(frame) for name, frame in frames.items()}
    return plan_payload(**frames, lang=lang)


def planner_payload(lang: str, *, gcj02: bool = False) -> dict[str, Any]:
    """The planner's map payload for a language (and datum), built once per store version."""
    return _payload(lang, gcj02, store_version())


def shifted_districts() -> gpd.GeoDataFrame:
    """The districts layer in GCJ-02, for drawing on Amap tiles."""
    return _shifted(get_layer("districts"))


def catalog() -> tuple[Plan, ...]:
    """The plan catalog; `load_catalog` caches it per file version, so an added plan shows at once."""
    return load_catalog()


def _shifted(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = frame.copy()
    out["geometry"] = [geometry_wgs84_to_gcj02(g) if g is not None and not g.is_empty else g
                       for g in frame.geometry]
    return out


@st.cache_data(show_spinner=False)
def _place_names(version: float) -> list[str]:
    places = get_layer("places")
    located = places[places.geometry.notna() & places["precision"].isin(DRAWN)]
    names = set(located["name"])
    for aliases in located["aliases"].dropna():
        names.update(a for a in str(aliases).split("|") if a)
    return sorted(names, key=lambda n: (len(n), n))


def place_names() -> list[str]:
    """Names and aliases of located places, shortest first, for typing suggestions."""
    return _place_names(store_version())
