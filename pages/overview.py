"""Plan overview: the map of both districts' plans."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from layers.errors import LayersError
from ui.data import catalog, get_layer
from ui.i18n import t
from ui.maps import base_map

lang = st.session_state.get("lang", "zh")
st.title(t("app_title", lang))
st.caption(t("overview_caption", lang))

online = st.sidebar.checkbox(t("online_tiles", lang), value=False)
with st.sidebar.expander(t("documents", lang)):
    for plan in catalog():
        st.markdown(f"- {plan.title}（{plan.district}）")

try:
    districts = get_layer("districts")
except LayersError:
    st.error(t("no_layers", lang))
    st.stop()

m = base_map(
    districts,
    online_tiles=online,
    labels={"plan": t("plan_districts", lang), "context": t("context_districts", lang)},
)
st_folium(m, height=620, use_container_width=True, returned_objects=[], key="overview-map")
