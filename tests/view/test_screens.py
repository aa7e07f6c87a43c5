"""Every map loads the screen-fitting script and stylesheet, from the app's own static files."""

from layers.store import read_layer
from view.assets import STATIC_DIR
from view.maps import base_map


def test_every_base_map_loads_the_screen_script_and_stylesheet_from_the_app():
    html = base_map(read_layer("districts")).get_root().render()
    assert "/app/static/planmap_screen.js" in html
    assert "/app/static/planmap_screen.css" in html
    assert (STATIC_DIR / "planmap_screen.js").is_file() and (STATIC_DIR / "planmap_screen.css").is_file()


def test_the_screen_script_loads_after_leaflet():
    html = base_map(read_layer("districts")).get_root().render()
    assert html.index("leaflet.js") < html.index("planmap_screen.js")
