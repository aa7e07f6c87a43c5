"""Citizens: what is planned near a place, nearest first, in plain words.

One function: search, answer, map, list; the pieces are in `ui.nearby_page`.
"""

from __future__ import annotations

import streamlit as st

from layers.errors import LayersError
from ui.data import get_layer
from view.text import t
from ui.navigation import through_app_navigation
from ui.nearby_page import (RADII, area_codes, district_lists, project_list, search_centre, search_inputs,
                            search_nearby, show_answer, show_map, show_not_a_point)
from ui.nearby_url import restore_from_url, write_to_url


def main() -> None:
    """The near-me page: a typed place (or a map click) → the projects planned around it."""
    through_app_navigation()
    lang = st.session_state.get("lang", "zh")
    st.subheader(t("nearby_title", lang))
    st.caption(t("nearby_caption", lang))
    try:
        # Read here so a missing store is said once, before any widget; the map and the search read them again.
        projects = get_layer("projects")
        get_layer("districts")
    except LayersError as exc:
        st.error(f"{t('no_layers', lang)}\n\n{exc}")
        st.stop()

    restore_from_url(RADII)
    typed, radius = search_inputs(lang)
    # A map click (or the browser's location, delivered as a click) wins over the typed place.
    clicked = st.session_state.get("nearby_click")
    write_to_url(typed=typed, radius=radius, clicked=clicked)
    origin, area = search_centre(typed=typed, clicked=clicked, lang=lang)
    result = None
    if origin is not None:
        with st.spinner(t("map_preparing", lang)):  # shown only past half a second (a cold cache)
            result = search_nearby(origin, radius=radius)
        show_answer(origin, result, clicked=bool(clicked), lang=lang)
    elif area is not None:
        show_not_a_point(area, typed=typed or "", lang=lang)
    else:
        st.info(t("nearby_hint", lang))

    codes = area_codes(area, projects)
    show_map(origin=origin, result=result, radius=radius, codes=codes, lang=lang)
    if result is not None:
        project_list(result, radius=radius, lang=lang)
    elif codes:
        district_lists(codes, projects, lang=lang)


main()
