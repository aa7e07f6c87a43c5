"""Editors upload a GIS layer as a place source (GeoPackage, zipped Shapefile, GeoJSON, KML, CSV, OSM).

Drawn only for a logged-in editor, behind a toggle so the files tab stays as
it was for everyone else. The editor picks the name field from the file's own
fields and must give the datum, the source and the licence; `geo.sources.layer`
checks everything and writes nothing on a refusal, which is shown with
`st.error` in the user's language (by the error's code), never as a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import streamlit as st

from geo.access.editors import Editor, require_editor
from geo.errors import GeoError, LayerImportError, PermissionDenied
from geo.sources.base import DATUMS
from geo.sources.layer import (FORMATS, MAX_LAYER_BYTES, import_layer, imported_layers, layer_fields,
                               layer_names, upload_dir)
from view.text import layer_refusal, t

#: Session key of the saved upload: (file id, folder, path).
SAVED_KEY = "imp-saved-upload"
FLASH_KEY = "imp-flash"


def refusal_message(error: LayerImportError, lang: str) -> str:
    """The refusal in the user's language: by its code in Chinese, the exception's own English otherwise."""
    code, details = getattr(error, "code", None), getattr(error, "details", {})
    wording = layer_refusal(code, lang) if code else None
    return wording.format(**details) + t("imp_nothing_imported", lang) if wording else str(error)


def layer_import_panel(editor: Editor, lang: str) -> None:
    """The upload form (behind a toggle) and the list of imported layers."""
    if not st.toggle(t("imp_toggle", lang), key="imp-open"):
        return
    st.caption(t("imp_caption", lang).format(mb=MAX_LAYER_BYTES // 2**20))
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        getattr(st, flash[0])(flash[1])
    upload = st.file_uploader(t("imp_file", lang), key="imp-file",
                              type=[s.lstrip(".") for s in FORMATS])
    if upload is not None:
        _form(upload, editor, lang)
    _imported_table(lang)


def _form(upload, editor: Editor, lang: str) -> None:
    if upload.size > MAX_LAYER_BYTES:
        st.error(t("imp_refused", lang).format(file=upload.name, detail=t("imp_too_large", lang).format(
            mb=round(upload.size / 2**20), limit_mb=MAX_LAYER_BYTES // 2**20)))
        return
    path = _saved(upload)
    layer = encoding = None
    try:
        if path.suffix.lower() == ".csv":
            encoding = st.selectbox(t("imp_encoding", lang), ["utf-8", "gb18030", "big5"], key="imp-encoding")
        names = layer_names(path)
        if len(names) > 1:
            layer = st.selectbox(t("imp_layer", lang), names, key="imp-layer")
        fields = _fields(upload.file_id, path, layer=layer, encoding=None if encoding == "utf-8" else encoding)
    except LayerImportError as exc:
        st.error(t("imp_refused", lang).format(file=upload.name, detail=refusal_message(exc, lang)))
        return
    with st.form("imp-form"):
        name_field = st.selectbox(t("imp_name_field", lang), fields, index=_guess(fields),
                                  placeholder=t("imp_choose", lang), key="imp-name-field")
        datum = st.selectbox(t("imp_datum", lang), DATUMS, index=None, placeholder=t("imp_choose", lang),
                             format_func=lambda d: t(f"imp_datum_{d}", lang), key="imp-datum")
        source = st.text_input(t("imp_source", lang), key="imp-source")
        licence = st.text_input(t("imp_licence", lang), key="imp-licence")
        attribution = st.text_input(t("imp_attribution", lang), key="imp-attribution")
        submitted = st.form_submit_button(t("imp_button", lang))
    if not submitted:
        return
    if not (name_field and datum and source.strip() and licence.strip()):
        st.error(t("imp_incomplete", lang))
        return
    try:
        require_editor(editor)
        meta = import_layer(path, name_field=name_field, datum=datum, source=source, licence=licence, layer=layer,
                            attribution=attribution, encoding=None if encoding in (None, "utf-8") else encoding,
                            original_name=upload.name)
    except LayerImportError as exc:
        st.error(t("imp_refused", lang).format(file=upload.name, detail=refusal_message(exc, lang)))
        return
    except (PermissionDenied, GeoError) as exc:
        st.error(t("imp_refused", lang).format(file=upload.name, detail=str(exc)))
        return
    _forget_upload()
    st.session_state[FLASH_KEY] = ("success", t("imp_done", lang).format(
        file=meta.file, n=meta.features, datum=meta.datum, unnamed=meta.skipped_unnamed, outside=meta.skipped_outside))
    st.rerun()


def _saved(upload) -> Path:
    """The upload written once to a private temporary folder (kept across reruns of this session)."""
    saved = st.session_state.get(SAVED_KEY)
    if saved and saved[0] == upload.file_id and Path(saved[2]).is_file():
        return Path(saved[2])
    if saved:
        shutil.rmtree(saved[1], ignore_errors=True)
    folder = upload_dir()
    suffix = ".osm.pbf" if upload.name.lower().endswith(".osm.pbf") else Path(upload.name).suffix.lower()
    path = folder / f"upload{suffix}"
    path.write_bytes(upload.getvalue())
    st.session_state[SAVED_KEY] = (upload.file_id, str(folder), str(path))
    return path


def _fields(file_id: str, path: Path, *, layer: str | None, encoding: str | None) -> list[str]:
    """The file's fields, read once per upload, layer and encoding (not on every rerun)."""
    key = f"imp-fields:{file_id}:{layer}:{encoding}"
    if key not in st.session_state:
        st.session_state[key] = layer_fields(path, layer=layer, encoding=encoding)
    return st.session_state[key]


def _forget_upload() -> None:
    """Remove the saved copy once it is imported (the stored layer is what counts)."""
    saved = st.session_state.pop(SAVED_KEY, None)
    if saved:
        shutil.rmtree(saved[1], ignore_errors=True)


def _guess(fields: list[str]) -> int | None:
    for wanted in ("name", "名称", "NAME", "Name", "name_zh", "names_zh"):
        if wanted in fields:
            return fields.index(wanted)
    return None


def _imported_table(lang: str) -> None:
    st.markdown(f"**{t('imp_imported', lang)}**")
    try:
        layers = imported_layers()
    except LayerImportError as exc:
        st.error(str(exc))
        return
    if not layers:
        st.caption(t("imp_none", lang))
        return
    st.dataframe(pd.DataFrame([{"file": m.file, "source": m.source, "licence": m.licence, "datum": m.datum,
                                "name_field": m.name_field, "features": m.features, "imported": m.imported}
                               for m in layers]), hide_index=True, width="stretch")
