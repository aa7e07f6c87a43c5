"""Indicator tables (表1 十三五完成情况, 表2 十四五主要指标) → one record per row.

Two layouts are read:

- one cell per tab-started line (鄞州 纲要), read column by column;
- columns run together on one line (江北 纲要), e.g.
  "…比重(%)3.384[0.62]预期性区科技局". The value part is split by trying every
  way to cut it into the table's columns and keeping the cut whose arithmetic
  holds (target − base = a bracketed cumulative growth; base·(1+g)^5 ≈ target
  for an annual growth rate). A row whose values cannot be cut is kept with
  empty values and reported as a problem; a cut whose check fails is flagged.

Original strings are kept ("冲刺千亿", "按市下达", "[4.2]"); `*_num` columns hold a
number only where a plain (or bracketed cumulative) number is written.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from layers.lexicon import FIVE_YEAR_RE, INDICATOR_HEADER_WORDS
from layers.sections import SectionIndex, TableRegion, find_tables, tab_cells
from layers.text import PROVENANCE_COLUMNS, Problem, iter_lines, plain_number, squash, trim_span

INDICATOR_COLUMNS: list[str] = [
    *PROVENANCE_COLUMNS,
    "table", "seq", "group", "name", "unit",
    "base_year", "base_value", "base_num", "target_year", "target_value", "target_num",
    "growth", "growth_num", "attribute", "department",
    "result", "result_num", "result_growth", "verdict", "flags", "district_adcode",
]

#: Row-group labels printed in front of the first indicator of a group (江北 tables).
GROUP_LABELS: tuple[str, ...] = (
    "经济发展", "科技创新", "资源环境", "民生改善",
    "开放协同", "绿色转型", "民生福祉", "治理体系",
)
_WORDS: tuple[str, ...] = (
    "按市下达", "上级下达", "冲刺千亿", "与GDP同步", "与经济增长同步", "接近或持平发达国家",
)
_ATTR_RE = re.compile(r"预期性|约束性")
_VERDICT_RE = re.compile(r"(未完成|完成|—|/)$")
_HEADER_RE = re.compile(
    r"^(?:分类|序号|指标名称|\d{4}年|“十[三四]五”|目标|年均|增长|\(%\)|（%）|到|完成情况|综合|评价|属性"
    r"|责任部门)+$"
)
_UNIT_AT_END = re.compile(r"[(（](?P<unit>[^()（）]*)[)）]$")
_YEAR_RE = re.compile(r"(\d{4})年")
_NUM_RE = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_VALUE_START = set("0123456789[—-<>＜＞*按与冲接上/")
#: Years between base and target when a growth rate is checked.
_YEARS = 5


@dataclass
class _Context:
    doc_id: str
    text: str
    adcode: str
    index: SectionIndex
    problems: list[Problem] = field(default_factory=list)


def indicators_from_plan(
    *, plan_id: str, text: str, adcode: str = "", sections: pd.DataFrame | None = None,
    problems: list | None = None,
) -> pd.DataFrame:
    """Every row of every indicator table (表N whose title speaks of 指标) of one plan."""
    from layers.sections import sections_from_text

    sections = sections if sections is not None else sections_from_text(text, doc_id=plan_id)
    ctx = _Context(plan_id, text, adcode, SectionIndex(sections))
    rows: list[dict] = []
    for region in find_tables(text):
        if not is_indicator_table(text, region):
            continue
        found = _cell_table(ctx, region) if region.tab_cells else _run_together_table(ctx, region)
        for row in found:
            if _stated_elsewhere(text, region, row["name"], row["target_value"]):
                row["flags"] = "; ".join(f for f in (row["flags"], "target stated in text") if f)
        rows.extend(found)
    if problems is not None:
        problems.extend(ctx.problems)
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def is_indicator_table(text: str, region: TableRegion) -> bool:
    """A 表 whose title speaks of 指标, or whose header holds three indicator header words
    (单位, 基期, 目标, 年均增长, 属性 …, `lexicon.INDICATOR_HEADER_WORDS`) or a five-year period;
    project lists (表4-1 …, titles with 项目) are read by `layers.projects`."""
    if "项目" in region.title:
        return False
    if "指标" in region.title and "-" not in region.label:
        return True
    header = squash(text[region.body_start:min(region.body_end, region.body_start + 300)])
    words = sum(1 for w in INDICATOR_HEADER_WORDS if w in header)
    return words + (1 if FIVE_YEAR_RE.search(header) else 0) >= 3


def split_values(values: str, n: int) -> list[str] | None:
    """Cut run-together column values into `n` strings; None when no cut fits.

    >>> split_values("3.384[0.62]", 3)
    ['3.38', '4', '[0.62]']
    """
    best = _best_cut(values, n)
    return None if best is None else best[0]


# --- tab-cell layout (鄞州) -------------------------------------------------------

def _cell_table(ctx: _Context, region: TableRegion) -> list[dict]:
    text = ctx.text
    cells = tab_cells(text, region)
    values = [squash(text[c.start:c.end]) for c in cells]
    header = "".join(values[:40])
    if "规划目标" in header and "完成情况" in header:
        cols = ["group", "seq", "name", "unit", "target", "growth", "result", "result_growth",
                "attribute"]
    elif "一级指标" in header:
        cols = ["seq", "group", "name", "base", "target", "growth", "attribute"]
    else:
        found = header_columns(values)
        if found is None:
            ctx.problems.append(_problem(ctx, region.title_start, region.title_end,
                                         "table header not recognised; rows not read"))
            return []
        cols = found
    seq_col = cols.index("seq")
    years = _YEAR_RE.findall(header)
    note = _note(ctx, region)
    default_unit = "%" if re.search(r"[(（]%[)）]", header) else ""
    rows: list[dict] = []
    group = ""
    k, p = 1, _find_seq(values, seq_col, 1, 0)
    if p is None:
        ctx.problems.append(_problem(ctx, region.title_start, region.title_end,
                                     "no row numbered 1 found; rows not read"))
        return []
    while p is not None and p + len(cols) <= len(cells):
        row = dict(zip(cols, values[p:p + len(cols)], strict=True))
        start, end = cells[p].start, cells[p + len(cols) - 1].end
        if row.get("group"):
            group = _dedupe_repeat(row["group"])
        row["group"] = group
        nxt = _find_seq(values, seq_col, k + 1, p + len(cols))
        if nxt is not None and nxt != p + len(cols):
            skipped = cells[p + len(cols)].start
            ctx.problems.append(_problem(ctx, skipped, cells[nxt].start,
                                         f"{region.label}: cells between rows {k} and {k + 1} "
                                         "do not fit the columns"))
        check = growth_check(row)
        if check:
            row["check"] = check
        rows.append(_record(ctx, region, row, start, end, years=years, note=note,
                            default_unit=default_unit))
        k, p = k + 1, nxt
    return rows


#: Header words → the column they name, for tables of any other layout.
_HEADER_WORDS: tuple[tuple[str, str], ...] = (
    ("序号", "seq"), ("一级指标", "group"), ("类别", "group"), ("分类", "group"), ("领域", "group"),
    ("指标名称", "name"), ("二级指标", "name"), ("指标", "name"), ("名称", "name"), ("项目", "name"),
    ("单位", "unit"), ("年均增长", "growth"), ("年均", "growth"), ("累计", "growth"),
    ("属性", "attribute"), ("指标属性", "attribute"), ("责任部门", "department"),
)


def header_columns(values: list[str]) -> list[str] | None:
    """Columns named by the header cells before the row numbered 1, or None.

    Year cells ("2020年", "基期", "2025年", "目标") become base then target, so
    "序号 指标 单位 2020年 2025年 年均增长 属性" reads as seq, name, unit, base,
    target, growth, attribute. A header without seq, name and a target is refused.
    """
    try:
        first = values.index("1")
    except ValueError:
        return None
    cols: list[str] = []
    for cell in values[:first]:
        key = next((c for w, c in _HEADER_WORDS if cell.startswith(w)), None)
        if key is None and (_YEAR_RE.search(cell) or re.search(r"基期|现状|基数", cell)):
            key = "base" if "base" not in cols else "target"
        if key is None and re.search(r"目标|规划|预期", cell):
            key = "target"
        if key is None or key in cols:
            continue
        cols.append(key)
    if "seq" not in cols or "name" not in cols or "target" not in cols or (cols[0] != "seq" \
            and cols[0] != "group"):
        return None
    return cols


def growth_check(row: dict) -> str:
    """"" when base, target and yearly growth agree (or cannot be compared), else why not."""
    base, target, growth = (plain_number(str(row.get(k, ""))) for k in ("base", "target", "growth"))
    if any(v != v for v in (base, target, growth)) or base <= 0 or target <= 0:
        return ""
    # A share (%, ‰) grows by points a year, not by a rate; a base marked (*) is a year
    # earlier than the header's, so six years; any reading that fits means the cut is right.
    tolerance = max(0.3, abs(growth) * 0.1)
    for years in (_YEARS, _YEARS + 1):
        rate = ((target / base) ** (1 / years) - 1) * 100
        points = (target - base) / years
        if abs(rate - growth) <= tolerance or abs(points - growth) <= max(0.05, abs(growth) * 0.1):
            return ""
    implied = ((target / base) ** (1 / _YEARS) - 1) * 100
    return f"{base}→{target} in {_YEARS} years is {implied:.1f}%/year, not {growth}"


def _find_seq(values: list[str], seq_col: int, k: int, start: int) -> int | None:
    for p in range(start, len(values) - seq_col):
        if values[p + seq_col] == str(k):
            return p
    return None


def _dedupe_repeat(s: str) -> str:
    half = len(s) // 2
    if len(s) % 2 == 0 and s[:half] == s[half:]:
        return s[:half]
    return s


# --- run-together layout (江北) ---------------------------------------------------

@dataclass
class _RunRow:
    start: int
    end: int
    joined: str


def _run_together_table(ctx: _Context, region: TableRegion) -> list[dict]:
    text = ctx.text
    header_parts: list[str] = []
    data_lines: list = []
    for line in iter_lines(text, region.body_start, region.body_end):
        clean = line.clean
        if not clean:
            continue
        if not data_lines and _HEADER_RE.match(clean):
            header_parts.append(clean)
            continue
        data_lines.append(line)
    header = "".join(header_parts)
    years = _YEAR_RE.findall(header)
    has_attr = "属性" in header
    note = _note(ctx, region)
    if not data_lines:
        return []
    numbered = re.match(r"^1(?![\d.])", data_lines[0].clean) is not None
    raw_rows = _rows_by_number(data_lines) if numbered else _rows_by_verdict(data_lines)
    out: list[dict] = []
    group = ""
    for i, rr in enumerate(raw_rows, start=1):
        s = rr.joined
        seq = str(i)
        if numbered:
            s = s[len(seq):]
        label = _group_label(s)
        while label:
            group = label
            s = s[len(label):]
            label = _group_label(s)
        parsed = _parse_run_row(s, has_attr=has_attr)
        if parsed is None:
            ctx.problems.append(_problem(ctx, rr.start, rr.end,
                                         f"{region.label}: row {seq} does not split into "
                                         "name, unit and values"))
            row = {"seq": seq, "group": group, "name": s, "flags": "unparsed"}
            out.append(_record(ctx, region, row, rr.start, rr.end, years=years, note=note))
            continue
        parsed.update(seq=seq, group=group)
        if parsed.get("unparsed"):
            ctx.problems.append(_problem(ctx, rr.start, rr.end,
                                         f"{region.label}: values of row {seq} "
                                         f"({parsed['unparsed']}) fit no column cut"))
        out.append(_record(ctx, region, parsed, rr.start, rr.end, years=years, note=note))
    return out


def _rows_by_number(lines: list) -> list[_RunRow]:
    rows: list[_RunRow] = []
    k = 1
    for line in lines:
        clean = line.clean
        if re.match(rf"^{k}(?![\d.])", clean):
            rows.append(_RunRow(line.content_start, line.end, ""))
            k += 1
        elif not rows:
            continue
        rows[-1].end = line.end
        rows[-1].joined += clean
    return rows


def _rows_by_verdict(lines: list) -> list[_RunRow]:
    rows: list[_RunRow] = []
    current: _RunRow | None = None
    for line in lines:
        clean = line.clean
        if current is None:
            current = _RunRow(line.content_start, line.end, "")
        current.end = line.end
        current.joined += clean
        if re.search(r"[)）][^()（）]*(未完成|完成|—)$", current.joined):
            rows.append(current)
            current = None
    if current is not None:
        rows.append(current)
    return rows


def _group_label(s: str) -> str:
    for label in GROUP_LABELS:
        if s.startswith(label) and len(s) > len(label):
            return label
    return ""


def _parse_run_row(s: str, *, has_attr: bool) -> dict | None:
    row: dict = {}
    if has_attr:
        attrs = list(_ATTR_RE.finditer(s))
        if not attrs:
            return None
        a = attrs[-1]
        row["attribute"] = a.group(0)
        row["department"] = s[a.end():]
        head = s[:a.start()]
        n = 3
    else:
        m = _VERDICT_RE.search(s)
        if not m:
            return None
        row["verdict"] = m.group(1)
        head = s[:m.start()]
        n = 4
    unit_m = None
    for m in re.finditer(r"[(（]([^()（）]*)[)）]", head):
        if m.end() < len(head) and head[m.end()] in _VALUE_START:
            unit_m = m
    if unit_m is None:
        return None
    row["name"] = head[:unit_m.start()]
    row["unit"] = unit_m.group(1)
    values = head[unit_m.end():]
    if values.startswith("*"):
        row["star"] = True
        values = values[1:]
    cut = _best_cut(values, n)
    keys = ["base", "target", "growth", "result"][:n]
    if cut is None:
        row["unparsed"] = values
        return row
    fields, failed = cut
    row.update(zip(keys, fields, strict=True))
    if failed:
        row["check"] = failed
    return row


def _best_cut(values: str, n: int) -> tuple[list[str], str] | None:
    cuts: list[list[str]] = []
    _enumerate(values, 0, n, [], cuts)
    if not cuts:
        return None
    scored = sorted(((_score(c), c) for c in cuts), key=lambda sc: (sc[0][0], [len(x) for x in sc[1]]))
    (_, failed), best = scored[0]
    return best, failed


def _enumerate(s: str, pos: int, n: int, acc: list[str], out: list[list[str]]) -> None:
    if len(out) > 5000:
        return
    if len(acc) == n:
        if pos == len(s):
            out.append(list(acc))
        return
    for tok in _field_tokens(s, pos):
        acc.append(tok)
        _enumerate(s, pos + len(tok), n, acc, out)
        acc.pop()


def _field_tokens(s: str, pos: int) -> list[str]:
    out = []
    for first in _simple_tokens(s, pos):
        out.append(first)
        nxt = pos + len(first)
        if nxt < len(s) and s[nxt] == "/":
            for second in _simple_tokens(s, nxt + 1):
                out.append(first + "/" + second)
            if nxt + 1 == len(s):
                out.append(first + "/")
    return out


def _simple_tokens(s: str, pos: int) -> list[str]:
    if pos >= len(s):
        return []
    rest = s[pos:]
    out: list[str] = []
    if rest[0] in "—–":
        out.append(rest[0])
    if rest.startswith("--"):
        out.append("--")
    for w in _WORDS:
        if rest.startswith(w):
            out.append(w)
    m = re.match(r"\[\d+(?:\.\d+)?\]", rest)
    if m:
        out.append(m.group(0))
    prefix = ""
    if rest[0] in "<>＜＞":
        prefix = rest[0]
    for num in _numbers_at(rest, len(prefix)):
        tok = prefix + num
        tail = rest[len(tok):]
        pct = "%" if tail.startswith("%") else ""
        out.append(tok + pct)
        if not prefix:
            after = rest[len(tok + pct):]
            if after.startswith("-"):
                for num2 in _numbers_at(after, 1):
                    pct2 = "%" if after[1 + len(num2):].startswith("%") else ""
                    out.append(tok + pct + "-" + num2 + pct2)
    return out


def _numbers_at(s: str, pos: int) -> list[str]:
    """Every prefix of `s[pos:]` that is a well-formed number."""
    out = []
    end = pos
    while end < len(s) and (s[end].isdigit() or s[end] == "."):
        end += 1
    for stop in range(pos + 1, end + 1):
        cand = s[pos:stop]
        if _NUM_RE.fullmatch(cand):
            out.append(cand)
    return out


def _score(cut: list[str]) -> tuple[float, str]:
    score = 0.0
    failed = ""
    nums = [_field_number(f) for f in cut]
    for f in cut:
        for num in re.findall(r"\d+\.\d+", f):
            if num.endswith("0"):
                score += 2
            if len(num.split(".")[1]) > 3:
                score += 1
        if re.fullmatch(r"0", f):
            score += 3
    base, target, growth = nums[0], nums[1], nums[2]
    g = cut[2]
    plain_bt = _is_plain(cut[0]) and _is_plain(cut[1])
    if cut[0].startswith("[") != cut[1].startswith("["):
        score += 3  # base and target are both totals or both cumulative
    if plain_bt and base and target:
        ratio = target / base
        if not 0.1 < ratio < 10:
            score += 3
    if plain_bt and base is not None and target is not None and growth is not None and g.startswith("["):
        if abs(target - base - growth) <= 0.011 + 0.005 * abs(growth):
            score -= 6
        else:
            score += 2
            failed = f"{cut[1]} − {cut[0]} ≠ {g}"
    elif plain_bt and growth is not None and base and target and base > 0 and target > 0:
        cagr = ((target / base) ** (1 / _YEARS) - 1) * 100
        err = abs(cagr - growth)
        if err < 1:
            score -= 6
        elif err < 3:
            score -= 3
        else:
            score += 1
            failed = f"{cut[0]}→{cut[1]} is {cagr:.1f}%/yr, not {g}"
    if growth is not None and not g.startswith("[") and growth > 30:
        score += 3
    if len(cut) > 3 and nums[3] is not None and target and _is_plain(cut[3]) and _is_plain(cut[1]):
        ratio = nums[3] / target
        if not 0.2 < ratio < 5:
            score += 2
    return score, failed


def _is_plain(tok: str) -> bool:
    return _NUM_RE.fullmatch(tok.rstrip("%")) is not None


def _field_number(tok: str) -> float | None:
    t = tok.rstrip("%")
    if t.startswith("[") and t.endswith("]"):
        t = t[1:-1]
    if _NUM_RE.fullmatch(t):
        return float(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)%?-(\d+(?:\.\d+)?)%?", tok)
    if m:
        return (float(m.group(1)) + float(m.group(2))) / 2
    return None


# --- shared -----------------------------------------------------------------------

def _stated_elsewhere(text: str, region: TableRegion, name: str, value: str) -> bool:
    """Whether the body text outside the table gives `value` right after `name`.

    "研究与试验发展经费支出占地区生产总值比重达4%" confirms the cut 3.38 → 4.
    """
    if not _NUM_RE.fullmatch(value or ""):
        return False
    core = re.sub(r"[(（][^()（）]*[)）]", "", name)
    if len(core) < 4:
        return False
    pattern = re.compile(re.escape(core) + r"[^。；;\d\n]{0,10}?" + re.escape(value) + r"(?![\d.])")
    return any(not region.title_start <= m.start() < region.body_end for m in pattern.finditer(text))


def _note(ctx: _Context, region: TableRegion) -> str:
    if region.note_start < 0:
        return ""
    return squash(ctx.text[region.note_start:region.note_end])


def _record(
    ctx: _Context, region: TableRegion, row: dict, start: int, end: int, *,
    years: list[str], note: str, default_unit: str = "",
) -> dict:
    start, end = trim_span(ctx.text, start, end)
    name = row.get("name", "")
    star = bool(row.get("star")) or "*" in name
    name = name.replace("*", "")
    unit = row.get("unit", "")
    flags = [row["flags"]] if row.get("flags") else []
    if not unit:
        m = _UNIT_AT_END.search(name)
        if m:
            unit, name = m.group("unit"), name[:m.start()]
        elif default_unit:
            unit = default_unit
            flags.append("unit from header")
    if "base" in row or ("target" not in row and "result" not in row):
        base_year = years[0] if years else ""
        target_year = years[1] if len(years) > 1 else ""
    else:
        base_year, target_year = "", years[0] if years else ""
    if star:
        flags.append(_star_flag(note))
        star_year = _star_year(note)
        if star_year and base_year:
            base_year = star_year
    for key in ("base", "target", "growth", "result"):
        if str(row.get(key, "")).startswith("["):
            flags.append(f"{key} cumulative [ ]")
    if row.get("check"):
        flags.append(f"check failed: {row['check']}")
    if row.get("unparsed"):
        flags.append(f"unparsed values: {row['unparsed']}")
    result = row.get("result", "")
    verdict = row.get("verdict", "")
    if not verdict and result in ("完成", "未完成"):
        verdict = result
    return {
        "id": f"{ctx.doc_id}/{region.label}/{int(row.get('seq') or 0):02d}",
        "doc_id": ctx.doc_id,
        "section_path": ctx.index.path_at(region.title_start),
        "start": start,
        "end": end,
        "quote": ctx.text[start:end],
        "table": region.label,
        "seq": str(row.get("seq", "")),
        "group": row.get("group", ""),
        "name": name,
        "unit": unit,
        "base_year": base_year,
        "base_value": row.get("base", ""),
        "base_num": _num(row.get("base", "")),
        "target_year": target_year,
        "target_value": row.get("target", ""),
        "target_num": _num(row.get("target", "")),
        "growth": row.get("growth", ""),
        "growth_num": _num(row.get("growth", "")),
        "attribute": row.get("attribute", ""),
        "department": row.get("department", ""),
        "result": result,
        "result_num": _num(result),
        "result_growth": row.get("result_growth", ""),
        "verdict": verdict,
        "flags": "; ".join(f for f in flags if f),
        "district_adcode": ctx.adcode,
    }


def _num(value: str) -> float:
    return plain_number(value) if value else math.nan


def _star_year(note: str) -> str:
    m = re.search(r"\*[^。；;，,]*?(\d{4})年", note)
    return m.group(1) if m else ""


def _star_flag(note: str) -> str:
    year = _star_year(note)
    if year:
        return f"{year} base (*)"
    m = re.search(r"[^。；;:：]*\*[^。；;，,]*", note)
    return f"(*) {m.group(0).strip('()（）0123456789、')}" if m else "(*)"


def _problem(ctx: _Context, start: int, end: int, reason: str) -> Problem:
    start, end = trim_span(ctx.text, start, end)
    return Problem(ctx.doc_id, start, end, ctx.text[start:end], reason)
