"""The plan's own words: a document with one passage highlighted.

Opened from links elsewhere in the app: `source?doc=<plan id>&start=<n>&end=<n>`
(character offsets into the document, as every record stores them).
"""

from __future__ import annotations

import html

import streamlit as st

from layers.errors import LayersError
from layers.plans import get_plan, read_plan_text
from layers.text import hide_noise
from ui.data import catalog
from ui.i18n import t
from ui.navigation import through_app_navigation
from ui.safe_text import md_text

through_app_navigation()

#: Characters of context shown around the passage.
CONTEXT_CHARS = 1500

lang = st.session_state.get("lang", "zh")
params = st.query_params
plans = catalog()
ids = [p.id for p in plans]
doc_id = params.get("doc", ids[0])
if doc_id not in ids:
    st.error(t("unknown_document", lang).format(doc=md_text(doc_id)))
    doc_id = ids[0]
doc_id = st.selectbox(t("document", lang), ids, index=ids.index(doc_id),
                      format_func=lambda i: get_plan(i).title)
try:
    text = read_plan_text(doc_id)
except LayersError as exc:
    st.error(md_text(exc))
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
if plan.note:
    st.info(plan.note)

if start is not None and end is not None and start < end:
    before = text[max(0, start - CONTEXT_CHARS):start]
    passage = text[start:end]
    after = text[end:end + CONTEXT_CHARS]
    st.caption(t("passage_at", lang).format(start=start, end=end))
    # Escaped: document text is shown as text, never as markup.
    body = (
        f"{html.escape(hide_noise(before))}<mark id='passage'>{html.escape(hide_noise(passage))}</mark>"
        f"{html.escape(hide_noise(after))}"
    )
    st.markdown(f"<div class='plan-text' style='white-space:pre-wrap;line-height:1.7'>…{body}…</div>",
                unsafe_allow_html=True)
else:
    with st.container(height=600):
        st.text(hide_noise(text))
