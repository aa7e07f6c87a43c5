"""The editors' map: one place's current geometry, reference places, and Leaflet.draw.

No Streamlit here, so tests can build the map and read drawings directly.
Drawings come back from `streamlit_folium.st_folium` as GeoJSON features in
WGS84 (Leaflet works in longitude/latitude on OSM tiles and on the offline
basemap, so no datum shift is involved).
"""

from __future__ import annotations

import html
from typing import Any

import folium
import geopandas as gpd
import shapely
from folium.plugins import Draw
from shapely.geometry import GeometryCollection, MultiLineString, MultiPoint, MultiPolygon, shape

from view.assets import use_leaflet_draw
from view.geojson import feature_collection
from view.maps import NINGBO_CENTER, base_map

#: The place being fixed: orange, so it stands out from the reference places.
CURRENT_STYLE = {"color": "#e8590c", "weight": 3, "fillColor": "#e8590c", "fillOpacity": 0.2}
REFERENCE_COLOR = "#34495e"
#: Shapes an editor may draw. Circles are left out: Leaflet.draw returns a
#: circle as its centre point only, and the radius would be silently lost.
DRAW_OPTIONS = {
    "polyline": {"shapeOptions": {"color": "#e8590c"}},
    "polygon": {"allowIntersection": False, "shapeOptions": {"color": "#e8590c"}},
    "rectangle": {"shapeOptions": {"color": "#e8590c"}},
    "marker": True,
    "circle": False,
    "circlemarker": False,
}
EDIT_OPTIONS = {"poly": {"allowIntersection": False}}


def curation_map(
    districts: gpd.GeoDataFrame,
    *,
    current: shapely.Geometry | None,
    reference: gpd.GeoDataFrame | None = None,
    editable: bool = False,
    tiles: str = "none",
) -> folium.Map:
    """A map of one place for the curation page.

    Parameters
    ----------
    districts
        The `districts` layer (EPSG:4326).
    current
        The place's geometry now (WGS84), or None when it is unlocated.
    reference
        Located places (EPSG:4326, with `name`, `precision`) drawn small and grey,
        so an editor can tell where things are on the offline basemap.
    editable
        Adds the Leaflet.draw toolbar; the current geometry is put in its edit
        layer so it can be reshaped or deleted. Never set for a non-editor.
    tiles
        "none" or "osm" (WGS84 tiles; "amap" is not offered because drawings
        on GCJ-02 tiles would need shifting back).
    """
    has_shape = current is not None and not current.is_empty
    centre = (current.centroid.y, current.centroid.x) if has_shape else NINGBO_CENTER
    m = base_map(districts, tiles=tiles if tiles == "osm" else "none", location=centre, zoom=14 if has_shape else 11)
    if reference is not None and len(reference):
        _add_reference(m, reference)
    group = folium.FeatureGroup(name="current", control=False)
    if has_shape:
        for layer in _leaflet_layers(current, editable=editable):
            layer.add_to(group)
    group.add_to(m)
    if editable:
        draw = Draw(feature_group=group, draw_options=DRAW_OPTIONS, edit_options=EDIT_OPTIONS,
                    show_geometry_on_click=False, position="topleft")
        use_leaflet_draw(draw).add_to(m)
    if has_shape and current.geom_type != "Point":
        minx, miny, maxx, maxy = current.bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]], padding=(30, 30))
    return m


def drawn_geometry(features: list[dict[str, Any]] | None) -> tuple[shapely.Geometry | None, int]:
    """The shape on the editors' drawing layer, from st_folium's `all_drawings`, and how many parts.

    What is on the layer is what gets saved: several shapes of one kind become
    one multi-part shape (so reshaping one part of a multi-polygon keeps the
    others); shapes of different kinds become a collection, which the store
    refuses with a message. Returns (None, 0) when nothing is drawn.
    Coordinates are WGS84 lon/lat.
    """
    shapes = [shape(f["geometry"]) for f in features or [] if f and f.get("geometry")]
    if not shapes:
        return None, 0
    if len(shapes) == 1:
        return shapes[0], 1
    parts = [p for s in shapes for p in getattr(s, "geoms", [s])]
    kinds = {p.geom_type for p in parts}
    multi = {"Point": MultiPoint, "LineString": MultiLineString, "Polygon": MultiPolygon}
    if len(kinds) == 1 and (kind := kinds.pop()) in multi:
        return multi[kind](parts), len(shapes)
    return GeometryCollection(parts), len(shapes)


def _leaflet_layers(geometry: shapely.Geometry, *, editable: bool) -> list[folium.map.Layer]:
    """Plain Leaflet layers (not a GeoJSON group), since Leaflet.draw edits only those."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    layers: list[folium.map.Layer] = []
    for part in parts:
        if part.geom_type == "Point":
            layers.append(folium.Marker([part.y, part.x]))
        elif part.geom_type == "LineString":
            layers.append(folium.PolyLine([(y, x) for x, y in part.coords], **_style(editable)))
        elif part.geom_type == "Polygon":
            rings = [[(y, x) for x, y in ring.coords] for ring in (part.exterior, *part.interiors)]
            layers.append(folium.Polygon(rings if len(rings) > 1 else rings[0], **_style(editable)))
        else:  # a collection inside a collection: flatten once more
            layers.extend(_leaflet_layers(part, editable=editable))
    return layers


def _style(editable: bool) -> dict[str, Any]:
    style = {"color": CURRENT_STYLE["color"], "weight": CURRENT_STYLE["weight"],
             "fill_color": CURRENT_STYLE["fillColor"], "fill_opacity": CURRENT_STYLE["fillOpacity"]}
    return style if editable else {**style, "dash_array": "6 4"}


def _add_reference(m: folium.Map, reference: gpd.GeoDataFrame) -> None:
    points = reference.copy()
    points["geometry"] = points.geometry.representative_point()
    # folium's GeoJsonTooltip sets its cell with innerHTML, so the name goes in escaped.
    points["name"] = points["name"].map(lambda v: html.escape(str(v)) if v is not None else v)
    folium.GeoJson(
        feature_collection(points, properties=["name", "precision"]),
        name="reference", control=False,
        marker=folium.CircleMarker(radius=3, color=REFERENCE_COLOR, weight=1, fill=True, fill_opacity=0.7),
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    ).add_to(m)
