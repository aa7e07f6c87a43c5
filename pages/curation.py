"""Planners fix the map: the places worth fixing first, their history, import and export.

Anyone can read this page. Editing widgets (drawing tools, the form, undo,
import) exist only for a session holding an `Editor` from the sidebar login,
which the deployment enables by configuring editors (README: "Fixing the map").
"""

from __future__ import annotations

import streamlit as st

from geo.errors import GeoError
from geo.precision import Precision
from layers.errors import LayersError
from ui.curation import data
from ui.curation.auth import login_box
from ui.curation.files import export_buttons, import_panel
from ui.curation.history import history_table
from ui.curation.place import place_choice, place_panel
from ui.curation.suggestions import suggestions_tab
from ui.data import get_layer
from view.location_words import location_note
from view.text import t
from ui.layer_import import layer_import_panel
from ui.navigation import through_app_navigation
from view.links import source_link

through_app_navigation()

lang = st.session_state.get("lang", "zh")
st.subheader(t("cur_title", lang))
st.caption(t("cur_caption", lang))
editor = login_box(lang)
tiles = st.sidebar.radio(t("basemap", lang), ["none", "osm"], format_func=lambda k: t(f"basemap_{k}", lang),
                         key="cur-tiles")
if editor is None:
    st.info(t("cur_read_only", lang))
flash = st.session_state.pop("cur-flash", None)
if flash:
    getattr(st, flash[0])(flash[1])

try:
    districts = get_layer("districts")
    queue, records = data.queue(), data.records()
except (LayersError, GeoError) as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()

places_tab, records_tab, history_tab, files_tab, suggestions_tab_ = st.tabs(
    [t("cur_tab_places", lang), t("cur_tab_records", lang), t("cur_tab_history", lang), t("cur_tab_files", lang),
     t("cur_tab_suggestions", lang)])

with places_tab:
    st.caption(t("cur_queue_caption", lang).format(
        n=len(queue), **{p: int((queue["precision"] == p).sum()) for p in (Precision.UNLOCATED, Precision.APPROXIMATE, Precision.DISTRICT)}))
    st.dataframe(queue.rename(columns=lambda c: t(f"cur_q_{c}", lang)), hide_index=True, height=240,
                 width="stretch")
    unknown = data.unknown_names()
    with st.expander(t("cur_unknown_title", lang).format(n=len(unknown))):
        st.caption(t("cur_unknown_caption", lang))
        st.dataframe(unknown[["name", "mentions", "documents", "quote"]].assign(
            link=[source_link(r.doc_id, start=r.start, end=r.end) for r in unknown.itertuples()]
        ).rename(columns=lambda c: t(f"cur_unknown_{c}", lang)), hide_index=True, width="stretch",
            column_config={t("cur_unknown_link", lang): st.column_config.LinkColumn(display_text="↗")})
    place_id = place_choice(queue, lang)
    if place_id:
        place_panel(place_id, editor, districts=districts, lang=lang, tiles=tiles)

with records_tab:
    st.caption(t("cur_records_caption", lang).format(n=len(records)))
    shown = records.assign(link=[source_link(r.doc_id, start=r.start, end=r.end) for r in records.itertuples()],
                           location_note=[location_note(n, lang=lang) for n in records["location_note"]])
    st.dataframe(shown.rename(columns=lambda c: t(f"cur_rec_{c}", lang)), hide_index=True, width="stretch",
                 column_config={t("cur_rec_link", lang): st.column_config.LinkColumn(display_text="↗")})

with history_tab:
    changes = data.store().history()
    if changes:
        st.dataframe(history_table(changes, lang), hide_index=True, width="stretch")
    else:
        st.caption(t("cur_no_history", lang))

with suggestions_tab_:
    suggestions_tab(editor, districts=districts, lang=lang, tiles=tiles)

with files_tab:
    export_buttons(lang)
    if editor is not None:
        st.divider()
        import_panel(editor, lang)
        st.divider()
        layer_import_panel(editor, lang)
