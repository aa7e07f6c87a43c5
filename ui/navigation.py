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
from streamlit.runtime.pages_manager import PagesManager


def through_app_navigation() -> None:
    """Rerun through `app.py` when Streamlit ran this page file on its own."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def language_from_url(languages: dict[str, str], *, key: str = "lang") -> None:
    """Seed the language switch from `?lang=` on a session's first run (a shared English link)."""
    wanted = st.query_params.get(key, "")
    if key not in st.session_state and wanted in languages:
        st.session_state[key] = wanted


def language_to_url(lang: str, *, key: str = "lang", default: str = "zh") -> None:
    """Keep the chosen language in the URL (left out for the default, so old links stay the same)."""
    if lang == default:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != lang:
        st.query_params[key] = lang
