"""The editors' forms of the 规划文件 page: add a plan, replace its text, remove it.

The forms exist only for a session holding an `Editor` (`ui.curation.auth`),
and the editor is checked again right before anything is changed. The work is
done by `layers.plan_edit`, which changes the catalog, the text and the layers
whole or not at all; a refusal is shown with `st.error`, never a traceback.
The forms keep what the editor typed and chose when a change is refused
(`clear_on_submit=False`), so nothing has to be entered again.
"""

from __future__ import annotations

import re

import streamlit as st

from geo.access.editors import Editor, require_editor
from geo.errors import GeoError, PermissionDenied
from layers.documents import FORMATS, MAX_BYTES
from layers.errors import LayersError
from layers.plan_edit import CatalogChange, add_plan, remove_plan, replace_plan
from layers.plans import Plan
from view.text import has_text, t

#: Where the outcome of the last change waits for the rerun that shows it.
FLASH_KEY = "plans-flash"
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def as_text(value: object) -> str:
    """`value` with Markdown's special characters escaped, so a file name or title shows as written."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(value))


def show_flash() -> None:
    """The outcome of the change made before the last rerun, if any."""
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        kind, message, warnings = flash
        getattr(st, kind)(message)
        for warning in warnings:
            st.warning(warning)


def add_form(editor: Editor, lang: str) -> None:
    """Upload a document with its district and details; added and the layers rebuilt on submit."""
    with st.form("plans-add", clear_on_submit=False):
        upload = st.file_uploader(t("plans_file", lang).format(mb=MAX_BYTES // (1024 * 1024)),
                                  type=[s.lstrip(".") for s in FORMATS], key="plans-add-file")
        district = st.text_input(t("plans_district", lang), key="plans-add-district",
                                 placeholder="330203 / 海曙区 / 宁波市海曙区")
        title = st.text_input(t("plans_title_field", lang), key="plans-add-title")
        left, mid, right = st.columns(3)
        kind = left.text_input(t("plans_kind", lang), value="plan", key="plans-add-kind")
        date = mid.text_input(t("plans_date", lang), key="plans-add-date", placeholder="2021-07-12")
        publisher = right.text_input(t("plans_publisher", lang), key="plans-add-publisher")
        simplify = st.checkbox(t("plans_to_simplified", lang), key="plans-add-simplify")
        submitted = st.form_submit_button(t("plans_add_button", lang))
    if not submitted:
        return
    if upload is None:
        st.error(t("plans_no_file", lang))
        return
    if not district.strip():
        st.error(t("plans_no_district", lang))
        return
    _change(editor, lang, lambda: add_plan(
        upload.getvalue(), name=upload.name, district=district, title=title, kind=kind, date=date,
        publisher=publisher, to_simplified=simplify))


def replace_form(plans: tuple[Plan, ...], editor: Editor, lang: str) -> None:
    """Replace one plan's text by a new file, after the editor confirms."""
    with st.form("plans-replace", clear_on_submit=False):
        doc_id = st.selectbox(t("plans_choose_replace", lang), [p.id for p in plans], key="plans-replace-doc",
                              format_func=_labels(plans).get)
        upload = st.file_uploader(t("plans_file", lang).format(mb=MAX_BYTES // (1024 * 1024)),
                                  type=[s.lstrip(".") for s in FORMATS], key="plans-replace-file")
        simplify = st.checkbox(t("plans_to_simplified", lang), key="plans-replace-simplify")
        confirm = st.checkbox(t("plans_replace_confirm", lang), key="plans-replace-confirm")
        submitted = st.form_submit_button(t("plans_replace_button", lang))
    if not submitted:
        return
    if upload is None:
        st.error(t("plans_no_file", lang))
        return
    if not confirm:
        st.error(t("plans_confirm_first", lang))
        return
    _change(editor, lang, lambda: replace_plan(doc_id, upload.getvalue(), name=upload.name,
                                                to_simplified=simplify))


def remove_form(plans: tuple[Plan, ...], editor: Editor, lang: str) -> None:
    """Remove one plan after the editor types its id to confirm."""
    with st.form("plans-remove", clear_on_submit=False):
        doc_id = st.selectbox(t("plans_choose_remove", lang), [p.id for p in plans], key="plans-remove-doc",
                              format_func=_labels(plans).get)
        typed = st.text_input(t("plans_remove_confirm", lang), key="plans-remove-typed")
        submitted = st.form_submit_button(t("plans_remove_button", lang), type="primary")
    if not submitted:
        return
    if typed.strip() != doc_id:
        st.error(t("plans_confirm_id", lang).format(id=as_text(doc_id)))
        return
    _change(editor, lang, lambda: remove_plan(doc_id))


def _change(editor: Editor, lang: str, change) -> None:  # noqa: ANN001 - zero-argument callable
    try:
        require_editor(editor)
        with st.spinner(t("plans_working", lang)):
            result: CatalogChange = change()
    except PermissionDenied as exc:
        st.error(as_text(exc))
        return
    except (LayersError, GeoError, OSError) as exc:
        st.error(refusal(exc, lang))
        return
    message = t(f"plans_done_{result.action}", lang).format(
        id=as_text(result.plan.id), title=as_text(result.plan.title), district=as_text(result.plan.district),
        counts=", ".join(f"{n} {kind}" for kind, n in result.records.items()) or "—",
        seconds=f"{result.seconds:.1f}")
    st.session_state[FLASH_KEY] = ("success", message, [t(f"plans_warn_{code}", lang) for code in result.warnings])
    st.rerun()


def refusal(exc: Exception, lang: str) -> str:
    """What the user is told when a change is refused: the reason in their language, then the details."""
    code = getattr(exc, "code", None) or ("disk" if isinstance(exc, OSError) else "refused")
    reason = t(f"plans_why_{code}", lang) if has_text(f"plans_why_{code}") else t("plans_why_refused", lang)
    return t("plans_refused", lang).format(reason=reason, detail=as_text(exc))


def _labels(plans: tuple[Plan, ...]) -> dict[str, str]:
    return {p.id: f"{p.title} · {p.district} ({p.id})" for p in plans}
