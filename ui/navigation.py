"""Make every page run inside `app.py`'s navigation, even on a fresh server.

Streamlit still has its first multipage mode: when a `pages/` folder sits next
to the main script, a fresh server runs the page file *by itself* if the first
visitor opens a page URL directly (a shared `/tours?tour=…` link), and stays in
that mode. `app.py` then never runs: no language switch, no page titles, the
folder's file names in the sidebar. Even on `/`, that first run executes
`app.py` as a page of that mode, so its widgets get other IDs than in every
later run and a visitor's first choice (the language) is dropped. The product
keeps its pages in `pages/`, so `app.py` and each page call
`through_app_navigation()` first; it switches Streamlit to the
`st.navigation` mode and reruns, which runs `app.py` with the same page URL.
No public API does this, hence the one internal flag below.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.pages_manager import PagesManager


def through_app_navigation() -> None:
    """Rerun through `app.py` when Streamlit ran this page file on its own."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def language_from_url(languages: dict[str, str], *, key: str = "lang", default: str = "zh") -> str:
    """The page's language: `?lang=` when the URL names one (a shared link, a language link),
    else the session's last choice, else `default`. Kept in the session so it survives a page change."""
    wanted = st.query_params.get(key, "")
    if wanted in languages:
        st.session_state[key] = wanted
    return str(st.session_state.get(key, default))


def language_links(page: StreamlitPage, languages: dict[str, str], lang: str, *, label: str,
                   key: str = "lang") -> None:
    """The language switch: a link per other language to the same page, keeping the URL's other
    parameters (a radius, a place). Links, not a selectbox, whose lazily loaded code Streamlit
    fetches before the page's own components and so delays their first paint (bench/chrome_costs.py)."""
    kept = {name: value for name, value in st.query_params.to_dict().items() if name != key}
    for code, name in languages.items():
        if code != lang:
            st.sidebar.page_link(page, label=f"{label}: {name}", icon=":material/translate:",
                                 query_params={**kept, key: code})


def language_to_url(lang: str, *, key: str = "lang", default: str = "zh") -> None:
    """Keep the chosen language in the URL (left out for the default, so old links stay the same).

    A page link to the page already shown reruns it with the link's query but
    leaves the address bar as it was, so the URL is written again whenever the
    language changed, even when Streamlit's own copy already has it."""
    changed = st.session_state.get("_lang_in_url") != lang
    st.session_state["_lang_in_url"] = lang
    if lang == default:
        st.query_params.pop(key, None)
    elif changed or st.query_params.get(key) != lang:
        st.query_params[key] = lang
