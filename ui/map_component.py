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
import math
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
# nothing the map shows) keeps the map as it is, so its view and open popup
# stay. A newly picked `selected` (a list beside the map) opens that
# feature's popup on the map as it is, without drawing it again.
_MOUNT = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const host = parentElement.querySelector(".pm-component-root");
  if (!host || !data) return;
  const selected = data.selected || "";
  const cleanup = () => { if (host.pmUnmount) { host.pmUnmount(); host.pmUnmount = null; } };
  if (host.dataset.version === data.version && host.pmUnmount) {
    if (selected && selected !== host.dataset.selected && host.pmUnmount.planmap) {
      host.pmUnmount.planmap.select(selected, { fly: true, open: true });
    }
    host.dataset.selected = selected;
    return cleanup;
  }
  if (host.pmUnmount) { host.pmUnmount(); host.pmUnmount = null; }
  host.dataset.version = data.version;
  host.dataset.selected = selected;
  const wait = host.querySelector(".pm-component-wait");
  try {
    host.pmUnmount = window.planmapComponent.mount(host, data,
      data.report_selection ? (id) => setTriggerValue("selected", id) : null,
      data.report_clicks ? (at) => setTriggerValue("clicked", at) : null);
    if (wait) wait.hidden = true;
  } catch (err) {
    if (wait) wait.textContent = String((err && err.message) || err);
    throw err;
  }
  return cleanup;
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


def map_data(payload: dict[str, Any], base: dict[str, Any], *, view: dict[str, Any] | None = None,
             circle: dict[str, Any] | None = None, outline: dict[str, Any] | None = None,
             locate: dict[str, str] | None = None) -> dict[str, Any]:
    """The component's data: payload, basemap, the page's marks, and a version that changes with them.

    `view` (`view_data`), `circle` (`circle_data`), `outline` (`outline_data`)
    and `locate` (`locate_data`) are left out when None.
    """
    extras = {name: value for name, value in
              {"view": view, "circle": circle, "outline": outline, "locate": locate}.items() if value is not None}
    version = hashlib.sha1(json.dumps([payload, base, extras], sort_keys=True, ensure_ascii=False, default=str)
                           .encode("utf-8")).hexdigest()[:16]
    return {"payload": payload, "base": base, **extras, "version": version, "report_selection": False}


def view_data(centre: tuple[float, float], zoom: int) -> dict[str, Any]:
    """Where the map opens: `centre` (lat, lon, WGS84) at `zoom`, instead of the basemap's own view."""
    return {"center": [float(centre[0]), float(centre[1])], "zoom": int(zoom)}


def circle_data(centre: tuple[float, float], radius_m: float, *, color: str) -> dict[str, Any]:
    """A search circle of `radius_m` metres around `centre` (lat, lon, WGS84) and a dot at the centre.

    Neither catches clicks: a click inside the circle is a click on the map.
    """
    return {"center": [float(centre[0]), float(centre[1])], "radius": float(radius_m),
            "style": {"color": color, "weight": 2, "fill": True, "fillOpacity": 0.06},
            "marker": {"radius": 5, "color": color, "fill": True, "fillOpacity": 1}}


def outline_data(areas: gpd.GeoDataFrame, *, color: str, fit: bool = True) -> dict[str, Any] | None:
    """`areas` outlined (e.g. the districts an answer lists); with `fit`, the map opens fitted to them.

    None when no area has a shape, so the map keeps its own view.
    """
    features = feature_collection(areas, properties=["adcode"])
    if not features["features"]:
        return None
    return {"features": features, "style": {"color": color, "weight": 3, "fillOpacity": 0.05}, "fit": fit}


def locate_data(*, label: str, denied: str) -> dict[str, str]:
    """The "my location" button's texts: its label, and what it says when no position is given."""
    return {"label": label, "denied": denied}


def plan_map(data: dict[str, Any], *, key: str, wait: str,
             on_select: Callable[[], None] | None = None, on_click: Callable[[], None] | None = None,
             selected: str | None = None) -> str | None:
    """Mount the map; returns the id of the feature last clicked when `on_select` is given, else None.

    `wait` is shown in the map's place until it is drawn. Without
    `on_select` and `on_click` a click never reruns the script. `on_click` is
    called (before the rerun) when the map is clicked off its features or the
    locate button finds the browser; `clicked_point(key)` then says where.
    `selected` (a feature id picked outside the map) opens that feature's
    popup without drawing the map again.
    """
    callbacks = {}
    if on_select is not None:
        callbacks["on_selected_change"] = on_select
    if on_click is not None:
        callbacks["on_clicked_change"] = on_click
    sent = {**data, "report_selection": on_select is not None, "report_clicks": on_click is not None,
            "selected": selected}
    result = _component(wait)(key=key, data=sent, height="content", **callbacks)
    return getattr(result, "selected", None) if on_select is not None else None


def clicked_point(key: str) -> tuple[float, float] | None:
    """Where the map of `key` was last clicked (lat, lon), for its `on_click` callback; None if not a point."""
    state = st.session_state.get(key)
    return latlng_point(state.get("clicked") if isinstance(state, dict) else None)


def latlng_point(value: object) -> tuple[float, float] | None:
    """`{"lat": …, "lng": …}` as sent by the map, as (lat, lon); None for anything else."""
    if not isinstance(value, dict):
        return None
    lat, lng = value.get("lat"), value.get("lng")
    if isinstance(lat, bool) or isinstance(lng, bool) or not isinstance(lat, int | float) or not isinstance(lng, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lng) and -90 <= lat <= 90 and -180 <= lng <= 180):
        return None
    return float(lat), float(lng)


def planner_map_data(lang: str, *, tiles: str = "none") -> dict[str, Any]:
    """The overview's map data (payload, basemap, version), built once per language, basemap and store."""
    return _planner_map_data(lang, tiles, store_version())


# cache_resource: one shared read-only dict, so a rerun neither rebuilds nor re-hashes ~0.6 MB of JSON.
@st.cache_resource(show_spinner=False, max_entries=8)
def _planner_map_data(lang: str, tiles: str, version: float) -> dict[str, Any]:
    gcj02 = tiles == "amap"
    districts = shifted_districts() if gcj02 else get_layer("districts")
    return map_data(planner_payload(lang, gcj02=gcj02), basemap_data(districts, tiles=tiles))
