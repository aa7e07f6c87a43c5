"""A folium map colouring the plan districts by one indicator. No Streamlit here.

Only districts whose plan states the indicator get a colour; the others are
hatched-pale "no data", never a zero. A district whose plan writes the target in
words ("冲刺千亿", "按市下达") is marked "not a number" and shows the words. One
map shows one indicator in one unit (see `layers.compare.with_concepts`), so
two districts are never coloured on a scale that mixes units.
"""

from __future__ import annotations

import html
import math
import folium
import geopandas as gpd
import pandas as pd

from layers.plans import plan_districts
from view.maps import base_map
from view.links import source_link

#: Light → dark: the larger the value, the darker the district.
LOW_COLOUR = "#d9ecf2"
HIGH_COLOUR = "#08519c"
TEXT_COLOUR = "#e9d8a6"
NO_DATA_STYLE = {"color": "#6c757d", "weight": 1.5, "dashArray": "5 5", "fillColor": "#ffffff",
                 "fillOpacity": 0.35}
_VALUE_STYLE = {"color": "#34495e", "weight": 2, "fillOpacity": 0.85}
_LEGEND_CSS = (
    "<style>.indicator-legend{position:absolute;bottom:24px;left:10px;z-index:1000;background:#fff;"
    "padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);font:13px/1.5 sans-serif;"
    "max-width:320px}.indicator-legend .swatch{display:inline-block;width:14px;height:14px;"
    "margin-right:6px;vertical-align:-2px;border:1px solid #555}"
    ".indicator-legend .nodata{border-style:dashed;background:#fff}</style>"
)


def map_values(rows: pd.DataFrame, *, column: str) -> pd.DataFrame:
    """One row per district with the value of `column` ("base", "target" or "result").

    `rows` are the indicator rows of one key (same meaning, same unit); the
    result has adcode, name, unit, value (as written), value_num (NaN when the
    plan wrote no plain number), year, doc_id, start, end.
    """
    out = pd.DataFrame({
        "adcode": rows["district_adcode"], "name": rows["name"], "unit": rows["unit"],
        "value": rows[f"{column}_value" if column != "result" else "result"],
        "value_num": rows[f"{column}_num"],
        "year": rows.get(f"{column}_year", pd.Series("", index=rows.index)),
        "doc_id": rows["doc_id"], "start": rows["start"], "end": rows["end"],
    })
    return out.drop_duplicates("adcode").reset_index(drop=True)


def indicator_map(
    districts: gpd.GeoDataFrame,
    values: pd.DataFrame,
    *,
    title: str,
    labels: dict[str, str],
    figures: gpd.GeoDataFrame | None = None,
) -> folium.Map:
    """The plan districts coloured by `values` (from `map_values`), with a legend.

    Parameters
    ----------
    districts
        The `districts` layer (adcode, name, geometry in EPSG:4326).
    title
        The indicator's name and unit, shown on the legend and on hover.
    labels
        UI texts: "no_data", "not_numeric", "darker", "figures".
    figures
        Place-level figures with point geometry (EPSG:4326), drawn as circles.
    """
    is_plan = districts["adcode"].isin(list(plan_districts()))
    m = base_map(districts[~is_plan])
    by_adcode = {row["adcode"]: row for row in values.to_dict("records")}
    numbers = [v["value_num"] for v in by_adcode.values() if _is_number(v["value_num"])]
    plan = districts[is_plan][["adcode", "name", "geometry"]].copy()
    entries = []
    for name, adcode in zip(plan["name"], plan["adcode"], strict=True):
        fill, shown = _fill(by_adcode.get(adcode), numbers, labels)
        entries.append((name, fill, shown, adcode))
    plan["fill"] = [fill or "" for _, fill, _, _ in entries]
    # Tooltip fields are inserted as HTML: plan values such as "<3.6" are escaped.
    plan["shown"] = [html.escape(shown) for _, _, shown, _ in entries]
    plan["name"] = [html.escape(str(name)) for name, _, _, _ in entries]
    folium.GeoJson(
        plan.to_json(),
        name=title,
        style_function=lambda f: (
            {**_VALUE_STYLE, "fillColor": f["properties"]["fill"]} if f["properties"]["fill"] else NO_DATA_STYLE
        ),
        highlight_function=lambda _f: {"weight": 4},
        tooltip=folium.GeoJsonTooltip(fields=["name", "shown"], aliases=["", html.escape(title)], labels=True),
    ).add_to(m)
    if figures is not None and len(figures):
        _add_figures(m, figures, labels["figures"])
    m.get_root().header.add_child(folium.Element(_LEGEND_CSS))
    m.get_root().html.add_child(folium.Element(_legend_html(title, entries, labels, bool(numbers))))
    return m


def _fill(value: dict | None, numbers: list[float], labels: dict[str, str]) -> tuple[str | None, str]:
    if value is None:
        return None, labels["no_data"]
    if not _is_number(value["value_num"]):
        if value["value"] in ("", "—", "--", "-"):
            return None, labels["no_data"]
        # Words and bounds ("冲刺千亿", "＞98") are shown exactly as the plan writes them.
        return TEXT_COLOUR, f"{value['value']} ({labels['not_numeric']})"
    written = f"{value['value']} {value['unit']}".strip()
    low, high = min(numbers), max(numbers)
    share = 0.5 if high == low else (value["value_num"] - low) / (high - low)
    return _blend(LOW_COLOUR, HIGH_COLOUR, 0.25 + 0.75 * share), written


def _blend(low: str, high: str, share: float) -> str:
    a = [int(low[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(high[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


def _legend_html(title: str, entries: list[tuple[str, str | None, str, str]], labels: dict[str, str],
                 scaled: bool) -> str:
    items = []
    for name, fill, shown, adcode in entries:
        swatch = (f"<span class='swatch' style='background:{fill}'></span>" if fill
                  else "<span class='swatch nodata'></span>")
        items.append(f"<div class='legend-item' data-adcode='{adcode}' data-fill='{fill or ''}'>"
                     f"{swatch}{html.escape(name)}: {html.escape(shown)}</div>")
    items.append(f"<div class='legend-nodata'><span class='swatch nodata'></span>{html.escape(labels['no_data'])}</div>")
    note = f"<div style='color:#666;font-size:12px'>{html.escape(labels['darker'])}</div>" if scaled else ""
    return f"<div class='indicator-legend'><b>{html.escape(title)}</b>{''.join(items)}{note}</div>"


def _add_figures(m: folium.Map, figures: gpd.GeoDataFrame, name: str) -> None:
    group = folium.FeatureGroup(name=name)
    for row in figures.to_dict("records"):
        point = row["geometry"]
        text = f"{row['place_name']}：{row['quote']}（{row['year']}）"
        link = source_link(row["doc_id"], start=row["start"], end=row["end"])
        folium.CircleMarker(
            location=(point.y, point.x), radius=8, color="#b23a48", weight=2, fill=True,
            fill_color="#f4a261", fill_opacity=0.9,
            tooltip=html.escape(text),
            popup=folium.Popup(f"{html.escape(text)}<br><a href='{link}' target='_blank'>原文 / source</a>",
                               max_width=300),
        ).add_to(group)
    group.add_to(m)
