"""The map colouring the plan districts by one indicator, as data for the page's map. No Streamlit here.

Only districts whose plan states the indicator get a colour; the others are
hatched-pale "no data", never a zero. A district whose plan writes the target in
words ("冲刺千亿", "按市下达") is marked "not a number" and shows the words. One
map shows one indicator in one unit (see `layers.compare.with_concepts`), so
two districts are never coloured on a scale that mixes units.

This module decides the classes, colours and legend rows; the browser
(`static/indicator_component.js`, made into a component by
`ui/indicator_component.py`) only draws them.
"""

from __future__ import annotations

import math
from typing import Any

import geopandas as gpd
import pandas as pd

from layers.plans import plan_districts
from view.geojson import feature_collection
from view.links import source_link
from view.maps import _CONTEXT_STYLE, DEFAULT_ZOOM, NINGBO_CENTER

#: Light → dark: the larger the value, the darker the district.
LOW_COLOUR = "#d9ecf2"
HIGH_COLOUR = "#08519c"
TEXT_COLOUR = "#e9d8a6"
NO_DATA_STYLE = {"color": "#6c757d", "weight": 1.5, "dashArray": "5 5", "fillColor": "#ffffff",
                 "fillOpacity": 0.35}
_VALUE_STYLE = {"color": "#34495e", "weight": 2, "fillOpacity": 0.85}
FIGURE_STYLE = {"radius": 8, "color": "#b23a48", "weight": 2, "fillColor": "#f4a261", "fillOpacity": 0.9}
SOURCE_LABEL = "原文 / source"


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


def indicator_map_data(
    districts: gpd.GeoDataFrame,
    values: pd.DataFrame,
    *,
    title: str,
    labels: dict[str, str],
    figures: gpd.GeoDataFrame | None = None,
) -> dict[str, Any]:
    """The plan districts coloured by `values` (from `map_values`), with a legend, as data for
    `static/indicator_component.js`.

    Texts are plain (the script sets them with textContent), so a plan value
    such as "<3.6" or a name with markup shows as written.

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
    by_adcode = {row["adcode"]: row for row in values.to_dict("records")}
    numbers = [v["value_num"] for v in by_adcode.values() if _is_number(v["value_num"])]
    plan = districts[is_plan][["adcode", "name", "geometry"]].copy()
    items = []
    for name, adcode in zip(plan["name"], plan["adcode"], strict=True):
        fill, shown = _fill(by_adcode.get(adcode), numbers, labels)
        items.append({"adcode": str(adcode), "name": str(name), "fill": fill or "", "shown": shown})
    plan["fill"] = [item["fill"] for item in items]
    plan["shown"] = [item["shown"] for item in items]
    points = []
    if figures is not None:
        for row in figures.to_dict("records"):
            point = row["geometry"]
            points.append({"lat": point.y, "lon": point.x,
                           "text": f"{row['place_name']}：{row['quote']}（{row['year']}）",
                           "href": source_link(row["doc_id"], start=row["start"], end=row["end"])})
    return {
        "center": list(NINGBO_CENTER), "zoom": DEFAULT_ZOOM, "title": title,
        "context": feature_collection(districts[~is_plan], properties=["adcode", "name"]),
        "districts": feature_collection(plan, properties=["adcode", "name", "fill", "shown"]),
        "styles": {"context": _CONTEXT_STYLE, "value": _VALUE_STYLE, "no_data": NO_DATA_STYLE,
                   "figure": FIGURE_STYLE},
        "legend": {"items": items, "no_data": labels["no_data"], "note": labels["darker"] if numbers else None},
        "figures": {"name": labels["figures"], "points": points, "source": SOURCE_LABEL},
    }


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
