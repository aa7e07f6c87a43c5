"""Editor login on the curation page.

The session keeps the `Editor` object that `geo.access.editors.authenticate`
returned, never a flag: `current_editor` re-checks it with `require_editor`
on every run, so nothing a browser sends (a query parameter, a widget value)
can make a session an editor, and an expired login stops working by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import streamlit as st

from geo.access.editors import Editor, LoginThrottle, authenticate, configured_editors, require_editor
from geo.errors import EditorConfigError, PermissionDenied
from view.text import t

_log = logging.getLogger(__name__)

#: The only session key holding an editor login.
EDITOR_KEY = "curation_editor"


def editors() -> tuple[dict[str, str], str | None]:
    """The deployment's editors (name → hash) and a configuration error message, if any.

    The message is for the server log only: it can quote a password or a hash.
    """
    try:
        return configured_editors(_secrets()), None
    except EditorConfigError as exc:
        return {}, str(exc)


@st.cache_resource
def _throttle() -> LoginThrottle:
    """One throttle for the whole server process, shared by every session."""
    return LoginThrottle()


def current_editor() -> Editor | None:
    """The logged-in editor of this session, or None (also after the login expired)."""
    try:
        return require_editor(st.session_state.get(EDITOR_KEY))
    except PermissionDenied:
        st.session_state.pop(EDITOR_KEY, None)
        return None


def login_box(lang: str) -> Editor | None:
    """Sidebar login (only when editors are configured) or the logged-in name with a log-out button."""
    editor = current_editor()
    box = st.sidebar.container(border=True)
    if editor is not None:
        box.markdown(t("cur_logged_in", lang).format(name=editor.name))
        if box.button(t("cur_logout", lang), key="cur-logout"):
            st.session_state.pop(EDITOR_KEY, None)
            st.rerun()
        return editor
    configured, problem = editors()
    if problem:
        _log.error("editor configuration: %s", problem)  # never shown to visitors
        box.error(t("cur_config_error", lang))
        return None
    if not configured:
        box.caption(t("cur_no_editors", lang))
        return None
    with box.form("cur-login", clear_on_submit=True):
        st.markdown(f"**{t('cur_login', lang)}**")
        name = st.text_input(t("cur_name", lang), key="cur-login-name")
        password = st.text_input(t("cur_password", lang), type="password", key="cur-login-password")
        submitted = st.form_submit_button(t("cur_login_button", lang))
    if submitted:
        try:
            st.session_state[EDITOR_KEY] = authenticate(name, password, editors=configured,
                                                        client=_client(), throttle=_throttle())
        except PermissionDenied as exc:
            box.error(str(exc))
            return None
        st.rerun()
    return None


def _client() -> str:
    """The visitor's address as the server sees it (a proxy in front makes all one client)."""
    try:
        return str(st.context.ip_address or "")
    except Exception:  # noqa: BLE001 (no request context, e.g. in AppTest)
        return ""


def _secrets() -> Mapping | None:
    # Probe first: reading st.secrets with no secrets file raises.
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.get("editors")
    return {"editors": section.to_dict() if hasattr(section, "to_dict") else section} if section is not None else None
