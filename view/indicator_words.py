"""The indicator table's extraction notes (`flags`, codes from `layers.indicators`) in words.

A flag is one of a few fixed codes ("growth cumulative [ ]", "unit from header",
"2019 base (*)", "check failed: …") or the plan's own footnote quoted after "(*)".
Codes become the reader's language; the plan's words stay exactly as written.
"""

from __future__ import annotations

import re

_COLUMNS = {"base": ("基期值", "base"), "target": ("目标值", "target"), "growth": ("年均增长", "growth"),
            "result": ("完成值", "result")}
_FIXED = {
    "unit from header": ("单位取自表头", "unit taken from the table header"),
    "target stated in text": ("目标值为文字表述", "target stated in words"),
    "unparsed": ("此行未能拆分，按原文列出", "row could not be split; shown as written"),
}
_CUMULATIVE = re.compile(r"^(base|target|growth|result) cumulative \[ \]$")
_BASE_YEAR = re.compile(r"^(\d{4}) base \(\*\)$")
_CHECK = re.compile(r"^check failed: (.+)$")
_UNPARSED = re.compile(r"^unparsed values: (.+)$")


def flag_words(flags: str, *, lang: str = "zh") -> str:
    """"growth cumulative [ ]; unit from header" → "年均增长为累计值（原文加[ ]）；单位取自表头"."""
    zh = lang != "en"
    out = []
    for part in (p.strip() for p in str(flags or "").split(";")):
        if not part:
            continue
        if part in _FIXED:
            out.append(_FIXED[part][0 if zh else 1])
        elif m := _CUMULATIVE.match(part):
            column = _COLUMNS[m.group(1)][0 if zh else 1]
            out.append(f"{column}为累计值（原文加 [ ]）" if zh else f"{column} is cumulative (bracketed [ ] in the plan)")
        elif m := _BASE_YEAR.match(part):
            out.append(f"带*号：基期为{m.group(1)}年" if zh else f"marked *: base year {m.group(1)}")
        elif m := _CHECK.match(part):
            out.append(f"核对不符：{m.group(1)}" if zh else f"check failed: {m.group(1)}")
        elif m := _UNPARSED.match(part):
            out.append(f"未能解析的数值：{m.group(1)}" if zh else f"values not parsed: {m.group(1)}")
        else:  # the plan's own footnote, quoted as written
            out.append(part)
    return "；".join(out) if zh else "; ".join(out)
