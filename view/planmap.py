"""The planner's map: every plan layer as one JSON payload drawn by `static/planmap.js`.

Layers are sent as GeoJSON inside a single script (not one folium object per
feature), geometries simplified and coordinates rounded to ~1 m, so the page
stays small and draws fast. The client does toggling, filtering, search and
URL state without a round trip to the server.
"""

from __future__ import annotations

import json
import re
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from layers.categories import category_keys
from geo.boundaries import county_units
from geo.names import romanised
from geo.precision import DRAWN, Precision
from layers.plans import load_catalog, plan_districts
from layers.locate import source_sites
from layers.projects import actual_projects
from layers.relations import related_records
from layers.styles import (
    PLACE_COLOR,
    RAIL_COLORS,
    RIVER_COLOR,
    category_color,
    structure_hue,
    structure_part_color,
    structure_style,
)
from layers.text import display_text
from view.assets import STATIC_URL
from view.geojson import geometry_json
from view.location_words import location_note
from view.text import category_label, doc_kind_label, place_type
from view.text import precision_labels as ui_precision_labels
from view.text import t as ui_text
from view.links import SOURCE_PATH

#: Display simplification of lines and polygons, degrees (~10 m).
SIMPLIFY_DEG = 0.0001
#: Longest quote put in a popup; the full text stays in the layer store.
MAX_QUOTE_CHARS = 600
#: Shorter for the ~300 records not drawn (their card links to the full passage), to keep the page small.
MAX_UNPLACED_QUOTE_CHARS = 240

#: Place types that carry an on-map label (the basemap has no names of its own).
LABELLED_PLACE_TYPES = ("town", "subdistrict", "new_town", "development_zone", "scenic_area", "park", "area")
#: UI texts kept in view/text.py (both languages) that the client needs.
_I18N_KEYS = ("pm_unplaced", "pm_unplaced_group", "pm_unplaced_parts", "pm_unplaced_all", "pm_unplaced_projects",
              "pm_unplaced_note", "pm_structure", "pm_project", "pm_close", "pm_stacked")

def district_labels(lang: str) -> dict[str, str]:
    """Adcode → district label of every district with a plan, in catalog order.

    From the catalog and the boundary data's own names, never a list kept
    here: a plan of a new district brings its label (江北区; English Jiangbei).
    """
    units = county_units()
    out = {}
    for adcode, full in plan_districts().items():
        name = units[adcode].name if adcode in units else full
        out[adcode] = name if lang == "zh" else romanised(name)
    return out


_JINJA_OPENERS = re.compile(r"\{([{%#])")

#: Catalogue keys (view/text.py) of the panel, search, popups and legend; the client knows them without `pm_`.
_UI_KEYS = (
    "pm_layers", "pm_search", "pm_search_placeholder", "pm_search_none", "pm_document", "pm_section",
    "pm_lead_unit", "pm_precision", "pm_location_source", "pm_read_source", "pm_g_structures", "pm_g_projects",
    "pm_g_rail", "pm_g_places", "pm_f_district", "pm_f_plan", "pm_f_cat", "pm_rail_existing", "pm_rail_planned",
    "pm_stations", "pm_rivers", "pm_places", "pm_district_only", "pm_district_only_name", "pm_legend_exact",
    "pm_legend_approx", "pm_legend_planned", "pm_legend_district_only", "pm_related", "pm_related_more",
    "pm_not_drawn", "pm_related_doc",
)


class PlanLayers(JSCSSMixin, MacroElement):
    """Adds the payload and `planmap.js` to a folium map."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        new PlanMap({{ this._parent.get_name() }}, {{ this.payload_json }});
        {% endmacro %}"""
    )

    def __init__(self, payload: dict[str, Any], *, base_url: str = STATIC_URL) -> None:
        super().__init__()
        self._name = "PlanLayers"
        self.payload_json = safe_json(payload)
        self.default_js = [("planmap_js", f"{base_url}/planmap.js")]
        self.default_css = [("planmap_css", f"{base_url}/planmap.css")]


def safe_json(payload: Any) -> str:
    """JSON that can sit inside a <script> that branca renders through Jinja.

    `</` is escaped so document text can never close the script element, and
    `{{`, `{%`, `{#` (which only occur inside strings: a JSON object always
    opens with `{"`) get their second character \\u-escaped so Jinja never
    sees a tag in, say, a quoted wiki template.
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return _JINJA_OPENERS.sub(lambda m: "{" + f"\\u{ord(m.group(1)):04x}", text)


def plan_payload(
    *,
    projects: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    structures: gpd.GeoDataFrame | None = None,
    places: gpd.GeoDataFrame | None = None,
    lang: str = "zh",
    source_url: str | None = SOURCE_PATH,
    show_projects: bool = False,
) -> dict[str, Any]:
    """Everything the client draws: layers, their groups, filters, legend and texts.

    `source_url` is the app page that shows a passage of a plan; popups link to
    it. None (for a standalone file with no server) leaves the link out.
    `show_projects` turns the project layers on at first (they start off on
    the planner's map, to keep its opening view readable).
    """
    t = {key.removeprefix("pm_"): ui_text(key, lang) for key in _UI_KEYS}
    precision_labels = ui_precision_labels(lang)
    projects = actual_projects(projects)
    layers: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []

    plans = {p.id: p for p in load_catalog()}
    # Spatial structures: one layer per named structure per plan, grouped by
    # district. Only the first two structures of each district's main plan are
    # shown at first, so the opening view stays readable.
    by_district: dict[str, list[str]] = {}
    district_areas = _plan_districts(districts)
    place_status = (dict(zip(places["id"], places["status"])) if places is not None and "status" in places.columns
                    else {})
    located_structures = structures[_has_geometry(structures)] if structures is not None else None
    for n, ((doc_id, name), part) in enumerate(located_structures.groupby(["doc_id", "structure"], sort=False)
                                              if located_structures is not None else []):
        adcode = str(part["district_adcode"].iloc[0])
        hue = structure_hue(n)
        layer_id = f"st-{sum(map(len, by_district.values()))}"
        siblings = by_district.setdefault(adcode, [])
        features = []
        for _, row in part.iterrows():
            feature = _feature(row, name=row["name"] or row["part"], color=structure_part_color(hue, row["kind"]),
                               style=structure_style(row["kind"])[1], category=None, plan_districts=district_areas,
                               lang=lang)
            feature["properties"]["part"] = row["part"] or row["name"]
            feature["properties"]["label_at"] = _label_point(row.geometry)
            # A part drawn on a rail line is as planned or existing as that line's own record.
            status = _single_status(row.get("place_ids"), place_status)
            if status:
                feature["properties"]["status"] = status
            features.append(feature)
        # A kind without a short label (a plan added with its own kind) goes by its kind as written.
        kind_label = doc_kind_label(plans[doc_id].kind, lang) or plans[doc_id].kind
        label = f"{name}（{kind_label}）" if lang == "zh" else f"{name} ({kind_label})"
        visible = plans[doc_id].kind == "five-year-plan" and len(siblings) < 2
        siblings.append(layer_id)
        layers.append(_layer(layer_id, label, hue, features, visible=visible))
    for adcode, layer_ids in by_district.items():
        district = district_labels(lang).get(adcode, adcode)
        groups.append({"id": f"structures-{adcode}", "label": f"{t['g_structures']} · {district}",
                       "layers": layer_ids})

    # Projects: one layer per category; district-only projects go to their own layer.
    project_ids: list[str] = []
    drawn = projects[projects["precision"].isin(DRAWN) & _has_geometry(projects)]
    for key in category_keys():
        part = drawn[drawn["category"] == key]
        if part.empty:
            continue
        label = category_label(key, lang)
        features = [_feature(row, name=row["name"], color=category_color(key), category=key, category_label=label,
                             plan_districts=district_areas, lang=lang)
                    for _, row in part.iterrows()]
        layer_id = f"pr-{key}"
        project_ids.append(layer_id)
        layers.append(_layer(layer_id, label, category_color(key), features, visible=show_projects))
    district_only = _district_only_features(projects, districts, t=t, lang=lang)
    if district_only:
        layers.append(_layer("pr-district-only", t["district_only"], "#999999", district_only, visible=False))
        project_ids.append("pr-district-only")
    groups.append({"id": "projects", "label": t["g_projects"], "layers": project_ids})

    # Rail and places from the gazetteer.
    if places is None:
        places = gpd.GeoDataFrame({"type": [], "status": [], "precision": []}, geometry=[], crs=districts.crs)
    rail_ids: list[str] = []
    is_line = places["type"].eq("rail_line") & _has_geometry(places)
    for status_key, statuses in (("existing", ["existing"]), ("planned", ["planned", "under_construction"])):
        part = places[is_line & places["status"].isin(statuses)]
        if part.empty:
            continue
        features = [_place_feature(row, color=RAIL_COLORS[status_key], plan_districts=district_areas, lang=lang)
                    for _, row in part.iterrows()]
        layer_id = f"rail-{status_key}"
        rail_ids.append(layer_id)
        layers.append(_layer(layer_id, t[f"rail_{status_key}"], RAIL_COLORS[status_key], features,
                             visible=True, style={"weight": 4}))
    stations = places[places["type"].eq("station") & _has_geometry(places)]
    if not stations.empty:
        layers.append(_layer("rail-stations", t["stations"], RAIL_COLORS["station"],
                             [_place_feature(r, color=RAIL_COLORS["station"], plan_districts=district_areas, lang=lang)
                              for _, r in stations.iterrows()],
                             visible=False, radius=4))
        rail_ids.append("rail-stations")
    groups.append({"id": "rail", "label": t["g_rail"], "layers": rail_ids})

    place_ids: list[str] = []
    located = places[places["precision"].isin(DRAWN) & _has_geometry(places)]
    rivers = located[located["type"].eq("river")]
    if not rivers.empty:
        layers.append(_layer("pl-rivers", t["rivers"], RIVER_COLOR,
                             [_place_feature(r, color=RIVER_COLOR, plan_districts=district_areas, lang=lang)
                              for _, r in rivers.iterrows()],
                             visible=True, style={"weight": 5, "opacity": 0.6}))
        place_ids.append("pl-rivers")
    others = located[~located["type"].isin(["river", "rail_line", "station"])]
    if not others.empty:
        layers.append(_layer("pl-places", t["places"], PLACE_COLOR,
                             [_place_feature(r, color=PLACE_COLOR, plan_districts=district_areas,
                                             label=r["type"] in LABELLED_PLACE_TYPES, lang=lang)
                              for _, r in others.iterrows()],
                             visible=False, radius=4))
        place_ids.append("pl-places")
    groups.append({"id": "places", "label": t["g_places"], "layers": place_ids})

    docs = {plan_id: plan.title for plan_id, plan in plans.items()}
    filters = [
        {"kind": "district", "label": t["f_district"],
         "options": [{"value": code, "label": label} for code, label in district_labels(lang).items()]},
        {"kind": "plan", "label": t["f_plan"],
         "options": [{"value": doc_id, "label": title} for doc_id, title in docs.items()]},
        {"kind": "cat", "label": t["f_cat"],
         "options": [{"value": key, "label": category_label(key, lang)}
                     for key in category_keys() if (projects["category"] == key).any()]},
    ]
    legend = _legend(layers, t)
    credits = _credits(layers, places)
    _mark_stacks(layers, projects, places)
    labels = dict(t, **{key: ui_text(key, lang) for key in _I18N_KEYS})
    # "江北区 十四五纲要": which plan a search suggestion or an undrawn record comes from.
    doc_short = {plan_id: " ".join(filter(None, (district_labels(lang).get(str(plan.adcode), ""),
                                                 doc_kind_label(plan.kind, lang))))
                 for plan_id, plan in plans.items()}
    return {
        "layers": layers, "groups": [g for g in groups if g["layers"]], "filters": filters,
        "legend": legend, "docs": docs, "doc_short": doc_short, "labels": labels,
        "precision_labels": precision_labels,
        **_unplaced_payload(_unplaced(structures, projects, lang=lang)),
        "source_url": source_url, "related": _related_payload(projects, structures, places, plans=plans, lang=lang),
        "credits": credits,
    }


def _credits(layers: list[dict[str, Any]], places: gpd.GeoDataFrame | None) -> list[str]:
    """Licence credits (GeoNames, OpenStreetMap) of the data the drawn features use.

    Read from the gazetteer rows behind the drawn features (their `source` and
    `derive`), not from the popups' wording, which names sites only.
    """
    from geo.sources.credits import credits_for

    features = [f["properties"] for layer in layers for f in layer["features"]["features"]]
    texts = [p.get("location_note") for p in features]
    if places is not None and len(places):
        used = {p.get("id") for p in features}
        used |= {i for p in features for i in str(p.get("place_ids") or "").split("|") if i}
        rows = places[places["id"].isin(used)]
        texts += [*rows.get("source", []), *rows.get("derive", [])]
    return credits_for(texts)


def _related_payload(projects: gpd.GeoDataFrame, structures: gpd.GeoDataFrame | None,
                     places: gpd.GeoDataFrame, *, plans: dict[str, Any], lang: str) -> dict[str, Any]:
    """`layers.relations` in a compact form: each record id and place name written once.

    `records[i]` is [id, name, short document label] (the same name can come
    from two documents); `places[k]` a place name; `links[i]` lists [j, k]:
    record j names place k as record i does.
    """
    frames = []
    for frame in (structures, projects):
        if frame is None or "place_ids" not in frame.columns:
            continue
        name = frame["name"].fillna("").astype(str)
        if "part" in frame.columns:  # a structure part without a name of its own goes by its part
            name = name.where(name != "", frame["part"].fillna("").astype(str))
        frames.append(pd.DataFrame({"id": frame["id"], "name": name, "doc_id": frame["doc_id"],
                                    "place_ids": frame["place_ids"]}))
    if not frames or places.empty:
        return {"records": [], "places": [], "links": []}
    records = pd.concat(frames, ignore_index=True).drop_duplicates("id")
    related = related_records(records, places)
    # Relations go both ways, so every record a link points to has links of its own.
    order = [rid for rid in records["id"] if rid in related]
    position = {rid: i for i, rid in enumerate(order)}
    names = dict(zip(records["id"], records["name"]))
    docs = {rid: (doc_kind_label(plans[doc].kind, lang) or plans[doc].kind) if doc in plans else ""
            for rid, doc in zip(records["id"], records["doc_id"])}
    place_names = list(dict.fromkeys(p for rid in order for _, p in related[rid]))
    place_index = {name: k for k, name in enumerate(place_names)}
    return {
        "records": [[rid, display_text(names[rid]), docs[rid]] for rid in order],
        "places": place_names,
        "links": [[[position[o], place_index[p]] for o, p in related[rid]] for rid in order],
    }


def planner_map(base: folium.Map, payload: dict[str, Any], *, base_url: str = STATIC_URL) -> folium.Map:
    """Add the plan layers to a base map (from `view.maps.base_map`)."""
    base.add_child(PlanLayers(payload, base_url=base_url))
    return base


def _layer(layer_id: str, label: str, color: str, features: list[dict[str, Any]], *, visible: bool,
           style: dict[str, Any] | None = None, radius: int | None = None) -> dict[str, Any]:
    layer: dict[str, Any] = {
        "id": layer_id, "label": label, "color": color, "visible": visible,
        "features": {"type": "FeatureCollection", "features": features},
    }
    if style:
        layer["style"] = style
    if radius:
        layer["radius"] = radius
    return layer


def _feature(row: pd.Series, *, name: str, color: str, category: str | None,
             category_label: str | None = None, style: dict[str, Any] | None = None,
             plan_districts: dict[str, shapely.Geometry] | None = None, lang: str = "zh") -> dict[str, Any]:
    props = {
        "id": row["id"], "name": name, "color": color, "precision": row.get("precision") or Precision.APPROXIMATE,
        "doc_id": row.get("doc_id"), "start": _int_or_none(row.get("start")), "end": _int_or_none(row.get("end")),
        "section_path": display_text(row.get("section_path") or ""),
        "quote": _short(display_text(row.get("quote") or "")), "lead_unit": row.get("lead_unit") or None,
        "district": str(row.get("district_adcode") or ""),
        "location_note": location_note(row.get("location_note"), lang=lang) or None,
        "status": row.get("status") or None,
        # A plan's record belongs to the plan's district even where its drawing
        # crosses the boundary; only a record with a wider code goes by geometry.
        "districts": (None if str(row.get("district_adcode") or "") in (plan_districts or {})
                      else _districts_of(row.geometry, plan_districts, own=row.get("district_adcode"))),
    }
    if category:
        props["category"] = category
        props["category_label"] = category_label
    if style:
        props["style"] = style
    return {"type": "Feature", "properties": _compact(props), "geometry": _geometry(row.geometry)}


def _place_feature(row: pd.Series, *, color: str, plan_districts: dict[str, shapely.Geometry] | None = None,
                   label: bool = False, lang: str = "zh") -> dict[str, Any]:
    # In the reader's words: the precision and the sites the source cites, never the codes or English prose.
    sites = "、".join(source_sites(row.get("source") or ""))
    note = " · ".join(filter(None, (ui_precision_labels(lang).get(row.get("precision"), ""),
                                    ui_text("source_site", lang).format(sites=sites) if sites else "")))
    props = {
        "id": row["id"], "name": row["name"], "aliases": (row.get("aliases") or "").replace("|", " "),
        "color": color, "precision": row.get("precision"), "status": row.get("status") or None,
        "category_label": place_type(row.get("type"), lang), "location_note": note or None, "district": str(row.get("adcode") or ""),
        "quote": row.get("note") or None,
        "districts": _districts_of(row.geometry, plan_districts, own=row.get("adcode")),
        "label_at": _label_point(row.geometry) if label else None,
    }
    return {"type": "Feature", "properties": _compact(props), "geometry": _geometry(row.geometry)}


def _district_only_features(projects: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, *, t: dict[str, str],
                            lang: str) -> list[dict[str, Any]]:
    """One marker per district listing the projects located only at district level.

    Drawing each such project on the whole district would look like a precise
    location; one labelled marker says honestly what is known.
    """
    only = projects[projects["precision"].eq(Precision.DISTRICT)]
    features = []
    for code, part in only.groupby("district_adcode"):
        match = districts[districts["adcode"] == str(code)]
        if match.empty:
            continue
        name = district_labels(lang).get(str(code), str(code))
        point = match.geometry.iloc[0].representative_point()
        props = {
            "id": f"district-only-{code}", "name": t["district_only_name"].format(district=name, n=len(part)),
            "color": "#999999", "precision": Precision.DISTRICT, "district": str(code), "districts": [str(code)],
            "quote": "、".join(part["name"].astype(str).tolist()),
        }
        features.append({"type": "Feature", "properties": props, "geometry": _geometry(point)})
    return features


def _legend(layers: list[dict[str, Any]], t: dict[str, str]) -> list[dict[str, Any]]:
    items = []
    for layer in layers:
        first = layer["features"]["features"][0]["geometry"]["type"] if layer["features"]["features"] else "Point"
        shape = "circle" if first.endswith("Point") else ("line" if "Line" in first else "box")
        if layer["id"] == "rail-planned":
            shape = "longdash"
        items.append({"label": layer["label"], "color": layer["color"], "shape": shape, "layer": layer["id"]})
    items.append({"label": t["legend_exact"], "color": "#333333", "shape": "line"})
    items.append({"label": t["legend_approx"], "color": "#999999", "shape": "dashed"})
    items.append({"label": t["legend_planned"], "color": "#333333", "shape": "longdash"})
    items.append({"label": t["legend_district_only"], "color": "#999999", "shape": "hollow"})
    return items


def _plan_districts(districts: gpd.GeoDataFrame) -> dict[str, shapely.Geometry]:
    """The plan districts' boundaries (same datum as the features), by adcode."""
    if districts is None or "adcode" not in districts.columns:
        return {}
    codes = plan_districts()
    return {str(code): geom for code, geom in zip(districts["adcode"], districts.geometry)
            if str(code) in codes and geom is not None}


def _districts_of(geom: shapely.Geometry | None, plan_districts: dict[str, shapely.Geometry] | None, *,
                  own: Any) -> list[str] | None:
    """The plan districts a feature's geometry touches, for the district filter.

    A rail line carries the city's adcode (330200), so filtering by the record's
    own code would drop line 2 with 鄞州区 although it runs through 江北区; the
    geometry says where it is. Falls back to the record's own code when the
    geometry touches neither district.
    """
    if geom is None or geom.is_empty or not plan_districts:
        return [str(own)] if own else None
    hits = [code for code, area in plan_districts.items() if area.intersects(geom)]
    return hits or ([str(own)] if own else None)


def _label_point(geom: shapely.Geometry | None) -> list[float] | None:
    """Where an on-map label sits: a line's middle, an area's inside point ([lat, lon], 5 decimals)."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("LineString", "MultiLineString"):
        line = max(geom.geoms, key=lambda g: g.length) if geom.geom_type == "MultiLineString" else geom
        point = line.interpolate(0.5, normalized=True)
    else:
        point = geom.representative_point()
    return [round(point.y, 5), round(point.x, 5)]


def _single_status(place_ids: Any, status: dict[str, Any]) -> str | None:
    """The status of the one place a record is drawn on, when it has one (a rail line's)."""
    ids = [p for p in str(place_ids or "").replace("|", ",").split(",") if p.strip()]
    if len(ids) != 1:
        return None
    value = status.get(ids[0].strip())
    return value if isinstance(value, str) and value else None


def _mark_stacks(layers: list[dict[str, Any]], projects: gpd.GeoDataFrame, places: gpd.GeoDataFrame | None) -> None:
    """Tag project points drawn on the very same spot, so the client spreads them.

    Several hospital branches borrow the location of the hospital their text
    names; drawn as they are, only the top marker could be clicked. Each gets
    `stack` (a key shared by the group), `stack_n` and `stack_place` (the place
    the shared location comes from, by name).
    """
    place_names = dict(zip(places["id"], places["name"])) if places is not None and len(places) else {}
    borrowed = dict(zip(projects["id"], projects["place_ids"])) if "place_ids" in projects.columns else {}
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for layer in layers:
        if not layer["id"].startswith("pr-") or layer["id"] == "pr-district-only":
            continue
        for feature in layer["features"]["features"]:
            geometry = feature["geometry"]
            if geometry and geometry["type"] == "Point":
                lon, lat = geometry["coordinates"][:2]
                groups.setdefault((round(lon, 5), round(lat, 5)), []).append(feature)
    for (lon, lat), members in groups.items():
        if len(members) < 2:
            continue
        names = []
        for f in members:
            ids = [p for p in str(borrowed.get(f["properties"]["id"]) or "").replace("|", ",").split(",") if p]
            names += [place_names[p] for p in ids if p in place_names]
        place = max(set(names), key=names.count) if names else ""
        for f in members:
            f["properties"].update({"stack": f"{lat},{lon}", "stack_n": len(members), "stack_place": place})


def _unplaced(structures: gpd.GeoDataFrame | None, projects: gpd.GeoDataFrame, *, lang: str) -> list[dict[str, Any]]:
    """Every structure part and project that is not drawn, with the plan's words and offsets.

    The panel lists them (marked "未定位 · 读原文") and search finds them, so
    what the plan says is never hidden just because it has no location yet.
    Projects known only by district count as not drawn: the grey district
    marker is not their location.
    """
    out: list[dict[str, Any]] = []
    if structures is not None and len(structures):
        has = _has_geometry(structures)
        drawn_keys = set(zip(structures.loc[has, "doc_id"], structures.loc[has, "structure"]))
        for _, row in structures[~has].iterrows():
            out.append(_compact({
                "id": row["id"], "kind": "structure", "name": display_text(row["name"] or row["part"] or ""),
                "structure": row["structure"], "part": row["part"] or None, "doc_id": row["doc_id"],
                "partial": (row["doc_id"], row["structure"]) in drawn_keys or None,
                "start": _int_or_none(row.get("start")), "end": _int_or_none(row.get("end")),
                "district": str(row.get("district_adcode") or ""),
                "section_path": display_text(row.get("section_path") or ""),
                "quote": _short(display_text(row.get("quote") or "")),
            }))
    drawn = projects["precision"].isin(DRAWN) & _has_geometry(projects)
    for _, row in projects[~drawn].iterrows():
        out.append(_compact({
            "id": row["id"], "kind": "project", "name": display_text(row["name"] or ""), "doc_id": row["doc_id"],
            "start": _int_or_none(row.get("start")), "end": _int_or_none(row.get("end")),
            "district": str(row.get("district_adcode") or ""),
            "section_path": display_text(row.get("section_path") or ""),
            "quote": _short(display_text(row.get("quote") or ""), limit=MAX_UNPLACED_QUOTE_CHARS),
            "category_label": category_label(row["category"], lang) if row.get("category") else None,
        }))
    return out


def _unplaced_payload(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The undrawn records in a compact form: each section path written once
    (`unplaced_sections`, records point at it with `sec`), and the document id
    left out where the record id starts with it (the client restores both)."""
    sections: dict[str, int] = {}
    out = []
    for r in records:
        r = dict(r)
        path = r.pop("section_path", None)
        if path is not None:
            r["sec"] = sections.setdefault(path, len(sections))
        if r["id"].startswith(f"{r.get('doc_id')}/"):
            del r["doc_id"]
        out.append(r)
    return {"unplaced": out, "unplaced_sections": list(sections)}


def _has_geometry(frame: gpd.GeoDataFrame) -> pd.Series:
    return frame.geometry.notna() & ~frame.geometry.is_empty


def _geometry(geom: shapely.Geometry) -> dict[str, Any]:
    return geometry_json(geom, simplify_deg=SIMPLIFY_DEG)


def _int_or_none(value: Any) -> int | None:
    return None if value is None or value != value else int(value)


def _short(text: str, *, limit: int = MAX_QUOTE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _compact(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None and v == v and v != ""}


# Keep a reference so linters see Element is used for type hints of children.
_ = Element
