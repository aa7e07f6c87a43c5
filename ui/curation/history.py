"""Who changed a place, when, from what to what, and why; undo for editors.

Everyone sees the history. The undo button is drawn only for a logged-in
editor and only on a place's latest change (the store undoes nothing else);
the store checks the editor and the revision again when it is pressed.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.access.editors import Editor
from geo.curation import Change
from ui.curation import data
from ui.curation.edit import apply_change, key, loaded_revision
from view.text import t


def history_table(changes: list[Change], lang: str) -> pd.DataFrame:
    """Changes as rows: time, place, editor, action, before → after, reason, source."""
    return pd.DataFrame(
        [{t("cur_h_time", lang): c.time, t("cur_h_place", lang): c.place_id, t("cur_h_editor", lang): c.editor,
          t("cur_h_action", lang): t(f"cur_action_{c.action}", lang),
          t("cur_h_before", lang): describe(c.before, lang), t("cur_h_after", lang): describe(c.after, lang),
          t("cur_h_reason", lang): c.reason, t("cur_h_source", lang): c.source} for c in changes],
        columns=[t(k, lang) for k in ("cur_h_time", "cur_h_place", "cur_h_editor", "cur_h_action",
                                      "cur_h_before", "cur_h_after", "cur_h_reason", "cur_h_source")],
    )


def describe(row: dict[str, str] | None, lang: str) -> str:
    """One line for a gazetteer row's location: precision, method and the geometry's source."""
    if row is None:
        return t("cur_no_row", lang)
    where = (f"same:{row['derive'].removeprefix('same:')}" if row.get("derive", "").startswith("same:")
             else row.get("derive") or _short_wkt(row.get("wkt", "")) or _point(row))
    parts = [t(f"cur_prec_{row['precision']}", lang), row.get("method", ""), where]
    return " · ".join(p for p in parts if p)


def place_history(place_id: str, editor: Editor | None, lang: str) -> None:
    """The history panel of one place, with undo on the latest change for an editor."""
    changes = data.store().history(place_id)
    if not changes:
        st.caption(t("cur_no_history", lang))
        return
    st.dataframe(history_table(changes, lang), hide_index=True, width="stretch")
    if editor is None:
        return
    latest = changes[0]
    reason = st.text_input(t("cur_undo_reason", lang), key=key(place_id, "undo-reason"))
    if st.button(t("cur_undo", lang).format(change=latest.change_id), key=key(place_id, "undo")):
        apply_change(place_id, lambda: data.store().undo(
            editor, latest.change_id, reason=reason, expected_revision=loaded_revision(place_id)),
            clear=("undo-reason",), saved=t("cur_undone", lang), lang=lang)


def _short_wkt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _point(row: dict[str, str]) -> str:
    if row.get("lon") and row.get("lat"):
        return f"{row['lon']}, {row['lat']} ({row.get('crs') or 'wgs84'})"
    return ""
