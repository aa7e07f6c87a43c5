"""The structure of a plan: its heading tree and its numbered tables.

Headings: 第一章/第一节/第4节, 一、/（一）/1、 and Markdown "#" lines. Levels are
inferred from the order in which numbering styles first appear (the usual way
Chinese outlines nest), so a document that starts at 一、 nests （一） below it,
and one that starts at 第一章 nests 第一节 below that. A document without
recognisable headings still yields one section (its title line).

Tables (表1, 表4-2, …): the region from the title line to the note (注:) or the
next heading, cut into cells either at tabs or at lines. Their meaning is left
to `layers.indicators` and `layers.projects`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

from layers.lexicon import BOX_TITLE_RE, TABLE_TITLE_RE, cn_number

from layers.text import PROVENANCE_COLUMNS, Line, display_text, iter_lines, trim_span

SECTION_COLUMNS: list[str] = [
    *PROVENANCE_COLUMNS,
    "level", "kind", "number", "title", "body_end",
]

_CN_NUM = "零〇一二三四五六七八九十百两"
_MD_RE = re.compile(r"^(#{1,6})\s*(.*)$")
#: (kind, pattern) tried in order on a line without noise and Markdown marks.
_HEADING_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^第(?P<num>[{_CN_NUM}\d]+)章\s*(?P<title>.*)$")),
    ("section", re.compile(rf"^第(?P<num>[{_CN_NUM}\d]+)节\s*(?P<title>.*)$")),
    ("cn", re.compile(rf"^(?P<num>[{_CN_NUM}]+)、\s*(?P<title>.+)$")),
    ("paren", re.compile(rf"^[(（](?P<num>[{_CN_NUM}]+)[)）]\s*(?P<title>.+)$")),
    ("arabic", re.compile(r"^(?P<num>\d{1,2})[、．.](?!\d)\s*(?P<title>.+)$")),
]
#: Longest title still taken for a heading; longer numbered lines are list items.
_MAX_TITLE = 32
#: A table-of-contents entry ends with its page number.
_TOC_RE = re.compile(r"\D\d{1,3}$")


_TITLE_RE = TABLE_TITLE_RE
_NOTE_RE = re.compile(r"^注\s*[:：]")
_BOX_RE = BOX_TITLE_RE


@dataclass(frozen=True)
class Heading:
    """One heading line found in a plan."""

    start: int
    end: int
    kind: str
    number: str
    title: str
    label: str


@dataclass(frozen=True)
class TableRegion:
    """A table: its title line, body span (title excluded) and note span."""

    label: str  # "表1", "表4-2"
    title: str
    title_start: int
    title_end: int
    body_start: int
    body_end: int
    note_start: int
    note_end: int
    tab_cells: bool


@dataclass(frozen=True)
class Cell:
    """A table cell: its trimmed span (may be empty, then start == end)."""

    start: int
    end: int


def sections_from_text(text: str, *, doc_id: str) -> pd.DataFrame:
    """One row per heading, with its level, path and the offset where its body ends."""
    headings = find_headings(text)
    if not headings:
        headings = _fallback_title(text)
    rows: list[dict] = []
    stack: list[tuple[str, int]] = []  # (kind, row index)
    for i, h in enumerate(headings):
        kinds = [k for k, _ in stack]
        if h.kind.startswith("md"):
            # An unnumbered Markdown heading restarts the outline under the title.
            keep = 1 if stack and stack[0][0] == "md1" and h.kind != "md1" else 0
            stack = stack[:keep]
        elif h.kind in kinds:
            stack = stack[: kinds.index(h.kind)]
        stack.append((h.kind, i))
        path = " › ".join(headings[j].label for _, j in stack)
        rows.append({
            "id": f"{doc_id}/section/{i + 1:03d}",
            "doc_id": doc_id,
            "section_path": path,
            "start": h.start,
            "end": h.end,
            "quote": text[h.start:h.end],
            "level": len(stack),
            "kind": h.kind,
            "number": h.number,
            "title": h.title,
            "body_end": len(text),
        })
    for i, row in enumerate(rows):
        for later in rows[i + 1:]:
            if later["level"] <= row["level"]:
                row["body_end"] = later["start"]
                break
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)


def find_headings(text: str) -> list[Heading]:
    """Heading lines of `text` in order, skipping a table of contents."""
    out: list[Heading] = []
    for line in iter_lines(text):
        h = _heading(line)
        if h is not None:
            out.append(h)
    return out


class SectionIndex:
    """Look up the section path that encloses an offset."""

    def __init__(self, sections: pd.DataFrame) -> None:
        ordered = sections.sort_values("start")
        self._starts = [int(s) for s in ordered["start"]]
        self._paths = [str(p) for p in ordered["section_path"]]

    def path_at(self, offset: int) -> str:
        """The path of the last heading starting at or before `offset` ("" if none)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._paths[i] if i >= 0 else ""


def find_tables(text: str) -> list[TableRegion]:
    """Every 表N table of `text`, with the region that holds its rows."""
    stops = {h.start for h in find_headings(text)}
    lines = list(iter_lines(text))
    titles = [(i, table_title(line.clean)) for i, line in enumerate(lines)]
    out = []
    for i, m in titles:
        if not m:
            continue
        title_line = lines[i]
        body_start = title_line.end + 1 if title_line.end < len(text) else title_line.end
        body_end = len(text)
        note_start = note_end = -1
        for j in range(i + 1, len(lines)):
            line = lines[j]
            clean = line.clean
            if line.content_start in stops or table_title(clean) or _BOX_RE.match(clean):
                body_end = line.start
                break
            if _NOTE_RE.match(clean):
                body_end = line.start
                note_start = line.content_start
                note_end = _note_end(lines, j, stops)
                break
        tab = any(line.raw.startswith("\t") for line in iter_lines(text, body_start, body_end))
        cs, ce = trim_span(text, title_line.start, title_line.end)
        out.append(TableRegion(
            label=f"表{_table_number(m.group('num'))}", title=m.group("title").strip(),
            title_start=cs, title_end=ce, body_start=body_start, body_end=body_end,
            note_start=note_start, note_end=note_end, tab_cells=tab,
        ))
    return out


def table_title(clean: str) -> re.Match[str] | None:
    """The match of a table title line ("表2：…", "表 4-1 …", "表三　…"), else None.

    Without colon or space the line must be short and not a sentence, so prose
    such as "表1所列…。" is not a table.
    """
    m = _TITLE_RE.match(clean)
    if not m:
        return None
    if not m.group("gap") and m.group("title") and (len(clean) > 40 or clean.endswith("。")):
        return None
    return m


def _table_number(num: str) -> str:
    n = cn_number(num)
    return str(n) if n is not None else num.replace("－", "-").replace("—", "-")


def tab_cells(text: str, region: TableRegion) -> list[Cell]:
    """Cells of a tab layout: each tab starts a cell that runs to the next tab."""
    body = text[region.body_start:region.body_end]
    tabs = [i for i, ch in enumerate(body) if ch == "\t"]
    cells = []
    for k, t in enumerate(tabs):
        stop = tabs[k + 1] if k + 1 < len(tabs) else len(body)
        a, b = trim_span(body, t + 1, stop)
        if b < a:
            b = a
        cells.append(Cell(region.body_start + a, region.body_start + b))
    return cells


def line_cells(text: str, region: TableRegion) -> list[Cell]:
    """Non-empty lines of a table body, as cells."""
    out = []
    for line in iter_lines(text, region.body_start, region.body_end):
        a, b = trim_span(text, line.start, line.end)
        if b > a:
            out.append(Cell(a, b))
    return out


def _heading(line: Line) -> Heading | None:
    clean = line.clean
    if not clean:
        return None
    kind_prefix = ""
    md = _MD_RE.match(clean)
    if md:
        kind_prefix = f"md{len(md.group(1))}"
        clean = md.group(2).strip()
    for kind, pattern in _HEADING_PATTERNS:
        m = pattern.match(clean)
        if not m:
            continue
        title = display_text(m.group("title"))
        if kind in ("chapter", "section") and _TOC_RE.search(clean):
            return None
        if len(title) > _MAX_TITLE or title.endswith(("。", "；", ";", "：", ":")):
            return None
        if "。" in title:
            return None
        start, end = trim_span(line.raw, 0, len(line.raw))
        return Heading(line.start + start, line.start + end, kind, m.group("num"), title,
                       display_text(clean))
    if kind_prefix and len(clean) <= _MAX_TITLE + 10:
        start, end = trim_span(line.raw, 0, len(line.raw))
        return Heading(line.start + start, line.start + end, kind_prefix, "", clean, clean)
    return None


def _fallback_title(text: str) -> list[Heading]:
    for line in iter_lines(text):
        clean = line.clean
        if clean:
            start, end = trim_span(line.raw, 0, len(line.raw))
            title = display_text(clean.lstrip("#").strip())
            return [Heading(line.start + start, line.start + end, "title", "", title, title)]
    return []


def _note_end(lines: list[Line], j: int, stops: set[int]) -> int:
    end = lines[j].end
    for line in lines[j + 1:]:
        clean = line.clean
        if not clean:
            continue
        if line.content_start in stops or not re.match(r"^[(（]\d+[)）]", clean):
            break
        end = line.end
    return end
