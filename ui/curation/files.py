"""Export the curated entries for review; import a reviewed file (editors only).

Exports are open to everyone (the curated data is public, like the gazetteer
files themselves). The import widgets are drawn only for an editor, and the
store checks the editor again, validates every row and reports each rejected
one; the good rows are applied and their layers rebuilt.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.access.editors import Editor
from geo.curation import MAX_IMPORT_BYTES, ImportReport
from geo.errors import CurationError, LockTimeout, PermissionDenied
from ui.curation import data
from ui.curation.edit import rebuild_message
from view.text import t
from view.safe_text import md_text

#: Where the last import's report is kept, so it stays on screen after the rerun.
REPORT_KEY = "cur-import-report"


def export_buttons(lang: str) -> None:
    """Download buttons for the curated entries as GeoJSON and as CSV."""
    n = len(data.store().curated_ids())
    geojson, csv = data.exports()
    st.caption(t("cur_export_caption", lang).format(n=n))
    left, right = st.columns(2)
    left.download_button(t("cur_export_geojson", lang), geojson, file_name="curated-places.geojson",
                         mime="application/geo+json", key="cur-export-geojson", disabled=n == 0)
    right.download_button(t("cur_export_csv", lang), csv, file_name="curated-places.csv",
                          mime="text/csv", key="cur-export-csv", disabled=n == 0)


def import_panel(editor: Editor, lang: str) -> None:
    """Upload a reviewed GeoJSON/CSV, apply its good rows, list the rejected ones."""
    st.caption(t("cur_import_caption", lang).format(mb=MAX_IMPORT_BYTES // (1024 * 1024)))
    upload = st.file_uploader(t("cur_import_file", lang), type=["geojson", "json", "csv"], key="cur-import-file")
    if upload is not None and st.button(t("cur_import_button", lang), key="cur-import-go"):
        try:
            report = data.store().import_file(editor, upload.getvalue(), filename=upload.name)
        except (CurationError, LockTimeout, PermissionDenied) as exc:
            st.session_state[REPORT_KEY] = (upload.name, None, str(exc), None)
        else:
            flash = None
            ids = sorted({c.place_id for c in report.accepted})
            if ids:
                flash = rebuild_message(ids, lang, saved=t("cur_imported", lang).format(n=len(report.accepted)))
            st.session_state[REPORT_KEY] = (upload.name, report, None, flash)
        st.rerun()
    _show_report(lang)


def rejected_table(report: ImportReport, lang: str) -> pd.DataFrame:
    """Rejected rows: row (CSV line or feature number), place id, reason."""
    return pd.DataFrame([{t("cur_r_row", lang): r.row, t("cur_r_place", lang): r.place_id,
                          t("cur_r_reason", lang): r.reason} for r in report.rejected],
                        columns=[t("cur_r_row", lang), t("cur_r_place", lang), t("cur_r_reason", lang)])


def _show_report(lang: str) -> None:
    saved = st.session_state.get(REPORT_KEY)
    if not saved:
        return
    name, report, error, flash = saved
    if error:
        st.error(t("cur_import_unreadable", lang).format(name=md_text(name), detail=md_text(error)))
        return
    if flash:
        getattr(st, flash[0])(flash[1])
    st.markdown(t("cur_import_summary", lang).format(
        name=md_text(name), accepted=len(report.accepted), rejected=len(report.rejected), unchanged=len(report.unchanged)))
    if report.accepted:
        st.caption(t("cur_import_accepted", lang) + "、".join(sorted({c.place_id for c in report.accepted})))
    if report.rejected:
        st.table(rejected_table(report, lang), hide_index=True)
