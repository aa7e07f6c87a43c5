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

# The basemap is chosen in the map's own layer panel, which reloads the page
# with `?tiles=`: no sidebar widget, whose lazily loaded code would delay the
# first paint. The URL wins (a shared link); the session keeps it across pages.
BASEMAPS = ("none", "osm", "amap")
if st.query_params.get("tiles") in BASEMAPS:
    st.session_state["tiles"] = st.query_params["tiles"]
tiles = st.session_state.get("tiles", "none")
if tiles == "none":
    st.query_params.pop("tiles", None)
elif st.query_params.get("tiles") != tiles:
    st.query_params["tiles"] = tiles

try:
    # Only shown when the layers take over half a second to prepare (a cold cache).
    with st.spinner(t("map_preparing", lang)):
        data = planner_map_data(lang, tiles=tiles)
except LayersError as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()

# In the page itself (no iframe): panning, zooming, toggling and popups happen
# in the browser and never rerun this script.
basemaps = {"label": t("basemap", lang), "current": tiles,
            "options": [{"value": key, "label": t(f"basemap_{key}", lang)} for key in BASEMAPS]}
# A copy: the cached data is shared by every session.
plan_map({**data, "payload": {**data["payload"], "basemaps": basemaps}},
         key=f"planner-{lang}-{tiles}", wait=t("map_loading", lang))
st.caption(t("map_help", lang))

# Plain Markdown below the map (an expander's code is another lazily loaded chunk).
# Titles may come from an upload: shown as written, never as Markdown.
st.markdown(f"**{t('documents', lang)}**\n\n" + "\n".join(
    f"- {as_text(plan.title)}（{as_text(plan.district)}）" for plan in catalog()))
