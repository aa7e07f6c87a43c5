"""Folium maps drawn from built layers. No Streamlit here, so tests and benchmarks
can render maps directly."""

from __future__ import annotations

import folium
import geopandas as gpd

from geo.settings import PLAN_DISTRICTS
from ui.assets import use_local_assets

#: Ningbo's urban core, where the two plan districts meet.
NINGBO_CENTER = (29.90, 121.60)
DEFAULT_ZOOM = 10

_PLAN_STYLE = {"color": "#b23a48", "weight": 2.5, "fillColor": "#f9dcc4", "fillOpacity": 0.85}
_CONTEXT_STYLE = {"color": "#8d99ae", "weight": 1, "fillColor": "#f6f3ec", "fillOpacity": 0.9}
#: Pale sea-coloured background instead of Leaflet's grey: the vector basemap
#: is drawn on it, with no tiles needed.
_MAP_BACKGROUND_CSS = "<style>.leaflet-container{background:#e8f0f5;}</style>"

#: Optional online tiles, never required (offline the map still shows the basemap).
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"


def base_map(
    districts: gpd.GeoDataFrame,
    *,
    online_tiles: bool = False,
    location: tuple[float, float] = NINGBO_CENTER,
    zoom: int = DEFAULT_ZOOM,
    labels: dict[str, str] | None = None,
) -> folium.Map:
    """A map of 宁波市 with 江北区/鄞州区 highlighted and the other units faint.

    Parameters
    ----------
    districts
        The `districts` layer (adcode, name, geometry in EPSG:4326).
    online_tiles
        Add OpenStreetMap tiles under the vector basemap (needs internet).
    labels
        Layer names for the layer control, e.g. {"plan": "规划区", "context": "宁波其他区县"}.
    """
    labels = labels or {"plan": "规划区", "context": "宁波其他区县"}
    m = folium.Map(location=location, zoom_start=zoom, tiles=None, control_scale=True)
    use_local_assets(m)
    m.get_root().header.add_child(folium.Element(_MAP_BACKGROUND_CSS))
    if online_tiles:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap").add_to(m)
    is_plan = districts["adcode"].isin(PLAN_DISTRICTS)
    for key, subset, style in (
        ("context", districts[~is_plan], _CONTEXT_STYLE),
        ("plan", districts[is_plan], _PLAN_STYLE),
    ):
        folium.GeoJson(
            subset[["adcode", "name", "geometry"]].to_json(),
            name=labels[key],
            style_function=lambda _feature, style=style: style,
            tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
            control=True,
        ).add_to(m)
    return m
