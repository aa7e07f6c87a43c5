"""The plan's own words: a document with one passage highlighted.

Opened from links elsewhere in the app: `source?doc=<plan id>&start=<n>&end=<n>`
(character offsets into the document, as every record stores them).

The document is shown as *text*: escaped and wrapped, never read as Markdown
(an indented 专栏 line was a code block that scrolled sideways and showed the
highlight's markup literally). The page opens scrolled to the passage.
"""

from __future__ import annotations

import streamlit as st

from layers.errors import LayersError
from layers.plans import get_plan, read_plan_text
from ui.data import catalog
from view.text import plan_note, t
from ui.navigation import through_app_navigation
from ui.plan_text import passage_html, scroll_to_passage

through_app_navigation()

lang = st.session_state.get("lang", "zh")
params = st.query_params
plans = catalog()
ids = [p.id for p in plans]
doc_id = params.get("doc", ids[0])
if doc_id not in ids:
    st.text(t("unknown_document", lang).format(doc=doc_id))  # plain text: the id comes from the URL
    doc_id = ids[0]
doc_id = st.selectbox(t("document", lang), ids, index=ids.index(doc_id),
                      format_func=lambda i: get_plan(i).title)
try:
    text = read_plan_text(doc_id)
except LayersError as exc:
    st.text(t("document_unreadable", lang).format(doc=doc_id, detail=exc))
    st.stop()


def _offset(name: str) -> int | None:
    try:
        return max(0, min(len(text), int(params.get(name, ""))))
    except ValueError:
        return None


start, end = _offset("start"), _offset("end")
plan = get_plan(doc_id)
st.subheader(plan.title)
st.caption(f"{plan.district} · {plan.date or '—'} · {plan.publisher or '—'} · {t('original_file', lang)}: {plan.original_file}")
note = plan_note(plan.id, lang)
if note:
    st.info(note)
has_passage = start is not None and end is not None and start < end
if has_passage:
    st.caption(t("passage_at", lang).format(start=start, end=end))
with st.container(height=620, border=True):
    st.html(passage_html(text, start=start if has_passage else None, end=end if has_passage else None))
if has_passage:
    scroll_to_passage()
