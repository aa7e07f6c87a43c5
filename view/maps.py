"""Folium maps drawn from built layers. No Streamlit here, so tests and benchmarks
can render maps directly."""

from __future__ import annotations

from collections.abc import Iterable

import folium
import geopandas as gpd

from layers.plans import plan_districts
from view.assets import use_local_assets
from view.geojson import feature_collection
from view.screens import ScreenFit

#: Ningbo's urban core, where the two plan districts meet.
NINGBO_CENTER = (29.90, 121.58)
DEFAULT_ZOOM = 11

_PLAN_STYLE = {"color": "#b23a48", "weight": 2.5, "fillColor": "#fbe3d0", "fillOpacity": 0.55}
_CONTEXT_STYLE = {"color": "#8d99ae", "weight": 1, "fillColor": "#f6f3ec", "fillOpacity": 0.9}
#: Pale sea-coloured background instead of Leaflet's grey: the vector basemap
#: is drawn on it, with no tiles needed.
_MAP_BACKGROUND_CSS = "<style>.leaflet-container{background:#e8f0f5;}</style>"

#: Optional online tiles, never required (offline the map still shows the
#: vector basemap). Amap tiles are in GCJ-02: overlays drawn on them must be
#: shifted with `geo.crs` first (see `ui.data.planner_payload(gcj02=True)`).
ONLINE_TILES: dict[str, tuple[str, str, str]] = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", ""),
    "amap": (
        "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
        "© 高德地图 AutoNavi",
        "1234",
    ),
}


def base_map(
    districts: gpd.GeoDataFrame,
    *,
    tiles: str = "none",
    location: tuple[float, float] = NINGBO_CENTER,
    zoom: int = DEFAULT_ZOOM,
    labels: dict[str, str] | None = None,
    plan_adcodes: Iterable[str] | None = None,
) -> folium.Map:
    """A map of 宁波市 with the districts that have a plan highlighted and the other units faint.

    Parameters
    ----------
    districts
        The `districts` layer (adcode, name, geometry in EPSG:4326).
    tiles
        "none" (vector basemap only), or "osm" / "amap" online tiles under it
        (need internet). With "amap", pass `districts` already in GCJ-02.
    labels
        Layer names for the layer control, e.g. {"plan": "规划区", "context": "宁波其他区县"}.
    plan_adcodes
        The districts to highlight; by default those of the plan catalog.
    """
    labels = labels or {"plan": "规划区", "context": "宁波其他区县"}
    m = folium.Map(location=location, zoom_start=zoom, tiles=None, control_scale=True)
    use_local_assets(m)
    m.add_child(ScreenFit())  # sized to the window; phone layout
    m.get_root().header.add_child(folium.Element(_MAP_BACKGROUND_CSS))
    if tiles in ONLINE_TILES:
        url, attribution, subdomains = ONLINE_TILES[tiles]
        folium.TileLayer(url, attr=attribution, name=tiles, subdomains=subdomains or "abc", max_zoom=18).add_to(m)
    # Over online tiles the land fill is nearly transparent, so the tiles show.
    fill = {"fillOpacity": 0.08} if tiles in ONLINE_TILES else {}
    is_plan = districts["adcode"].isin(list(plan_districts() if plan_adcodes is None else plan_adcodes))
    for key, subset, style in (
        ("context", districts[~is_plan], _CONTEXT_STYLE),
        ("plan", districts[is_plan], _PLAN_STYLE),
    ):
        folium.GeoJson(
            feature_collection(subset, properties=["adcode", "name"]),
            name=labels[key],
            style_function=lambda _feature, style={**style, **fill}: style,
            # Not clickable: the basemap must never catch a click meant for a
            # plan feature drawn above it.
            interactive=False,
            control=False,
        ).add_to(m)
    return m
