"""Citizens: what is planned near a place, nearest first, in plain words."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

import folium
from geo.errors import GeoError, NotAPointError, UnknownPlaceError
from geo.precision import Precision
from layers.categories import category
from layers.errors import LayersError
from layers.nearby import (Origin, format_distance, located_alternatives, plan_districts, projects_in_districts,
                           projects_near, resolve_origin)
from layers.styles import PRECISION_LABELS
from layers.text import display_text
from ui.data import catalog, get_layer, place_names
from ui.i18n import t
from ui.locate_control import LocateButton
from ui.maps import base_map
from ui.navigation import through_app_navigation
from ui.nearby_url import kept_place, restore_from_url, seed_widgets, write_to_url
from ui.nearby_words import (CITY_ADCODE, district_name, location_words, not_a_point_message, plain,
                             unknown_place_words)
from ui.planmap import plan_payload, planner_map
from view.links import source_link

through_app_navigation()

RADII = [500, 1000, 2000, 3000, 5000, 10000]
#: Results listed as buttons; more than this is a sign the radius is too big.
MAX_LISTED = 60

lang = st.session_state.get("lang", "zh")
st.subheader(t("nearby_title", lang))
st.caption(t("nearby_caption", lang))

try:
    projects, districts = get_layer("projects"), get_layer("districts")
except LayersError as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()

restore_from_url(RADII)
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

# A map click (or the browser's location, delivered as a click) wins over the typed place.
clicked = st.session_state.get("nearby_click")
write_to_url(typed=typed, radius=radius, clicked=clicked)
origin: Origin | None = None
area: NotAPointError | None = None
if clicked:
    origin = Origin(t("nearby_clicked", lang), clicked[1], clicked[0])
elif typed:
    try:
        origin = resolve_origin(typed)
    except NotAPointError as exc:
        area = exc
    except UnknownPlaceError:
        st.error(unknown_place_words(typed, lang=lang))
    except GeoError:
        st.error(t("nearby_not_in_ningbo", lang).format(place=plain(typed)))

if origin is not None:
    result = projects_near(projects, origin, radius_m=radius, districts=districts)
    st.text(f"{origin.label} — {result.summary(lang=lang)}")
    precision = PRECISION_LABELS[lang].get(origin.precision, origin.precision)
    if origin.unplaced:
        st.caption(t("nearby_address_used", lang).format(rest=plain(origin.unplaced), name=plain(origin.label),
                                                               precision=precision))
    elif origin.precision != Precision.EXACT:
        st.caption(t("nearby_origin_precision", lang).format(precision=precision))
    if clicked and st.button(t("nearby_clear_click", lang)):
        st.session_state.pop("nearby_click", None)
        st.rerun()
elif area is not None:
    result = None
    st.warning(not_a_point_message(area, typed=typed, lang=lang))
    alternatives = located_alternatives(area.place)
    if alternatives:
        st.caption(t("nearby_try_instead", lang))
        for name in alternatives:
            st.button(t("nearby_search_at", lang).format(place=name), key=f"alt-{name}",
                      on_click=lambda n=name: st.session_state.update({"nearby_place": n, f"nearby_place_{lang}": n}))
else:
    result = None
    st.info(t("nearby_hint", lang))

# The map: the circle, the projects within it, and the click/locate handling.
area_codes = ([a for a in plan_districts(projects)] if area is not None and area.adcode == CITY_ADCODE
              else [area.adcode] if area is not None else [])
centre = (origin.lat, origin.lon) if origin else (29.90, 121.58)
m = base_map(districts, location=centre, zoom=13 if origin else 11)
if result is not None:
    folium.Circle([origin.lat, origin.lon], radius=radius, color="#2563eb", weight=2, fill=True,
                  fill_opacity=0.06, interactive=False).add_to(m)
    folium.CircleMarker([origin.lat, origin.lon], radius=5, color="#2563eb", fill=True, fill_opacity=1,
                        interactive=False).add_to(m)
    within = projects[projects["id"].isin(result.within["id"])]
    payload = plan_payload(projects=within, districts=districts, lang=lang, show_projects=True)
    payload["groups"] = [g for g in payload["groups"] if g["id"] == "projects"]
    planner_map(m, payload)
elif area_codes:
    shown = districts[districts["adcode"].astype(str).isin(area_codes)]
    if len(shown):
        folium.GeoJson(shown[["adcode", "geometry"]].to_json(), interactive=False,
                       style_function=lambda _: {"color": "#2563eb", "weight": 3, "fillOpacity": 0.05}).add_to(m)
        minx, miny, maxx, maxy = shown.total_bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]])
m.add_child(LocateButton(label=t("nearby_locate", lang), denied=t("nearby_locate_denied", lang)))
state = st_folium(m, height=520, use_container_width=True, returned_objects=["last_clicked"],
                  key=f"nearby-map-{typed}-{radius}-{clicked}-{st.session_state.get('nearby_selected')}")
click = (state or {}).get("last_clicked")
if click and (click["lat"], click["lng"]) != (clicked or (None, None)):
    st.session_state["nearby_click"] = (click["lat"], click["lng"])
    st.rerun()

plans = {p.id: p for p in catalog()}
labels = PRECISION_LABELS[lang]
if result is not None:
    selected = st.session_state.get("nearby_selected")

    def _details(row) -> None:
        """The picked project, right under its button in the list: on a phone it is where the finger is."""
        with st.container(border=True):
            st.text(f"{row['name']} · {format_distance(row['distance_m'], lang=lang)} · "
                    f"{getattr(category(row['category']), lang)}")
            st.text(display_text(row["quote"]))
            st.caption(f"{plans[row['doc_id']].title} › {display_text(row['section_path'])} · "
                       + location_words(method=str(row.get("location_method", "")), precision=row["precision"],
                                        lang=lang))
            st.link_button(t("read_in_plan", lang),
                           source_link(row["doc_id"], start=row["start"], end=row["end"]))
    if len(result.within):
        st.caption(" · ".join(f"{getattr(category(k), lang)} {n}" for k, n in result.counts.items()))
        for row in result.within.head(MAX_LISTED).itertuples():
            label = (f"{format_distance(row.distance_m, lang=lang)} · {row.name} · "
                     f"{getattr(category(row.category), lang)} · {labels.get(row.precision, row.precision)}")
            if st.button(label, key=f"pick-{row.id}", use_container_width=True):
                st.session_state["nearby_selected"] = row.id
                st.query_params["sel"] = row.id
                st.rerun()
            if row.id == selected:
                _details(result.within.set_index("id").loc[selected])
            else:
                # The record as a reader should see it (name, content, years), not a table line's raw cells.
                st.caption(str(getattr(row, "summary", "") or display_text(row.quote))[:160])
        if selected in set(result.within["id"]) and selected not in set(result.within.head(MAX_LISTED)["id"]):
            _details(result.within.set_index("id").loc[selected])
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
elif area_codes:
    for code in area_codes:
        rows = projects_in_districts(projects, [code])
        with st.expander(t("nearby_district_list", lang).format(district=district_name(code, lang), n=len(rows)),
                         expanded=len(area_codes) == 1):
            st.dataframe(
                rows.assign(
                    category_label=[getattr(category(c), lang) for c in rows["category"]],
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
