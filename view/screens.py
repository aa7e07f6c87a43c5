"""Every map sized to the window and laid out for phones, through `static/planmap_screen.js`.

Added to each map by `view.maps.base_map`. Kept apart from `planmap.js`: it only
hooks into Leaflet maps as they are made and into streamlit-folium's iframe
height, so the map's own script and the pages stay unchanged.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from view.assets import STATIC_URL


class ScreenFit(JSCSSMixin, MacroElement):
    """Loads the screen-fitting script and stylesheet into a folium map's page."""

    _template = Template("")

    def __init__(self, *, base_url: str = STATIC_URL) -> None:
        super().__init__()
        self._name = "ScreenFit"
        self.default_js = [("planmap_screen_js", f"{base_url}/planmap_screen.js")]
        self.default_css = [("planmap_screen_css", f"{base_url}/planmap_screen.css")]
