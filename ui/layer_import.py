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

#: Session key of the saved upload: (file id, folder, path).
SAVED_KEY = "imp-saved-upload"
FLASH_KEY = "imp-flash"

_TEXTS: dict[str, dict[str, str]] = {
    "toggle": {"zh": "导入 GIS 图层作为地点来源", "en": "Import a GIS layer as a place source"},
    "caption": {
        "zh": "GeoPackage、压缩的 Shapefile（.zip）、GeoJSON、KML、含经纬度或 WKT 列的 CSV、OpenStreetMap（.osm/.osm.pbf），"
              "最大 {mb} MB。选择名称字段并声明坐标系；来源和许可必填。导入的图层只提供候选地点，不会直接改动地图。",
        "en": "GeoPackage, zipped Shapefile (.zip), GeoJSON, KML, CSV with lon/lat or WKT columns, OpenStreetMap "
              "(.osm/.osm.pbf), up to {mb} MB. Choose the name field and declare the datum; source and licence are "
              "required. An imported layer only offers candidate places; it changes nothing on the map by itself.",
    },
    "file": {"zh": "图层文件", "en": "Layer file"},
    "layer": {"zh": "图层", "en": "Layer"},
    "encoding": {"zh": "CSV 编码", "en": "CSV encoding"},
    "name_field": {"zh": "名称字段", "en": "Name field"},
    "datum": {"zh": "坐标系（必填）", "en": "Datum (required)"},
    "source": {"zh": "图层来源（必填）", "en": "Source of the layer (required)"},
    "licence": {"zh": "许可（必填）", "en": "Licence (required)"},
    "attribution": {"zh": "署名（可选）", "en": "Credit line (optional)"},
    "button": {"zh": "导入图层", "en": "Import layer"},
    "choose": {"zh": "请选择", "en": "Choose"},
    "incomplete": {"zh": "请选择名称字段和坐标系，并填写来源和许可。", "en": "Choose the name field and the datum, and give the source and the licence."},
    "done": {
        "zh": "已导入 {file}：{n} 个有名称的要素（坐标系 {datum}；无名称未导入 {unnamed} 个，宁波以外未导入 {outside} 个）。",
        "en": "Imported {file}: {n} named features (datum {datum}; left out {unnamed} without a name, {outside} outside 宁波).",
    },
    "refused": {"zh": "未导入 {file}：{detail}", "en": "{file} was not imported: {detail}"},
    "imported": {"zh": "已导入的图层", "en": "Imported layers"},
    "none": {"zh": "尚未导入图层。", "en": "No layer imported yet."},
    "datum_wgs84": {"zh": "WGS84（GPS、OpenStreetMap）", "en": "WGS84 (GPS, OpenStreetMap)"},
    "datum_cgcs2000": {"zh": "CGCS2000（天地图、国家测绘成果）", "en": "CGCS2000 (天地图, national survey data)"},
    "datum_gcj02": {"zh": "GCJ-02（高德、腾讯）", "en": "GCJ-02 (高德/Amap, Tencent)"},
    "datum_bd09": {"zh": "BD-09（百度）", "en": "BD-09 (Baidu)"},
}

#: Chinese wording of each refusal code of `geo.sources.layer` (English is the exception's own message).
_REFUSALS_ZH: dict[str, str] = {
    "format": "不是可读取的图层格式，请使用 {formats}",
    "missing": "文件不存在",
    "empty": "文件是空的，没有任何要素",
    "too_large": "文件有 {mb} MB，超过 {limit_mb} MB 的上限；请先裁剪到宁波范围或拆分",
    "unreadable": "无法作为图层读取：{detail}",
    "which_layer": "文件中有多个图层（{layers}），请选择一个",
    "no_layer": "没有图层“{layer}”；现有图层：{layers}",
    "no_source": "请填写图层来源",
    "no_licence": "请填写图层的许可",
    "no_datum": "请声明坐标系：{datums}",
    "unknown_datum": "未知坐标系“{datum}”，请使用 {datums}",
    "no_name_field": "没有字段“{field}”；现有字段：{fields}",
    "no_names": "字段“{field}”中没有任何名称",
    "csv_columns": "找不到经纬度列或 WKT 列（现有列：{columns}）；请命名为 lon 和 lat，或 wkt",
    "csv_values": "有坐标或 WKT 值无法读取（{detail}）",
    "not_utf8": "CSV 不是 UTF-8 编码（第 {offset} 字节起），看起来是 {guess}：请另存为 UTF-8，或在上方选择编码 {guess}",
    "encoding_given": "无法按 {encoding} 读取：{detail}",
    "crs_unusable": "文件声明的坐标系 {crs} 既不是地理坐标也不是投影坐标",
    "projected_undefined": "坐标是投影坐标（单位米：{bounds}），但文件没有投影定义；请连同 .prj/坐标系一起导出，或导出为经纬度",
    "outside_all": "按 {datum} 读取后，{total} 个要素没有一个在宁波市内（范围 {bounds}）；请检查声明的坐标系和文件",
    "swapped": "坐标看起来把纬度和经度写反了（经度读到 {bounds}）；请交换两列（宁波的经度约为 121.5）",
}


def _t(key: str, lang: str) -> str:
    entry = _TEXTS[key]
    return entry.get(lang) or entry["zh"]


def refusal_message(error: LayerImportError, lang: str) -> str:
    """The refusal in the user's language: by its code in Chinese, the exception's own English otherwise."""
    code, details = getattr(error, "code", None), getattr(error, "details", {})
    if lang == "zh" and code in _REFUSALS_ZH:
        return _REFUSALS_ZH[code].format(**details) + "。未导入任何内容。"
    return str(error)


def layer_import_panel(editor: Editor, lang: str) -> None:
    """The upload form (behind a toggle) and the list of imported layers."""
    if not st.toggle(_t("toggle", lang), key="imp-open"):
        return
    st.caption(_t("caption", lang).format(mb=MAX_LAYER_BYTES // 2**20))
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        getattr(st, flash[0])(flash[1])
    upload = st.file_uploader(_t("file", lang), key="imp-file",
                              type=[s.lstrip(".") for s in FORMATS])
    if upload is not None:
        _form(upload, editor, lang)
    _imported_table(lang)


def _form(upload, editor: Editor, lang: str) -> None:
    if upload.size > MAX_LAYER_BYTES:
        st.error(_t("refused", lang).format(file=upload.name, detail=_REFUSALS_ZH["too_large"].format(
            mb=round(upload.size / 2**20), limit_mb=MAX_LAYER_BYTES // 2**20) if lang == "zh" else
            f"{round(upload.size / 2**20)} MB is more than the {MAX_LAYER_BYTES // 2**20} MB limit"))
        return
    path = _saved(upload)
    layer = encoding = None
    try:
        if path.suffix.lower() == ".csv":
            encoding = st.selectbox(_t("encoding", lang), ["utf-8", "gb18030", "big5"], key="imp-encoding")
        names = layer_names(path)
        if len(names) > 1:
            layer = st.selectbox(_t("layer", lang), names, key="imp-layer")
        fields = _fields(upload.file_id, path, layer=layer, encoding=None if encoding == "utf-8" else encoding)
    except LayerImportError as exc:
        st.error(_t("refused", lang).format(file=upload.name, detail=refusal_message(exc, lang)))
        return
    with st.form("imp-form"):
        name_field = st.selectbox(_t("name_field", lang), fields, index=_guess(fields),
                                  placeholder=_t("choose", lang), key="imp-name-field")
        datum = st.selectbox(_t("datum", lang), DATUMS, index=None, placeholder=_t("choose", lang),
                             format_func=lambda d: _t(f"datum_{d}", lang), key="imp-datum")
        source = st.text_input(_t("source", lang), key="imp-source")
        licence = st.text_input(_t("licence", lang), key="imp-licence")
        attribution = st.text_input(_t("attribution", lang), key="imp-attribution")
        submitted = st.form_submit_button(_t("button", lang))
    if not submitted:
        return
    if not (name_field and datum and source.strip() and licence.strip()):
        st.error(_t("incomplete", lang))
        return
    try:
        require_editor(editor)
        meta = import_layer(path, name_field=name_field, datum=datum, source=source, licence=licence, layer=layer,
                            attribution=attribution, encoding=None if encoding in (None, "utf-8") else encoding,
                            original_name=upload.name)
    except LayerImportError as exc:
        st.error(_t("refused", lang).format(file=upload.name, detail=refusal_message(exc, lang)))
        return
    except (PermissionDenied, GeoError) as exc:
        st.error(_t("refused", lang).format(file=upload.name, detail=str(exc)))
        return
    _forget_upload()
    st.session_state[FLASH_KEY] = ("success", _t("done", lang).format(
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
    st.markdown(f"**{_t('imported', lang)}**")
    try:
        layers = imported_layers()
    except LayerImportError as exc:
        st.error(str(exc))
        return
    if not layers:
        st.caption(_t("none", lang))
        return
    st.dataframe(pd.DataFrame([{"file": m.file, "source": m.source, "licence": m.licence, "datum": m.datum,
                                "name_field": m.name_field, "features": m.features, "imported": m.imported}
                               for m in layers]), hide_index=True, width="stretch")
