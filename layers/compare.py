"""Pair the two districts' indicators by meaning, and never across units.

The plans name the same indicator differently ("研究与试验发展经费支出占地区生产总值
比重" in 江北, "R&D经费支出占GDP比重" in 鄞州). A name is first normalised (full-width
forms, "地区生产总值" → "GDP", "降低/降幅/下降" → "下降"), then looked up in `CONCEPTS`,
a small explicit table of the names the plans use. Rows of the same concept are
paired only when their units agree once the per-head denominator that the name
implies ("每千人…" → "/千人", "人均…" → "/人") is written into the unit; otherwise
the two rows are reported as a unit mismatch and never compared.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

#: Concept key → (中文名, English name, normalised names the plans use for it).
CONCEPTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "gdp": ("地区生产总值", "GDP", ("GDP",)),
    "labour_productivity": ("全员劳动生产率", "Labour productivity", ("全员劳动生产率",)),
    "budget_revenue": ("一般公共预算收入", "General public budget revenue", ("一般公共预算收入",)),
    "fixed_investment": ("固定资产投资", "Fixed-asset investment", ("全社会固定资产投资", "固定资产投资")),
    "retail_sales": ("社会消费品零售总额", "Retail sales of consumer goods",
                     ("全社会消费品零售额", "全社会消费品零售总额")),
    "fdi_cumulative": ("累计实际利用外资", "Foreign investment used (cumulative)", ("累计实际利用外资",)),
    "services_share": ("服务业增加值占GDP比重", "Services share of GDP",
                       ("第三产业增加值占GDP比", "服务业增加值占GDP比重")),
    "rd_share": ("R&D经费支出占GDP比重", "R&D spending share of GDP",
                 ("研究与试验发展经费支出占GDP比重", "R&D经费支出占GDP比重", "研究与试验发展经费投入占GDP比重")),
    "hightech_share": ("高新技术产业增加值占规上工业比重", "High-tech share of industrial value added",
                       ("高新技术产业占规上工业增加值比重", "高新技术产业增加值占规上工业增加值比重")),
    "patents": ("发明专利", "Invention patents",
                ("有效发明专利拥有量", "每万人发明专利授权数", "每万人拥有有效发明专利授权",
                 "每万人拥有有效发明专利授权数")),
    "digital_economy": ("数字经济核心产业增加值占GDP比重", "Digital economy share of GDP",
                        ("数字经济核心产业增加值占GDP比重",)),
    "trade": ("货物和服务贸易总额", "Trade in goods and services", ("货物和服务贸易总额",)),
    "urbanisation": ("常住人口城镇化率", "Urbanisation rate", ("常住人口城镇化率",)),
    "land_per_gdp": ("单位GDP建设用地下降", "Construction land per unit GDP, fall",
                     ("单位GDP建设用地下降",)),
    "co2_per_gdp": ("单位GDP二氧化碳排放下降", "CO₂ per unit GDP, fall",
                    ("单位GDP二氧化碳排放下降", "单位GDP二氧化碳排放量下降")),
    "energy_per_gdp": ("单位GDP能耗下降", "Energy per unit GDP, fall",
                       ("单位GDP能源消耗下降", "单位GDP能耗下降", "单位GDP能源能耗下降")),
    "water_per_gdp": ("单位GDP用水量下降", "Water per unit GDP, fall", ("单位GDP用水量下降",)),
    "pollutants": ("主要污染物排放减少", "Main pollutant emissions, fall",
                   ("主要污染物排放减少", "主要污染物排放减少:化学需氧量氨氮二氧化硫氮氧化物")),
    "surface_water": ("地表水达到或好于III类水质比例", "Surface water of class III or better",
                      ("地表水达到或好于III类水质比例",)),
    "pm25": ("细颗粒物(PM2.5)平均浓度", "PM2.5 mean concentration", ("细颗粒物(PM2.5)平均浓度",)),
    "pm25_fall": ("PM2.5浓度下降", "PM2.5 concentration, fall", ("Pm2.5浓度下降", "细颗粒物(2.5)浓度下降")),
    "waste_recycling": ("城镇生活垃圾回收利用率", "Urban household waste recycling rate",
                        ("城镇生活垃圾回收利用率",)),
    "forest": ("森林覆盖率", "Forest cover", ("森林覆盖率",)),
    "park_green": ("人均公园绿地面积", "Park green space per head", ("人均公园绿地", "人均公园绿地面积")),
    "income_growth": ("居民人均可支配收入增长", "Disposable income per head, growth",
                      ("居民人均可支配收入增长", "居民人均可支配收入增长率")),
    "unemployment": ("城镇登记失业率", "Registered urban unemployment", ("城镇登记失业率",)),
    "doctors": ("每千人执业(助理)医师数", "Licensed doctors per 1,000 people",
                ("每千人口拥有执业(助理)医师数", "每千人执业(助理)医师数")),
    "childcare": ("每千人3岁以下婴幼儿托位数", "Childcare places (under 3) per 1,000 people",
                  ("每千人口拥有3岁以下婴幼儿托位数", "每千人拥有3岁以下婴幼儿照护设施托位数")),
    "elderly_carers": ("每万老年人持证养老护理员数", "Certified elderly carers per 10,000 elderly",
                       ("每万老年人拥有持证养老护理员数", "每万老年人拥有执证养老护理员")),
    "elderly_beds": ("每百名老人养老床位数", "Elderly-care beds per 100 elderly",
                     ("每百名老人拥有养老床位", "每百名老人养老机构床位数")),
    # 鄞州 writes "生命安全事故", 江北 "生产安全事故": same provincial indicator, same unit.
    "work_safety": ("亿元GDP生产安全事故死亡率", "Work-safety deaths per 100 million yuan GDP",
                    ("亿元GDP生产安全事故死亡率", "亿元GDP生命安全事故死亡率")),
}

#: Per-head denominators implied by how a name starts (longest first).
_DENOMINATORS: tuple[tuple[str, str], ...] = (
    ("每万老年人", "万老年人"), ("每百名老人", "百名老人"),
    ("每千人口", "千人"), ("每千人", "千人"), ("每万人口", "万人"), ("每万人", "万人"),
    ("人均", "人"),
)
_NAME_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("(GDP)", ""), ("地区生产总值", "GDP"), ("生产总值", "GDP"), ("万元GDP", "单位GDP"),
)
_FALL_RE = re.compile(r"(?:降低|降幅|下降)$")
_DROP_RE = re.compile(r"[\s*的]")
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")

#: Columns kept for each side of a pair (prefixed with `a_` / `b_`).
SIDE_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "start", "end", "name", "unit", "base_year", "base_value", "base_num",
    "target_year", "target_value", "target_num", "growth", "attribute", "department",
    "result", "result_num", "verdict",
)


@dataclass(frozen=True)
class Comparison:
    """The outcome of pairing two districts' rows of one table.

    `pairs`: one row per matched concept with equal units (columns `concept`,
    `label_zh`, `label_en`, `table`, `unit`, `note`, then `a_*`/`b_*` per side).
    `unit_mismatches`: same concept, different units; listed, never compared.
    `unmatched`: rows of either district with no counterpart.
    """

    pairs: pd.DataFrame
    unit_mismatches: pd.DataFrame
    unmatched: pd.DataFrame


def normalise_name(name: str) -> str:
    """An indicator name in the form `CONCEPTS` lists (half-width, GDP, "下降")."""
    out = _DROP_RE.sub("", unicodedata.normalize("NFKC", name))
    for old, new in _NAME_REPLACEMENTS:
        out = out.replace(old, new)
    return _FALL_RE.sub("下降", out)


def concept_of(name: str) -> str | None:
    """The concept key of an indicator name, or None when `CONCEPTS` does not list it."""
    normalised = normalise_name(name)
    for key, (_, _, names) in CONCEPTS.items():
        if normalised in names:
            return key
    return None


def canonical_unit(unit: str, name: str) -> str:
    """A unit in a comparable form: half-width, with the per-head denominator the name implies.

    "件" of "每万人拥有有效发明专利授权" becomes "件/万人"; a unit that already has
    a "/" is kept as written (the table said what it divides by). Empty stays empty.
    """
    out = unicodedata.normalize("NFKC", unit or "").strip()
    if not out or "/" in out:
        return out
    plain = normalise_name(name)
    for prefix, denominator in _DENOMINATORS:
        if plain.startswith(prefix):
            return f"{out}/{denominator}"
    return out


def with_concepts(indicators: pd.DataFrame) -> pd.DataFrame:
    """The indicators with `concept`, `unit_norm` and `key` (concept or name, plus unit) added.

    `key` identifies what can be drawn on one colour scale: the same meaning in
    the same unit. Rows outside `CONCEPTS` get a key of their own normalised name.
    """
    out = indicators.copy()
    out["concept"] = [concept_of(n) or "" for n in out["name"]]
    out["unit_norm"] = [canonical_unit(u, n) for u, n in zip(out["unit"], out["name"], strict=True)]
    out["key"] = [
        f"{c or 'name:' + normalise_name(n)}|{u}"
        for c, n, u in zip(out["concept"], out["name"], out["unit_norm"], strict=True)
    ]
    return out


def districts_with(indicators: pd.DataFrame, *, table: str = "表2") -> list[str]:
    """Adcodes of the districts that have rows in `table`, in the order the rows come (catalog order)."""
    rows = indicators[indicators["table"] == table]
    return list(dict.fromkeys(str(code) for code in rows["district_adcode"]))


def compare_indicators(
    indicators: pd.DataFrame, *, table: str = "表2", a: str | None = None, b: str | None = None,
) -> Comparison:
    """Pair district `a`'s and district `b`'s rows of `table` that share a concept and a unit.

    Parameters
    ----------
    indicators
        The `indicators` layer.
    table
        "表2" (十四五 targets) or "表1" (十三五 results).
    a, b
        District adcodes; by default the first two districts with rows in
        `table` (`districts_with`), so any two catalogued districts can be compared.
    """
    present = districts_with(indicators, table=table)
    a = a if a is not None else (present[0] if present else "")
    b = b if b is not None else next((c for c in present if c != a), "")
    rows = with_concepts(indicators[(indicators["table"] == table) & indicators["district_adcode"].isin([a, b])])
    side_a = rows[rows["district_adcode"] == a]
    side_b = rows[rows["district_adcode"] == b]
    pairs: list[dict] = []
    mismatches: list[dict] = []
    paired_ids: set[str] = set()
    for concept in dict.fromkeys(c for c in side_a["concept"] if c):
        label_zh, label_en, _ = CONCEPTS[concept]
        for _, ra in side_a[side_a["concept"] == concept].iterrows():
            for _, rb in side_b[side_b["concept"] == concept].iterrows():
                paired_ids.update((ra["id"], rb["id"]))
                head = {"concept": concept, "label_zh": label_zh, "label_en": label_en, "table": table}
                if ra["unit_norm"] and ra["unit_norm"] == rb["unit_norm"]:
                    pairs.append({**head, "unit": ra["unit_norm"], "note": _note(ra, rb),
                                  **_side(ra, "a_"), **_side(rb, "b_")})
                else:
                    mismatches.append({**head, "a_unit_norm": ra["unit_norm"], "b_unit_norm": rb["unit_norm"],
                                       **_side(ra, "a_"), **_side(rb, "b_")})
    unmatched = rows[~rows["id"].isin(paired_ids)].drop(columns=["key"])
    return Comparison(
        pairs=pd.DataFrame(pairs, columns=_pair_columns(with_unit=True)),
        unit_mismatches=pd.DataFrame(mismatches, columns=_pair_columns(with_unit=False)),
        unmatched=unmatched.reset_index(drop=True),
    )


def implied_growth(base: float, target: float, *, years: int, unit: str) -> tuple[float, str] | None:
    """The yearly change that takes `base` to `target` in `years`, with its unit.

    Percentages change in percentage points a year ("百分点"); amounts by a
    compound rate ("%"). None when a value is missing or a rate is undefined.
    """
    if years <= 0 or any(v is None or not math.isfinite(v) for v in (base, target)):
        return None
    if unicodedata.normalize("NFKC", unit).strip() == "%":
        return (target - base) / years, "百分点"
    if base <= 0 or target <= 0:
        return None
    return ((target / base) ** (1 / years) - 1) * 100, "%"


def _side(row: pd.Series, prefix: str) -> dict:
    return {f"{prefix}{c}": row[c] for c in SIDE_COLUMNS}


def _pair_columns(*, with_unit: bool) -> list[str]:
    head = ["concept", "label_zh", "label_en", "table"]
    head += ["unit", "note"] if with_unit else ["a_unit_norm", "b_unit_norm"]
    return head + [f"{p}{c}" for p in ("a_", "b_") for c in SIDE_COLUMNS]


def _note(ra: pd.Series, rb: pd.Series) -> str:
    """What a reader must know before putting the two numbers side by side."""
    notes = []
    if ra["base_year"] and rb["base_year"] and ra["base_year"] != rb["base_year"]:
        notes.append(f"基期不同 base year {ra['base_year'] or '—'} vs {rb['base_year'] or '—'}")
    if normalise_name(ra["name"]) != normalise_name(rb["name"]):
        notes.append("名称不同 names differ")
    for side, row in (("a", ra), ("b", rb)):
        if not _NUMBER_RE.match(str(row["target_value"])) and row["target_value"] not in ("", "—", "--"):
            notes.append(f"{side}: 目标非数值 target as written “{row['target_value']}”")
    return "; ".join(notes)
