"""Presenter tours: step through a built-in tour on the map, or download it for offline use.

`tours?tour=<id>&step=<n>` opens a tour at a step. Stepping happens in the
browser (buttons, arrow keys, Page Up/Down), so the map is never rebuilt and
the script never reruns: the map is in the page itself (`ui/tour_component.py`).
"""

from __future__ import annotations

import streamlit as st

from layers.errors import LayersError
from layers.tours import TOURS_DIR, Tour, list_tours, load_tour
from view.tours_export import export_tour_html
from ui.data import store_version
from ui.tour_component import planner_tour_data, show_tour_map
from view.text import t
from ui.navigation import through_app_navigation
from view.safe_text import md_text

through_app_navigation()

lang = st.session_state.get("lang", "zh")
st.subheader(t("tours", lang))

ids = list_tours()
params = st.query_params
wanted = params.get("tour", ids[0])
if wanted not in ids:
    st.error(t("tours_unknown", lang).format(tour=md_text(wanted), known=", ".join(ids)))
    wanted = ids[0]


@st.cache_data(show_spinner=False, max_entries=4)
def _export(tour_id: str, lang: str, versions: tuple[float, float]) -> bytes:
    return export_tour_html(tour_id, lang=lang).encode("utf-8")


# Loading validates every tour against the store (about 0.15 s): once per store and tour files.
# cache_resource: the Tour objects are shared read-only; a TourError is not cached, so a fix shows.
@st.cache_resource(show_spinner=False, max_entries=4)
def _tours(ids: tuple[str, ...], versions: tuple[float, ...]) -> dict[str, Tour]:
    return {tour_id: load_tour(tour_id) for tour_id in ids}


def _file_version(tour_id: str) -> float:
    path = TOURS_DIR / f"{tour_id}.yaml"
    return path.stat().st_mtime if path.exists() else 0.0


try:
    tours = _tours(tuple(ids), (store_version(), *(_file_version(i) for i in ids)))
    tour_id = st.selectbox(t("tours_choose", lang), ids, index=ids.index(wanted),
                           format_func=lambda i: tours[i].title[lang], key="tour")
    tour = tours[tour_id]
except LayersError as exc:
    st.error(md_text(exc))
    st.stop()

try:
    step = int(params.get("step", "1")) if tour_id == wanted else 1
except ValueError:
    step = 1
presenter = params.get("presenter") == "1"
params.update({"tour": tour_id, "step": str(step)})

if tour.summary:
    st.caption(f"{tour.summary[lang]} · {t('tours_steps', lang).format(n=len(tour.steps))}")
try:
    # Only shown when the layers take over half a second to prepare (a cold cache).
    with st.spinner(t("map_preparing", lang)):
        data = planner_tour_data(tour, lang=lang, start_step=step, presenter=presenter)
except LayersError as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()
# Stepping, panning and popups happen in the browser and never rerun this script. One key for
# every tour: choosing another replaces the tour on the same map element, never two maps at once.
show_tour_map(data, key=f"tour-{lang}", wait=t("map_loading", lang))
st.caption(t("tours_help", lang))
# on_click="ignore": downloading does not rerun the page, so the tour stays at its step.
st.download_button(t("tours_download", lang),
                   data=_export(tour_id, lang, (store_version(), tour.path.stat().st_mtime)),
                   file_name=f"{tour_id}.html", mime="text/html", help=t("tours_download_help", lang),
                   key="tour-download", on_click="ignore")
