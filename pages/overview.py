"""The planner's map: spatial structures, projects by category, rail and places."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from layers.errors import LayersError
from ui.data import catalog, get_layer, planner_payload, shifted_districts
from view.text import t
from view.maps import base_map
from ui.plan_upload import as_text
from view.planmap import district_labels, planner_map
from ui.navigation import through_app_navigation

through_app_navigation()

lang = st.session_state.get("lang", "zh")
# The districts named in the heading are those of the plan catalog.
districts_named = ("、" if lang == "zh" else ", ").join(district_labels(lang).values())
st.subheader(t("app_title", lang).format(districts=districts_named))
st.caption(t("overview_caption", lang).format(districts=districts_named))

tiles = st.sidebar.radio(
    t("basemap", lang),
    ["none", "osm", "amap"],
    format_func=lambda key: t(f"basemap_{key}", lang),
    key="tiles",
)
with st.sidebar.expander(t("documents", lang)):
    for plan in catalog():
        # Titles may come from an upload: shown as written, never as Markdown.
        st.markdown(f"- {as_text(plan.title)}（{as_text(plan.district)}）")

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
