"""The near-me page's pieces, in the order the page shows them: search, answer, map, list.

`pages/nearby.py` only calls these in turn. The typed text is resolved by
`geo.query` and the projects ranked by `layers.nearby`; here they become
widgets and words. Typed text shown in Markdown elements goes through `plain`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.errors import GeoError, NotAPointError, UnknownPlaceError
from geo.precision import Precision
from geo.query import QueryResolver, Resolved, located_alternatives
from layers.nearby import Nearby, plan_districts, projects_in_districts, projects_near
from layers.plans import Plan
from layers.text import display_text
from ui.data import catalog, get_layer, place_names, store_version
from ui.map_component import (basemap_data, circle_data, clicked_point, locate_data, map_data, outline_data,
                              plan_map, view_data)
from view.text import category_label, precision_labels, t
from ui.nearby_url import kept_place, seed_widgets
from view.nearby_words import (CITY_ADCODE, format_distance, nearby_summary, district_name, location_words, not_a_point_message, plain,
                             unknown_place_words)
from view.links import source_link
from view.planmap import plan_payload

RADII = [500, 1000, 2000, 3000, 5000, 10000]
#: Results listed as buttons; more than this is a sign the radius is too big.
MAX_LISTED = 60
#: Where the map opens before a search (lat, lon, WGS84): between the two plan districts.
_START = (29.90, 121.58)
_BLUE = "#2563eb"


def search_inputs(lang: str) -> tuple[str | None, int]:
    """The place box (a typed place or a suggestion) and the radius slider; what they hold."""
    left, right = st.columns([3, 2])
    # The widgets' keys carry the language: their labels change with it, and the values are kept
    # apart (kept_place/kept_radius) so switching language keeps the place and the radius.
    names = place_names()
    kept = kept_place()
    options = names if not kept or kept in names else [kept, *names]
    seed_widgets(lang)
    typed = left.selectbox(
        t("nearby_place", lang), options, index=None, accept_new_options=True,
        placeholder=t("nearby_placeholder", lang), key=f"nearby_place_{lang}",
    )
    radius = right.select_slider(t("nearby_radius", lang), RADII,
                                 format_func=lambda m: format_distance(m, lang=lang), key=f"nearby_radius_{lang}")
    return typed, radius


def search_centre(*, typed: str | None, clicked: tuple[float, float] | None,
                  lang: str) -> tuple[Resolved | None, NotAPointError | None]:
    """The point to search around, or the area the typed place is instead; says why when neither.

    A map click (or the browser's location, delivered as a click) wins over the typed place.
    """
    if clicked:
        return Resolved.at(lat=clicked[0], lon=clicked[1], name=t("nearby_clicked", lang)), None
    if not typed:
        return None, None
    try:
        return QueryResolver().resolve(typed), None
    except NotAPointError as exc:
        return None, exc
    except UnknownPlaceError:
        st.error(unknown_place_words(typed, lang=lang))
    except GeoError:
        st.error(t("nearby_not_in_ningbo", lang).format(place=plain(typed)))
    return None, None


def show_answer(origin: Resolved, result: Nearby, *, clicked: bool, lang: str) -> None:
    """The answer's heading (place — counts), how exactly the place is known, and the way back from a click."""
    st.text(f"{origin.name} — {nearby_summary(result, lang=lang)}")
    precision = precision_labels(lang).get(origin.precision, origin.precision)
    if origin.unplaced:
        st.caption(t("nearby_address_used", lang).format(rest=plain(origin.unplaced), name=plain(origin.name),
                                                           precision=precision))
    elif origin.precision != Precision.EXACT:
        st.caption(t("nearby_origin_precision", lang).format(precision=precision))
    if clicked and st.button(t("nearby_clear_click", lang)):
        st.session_state.pop("nearby_click", None)
        st.rerun()


def show_not_a_point(area: NotAPointError, *, typed: str, lang: str) -> None:
    """Why the typed place has no point to search around, and located places to try instead."""
    st.warning(not_a_point_message(area, typed=typed, lang=lang))
    alternatives = located_alternatives(area.place)
    if alternatives:
        st.caption(t("nearby_try_instead", lang))
        for name in alternatives:
            st.button(t("nearby_search_at", lang).format(place=name), key=f"alt-{name}",
                      on_click=lambda n=name: st.session_state.update({"nearby_place": n, f"nearby_place_{lang}": n}))


def area_codes(area: NotAPointError | None, projects: gpd.GeoDataFrame) -> list[str]:
    """The districts to list for a place that is an area: every plan district for the city, else its own."""
    if area is None:
        return []
    return list(plan_districts(projects)) if area.adcode == CITY_ADCODE else [area.adcode]


MAP_KEY = "nearby-map"


def show_map(*, origin: Resolved | None, result: Nearby | None, radius: int, codes: list[str], lang: str) -> None:
    """The circle and the projects within it (or the districts listed), with click and locate handling.

    The map is in the page (`ui.map_component`): a click off its features, or
    the browser's position from the locate button, becomes the search centre
    (`nearby_click`) before the page reruns. A rerun that changes nothing it
    shows (a project picked from the list) keeps the map as it is and only
    opens the picked project's popup.
    """
    centre = origin.latlon if origin is not None and result is not None else None
    within = tuple(result.within["id"]) if result is not None else ()
    with st.spinner(t("map_preparing", lang)):  # shown only past half a second (a cold cache)
        data = _cached_map_data(centre, radius if centre else 0, within, tuple(codes), lang, store_version())
    plan_map(data, key=MAP_KEY, wait=t("map_loading", lang), on_click=_take_click,
             selected=st.session_state.get("nearby_selected"))


def _take_click() -> None:
    point = clicked_point(MAP_KEY)
    if point is not None:
        st.session_state["nearby_click"] = point


def nearby_map_data(*, projects: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, centre: tuple[float, float] | None,
                    radius: int, within: tuple[str, ...], codes: tuple[str, ...], lang: str) -> dict[str, Any]:
    """The near-me map as data for `ui.map_component`: the circle and the projects `within` it
    around `centre` (lat, lon), else the districts of `codes` outlined, else the start view.

    The locate button is always there: it is how a first visit on a phone starts.
    """
    base = basemap_data(districts)
    locate = locate_data(label=t("nearby_locate", lang), denied=t("nearby_locate_denied", lang))
    if centre is not None:
        shown = projects[projects["id"].isin(list(within))]
        payload = plan_payload(projects=shown, districts=districts, lang=lang, show_projects=True)
        payload["groups"] = [g for g in payload["groups"] if g["id"] == "projects"]
        return map_data(payload, base, view=view_data(centre, 13), circle=circle_data(centre, radius, color=_BLUE),
                        locate=locate)
    payload = plan_payload(projects=projects.iloc[0:0], districts=districts, lang=lang, show_projects=True)
    payload["groups"] = [g for g in payload["groups"] if g["id"] == "projects"]
    outline = (outline_data(districts[districts["adcode"].astype(str).isin(list(codes))], color=_BLUE)
               if codes else None)
    return map_data(payload, base, view=view_data(_START, 11), outline=outline, locate=locate)


# cache_resource: one shared read-only dict per search, so a rerun neither rebuilds nor re-hashes it.
@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_map_data(centre: tuple[float, float] | None, radius: int, within: tuple[str, ...],
                     codes: tuple[str, ...], lang: str, version: float) -> dict[str, Any]:
    return nearby_map_data(projects=get_layer("projects"), districts=get_layer("districts"), centre=centre,
                           radius=radius, within=within, codes=codes, lang=lang)


def search_nearby(origin: Resolved, *, radius: int) -> Nearby:
    """The projects around `origin`, ranked once per point, radius and store version."""
    result = _cached_near(origin.latlon, radius, store_version())
    # The cached answer may have been found for another name of the same point.
    return replace(result, origin=origin)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_near(centre: tuple[float, float], radius: int, version: float) -> Nearby:
    origin = Resolved.at(lat=centre[0], lon=centre[1], name="")
    return projects_near(get_layer("projects"), origin, radius_m=radius, districts=get_layer("districts"))


def project_list(result: Nearby, *, radius: int, lang: str) -> None:
    """The projects nearest first as buttons, the picked one's details under it, then those listed apart."""
    plans = {p.id: p for p in catalog()}
    labels = precision_labels(lang)
    selected = st.session_state.get("nearby_selected")
    if len(result.within):
        st.caption(" · ".join(f"{category_label(k, lang)} {n}" for k, n in result.counts.items()))
        for row in result.within.head(MAX_LISTED).itertuples():
            label = (f"{format_distance(row.distance_m, lang=lang)} · {row.name} · "
                     f"{category_label(row.category, lang)} · {labels.get(row.precision, row.precision)}")
            if st.button(label, key=f"pick-{row.id}", use_container_width=True):
                st.session_state["nearby_selected"] = row.id
                st.query_params["sel"] = row.id
                st.rerun()
            if row.id == selected:
                _details(result.within.set_index("id").loc[selected], plans=plans, lang=lang)
            else:
                # The record as a reader should see it (name, content, years), not a table line's raw cells.
                st.caption(str(getattr(row, "summary", "") or display_text(row.quote))[:160])
        if selected in set(result.within["id"]) and selected not in set(result.within.head(MAX_LISTED)["id"]):
            _details(result.within.set_index("id").loc[selected], plans=plans, lang=lang)
    else:
        st.warning(t("nearby_none", lang).format(radius=format_distance(radius, lang=lang)))
    if len(result.inferred):
        with st.expander(t("nearby_inferred", lang).format(n=len(result.inferred))):
            st.text("\n".join(
                t("nearby_inferred_row", lang).format(name=r.name, via=r.via,
                                                      distance=format_distance(r.via_distance_m, lang=lang))
                for r in result.inferred.itertuples()))
    for district, part in result.district_only.groupby("district"):
        with st.expander(t("nearby_district_only", lang).format(n=len(part), district=district)):
            st.text("、".join(part["name"].astype(str)))


def district_lists(codes: list[str], projects: gpd.GeoDataFrame, *, lang: str) -> None:
    """Every project of each district listed, best-located first, each row linked to its plan text."""
    labels = precision_labels(lang)
    for code in codes:
        rows = projects_in_districts(projects, [code])
        with st.expander(t("nearby_district_list", lang).format(district=district_name(code, lang), n=len(rows)),
                         expanded=len(codes) == 1):
            st.dataframe(
                rows.assign(
                    category_label=[category_label(c, lang) for c in rows["category"]],
                    precision_label=[labels.get(p, p) for p in rows["precision"]],
                    link=[source_link(r.doc_id, start=r.start, end=r.end) for r in rows.itertuples()],
                )[["name", "category_label", "precision_label", "link"]],
                hide_index=True, use_container_width=True,
                column_config={
                    "name": t("col_name", lang), "category_label": t("col_category", lang),
                    "precision_label": t("col_precision", lang),
                    "link": st.column_config.LinkColumn(t("col_words", lang), display_text=t("read_in_plan", lang)),
                },
            )


def _details(row: pd.Series, *, plans: dict[str, Plan], lang: str) -> None:
    """The picked project, right under its button in the list: on a phone it is where the finger is."""
    with st.container(border=True):
        st.text(f"{row['name']} · {format_distance(row['distance_m'], lang=lang)} · "
                f"{category_label(row['category'], lang)}")
        st.text(display_text(row["quote"]))
        st.caption(f"{plans[row['doc_id']].title} › {display_text(row['section_path'])} · "
                   + location_words(method=str(row.get("location_method", "")), precision=row["precision"],
                                    lang=lang))
        st.link_button(t("read_in_plan", lang), source_link(row["doc_id"], start=row["start"], end=row["end"]))
