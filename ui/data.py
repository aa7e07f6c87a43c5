"""Cached, read-only access to the built layers for the Streamlit pages.

The only module where Streamlit caching meets `layers/`: `geo/` and `layers/`
stay Streamlit-free for the CLI, tests and benchmarks.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import streamlit as st

from layers.plans import Plan, load_catalog
from layers.settings import LAYERS_GPKG
from layers.store import read_layer


@st.cache_resource(show_spinner=False)
def layer(name: str, mtime: float = 0.0) -> gpd.GeoDataFrame | pd.DataFrame:
    """One layer of the store, read once per process (and again after a rebuild)."""
    return read_layer(name)


def get_layer(name: str) -> gpd.GeoDataFrame | pd.DataFrame:
    """`layer(name)` keyed by the store's modification time, so a rebuild is picked up."""
    mtime = LAYERS_GPKG.stat().st_mtime if LAYERS_GPKG.exists() else 0.0
    return layer(name, mtime)


@st.cache_resource(show_spinner=False)
def catalog() -> tuple[Plan, ...]:
    return load_catalog()
