"""The planner's map as an in-page Streamlit component (`st.components.v2`), with no iframe.

streamlit-folium draws each map in an iframe that loads its scripts one
after another, and the page re-renders the folium map in Python on every run
(issue 16 measured the overview at about 2–2.6× a bare Streamlit page). Here
the map lives in the page's own DOM: Leaflet, `planmap.js`,
`planmap_screen.js` and `planmap_component.js` are the project's static files
(read from `static/`, sent with the page, run once per browser tab, no CDN),
the plan payload goes in as the component's data, and panning, zooming,
toggling and popups happen in the browser without rerunning the script.

`ui/inpage_component.py` makes the component from those files; the mount
code below calls `window.planmapComponent.mount`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import geopandas as gpd
import streamlit as st

from layers.plans import plan_districts
from ui.inpage_component import inline_component
from ui.data import get_layer, planner_payload, shifted_districts, store_version
from view.geojson import feature_collection
from view.maps import _CONTEXT_STYLE, _PLAN_STYLE, DEFAULT_ZOOM, NINGBO_CENTER, ONLINE_TILES

#: Static files in load order: Leaflet first, then the map code that uses it.
SCRIPTS = ("vendor/leaflet/leaflet.js", "planmap.js", "planmap_screen.js", "planmap_component.js")
STYLESHEETS = ("vendor/leaflet/leaflet.css", "planmap.css", "planmap_component.css")

# Mounts the map; mounting again with the same data (a rerun that changed
# nothing the map shows) keeps the map as it is, so its view and open popup stay.
_MOUNT = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const host = parentElement.querySelector(".pm-component-root");
  if (!host || !data) return;
  if (host.dataset.version === data.version && host.pmUnmount) return;
  if (host.pmUnmount) { host.pmUnmount(); host.pmUnmount = null; }
  host.dataset.version = data.version;
  const wait = host.querySelector(".pm-component-wait");
  try {
    host.pmUnmount = window.planmapComponent.mount(host, data, data.report_selection
      ? (id) => setTriggerValue("selected", id) : null);
    if (wait) wait.hidden = true;
  } catch (err) {
    if (wait) wait.textContent = String((err && err.message) || err);
    throw err;
  }
  return () => { if (host.pmUnmount) { host.pmUnmount(); host.pmUnmount = null; } };
}
"""


def _component(wait: str):
    return inline_component("planmap_map", scripts=SCRIPTS, stylesheets=STYLESHEETS, mount=_MOUNT, wait=wait)


def basemap_data(districts: gpd.GeoDataFrame, *, tiles: str = "none") -> dict[str, Any]:
    """What `view.maps.base_map` draws under the plan layers, as data for `planmap_component.js`."""
    is_plan = districts["adcode"].isin(list(plan_districts()))
    fill = {"fillOpacity": 0.08} if tiles in ONLINE_TILES else {}
    out: dict[str, Any] = {
        "center": list(NINGBO_CENTER), "zoom": DEFAULT_ZOOM, "tiles": None,
        "styles": {"context": {**_CONTEXT_STYLE, **fill}, "plan": {**_PLAN_STYLE, **fill}},
        "districts": {"context": feature_collection(districts[~is_plan], properties=["adcode", "name"]),
                      "plan": feature_collection(districts[is_plan], properties=["adcode", "name"])},
    }
    if tiles in ONLINE_TILES:
        url, attribution, subdomains = ONLINE_TILES[tiles]
        out["tiles"] = {"url": url, "attribution": attribution, "subdomains": subdomains or "abc"}
    return out


def map_data(payload: dict[str, Any], base: dict[str, Any], *, report_selection: bool = False) -> dict[str, Any]:
    """The component's data: payload, basemap, the static files, and a version that changes with them."""
    version = hashlib.sha1(json.dumps([payload, base], sort_keys=True, ensure_ascii=False, default=str)
                           .encode("utf-8")).hexdigest()[:16]
    return {"payload": payload, "base": base, "version": version, "report_selection": report_selection}


def plan_map(data: dict[str, Any], *, key: str, wait: str,
             on_select: Callable[[], None] | None = None) -> str | None:
    """Mount the map; returns the id of the feature last clicked when `on_select` is given, else None.

    `wait` is shown in the map's place until it is drawn. Without
    `on_select` a click never reruns the script.
    """
    callbacks = {"on_selected_change": on_select} if on_select is not None else {}
    result = _component(wait)(key=key, data={**data, "report_selection": on_select is not None},
                              height="content", **callbacks)
    return getattr(result, "selected", None) if on_select is not None else None


def planner_map_data(lang: str, *, tiles: str = "none") -> dict[str, Any]:
    """The overview's map data (payload, basemap, version), built once per language, basemap and store."""
    return _planner_map_data(lang, tiles, store_version())


# cache_resource: one shared read-only dict, so a rerun neither rebuilds nor re-hashes ~0.6 MB of JSON.
@st.cache_resource(show_spinner=False, max_entries=8)
def _planner_map_data(lang: str, tiles: str, version: float) -> dict[str, Any]:
    gcj02 = tiles == "amap"
    districts = shifted_districts() if gcj02 else get_layer("districts")
    return map_data(planner_payload(lang, gcj02=gcj02), basemap_data(districts, tiles=tiles))
