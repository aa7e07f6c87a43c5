"""The planner's map: spatial structures, projects by category, rail and places."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from layers.errors import LayersError
from ui.data import catalog, get_layer, planner_payload, shifted_districts
from ui.i18n import t
from ui.maps import base_map
from ui.planmap import planner_map
from ui.navigation import through_app_navigation

through_app_navigation()

lang = st.session_state.get("lang", "zh")
st.subheader(t("app_title", lang))
st.caption(t("overview_caption", lang))

tiles = st.sidebar.radio(
    t("basemap", lang),
    ["none", "osm", "amap"],
    format_func=lambda key: t(f"basemap_{key}", lang),
    key="tiles",
)
with st.sidebar.expander(t("documents", lang)):
    for plan in catalog():
        st.markdown(f"- {plan.title}（{plan.district}）")

try:
    gcj02 = tiles == "amap"
    districts = shifted_districts() if gcj02 else get_layer("districts")
    payload = planner_payload(lang, gcj02=gcj02)
except LayersError as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()

m = planner_map(base_map(districts, tiles=tiles), payload)
# returned_objects=[]: panning, zooming, toggling and popups happen in the
# browser and never rerun this script.
st_folium(m, height=700, use_container_width=True, returned_objects=[], key=f"planner-{lang}-{tiles}")
st.caption(t("map_help", lang))
