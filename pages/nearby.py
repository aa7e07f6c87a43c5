"""Citizens: what is planned near a place, nearest first, in plain words."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

import folium
from geo.errors import AddressTooWideError, GeoError
from layers.categories import category
from layers.errors import LayersError
from layers.nearby import Origin, format_distance, projects_near, resolve_origin
from layers.styles import PRECISION_LABELS
from layers.text import display_text
from ui.data import catalog, get_layer, place_names
from ui.i18n import t
from ui.locate_control import LocateButton
from ui.nearby_url import restore_from_url, write_to_url
from ui.maps import base_map
from ui.planmap import plan_payload, planner_map
from ui.navigation import through_app_navigation

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
typed = left.selectbox(
    t("nearby_place", lang), place_names(), index=None, accept_new_options=True,
    placeholder=t("nearby_placeholder", lang), key="nearby_place",
)
st.session_state.setdefault("nearby_radius", 2000)  # set here, not as value=: a shared link may set it
radius = right.select_slider(t("nearby_radius", lang), RADII,
                             format_func=lambda m: format_distance(m, lang=lang), key="nearby_radius")

# A map click (or the browser's location, delivered as a click) wins over the typed place.
clicked = st.session_state.get("nearby_click")
write_to_url(typed=typed, radius=radius, clicked=clicked)
origin: Origin | None = None
if clicked:
    origin = Origin(t("nearby_clicked", lang), clicked[1], clicked[0])
elif typed:
    try:
        origin = resolve_origin(typed)
    except AddressTooWideError as exc:
        st.error(t("nearby_too_wide", lang).format(place=typed, parts="、".join(exc.parts)))
    except (GeoError, LookupError) as exc:
        st.error(t("nearby_unknown", lang).format(place=typed, detail=exc))

if origin is not None:
    result = projects_near(projects, origin, radius_m=radius, districts=districts)
    st.markdown(f"**{origin.label}** — {result.summary(lang=lang)}")
    precision = PRECISION_LABELS[lang].get(origin.precision, origin.precision)
    if origin.unplaced:
        st.caption(t("nearby_address_used", lang).format(rest=origin.unplaced, name=origin.label, precision=precision))
    elif origin.precision != "exact":
        st.caption(t("nearby_origin_precision", lang).format(precision=precision))
    if clicked and st.button(t("nearby_clear_click", lang)):
        st.session_state.pop("nearby_click", None)
        st.rerun()
else:
    result = None
    st.info(t("nearby_hint", lang))

# The map: the circle, the projects within it, and the click/locate handling.
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
m.add_child(LocateButton(label=t("nearby_locate", lang), denied=t("nearby_locate_denied", lang)))
state = st_folium(m, height=520, use_container_width=True, returned_objects=["last_clicked"],
                  key=f"nearby-map-{typed}-{radius}-{clicked}-{st.session_state.get('nearby_selected')}")
click = (state or {}).get("last_clicked")
if click and (click["lat"], click["lng"]) != (clicked or (None, None)):
    st.session_state["nearby_click"] = (click["lat"], click["lng"])
    st.rerun()

if result is not None:
    plans = {p.id: p for p in catalog()}
    labels = PRECISION_LABELS[lang]
    selected = st.session_state.get("nearby_selected")

    def _details(row) -> None:
        """The picked project, right under its button in the list: on a phone it is where the finger is."""
        with st.container(border=True):
            st.markdown(f"**{row['name']}** · {format_distance(row['distance_m'], lang=lang)} · "
                        f"{getattr(category(row['category']), lang)}")
            st.text(display_text(row["quote"]))
            st.caption(f"{plans[row['doc_id']].title} › {display_text(row['section_path'])} · "
                       f"{labels.get(row['precision'], row['precision'])} · {row['location_note']}")
            st.link_button(t("read_in_plan", lang),
                           f"/source?doc={row['doc_id']}&start={int(row['start'])}&end={int(row['end'])}")
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
                st.caption(display_text(row.quote)[:120])
        if selected in set(result.within["id"]) and selected not in set(result.within.head(MAX_LISTED)["id"]):
            _details(result.within.set_index("id").loc[selected])
    else:
        st.warning(t("nearby_none", lang).format(radius=format_distance(radius, lang=lang)))
    for district, part in result.district_only.groupby("district"):
        with st.expander(t("nearby_district_only", lang).format(n=len(part), district=district)):
            st.write("、".join(part["name"].astype(str)))
