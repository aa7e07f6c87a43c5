"""The editor's form for one place: how it is located, precision, source, reason; save.

Only called for a session whose `Editor` passed `require_editor`; the store
checks the editor again on every write. Every value the editor types lives in
`st.session_state` under keys named for the place, so a refused save or a
conflict ("changed since you loaded it") loses nothing: the editor reloads
and saves again.
"""

from __future__ import annotations

from collections.abc import Callable

import shapely
import streamlit as st
from shapely import wkt as shapely_wkt

from geo import crs as geo_crs
from geo.access.editors import Editor
from geo.curation import Change
from geo.errors import ConflictError, CurationError, GeoError, LockTimeout, PermissionDenied
from geo.gazetteer import Gazetteer
from geo.precision import DRAWN, Precision
from layers.errors import LayersError
from ui.curation import data
from view.text import t
from view.safe_text import md_text

HOW = ("draw", "same", "coords", "none")
PRECISIONS_WITH_SHAPE = (Precision.APPROXIMATE, Precision.EXACT)
PRECISIONS_WITHOUT_SHAPE = (Precision.UNLOCATED, Precision.DISTRICT)
#: Datums a typed coordinate may be in (Amap/Tencent give GCJ-02, Baidu BD-09).
COORD_CRS = ("wgs84", "gcj02", "bd09")


def key(place_id: str, name: str) -> str:
    """Session-state key of one of the form's values for a place."""
    return f"cur-{place_id}-{name}"


def loaded_revision(place_id: str) -> str:
    """The revision of the place as this session first saw it (what a save is checked against)."""
    name = key(place_id, "revision")
    if name not in st.session_state:
        st.session_state[name] = data.store().revision(place_id)
    return st.session_state[name]


def remember_drawing(place_id: str, geometry: shapely.Geometry | None, count: int) -> None:
    """Keep the drawn shape (WKT) in the session, so a rerun or a reload does not lose it."""
    st.session_state[key(place_id, "drawn")] = geometry.wkt if geometry is not None else None
    st.session_state[key(place_id, "drawn_count")] = count


def edit_form(editor: Editor, place_id: str, *, gazetteer: Gazetteer, lang: str) -> None:
    """The form under the map; saving writes through `CurationStore.save` and rebuilds the layers."""
    _conflict_notice(place_id, lang)
    how = st.radio(t("cur_how", lang), HOW, format_func=lambda h: t(f"cur_how_{h}", lang), horizontal=True,
                   key=key(place_id, "how"))
    geometry, same_as = None, None
    if how == "draw":
        geometry = _drawn(place_id, lang)
    elif how == "same":
        same_as = _same_as(place_id, gazetteer, lang)
    elif how == "coords":
        geometry = _typed_point(place_id, lang)
    choices = PRECISIONS_WITHOUT_SHAPE if how == "none" else PRECISIONS_WITH_SHAPE
    precision = st.radio(t("cur_precision", lang), choices, format_func=lambda p: t(f"cur_prec_{p}", lang),
                         horizontal=True, key=key(place_id, f"precision-{how}"))
    source = st.text_input(t("cur_source", lang), placeholder=t("cur_source_help", lang), key=key(place_id, "source"))
    reason = st.text_area(t("cur_reason", lang), key=key(place_id, "reason"), height=80)
    if st.button(t("cur_save", lang), type="primary", key=key(place_id, "save")):
        _save(editor, place_id, geometry=geometry, same_as=same_as, precision=precision,
              source=source, reason=reason, lang=lang)


def _drawn(place_id: str, lang: str) -> shapely.Geometry | None:
    text = st.session_state.get(key(place_id, "drawn"))
    if not text:
        st.info(t("cur_draw_hint", lang))
        return None
    geometry = shapely_wkt.loads(text)
    point = geometry.representative_point()
    st.success(t("cur_drawn", lang).format(kind=geometry.geom_type, n=len(shapely.get_coordinates(geometry)),
                                           lon=point.x, lat=point.y))
    if st.session_state.get(key(place_id, "drawn_count"), 1) > 1:
        st.caption(t("cur_drawn_several", lang).format(n=st.session_state[key(place_id, "drawn_count")]))
    return geometry


def _same_as(place_id: str, gazetteer: Gazetteer, lang: str) -> str | None:
    options = sorted((e for e in gazetteer if e.id != place_id and e.located
                      and e.precision in DRAWN), key=lambda e: (e.name, e.id))
    labels = {e.id: f"{e.name} · {e.id} · {t('cur_prec_' + e.precision, lang)}" for e in options}
    return st.selectbox(t("cur_same_as", lang), list(labels), format_func=labels.get, index=None,
                        placeholder=t("cur_same_as_help", lang), key=key(place_id, "same"))


def _typed_point(place_id: str, lang: str) -> shapely.Geometry | None:
    left, middle, right = st.columns([2, 2, 3])
    lon = left.number_input(t("cur_lon", lang), min_value=-180.0, max_value=180.0, value=None, format="%.6f",
                            key=key(place_id, "lon"))
    lat = middle.number_input(t("cur_lat", lang), min_value=-90.0, max_value=90.0, value=None, format="%.6f",
                              key=key(place_id, "lat"))
    datum = right.selectbox(t("cur_datum", lang), COORD_CRS, format_func=lambda c: t(f"cur_datum_{c}", lang),
                            key=key(place_id, "datum"))
    if lon is None or lat is None:
        return None
    # Stored geometry is WGS84; a 高德/百度 coordinate is shifted back first.
    x, y = geo_crs.to_wgs84(lon, lat, crs=datum)
    return shapely.Point(float(x), float(y))


def _save(editor: Editor, place_id: str, *, geometry: shapely.Geometry | None, same_as: str | None,
          precision: str, source: str, reason: str, lang: str) -> None:
    apply_change(place_id, lambda: data.store().save(
        editor, place_id, geometry=geometry, same_as=same_as, precision=precision, source=source,
        reason=reason, expected_revision=loaded_revision(place_id)),
        clear=("drawn", "drawn_count", "source", "reason", "lon", "lat", "same"), saved=t("cur_saved", lang),
        lang=lang)


def apply_change(place_id: str, write: Callable[[], Change], *, clear: tuple[str, ...], saved: str,
                 lang: str) -> None:
    """Run a store write (save or undo) for one place and show its outcome.

    A conflict reruns into the reload notice with the form's values kept; a
    refused change is shown and nothing else happens; success forgets the
    form's `clear` fields and reruns with the rebuild message.
    """
    try:
        change = write()
    except ConflictError as exc:
        st.session_state[key(place_id, "conflict")] = str(exc)
        st.rerun()
    except (CurationError, LockTimeout, PermissionDenied) as exc:  # a busy folder: same "Not saved" words
        st.error(t("cur_refused", lang).format(detail=md_text(exc)))
        return
    st.session_state[key(place_id, "revision")] = change.change_id
    for name in clear:
        st.session_state.pop(key(place_id, name), None)
    st.session_state["cur-flash"] = rebuild_message([place_id], lang, saved=saved)
    st.rerun()


def rebuild_message(place_ids: list[str], lang: str, *, saved: str) -> tuple[str, str]:
    """Rebuild the layers after a saved change; (level, message) to show after the rerun."""
    try:
        with st.spinner(t("cur_rebuilding", lang)):
            report = data.after_change(place_ids)
    except (LayersError, GeoError, OSError) as exc:
        return "warning", f"{saved} {t('cur_rebuild_failed', lang).format(detail=exc)}"
    return "success", f"{saved} {t('cur_rebuilt', lang).format(summary=report.summary())}"


def _conflict_notice(place_id: str, lang: str) -> None:
    message = st.session_state.get(key(place_id, "conflict"))
    if not message:
        return
    st.warning(t("cur_conflict", lang).format(detail=md_text(message)))
    if st.button(t("cur_reload", lang), key=key(place_id, "reload")):
        st.session_state[key(place_id, "revision")] = data.store().revision(place_id)
        st.session_state.pop(key(place_id, "conflict"), None)
        st.rerun()
