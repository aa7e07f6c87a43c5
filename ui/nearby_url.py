"""The near-me page's state in its URL, so a citizen can send "what is planned here" as a link.

`?place=<typed text>&r=<metres>&at=<lat,lon>&sel=<project id>`. The URL is read
once per session (then the widgets own the state) and written after every run.
A value that does not parse is ignored, never an error: a mangled link still
opens the page.
"""

from __future__ import annotations

import streamlit as st

from layers.nearby import in_ningbo, parse_lat_lon

_RESTORED = "nearby_url_restored"


def restore_from_url(radii: list[int]) -> None:
    """Seed the page's widgets from the URL, the first time the page runs in a session."""
    if st.session_state.get(_RESTORED):
        return
    st.session_state[_RESTORED] = True
    params = st.query_params
    place = params.get("place", "").strip()
    if place:
        st.session_state["nearby_place"] = place
    radius = params.get("r", "")
    if radius.isdigit() and int(radius) in radii:
        st.session_state["nearby_radius"] = int(radius)
    point = parse_lat_lon(params.get("at", ""))
    if point and in_ningbo(*point):  # anything else is a mangled link
        st.session_state["nearby_click"] = point
    if params.get("sel"):
        st.session_state["nearby_selected"] = params["sel"]


def write_to_url(*, typed: str | None, radius: int, clicked: tuple[float, float] | None) -> None:
    """Put the current search into the URL (only what is set)."""
    wanted = {"place": typed or None, "r": str(radius),
              "at": f"{clicked[0]:.5f},{clicked[1]:.5f}" if clicked else None}
    for name, value in wanted.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != value:
            st.query_params[name] = value
