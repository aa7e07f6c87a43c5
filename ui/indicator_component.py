"""The indicators page's choropleth as an in-page Streamlit component (`st.components.v2`), with no iframe.

`view/indicator_map.py` computes the classes, colours and legend rows;
`static/indicator_component.js` draws them with Leaflet in the page itself,
so hovering, panning and popups never rerun the script.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ui.inpage_component import inline_component, mount_module

#: Leaflet under the same name as the planner map's (ui/map_component.py), so a tab loads it once.
SCRIPTS = ("vendor/leaflet/leaflet.js", "indicator_component.js")
STYLESHEETS = ("vendor/leaflet/leaflet.css", "indicator_component.css")

# Mounting again with the same version (a rerun that changed nothing the map shows) keeps the map as it is.
_MOUNT = mount_module("window.indicatorComponent.mount(host, data.map)")


def component_data(map_data: dict[str, Any]) -> dict[str, Any]:
    """`map_data` (from `view.indicator_map.indicator_map_data`) with a version that changes with it."""
    version = hashlib.sha1(json.dumps(map_data, sort_keys=True, ensure_ascii=False, default=str)
                           .encode("utf-8")).hexdigest()[:16]
    return {"map": map_data, "version": version}


def show_indicator_map(map_data: dict[str, Any], *, key: str, wait: str) -> None:
    """Mount the choropleth; `wait` shows in its place until it is drawn."""
    component = inline_component("indicator_map", scripts=SCRIPTS, stylesheets=STYLESHEETS, mount=_MOUNT, wait=wait)
    component(key=key, data=component_data(map_data), height="content")
