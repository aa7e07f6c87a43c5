"""Presenter tours on the planner's map: the step payload, the folium map, the offline file.

A tour (`layers.tours.Tour`) names stable layer references and record ids;
here they are resolved against the planner map's payload (`view.planmap`),
whose layer ids are partly positional (`st-N`). `static/tour.js` then steps
through the result on the map that is already drawn.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlencode

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from layers.plans import load_catalog
from layers.tours import Passage, Tour, TourError
from view.assets import STATIC_DIR, STATIC_URL, inline_assets_html
from view.maps import base_map
from view.planmap import PlanLayers, safe_json
from view.text import t

#: Tour layer references that map one-to-one onto planner map layer ids.
FIXED_LAYER_IDS = {
    "rail:existing": "rail-existing", "rail:planned": "rail-planned", "rail:stations": "rail-stations",
    "rivers": "pl-rivers", "places": "pl-places", "projects:district-only": "pr-district-only",
}
#: Scripts and stylesheets a standalone tour inlines, in load order.
_OWN_JS = ("planmap.js", "tour.js")
_OWN_CSS = ("planmap.css", "tour.css")

#: Catalogue keys (view/text.py) of the tour controls; `static/tour.js` knows them without `tour_`.
_LABEL_KEYS = ("tour_prev", "tour_next", "tour_step", "tour_presenter", "tour_presenter_exit", "tour_notes",
               "tour_read_source", "tour_keys")


class TourControl(JSCSSMixin, MacroElement):
    """Adds the tour payload and `tour.js` to a map that already has `PlanLayers`."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        new PlanTour(window.planmap, {{ this.payload_json }});
        {% endmacro %}"""
    )

    def __init__(self, payload: dict[str, Any], *, base_url: str = STATIC_URL) -> None:
        super().__init__()
        self._name = "TourControl"
        self.payload_json = safe_json(payload)
        self.default_js = [("tour_js", f"{base_url}/tour.js")]
        self.default_css = [("tour_css", f"{base_url}/tour.css")]


def planmap_layer_ids(plan: dict[str, Any]) -> dict[str, str]:
    """Tour layer reference → planner map layer id, for every layer the payload has.

    A structure layer holds the records `<doc>/<structure>/<nn>`, so its
    reference is read off its features' ids rather than its position.
    """
    ids = {ref: layer_id for ref, layer_id in FIXED_LAYER_IDS.items()}
    for layer in plan["layers"]:
        layer_id = layer["id"]
        if layer_id.startswith("pr-") and layer_id != "pr-district-only":
            ids[f"projects:{layer_id[3:]}"] = layer_id
        elif layer_id.startswith("st-"):
            for feature in layer["features"]["features"]:
                prefix, _, _ = str(feature["properties"]["id"]).rpartition("/")
                ids[f"structure:{prefix}"] = layer_id
    present = {layer["id"] for layer in plan["layers"]}
    return {ref: layer_id for ref, layer_id in ids.items() if layer_id in present}


def tour_payload(tour: Tour, plan: dict[str, Any], *, lang: str = "zh", start_step: int = 1,
                 source_url: str | None = "/source", presenter: bool = False) -> dict[str, Any]:
    """What `tour.js` needs: steps with resolved layer ids, highlights, bounds and quotes.

    Raises `TourError` naming the step when a layer or feature is not on the map.
    """
    layer_ids = planmap_layer_ids(plan)
    on_map = {f["properties"]["id"] for layer in plan["layers"] for f in layer["features"]["features"]}
    titles = {p.id: p.title for p in load_catalog()}
    steps = []
    for step in tour.steps:
        where = f"Tour file {tour.path.name}, step {step.number} ({step.title['zh']})"
        missing = [ref for ref in step.layers if ref not in layer_ids]
        if missing:
            raise TourError(f"{where}: layer(s) {', '.join(missing)} are not on the planner map")
        absent = [fid for fid in step.highlight if fid not in on_map]
        if absent:
            raise TourError(f"{where}: feature(s) {', '.join(absent)} are not on the planner map")
        west, south, east, north = step.view.bounds
        steps.append({
            "number": step.number, "title": step.title[lang],
            "narrative": [_passage(p, titles=titles, source_url=source_url) for p in step.narrative],
            "notes": step.notes[lang] if step.notes else None, "why": step.view.why,
            "layers": list(dict.fromkeys(layer_ids[ref] for ref in step.layers)),
            "highlight": list(step.highlight), "bounds": [[south, west], [north, east]], "view": step.view.kind,
        })
    return {
        "id": tour.id, "title": tour.title[lang], "steps": steps, "labels": {key.removeprefix("tour_"): t(key, lang) for key in _LABEL_KEYS},
        "start_step": max(1, min(len(steps), start_step)), "presenter": presenter,
    }


def tour_map(tour: Tour, *, districts: gpd.GeoDataFrame, plan: dict[str, Any], lang: str = "zh",
             start_step: int = 1, presenter: bool = False, base_url: str = STATIC_URL,
             source_url: str | None = "/source") -> folium.Map:
    """The vector basemap with every plan layer and the tour's step controller."""
    payload = tour_payload(tour, plan, lang=lang, start_step=start_step, source_url=source_url,
                           presenter=presenter)
    m = base_map(districts)
    m.add_child(PlanLayers(plan, base_url=base_url))
    m.add_child(TourControl(payload, base_url=base_url))
    return m


def standalone_html(m: folium.Map, *, title: str) -> str:
    """One self-contained HTML page: every script, stylesheet and datum inlined.

    Links to served files are dropped from every element and the files'
    contents put in the head instead, so the page makes no request at all.
    """
    for element in _walk(m.get_root()):
        if isinstance(element, JSCSSMixin):
            element.default_js = []
            element.default_css = []
    page = m.get_root().render()
    own = [f"<style>{(STATIC_DIR / name).read_text(encoding='utf-8')}</style>" for name in _OWN_CSS]
    own += [f"<script>{(STATIC_DIR / name).read_text(encoding='utf-8')}</script>" for name in _OWN_JS]
    head = "\n".join([f"<title>{html.escape(title)}</title>", inline_assets_html(), *own])
    if "<head>" not in page:
        raise TourError("folium rendered a page without <head>; cannot inline the assets")
    return page.replace("<head>", f"<head>\n{head}", 1)


def _passage(p: Passage, *, titles: dict[str, str], source_url: str | None) -> dict[str, Any]:
    out = {"record_id": p.record_id, "text": p.text, "doc_title": titles.get(p.doc_id, p.doc_id),
           "section_path": p.section_path}
    if source_url:
        out["href"] = f"{source_url}?{urlencode({'doc': p.doc_id, 'start': p.start, 'end': p.end})}"
    return out


def _walk(element: Any) -> list[Any]:
    found = [element]
    for child in getattr(element, "_children", {}).values():
        found.extend(_walk(child))
    return found
