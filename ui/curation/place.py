"""One place on the curation page: what is known, the plan's words, the map, the form, the history."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.access.editors import Editor
from geo.precision import DRAWN
from geo.settings import NINGBO_DISTRICTS
from layers.text import display_text
from view.assets import leaflet_draw_ready
from ui.curation import data
from ui.curation.edit import edit_form, key, loaded_revision, remember_drawing
from ui.curation.history import place_history
from ui.curation.map import curation_map, drawn_geometry
from view.text import place_type, t
from view.links import source_link
from view.safe_text import md_text

#: Mentions listed with their context before "show all".
MAX_CONTEXTS = 8


def place_choice(queue: pd.DataFrame, lang: str) -> str | None:
    """A select box of every place, the queue's worst first; remembers the choice in the URL.

    The `place` query parameter only preselects a place to look at; it never
    changes who may edit.
    """
    gaz = data.gazetteer()
    queued = list(queue["id"])
    in_queue = set(queued)
    others = sorted((e.id for e in gaz if e.id not in in_queue), key=lambda i: gaz.get(i).name)
    ids = queued + others
    # Labels hold only what never changes (name, type, district): the widget remembers its
    # choice by label, and precision or counts change with every save.
    labels = _unique_labels({place_id: _place_label(gaz.get(place_id), lang) for place_id in ids})
    wanted = st.query_params.get("place")
    if "cur-place" not in st.session_state and wanted in labels:
        st.session_state["cur-place"] = wanted
    chosen = st.selectbox(t("cur_pick", lang), ids, format_func=labels.get, index=None,
                          placeholder=t("cur_pick_help", lang), key="cur-place")
    if chosen and st.query_params.get("place") != chosen:
        st.query_params["place"] = chosen
    return chosen


def _place_label(entry, lang: str) -> str:
    """"中心公园 · 公园 · 鄞州区": what a reader tells places apart by (no internal id)."""
    district = NINGBO_DISTRICTS.get(str(entry.adcode), t("ningbo_city", lang) if str(entry.adcode) == "330200" else "")
    return " · ".join(p for p in (entry.name, place_type(entry.type, lang), district) if p)


def _unique_labels(labels: dict[str, str]) -> dict[str, str]:
    """Number the rare places that share name, type and district ("…（2）"), in list order."""
    seen: dict[str, int] = {}
    out = {}
    for place_id, label in labels.items():
        seen[label] = seen.get(label, 0) + 1
        out[place_id] = label if seen[label] == 1 else f"{label}（{seen[label]}）"
    return out


def place_panel(place_id: str, editor: Editor | None, *, districts, lang: str, tiles: str) -> None:
    """Everything about one place; editing widgets only for an editor."""
    entry = data.gazetteer().get(place_id)
    row = data.store().entry(place_id)
    if editor is not None:
        loaded_revision(place_id)  # what a save will be checked against: the state shown now
    st.markdown(f"### {entry.name}  \n`{place_id}` · {t('cur_type', lang)}: {place_type(entry.type, lang)} · "
                f"{t('cur_precision', lang)}: **{t('cur_prec_' + entry.precision, lang)}** · "
                f"{t('cur_method', lang)}: {entry.method or '—'}")
    if row.get("source"):
        st.caption(f"{t('cur_h_source', lang)}: {md_text(row['source'])}")
    if row.get("note"):
        st.caption(f"{t('cur_note', lang)}: {md_text(row['note'])}")
    _contexts(place_id, lang)

    current = entry.geometry if entry.located and entry.precision in DRAWN else None
    drawing = editor is not None and leaflet_draw_ready()
    if editor is not None and not drawing:
        st.warning(t("cur_no_draw_tools", lang))
    m = curation_map(districts, current=current, reference=data.reference_places(), editable=drawing, tiles=tiles)
    state = st_folium(m, height=480, use_container_width=True,
                      returned_objects=["all_drawings"] if editor is not None else [],
                      key=f"cur-map-{place_id}-{tiles}-{editor is not None}")
    if editor is not None:
        drawings = (state or {}).get("all_drawings")
        if isinstance(drawings, list):  # None until the editor draws on this map
            remember_drawing(place_id, *drawn_geometry(drawings))
        st.caption(t("cur_map_help_editor", lang))
        edit_form(editor, place_id, gazetteer=data.gazetteer(), lang=lang)
    else:
        st.caption(t("cur_map_help", lang))
    st.markdown(f"#### {t('cur_history', lang)}")
    place_history(place_id, editor, lang)


def _contexts(place_id: str, lang: str) -> None:
    contexts = data.contexts(place_id)
    title = t("cur_contexts", lang).format(n=len(contexts))
    with st.expander(title, expanded=bool(contexts)):
        if not contexts:
            st.caption(t("cur_no_mentions", lang))
        for c in contexts[:MAX_CONTEXTS] if not st.session_state.get(key(place_id, "all-contexts")) else contexts:
            # Plan text is data: escaped, never rendered as markup.
            text = (f"…{html.escape(display_text(c['before']))}<mark>{html.escape(c['name'])}</mark>"
                    f"{html.escape(display_text(c['after']))}…")
            st.markdown(f"<div style='line-height:1.6'>{text}</div>", unsafe_allow_html=True)
            st.caption(f"[{c['title']} · {c['start']}–{c['end']}]({source_link(c['doc_id'], start=c['start'], end=c['end'])})")
        if len(contexts) > MAX_CONTEXTS and not st.session_state.get(key(place_id, "all-contexts")):
            if st.button(t("cur_all_contexts", lang).format(n=len(contexts)), key=key(place_id, "more")):
                st.session_state[key(place_id, "all-contexts")] = True
                st.rerun()
