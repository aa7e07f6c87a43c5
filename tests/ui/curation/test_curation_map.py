"""The editors' map: Leaflet.draw from local files, the current shape editable, drawings read back."""

import pytest
import shapely
from shapely.geometry import Polygon, mapping

from layers.store import read_layer
from ui.curation.map import curation_map, drawn_geometry


@pytest.fixture(scope="module")
def districts():
    return read_layer("districts")


def _html(m):
    return m.get_root().render()


def test_an_editors_map_loads_leaflet_draw_locally_and_edits_the_current_shape(districts):
    square = Polygon([(121.55, 29.88), (121.56, 29.88), (121.56, 29.89), (121.55, 29.89)],
                     holes=[[(121.553, 29.883), (121.557, 29.883), (121.557, 29.887)]])
    html = _html(curation_map(districts, current=square, editable=True))
    assert "/app/static/vendor/leaflet-draw/leaflet.draw.js" in html
    assert "/app/static/vendor/leaflet-draw/leaflet.draw.css" in html
    assert "cdnjs" not in html and "cdn.jsdelivr" not in html
    assert "new L.Control.Draw" in html
    # The shape sits in the Draw control's own edit layer as a plain polygon (with its hole),
    # since Leaflet.draw cannot edit a GeoJSON group.
    group = html.split("var drawnItems_")[1].split("=")[1].split(";")[0].strip()
    assert group.startswith("feature_group_")
    assert "L.polygon(" in html and f".addTo({group})" in html
    assert "circle: false" in html.replace('"', "").replace("'", "")


def test_a_visitors_map_has_no_drawing_tools(districts):
    html = _html(curation_map(districts, current=shapely.Point(121.55, 29.88), editable=False))
    assert "L.Control.Draw" not in html and "leaflet.draw" not in html


def test_an_unlocated_place_gets_a_map_of_ningbo_with_nothing_drawn(districts):
    html = _html(curation_map(districts, current=None, editable=True))
    assert "L.marker(" not in html and "L.polygon(" not in html


def test_what_is_on_the_drawing_layer_is_what_is_saved():
    point = {"type": "Feature", "properties": {}, "geometry": mapping(shapely.Point(121.5, 29.9))}
    line = {"type": "Feature", "properties": {}, "geometry": mapping(shapely.LineString([(121.5, 29.9), (121.6, 29.95)]))}
    square = shapely.box(121.50, 29.90, 121.51, 29.91)
    other = shapely.box(121.52, 29.90, 121.53, 29.91)
    polygons = [{"type": "Feature", "properties": {}, "geometry": mapping(g)} for g in (square, other)]
    assert drawn_geometry([line]) == (shapely.LineString([(121.5, 29.9), (121.6, 29.95)]), 1)
    # Two parts of one multi-polygon, one of them reshaped: both are kept.
    geometry, count = drawn_geometry(polygons)
    assert count == 2 and geometry.geom_type == "MultiPolygon" and geometry.equals(shapely.union(square, other))
    # A point and a line cannot be one place's shape: a collection, which the store refuses.
    geometry, count = drawn_geometry([point, line])
    assert count == 2 and geometry.geom_type == "GeometryCollection"
    assert drawn_geometry([]) == (None, 0)
    assert drawn_geometry(None) == (None, 0)
