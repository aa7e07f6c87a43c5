"""The near-me page's state in its URL, so a citizen can send "what is planned here" as a link.

`?place=<typed text>&r=<metres>&at=<lat,lon>&sel=<project id>`. The URL is read
once per session (then the widgets own the state) and written after every run.
A value that does not parse is ignored, never an error: a mangled link still
opens the page.

The search is kept under language-free keys (`nearby_place`, `nearby_radius`);
the widgets' keys carry the language because their labels do, and are seeded
from the kept values, so switching language keeps the place and the radius.
"""

from __future__ import annotations

import streamlit as st
from shapely.geometry import Point

from geo.boundaries import in_ningbo
from geo.query import parse_lat_lon

_RESTORED = "nearby_url_restored"
DEFAULT_RADIUS = 2000


def restore_from_url(radii: list[int]) -> None:
    """Seed the page's kept search from the URL, the first time the page runs in a session."""
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
    if point and in_ningbo(Point(point[1], point[0])):  # anything else is a mangled link
        st.session_state["nearby_click"] = point
    if params.get("sel"):
        st.session_state["nearby_selected"] = params["sel"]


def kept_place() -> str | None:
    """The place typed last, in whichever language."""
    return st.session_state.get("nearby_place") or None


def seed_widgets(lang: str) -> None:
    """Give this language's widgets the kept place and radius when they have no state yet."""
    place_key, radius_key = f"nearby_place_{lang}", f"nearby_radius_{lang}"
    if place_key not in st.session_state and kept_place():
        st.session_state[place_key] = kept_place()
    if radius_key not in st.session_state:
        st.session_state[radius_key] = st.session_state.get("nearby_radius", DEFAULT_RADIUS)


def write_to_url(*, typed: str | None, radius: int, clicked: tuple[float, float] | None) -> None:
    """Keep the current search (language-free) and put it into the URL (only what is set)."""
    st.session_state["nearby_place"], st.session_state["nearby_radius"] = typed, radius
    wanted = {"place": typed or None, "r": str(radius),
              "at": f"{clicked[0]:.5f},{clicked[1]:.5f}" if clicked else None}
    for name, value in wanted.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != value:
            st.query_params[name] = value
