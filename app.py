"""Plan map: the Streamlit entry point. Page config and navigation only."""

from __future__ import annotations

import streamlit as st

from view.assets import ensure_vendor_files
from view.text import LANGUAGES, t
from ui.navigation import language_from_url, language_links, language_to_url, through_app_navigation

st.set_page_config(page_title="规划地图 Plan map", page_icon="🗺️", layout="wide")
ensure_vendor_files()
# A fresh server runs this file as a page of the pages-folder mode first;
# widgets made in that run would get other IDs than in every later run.
through_app_navigation()

lang = language_from_url(LANGUAGES)
language_to_url(lang)
navigation = st.navigation(
    # Icons from the Material Symbols font Streamlit serves itself: emoji depend
    # on the fonts of the presenting machine and showed as empty boxes there.
    [
        st.Page("pages/overview.py", title=t("overview", lang), icon=":material/map:", default=True),
        st.Page("pages/nearby.py", title=t("nearby_page", lang), icon=":material/near_me:", url_path="nearby"),
        st.Page("pages/source.py", title=t("source_page", lang), icon=":material/description:", url_path="source"),
        st.Page("pages/tours.py", title=t("tours", lang), icon=":material/slideshow:", url_path="tours"),
        st.Page("pages/indicators.py", title=t("ind_page", lang), icon=":material/bar_chart:", url_path="indicators"),
        st.Page("pages/plans.py", title=t("plans_page", lang), icon=":material/folder_open:", url_path="plans"),
        st.Page("pages/curation.py", title=t("cur_page", lang), icon=":material/edit_location_alt:", url_path="curation"),
    ]
)
language_links(navigation, LANGUAGES, lang, label=t("language"))
navigation.run()
