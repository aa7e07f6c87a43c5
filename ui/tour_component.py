"""A presenter tour as an in-page Streamlit component (`st.components.v2`), with no iframe.

The map is the overview's (`ui/map_component.py`: the same static files, the
same cached payload and basemap), and `static/tour.js` steps through the tour
on it in the browser: buttons, keys and the URL's step never rerun the script.
The offline export (`view/tours_export.py`) keeps the folium page, which
inlines everything into one file.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from layers.tours import Tour
from ui.inpage_component import inline_component, mount_module
from ui.map_component import SCRIPTS as MAP_SCRIPTS
from ui.map_component import STYLESHEETS as MAP_STYLESHEETS
from ui.map_component import planner_map_data
from view.tours import tour_payload

#: The overview map's files, then the tour on top of it.
SCRIPTS = (*MAP_SCRIPTS, "tour.js", "tour_component.js")
STYLESHEETS = (*MAP_STYLESHEETS, "tour.css")

# Mounting again with the same version (a rerun that changed nothing the map
# shows, such as a download) keeps the map, its tour and its current step.
_MOUNT = mount_module("window.tourComponent.mount(host, data)")

#: Tour payload keys that only say where to start: a rerun that changes them keeps the tour where the user is.
_START_KEYS = ("start_step", "presenter")


def tour_data(tour: Tour, map_data: dict[str, Any], *, lang: str, start_step: int = 1,
              presenter: bool = False) -> dict[str, Any]:
    """The component's data: the planner map's (`ui.map_component.map_data`) plus the tour's steps.

    Raises `TourError` (from `view.tours.tour_payload`) when a step names
    something that is not on the map.
    """
    payload = tour_payload(tour, map_data["payload"], lang=lang, start_step=start_step, presenter=presenter)
    steps = {k: v for k, v in payload.items() if k not in _START_KEYS}
    version = hashlib.sha1(json.dumps([map_data["version"], steps], sort_keys=True, ensure_ascii=False,
                                      default=str).encode("utf-8")).hexdigest()[:16]
    return {**map_data, "tour": payload, "version": version}


def planner_tour_data(tour: Tour, *, lang: str, start_step: int = 1, presenter: bool = False) -> dict[str, Any]:
    """`tour_data` on the overview's cached map (vector basemap, this language)."""
    return tour_data(tour, planner_map_data(lang), lang=lang, start_step=start_step, presenter=presenter)


def show_tour_map(data: dict[str, Any], *, key: str, wait: str) -> None:
    """Mount the tour's map; `wait` shows in its place until it is drawn. Nothing in it reruns the script."""
    component = inline_component("planmap_tour", scripts=SCRIPTS, stylesheets=STYLESHEETS, mount=_MOUNT, wait=wait)
    component(key=key, data=data, height="content")
