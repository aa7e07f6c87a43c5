"""The suggestions tab of the curation page: what sources offer, a map preview, accept or decline.

Everyone sees the suggestions and their preview. Accept, decline and "accept
all unambiguous" exist only for a session holding an `Editor`; the
suggestion store checks the editor again and writes through the curation
store, so every acceptance is in the history and can be undone there.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st
from streamlit_folium import st_folium

from geo.access.editors import Editor
from geo.errors import GeoError
from geo.settings import GAZETTEER_DIR
from geo.sources.public import osm_geometry
from geo.sources.registry import all_sources
from geo.sources.suggestions import SuggestionStore
from ui.curation import data
from ui.curation.edit import rebuild_message
from ui.curation.map import CURRENT_STYLE
from view.text import t
from view.maps import base_map

#: Columns shown in the table, in this order.
SHOWN = ("place_name", "candidate_name", "status", "decision", "reason", "precision", "source", "licence")


def suggestion_store() -> SuggestionStore:
    """The suggestion files of this deployment, accepted into its curation store."""
    return SuggestionStore(GAZETTEER_DIR, curation=data.store())


def suggestions_tab(editor: Editor | None, *, districts: gpd.GeoDataFrame, lang: str, tiles: str) -> None:
    """Source choice, the table, one suggestion's preview and (for an editor) the decisions."""
    store = suggestion_store()
    keys = store.keys()
    if not keys:
        st.caption(t("cur_sg_none", lang))
        return
    key = st.selectbox(t("cur_sg_source", lang), keys, key="cur-sg-source")
    # Waiting first, then the editor's decisions, then what matching refused.
    rows = sorted(store.rows(key), key=lambda r: (r["decision"] != "waiting", r["status"] == "rejected"))
    waiting = [r for r in rows if r["decision"] == "waiting"]
    unambiguous = [r for r in waiting if r["status"] == "unambiguous"]
    st.caption(t("cur_sg_caption", lang).format(waiting=len(waiting), unambiguous=len(unambiguous)))
    table = pd.DataFrame(rows, columns=list(SHOWN)) if rows else pd.DataFrame(columns=list(SHOWN))
    st.dataframe(table, hide_index=True, width="stretch", height=240)
    if editor is not None and unambiguous:
        if st.button(t("cur_sg_accept_all", lang).format(n=len(unambiguous)), key=f"cur-sg-all-{key}"):
            _accept(editor, store, key, [(r["place_id"], r["feature_id"]) for r in unambiguous], lang)
    if not waiting:
        return
    labels = {f"{r['place_name']} ← {r['candidate_name']} ({r['feature_id']}, {r['status']})": r for r in waiting}
    chosen = labels[st.selectbox(t("cur_sg_pick", lang), list(labels), key=f"cur-sg-pick-{key}")]
    st.caption(f"{chosen['reason']} · {chosen['source']} · {chosen['licence']}")
    m = preview_map(districts, _preview(key, chosen), tiles=tiles)
    st_folium(m, height=360, use_container_width=True, returned_objects=[],
              key=f"cur-sg-map-{key}-{chosen['place_id']}-{chosen['feature_id']}-{tiles}")
    if editor is None:
        st.info(t("cur_sg_read_only", lang))
        return
    accept, decline = st.columns(2)
    if accept.button(t("cur_sg_accept", lang), key=f"cur-sg-accept-{key}"):
        _accept(editor, store, key, [(chosen["place_id"], chosen["feature_id"])], lang)
    if decline.button(t("cur_sg_decline", lang), key=f"cur-sg-decline-{key}"):
        try:
            store.decline(editor, key, chosen["place_id"], chosen["feature_id"])
        except GeoError as exc:
            st.error(t("cur_refused", lang).format(detail=exc))
            return
        st.session_state["cur-flash"] = ("success", t("cur_sg_declined", lang))
        st.rerun()


def _accept(editor: Editor, store: SuggestionStore, key: str, picks: list[tuple[str, str]], lang: str) -> None:
    try:
        source = all_sources()[key]
        report = store.accept(editor, source, data.gazetteer(), picks)
    except (GeoError, KeyError) as exc:
        st.error(t("cur_refused", lang).format(detail=exc))
        return
    if report.rejected:
        st.error(t("cur_refused", lang).format(detail="; ".join(f"{r.place_id}: {r.reason}" for r in report.rejected)))
    place_ids = [c.place_id for c in report.accepted]
    if place_ids:
        st.session_state["cur-flash"] = rebuild_message(
            place_ids, lang, saved=t("cur_sg_accepted", lang).format(n=len(place_ids)))
        st.rerun()


def preview_map(districts: gpd.GeoDataFrame, geometry: shapely.Geometry, *, tiles: str) -> folium.Map:
    """The offline basemap with the candidate drawn (a circle for a point, needing no marker image), zoomed to it."""
    point = geometry.representative_point()
    m = base_map(districts, tiles=tiles, location=(point.y, point.x), zoom=15)
    options = {"color": CURRENT_STYLE["color"], "weight": 3, "class_name": "planmap-suggestion"}
    if isinstance(geometry, shapely.Point):
        folium.CircleMarker([geometry.y, geometry.x], radius=9, fill=True, fill_opacity=0.4, **options).add_to(m)
    else:
        folium.GeoJson(shapely.geometry.mapping(geometry), style_function=lambda _f: {
            **CURRENT_STYLE, "className": "planmap-suggestion"}).add_to(m)
        minx, miny, maxx, maxy = geometry.bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]], max_zoom=17)
    return m


def _preview(key: str, row: dict[str, str]) -> shapely.Geometry:
    """The candidate's geometry: the OSM polygon from the shipped file, else its point."""
    if key == "osm":
        try:
            return osm_geometry(row["feature_id"])
        except GeoError:
            pass
    return shapely.Point(float(row["lon"]), float(row["lat"]))
