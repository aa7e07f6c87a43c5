"""The plan documents: the catalog for everyone; adding, replacing and removing for editors.

A document added here (or with `python -m layers add`) is read, stored as
text, catalogued and the layers rebuilt; the planner's map, its filters and
the indicators page then show it (README: "Adding a plan").
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from layers.errors import LayersError
from ui.curation.auth import login_box
from ui.data import catalog, get_layer
from view.text import t
from ui.navigation import through_app_navigation
from ui.plan_upload import add_form, remove_form, replace_form, show_flash
from view.links import source_link

through_app_navigation()

lang = st.session_state.get("lang", "zh")
st.title(t("plans_page", lang))
st.caption(t("plans_caption", lang))
editor = login_box(lang)
show_flash()

plans = catalog()
counts: dict[str, pd.Series] = {}
try:
    for kind in ("projects", "structures", "indicators"):
        counts[kind] = get_layer(kind)["doc_id"].value_counts()
except LayersError as exc:
    st.warning(f"{t('no_layers', lang)}\n\n{exc}")

table = pd.DataFrame({
    t("plans_col_title", lang): [p.title for p in plans],
    t("plans_col_district", lang): [p.district for p in plans],
    t("plans_col_adcode", lang): [p.adcode for p in plans],
    t("plans_col_kind", lang): [p.kind for p in plans],
    t("plans_col_date", lang): [p.date for p in plans],
    t("plans_col_publisher", lang): [p.publisher for p in plans],
    **{t(f"plans_col_{kind}", lang): [int(c.get(p.id, 0)) for p in plans] for kind, c in counts.items()},
    "id": [p.id for p in plans],
    t("plans_col_text", lang): [source_link(p.id) for p in plans],
})
st.dataframe(table, hide_index=True, width="stretch",
             column_config={t("plans_col_text", lang): st.column_config.LinkColumn(display_text="↗")})

if editor is None:
    st.info(t("plans_read_only", lang))
    st.stop()

add_tab, replace_tab, remove_tab = st.tabs([t("plans_tab_add", lang), t("plans_tab_replace", lang),
                                            t("plans_tab_remove", lang)])
with add_tab:
    st.caption(t("plans_add_caption", lang))
    add_form(editor, lang)
with replace_tab:
    replace_form(plans, editor, lang)
with remove_tab:
    remove_form(plans, editor, lang)
