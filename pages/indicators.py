"""Plan indicators: each district's table, the two side by side, charts and a map.

URL: `indicators?table=表2&view=map&key=<indicator key>`; every row links to its
place in the plan text (`source?doc=…&start=…&end=…`).
"""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.precision import DRAWN
from layers.compare import CONCEPTS, compare_indicators, districts_with, implied_growth, with_concepts
from layers.errors import LayersError
from layers.plans import plan_districts
from ui.data import get_layer
from view.indicator_words import flag_words
from view.text import t
from view.indicator_map import indicator_map_data, map_values
from ui.indicator_component import show_indicator_map
from ui.navigation import through_app_navigation
from view.links import source_link
from view.safe_text import spreadsheet_safe

through_app_navigation()

lang = st.session_state.get("lang", "zh")
TABLES = {"表2": t("ind_table_2", lang), "表1": t("ind_table_1", lang)}
VIEWS = {v: t(f"ind_view_{v}", lang) for v in ("tables", "compare", "charts", "map")}


def _param_choice(name: str, options: dict[str, str], label: str) -> str:
    """A horizontal radio kept in the URL, so a view can be linked."""
    keys = list(options)
    current = st.query_params.get(name, keys[0])
    choice = st.radio(label, keys, index=keys.index(current) if current in keys else 0,
                      format_func=options.get, horizontal=True, key=f"ind-{name}")
    st.query_params[name] = choice
    return choice


def _links(frame: pd.DataFrame, prefix: str = "") -> pd.Series:
    return pd.Series([source_link(d, start=s, end=e) for d, s, e in
                      zip(frame[f"{prefix}doc_id"], frame[f"{prefix}start"], frame[f"{prefix}end"], strict=True)],
                     index=frame.index, dtype=str)


def _show(frame: pd.DataFrame, *, file_name: str, key: str, link_columns: tuple[str, ...] = ("source",),
          full: bool = False, pinned: str | None = None) -> None:
    """A table with its source links and a CSV download of exactly what is shown.

    `pinned`: the column that stays in view while the table scrolls sideways
    inside its box (on a phone only two or three columns fit).
    """
    config: dict[str, object] = {c: st.column_config.LinkColumn(c if c != "source" else t("ind_source", lang),
                                                                display_text="↗ " + t("ind_source", lang))
                                 for c in link_columns}
    if pinned is not None:
        config[pinned] = st.column_config.TextColumn(pinned, pinned=True, width="medium")
    # `full`: every row visible at once (indicator tables are short), no inner scrolling.
    height = 35 * (len(frame) + 1) + 3 if full else "auto"
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, height=height)
    # utf-8-sig so that Excel opens the Chinese text correctly.
    st.download_button(t("ind_download", lang), spreadsheet_safe(frame).to_csv(index=False).encode("utf-8-sig"),
                       file_name=file_name, mime="text/csv", key=f"dl-{key}")


def _district_table(rows: pd.DataFrame, table: str) -> pd.DataFrame:
    cols = ["group", "seq", "name", "unit"]
    cols += (["base_year", "base_value", "target_year", "target_value", "growth", "attribute", "department"]
             if table == "表2" else
             ["base_year", "base_value", "target_year", "target_value", "growth", "result", "result_growth",
              "verdict", "attribute"])
    out = rows[[*cols, "flags"]].copy()
    out["flags"] = [flag_words(f, lang=lang) for f in out["flags"]]
    out = out.loc[:, [c for c in out.columns if c in ("group", "seq", "name") or (out[c] != "").any()]]
    out = out.rename(columns={c: t(f"ind_{c.removesuffix('_value')}", lang)
                              for c in out.columns if c != "result_growth"})
    out["source"] = _links(rows)
    return out


def _view_tables(ind: pd.DataFrame, table: str, names: dict[str, str]) -> None:
    # Every district of the catalog, also one whose plans set no indicator (then said so).
    for adcode in plan_districts():
        rows = ind[(ind["district_adcode"] == adcode) & (ind["table"] == table)].sort_values("start")
        st.subheader(f"{names[adcode]} · {TABLES[table]}")
        if rows.empty:
            st.info(t("ind_no_rows", lang))
            continue
        _show(_district_table(rows, table), file_name=f"{adcode}-{table}.csv", key=f"{adcode}-{table}", full=True,
              pinned=t("ind_name", lang))


def _view_compare(ind: pd.DataFrame, table: str, names: dict[str, str]) -> None:
    present = districts_with(ind, table=table)
    if len(present) < 2:
        st.info(t("ind_compare_needs_two", lang).format(
            districts="、".join(names.get(c, c) for c in present) or "—"))
        return
    # Any two districts whose plans set indicators in this table; the first two by default.
    left, right = st.columns(2)
    code_a = left.selectbox(t("ind_district", lang) + " A", present, index=0, format_func=names.get,
                            key=f"ind-cmp-a-{table}")
    others = [c for c in present if c != code_a]
    code_b = right.selectbox(t("ind_district", lang) + " B", others, index=0, format_func=names.get,
                             key=f"ind-cmp-b-{table}")
    result = compare_indicators(ind, table=table, a=code_a, b=code_b)
    st.subheader(t("ind_pairs", lang))
    pairs = result.pairs
    a, b = names.get(code_a, code_a), names.get(code_b, code_b)
    value_cols = ("base_value", "target_value", "growth") if table == "表2" else ("target_value", "result", "verdict")
    shown = pd.DataFrame({t("ind_concept", lang): pairs["label_zh" if lang == "zh" else "label_en"],
                          t("ind_unit", lang): pairs["unit"]})
    for side, district in (("a_", a), ("b_", b)):
        shown[f"{district} {t('ind_name', lang)}"] = pairs[f"{side}name"]
        for c in value_cols:
            shown[f"{district} {t('ind_' + c.removesuffix('_value'), lang)}"] = pairs[f"{side}{c}"]
    shown[t("ind_note", lang)] = pairs["note"]
    shown[f"{a} ↗"], shown[f"{b} ↗"] = _links(pairs, "a_"), _links(pairs, "b_")
    _show(shown, file_name=f"compare-{table}.csv", key=f"compare-{table}", link_columns=(f"{a} ↗", f"{b} ↗"),
          full=True, pinned=t("ind_concept", lang))
    mismatches = result.unit_mismatches
    if len(mismatches):
        items = "; ".join(f"{r['label_zh']}: {a} {r['a_name']} ({r['a_unit_norm'] or '—'}) ≠ "
                          f"{b} {r['b_name']} ({r['b_unit_norm'] or '—'})" for r in mismatches.to_dict("records"))
        st.warning(t("ind_mismatch", lang).format(items=items))
    with st.expander(t("ind_unmatched", lang)):
        only = result.unmatched
        frame = pd.DataFrame({t("ind_district", lang): only["district_adcode"].map(names),
                              t("ind_name", lang): only["name"], t("ind_unit", lang): only["unit"],
                              t("ind_target", lang): only["target_value"], "source": _links(only)})
        _show(frame, file_name=f"unmatched-{table}.csv", key=f"unmatched-{table}")


def _view_charts(ind: pd.DataFrame, table: str, names: dict[str, str]) -> None:
    present = districts_with(ind, table=table)
    if not present:
        st.info(t("ind_no_rows", lang))
        return
    adcode = st.radio(t("ind_district", lang), present, format_func=names.get, horizontal=True,
                      key="ind-chart-district")
    rows = ind[(ind["district_adcode"] == adcode) & (ind["table"] == table)].sort_values("start")
    second = "target" if table == "表2" else "result"
    first = "base" if table == "表2" else "target"
    numeric = rows[rows[f"{first}_num"].notna() & rows[f"{second}_num"].notna()]
    title = t("ind_chart_base_target" if table == "表2" else "ind_chart_target_result", lang)
    st.subheader(title)
    st.altair_chart(_pair_chart(numeric, first, second), width="stretch")
    if table == "表2":
        st.subheader(t("ind_chart_growth", lang))
        st.caption(t("ind_chart_growth_help", lang))
        growth = _growth_frame(numeric)
        for unit, part in growth.groupby("unit"):
            st.altair_chart(alt.Chart(part).mark_bar().encode(
                x=alt.X("implied:Q", title=f"{t('ind_implied', lang)} ({unit})"),
                y=alt.Y("label:N", sort=None, title=None),
                tooltip=["label", alt.Tooltip("implied:Q", format=".2f"), "stated"],
            ), width="stretch")
    rest = rows[~rows.index.isin(numeric.index)]
    if len(rest):
        st.caption(t("ind_not_charted", lang))
        written = rest[["name", "unit", f"{first}_value" if first != "result" else "result",
                        f"{second}_value" if second != "result" else "result", "verdict"]]
        st.dataframe(written.assign(source=_links(rest)), hide_index=True, width="stretch",
                     column_config={"source": st.column_config.LinkColumn(display_text="↗")})


def _pair_chart(rows: pd.DataFrame, first: str, second: str) -> alt.FacetChart:
    """One small bar pair per indicator, each on its own scale (units differ)."""
    names = {"base": t("ind_base", lang), "target": t("ind_target", lang), "result": t("ind_result", lang)}
    long = pd.DataFrame([
        {"label": f"{r['name']} ({r['unit']})" + (f" · {r['verdict']}" if r["verdict"] else ""),
         "kind": names[kind], "value": r[f"{kind}_num"],
         "written": r[f"{kind}_value"] if kind != "result" else r["result"]}
        for r in rows.to_dict("records") for kind in (first, second)
    ])
    base = alt.Chart(long).mark_bar().encode(
        x=alt.X("value:Q", title=None), y=alt.Y("kind:N", title=None, sort=[names[first], names[second]]),
        color=alt.Color("kind:N", title=None), tooltip=["label", "kind", "written"],
    ).properties(height=40, width=420)
    order = list(dict.fromkeys(long["label"]))  # document order, as the plan lists them
    return base.facet(row=alt.Row("label:N", title=None, sort=order, header=alt.Header(labelAngle=0, labelAlign="left"))
                      ).resolve_scale(x="independent")


def _growth_frame(rows: pd.DataFrame) -> pd.DataFrame:
    out = []
    for r in rows.to_dict("records"):
        years = int(r["target_year"]) - int(r["base_year"]) if r["base_year"] and r["target_year"] else 0
        implied = implied_growth(r["base_num"], r["target_num"], years=years, unit=r["unit"])
        if implied is not None:
            out.append({"label": r["name"], "implied": implied[0], "unit": implied[1], "stated": r["growth"]})
    return pd.DataFrame(out, columns=["label", "implied", "unit", "stated"])


def _view_map(ind: pd.DataFrame, table: str, names: dict[str, str], districts: gpd.GeoDataFrame) -> None:
    rows = with_concepts(ind[ind["table"] == table]).sort_values(["district_adcode", "start"])
    keys: dict[str, str] = {}
    for key, group in rows.groupby("key", sort=False):
        label = _concept_label(group) if group["concept"].iloc[0] else group["name"].iloc[0]
        keys[key] = f"{label} ({group['unit_norm'].iloc[0] or '—'}) · {'、'.join(group['district_adcode'].map(names))}"
    key_list = list(keys)
    if not key_list:
        st.info(t("ind_no_rows", lang))
        return
    wanted = st.query_params.get("key", key_list[0])
    key = st.selectbox(t("ind_pick", lang), key_list, index=key_list.index(wanted) if wanted in key_list else 0,
                       format_func=keys.get, key=f"ind-key-{table}")
    st.query_params["key"] = key
    kinds = ["base", "target"] if table == "表2" else ["target", "result"]
    kind = st.radio(t("ind_value_kind", lang), kinds, index=1, horizontal=True,
                    format_func=lambda k: t(f"ind_{k}", lang), key=f"ind-kind-{table}")
    chosen = rows[rows["key"] == key]
    values = map_values(chosen, column=kind)
    try:  # built by `python -m layers build` (layers.place_figures), with each place's point
        figures = get_layer("place_figures")
    except LayersError as exc:  # a store built before the table existed
        st.error(f"{t('no_layers', lang)}\n\n{exc}")
        return
    drawn = figures[figures["precision"].isin(DRAWN) & figures["rep_lon"].notna()]
    points = gpd.GeoDataFrame(drawn, geometry=gpd.points_from_xy(drawn["rep_lon"], drawn["rep_lat"]), crs="EPSG:4326")
    title = f"{keys[key].split(' · ')[0]} · {t('ind_' + kind, lang)}"
    labels = {k: t(f"ind_{k}", lang) for k in ("no_data", "not_numeric", "darker", "figures")}
    data = indicator_map_data(districts, values, title=title, labels=labels, figures=points)
    # In the page itself (no iframe); one key per table, so picking another indicator redraws this map.
    show_indicator_map(data, key=f"ind-map-{table}-{lang}", wait=t("map_loading", lang))
    st.subheader(t("ind_figures", lang))
    st.caption(t("ind_figures_caption", lang))
    shown = figures[["place_name", "precision", "year", "quote", "value", "unit"]].rename(
        columns={"place_name": t("ind_place", lang), "precision": t("ind_precision", lang), "year": t("ind_year", lang),
                 "quote": t("ind_quote", lang), "value": t("ind_value", lang), "unit": t("ind_unit", lang)})
    _show(shown.assign(source=_links(figures)), file_name="place-figures.csv", key="figures")


def _concept_label(group: pd.DataFrame) -> str:
    zh, en, _ = CONCEPTS[group["concept"].iloc[0]]
    return zh if lang == "zh" else en


st.title(t("ind_page", lang))
st.caption(t("ind_caption", lang))
try:
    indicators = get_layer("indicators")
    districts = get_layer("districts")
except LayersError as exc:
    st.error(f"{t('no_layers', lang)}\n\n{exc}")
    st.stop()
district_names = dict(zip(districts["adcode"], districts["name"], strict=True))
table = _param_choice("table", TABLES, t("ind_table_choice", lang))
view = _param_choice("view", VIEWS, t("ind_view", lang))
if view == "tables":
    _view_tables(indicators, table, district_names)
elif view == "compare":
    _view_compare(indicators, table, district_names)
elif view == "charts":
    _view_charts(indicators, table, district_names)
else:
    _view_map(indicators, table, district_names, districts)
