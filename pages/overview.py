"""The planner's map: spatial structures, projects by category, rail and places."""

from __future__ import annotations

import streamlit as st

from layers.errors import LayersError
from ui.data import catalog
from view.text import t
from ui.map_component import plan_map, planner_map_data
from ui.plan_upload import as_text
from view.planmap import district_labels
from ui.navigation import through_app_navigation

through_app_navigation()

lang = st.session_state.get("lang", "zh")
# The districts named in the heading are those of the plan catalog.
districts_named = ("、" if lang == "zh" else ", ").join(district_labels(lang).values())
st.subheader(t("app_title", lang).format(districts=districts_named))
st.caption(t("overview_caption", lang).format(districts=districts_named))

# The basemap choice as its radio (made below, in the sidebar) left it: the map
# is sent to the browser before the sidebar's widgets, so it starts drawing first.
tiles = st.session_state.get("tiles", "none")

try:
    # Only shown when the layers take over half a second to prepare (a cold cache).
    with st.spinner(t("map_preparing", lang)):
        data = planner_map_data(lang, tiles=tiles)
except LayersError as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()

# In the page itself (no iframe): panning, zooming, toggling and popups happen
# in the browser and never rerun this script.
plan_map(data, key=f"planner-{lang}-{tiles}", wait=t("map_loading", lang))
st.caption(t("map_help", lang))

st.sidebar.radio(
    t("basemap", lang),
    ["none", "osm", "amap"],
    format_func=lambda key: t(f"basemap_{key}", lang),
    key="tiles",
)

with st.sidebar.expander(t("documents", lang)):
    for plan in catalog():
        # Titles may come from an upload: shown as written, never as Markdown.
        st.markdown(f"- {as_text(plan.title)}（{as_text(plan.district)}）")
