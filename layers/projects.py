"""Projects: every item of every 专栏 box, every row of the 重点项目一览表 tables,
and projects a body sentence names explicitly ("加快推进A、B等项目建设").

Lists are split one project per entry; a road written "梅鹤路(文开路-环城北路)"
keeps its extent in `extent_from`/`extent_to`. A box item written as prose
("高端人才引育行动:到2025年,…") is one project; projects named inside such prose
become children (`parent_id`). Each project gets a category key from
`layers.categories`, the lead unit (牵头单位) that follows it in the box, and the
place names it mentions ("|"-joined, as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from layers.categories import category_for
from layers.lexicon import (
    AIM_WORDS_RE, BECOME_KINDS_RE, BENEFICIARY_LEAD_RE, BOX_BULLET_RE, BOX_TITLE_RE, COUNT_RE, DESCRIPTION_WORDS, ENTRY_VERB_FIRST_RE, ENTRY_VERB_RE,
    EXAMPLE_CLAUSE_RE, GENERIC_MODIFIER_RE, ITEM_NUMBER_RE, LEAD_VERBS, LIST_NAME_SUFFIX_RE, LIST_VERBS,
    NAME_SUFFIX_RE, NOT_A_NAME_RE, PART_STATUS_TAIL_RE, PARTNER_VERB, PLACE_VERBS, PROGRESS_SUBJECTS, PROGRESS_VERBS,
    PROSE_WORDS_RE, ROAD_TAIL_RE, SCOPE_RE, SINGLE_BUILD_VERBS, SINGLE_SUFFIX_RE, STATUS_TAIL_RE,
    CONNECT_WORDS_RE, COUNT_PROJECTS_TRAIL, LIST_OPENING_RE, LONG_LIST_MIN, MADE_OF_LEAD,
    QUOTED_WORKS_RE, WORKS_DONE_VERBS, WORKS_NAME_VERBS, WORKS_SINGLE_NOT_RE, SITE_WORDS, STRONG_PROSE_RE, TRAIL_ADVERBS, TRAIL_VERBS,
    VENUE_WORDS, VISIT_VERBS, WEAK_PROSE_RE, build_verb_alternation, cn_number, record_type,
    NUMBERED_SCHOOL_RE, PARTS_OF_RE, RELATIVE_PARTICLE, WORKS_KIND_RE,
    REPORT_LEADS, VENUE_CLASS_RE, WORK_PART_TAIL_RE, CLASS_OPENING_RE, SHORT_EXTENT_RE,
    DATE_PHRASE, INVESTMENT_PHRASE, NUMBERED_LINE_RE, PROJECT_COUNT_PHRASE, WORK_PART_WORDS,
    COUNTED_BEFORE_RE, COUNTED_OPENING, HEARING_VERBS, REPORT_TOPIC_RE, WITH_ITS_WORKS_RE,
)
from layers.sections import (
    Cell, SectionIndex, TableRegion, find_headings, find_tables, line_cells, sections_from_text,
)
from layers.text import PROVENANCE_COLUMNS, Problem, display_text, iter_lines, split_top_level, trim_span

PROJECT_COLUMNS: list[str] = [
    *PROVENANCE_COLUMNS,
    "name", "category", "box", "box_title", "group", "extent_from", "extent_to",
    "lead_unit", "content", "start_year", "end_year", "status", "district_adcode",
    "places", "parent_id", "source", "record_type", "summary",
]


_LEAD_RE = re.compile(r"^[(（﹝\[【]\s*牵头单位\s*[:：]\s*(?P<units>.+?)\s*[)）﹞\]】]$")
#: A body paragraph opens with a short topic sentence ("推动人口集聚。编制…").
_TOPIC_RE = re.compile(r"^[^\s:：,，。、◆·；;]{2,24}。")
_FIGURE_RE = re.compile(r"^图\s*\d")
_LEAD_IN_RE = re.compile(r"(?:主要包括|包括|主要涉及|涉及|分别为)")
_VERB_RE = re.compile("(?:" + PARTNER_VERB + "|" + "|".join(LIST_VERBS) + ")")
_TRAILER_RE = re.compile(r"(?:等[^、，,]*|项目建设|等?建设|开工建设|建成开业|建成投用)$")
_EXTENT_RE = re.compile(r"[(（](?P<a>[^()（）]+?)[-—－~～至](?P<b>[^()（）]+?)[)）]")
_PAREN_RE = re.compile(r"[(（]([^()（）]*)[)）]")
_COUNT_LIST_RE = re.compile(r"\d+个[^（(]*[（(](?P<inner>[^）)]*、[^）)]*)[）)]")
#: Verbs that build something: "加快建设A、B等，…" needs no word after 等.
_BUILD_VERBS = {"加快建设", "建设", "新建", "推进建设", "规划建设", "谋划建设", "启动建设"}
#: What a body-text list must end with to be a list of projects.
_BODY_TRAILER = re.compile(
    r"等(?:[\d一二三四五六七八九十]+[条个座所家处])?(?:一批)?[^、，,]{0,16}?"
    r"(?:项目|工程|设施|建设|道路|通道|干道|场馆|开工|建成|开业|投用)[^、，,]{0,4}$"
)
#: "…A、B等开工建设": a list needs no opening verb when its end says what happens.
_DONE_TRAILER = re.compile(r"等[^、]{0,8}?(?:开工建设|建成开业|建成投用|建成开放|开工|建成)$")
#: Brackets that qualify a name rather than name a place.
_QUALIFIER = re.compile(r"(?:^[一二三四五六七八九十\d]+期$|段$|^[^、，,]{1,3}片$|认定|扩、改)")
_NON_SPATIAL = {"programs", "innovation", "environment", "digital"}
_PLACE_END = re.compile(
    r"(?:路|桥|线|站|园|区|中心|学校|医院|院|馆|城|港|镇|村|湖|山|江|河|基地|小镇|通道|大道|"
    r"高速|铁路|街|广场|综合体|地块|区块|廊|湾|片|飞地|变电|输变电)$"
)
_STATUS_RE = re.compile(r"(实施类|谋划类|新建|迁建|续建|改扩建|扩建|重建|建成|改造提升)")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class _Part:
    """A name found in a list: its span and the verb that opened its clause."""

    start: int
    end: int
    verb: str


@dataclass
class _Ctx:
    doc_id: str
    text: str
    adcode: str
    index: SectionIndex
    rows: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    #: Box items whose inner lists the general rule reads after the first pass.
    deferred: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class Box:
    """A 专栏 box: title line and the span of its items."""

    label: str
    title: str
    title_start: int
    title_end: int
    body_start: int
    body_end: int


def projects_from_plan(
    *, plan_id: str, text: str, adcode: str = "", sections: pd.DataFrame | None = None,
    problems: list | None = None,
) -> pd.DataFrame:
    """All projects of one plan: 专栏 items, 一览表 rows, then projects named in body text."""
    sections = sections if sections is not None else sections_from_text(text, doc_id=plan_id)
    ctx = _Ctx(plan_id, text, adcode, SectionIndex(sections))
    boxes = find_boxes(text)
    for box in boxes:
        before = len(ctx.rows)
        _box_projects(ctx, box)
        if len(ctx.rows) == before:
            ctx.problems.append(_problem(ctx, box.title_start, box.title_end,
                                         f"{box.label} found but no items read from it"))
    tables = [t for t in find_tables(text) if "项目" in t.title]
    for table in tables:
        _table_projects(ctx, table)
    skip = [(b.title_start, b.body_end) for b in boxes]
    skip += [(t.title_start, t.body_end) for t in find_tables(text)]
    _body_projects(ctx, skip)
    if problems is not None:
        problems.extend(ctx.problems)
    return pd.DataFrame(ctx.rows, columns=PROJECT_COLUMNS)


def box_title(clean: str) -> re.Match[str] | None:
    """The match of a box title line ("专栏1：…", "专栏 2 …", "专栏四　…"), else None.

    A title without colon or space ("专栏1重大项目") is taken only when the line is
    short and is not a sentence, so "专栏1所列项目要…。" in prose is not a box.
    """
    m = BOX_TITLE_RE.match(clean)
    if not m:
        return None
    gap = clean[m.end("num"):m.start("title")]
    if not gap and m.group("title") and (len(clean) > 40 or clean.endswith("。")):
        return None
    return m


def find_boxes(text: str) -> list[Box]:
    """Every 专栏 box: from its title line to the next heading, figure, table, box or
    body paragraph; a blank line followed by a prose paragraph also ends it.

    The title may stand on the line after "专栏N" when that line is empty of text.
    """
    stops = {h.start for h in find_headings(text)}
    lines = list(iter_lines(text))
    out = []
    for i, line in enumerate(lines):
        m = box_title(line.clean)
        if not m:
            continue
        title = m.group("title")
        title_line = line
        first_body = i + 1
        if not title.strip():  # "专栏N" alone; its title is the next non-empty line
            for j in range(i + 1, min(i + 3, len(lines))):
                if lines[j].clean:
                    title, title_line, first_body = lines[j].clean, lines[j], j + 1
                    break
        last = title_line.end
        blank = 0
        next_number = 1  # numbered items 1. 2、 （3） inside a box are items, not headings
        for nxt in lines[first_body:]:
            clean = nxt.clean
            num = ITEM_NUMBER_RE.match(clean)
            if num and (num.group("num") or num.group("pnum") or "") == str(next_number):
                next_number += 1
                blank = 0
                last = nxt.end
                continue
            if not clean:
                blank += 1
                if blank >= 2:
                    break
                continue
            prose_after_blank = (blank and last > title_line.end and len(clean) >= 60
                                 and "。" in clean and not BOX_BULLET_RE.match(clean)
                                 and not ITEM_NUMBER_RE.match(clean)
                                 and _name_split(clean)[0] is None)
            blank = 0
            if (nxt.content_start in stops or box_title(clean) or _FIGURE_RE.match(clean)
                    or re.match(r"^表\s*\d", clean) or _TOPIC_RE.match(clean)
                    or prose_after_blank):
                break
            last = nxt.end
        ts, te = trim_span(text, line.start, title_line.end)
        number = cn_number(m.group("num"))
        out.append(Box(f"专栏{number}", display_text(title), ts, te, title_line.end, last))
    return out


def split_list(text: str, *, offset: int = 0) -> list[tuple[int, int, str]] | None:
    """Split a list of names into (start, end, verb) spans; None when `text` is prose.

    Clauses are cut at 。；,， outside brackets; each may open with a verb (新建,
    推进, …) that carries to the next clause, and close with "等…项目建设".
    """
    parts = _list_parts(text, offset)
    return None if parts is None else [(p.start, p.end, p.verb) for p in parts]


def parse_extent(name: str) -> tuple[str, str, str]:
    """`(name without extent, from, to)` for "梅鹤路(文开路-环城北路)"; else `(name, "", "")`.

    The extent is the first bracket group whose top level holds a dash, so
    "东路(戊路(北段)-己路)" gives from "戊路(北段)" and to "己路".
    """
    for a, b in _bracket_groups(name):
        inner = name[a + 1:b]
        cut = _top_level_dash(inner)
        if cut is not None:
            bare = (name[:a] + name[b + 1:]).strip()
            return bare, inner[:cut].strip(), inner[cut + 1:].strip()
    return name, "", ""


def _bracket_groups(s: str) -> list[tuple[int, int]]:
    out, stack = [], []
    for i, ch in enumerate(s):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            a = stack.pop()
            if not stack:
                out.append((a, i))
    return out


def _top_level_dash(s: str) -> int | None:
    depth = 0
    for i, ch in enumerate(s):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
        elif ch in "-—－~～" and depth == 0 and 0 < i < len(s) - 1:
            return i
    return None


def places_of(name: str, extent_from: str = "", extent_to: str = "", *,
              category: str = "") -> list[str]:
    """Place names a project refers to, as written: the thing itself and its extent ends.

    A bracket that only qualifies the name (二期, 江北段) is not a place; "即滨海高速"
    and "含梅山支线" give the place they name. A programme ("青才鄞州工程") names
    no place unless its name ends like one.
    """
    out: list[str] = []
    inner = []
    for p in _PAREN_RE.findall(name):
        p = re.sub(r"^(?:即|含)", "", p)
        if p and not _QUALIFIER.search(p) and "-" not in p:
            inner.append(p)
    bare = _PAREN_RE.sub("", name)
    bare = re.sub(r"^(?:\d+\s*[kK][vV]|\d+千伏)", "", bare)
    core = ROAD_TAIL_RE.sub("", bare).strip() or bare
    if category in _NON_SPATIAL and not _PLACE_END.search(core):
        core = ""
    for cand in (core, *inner, extent_from, extent_to):
        cand = cand.strip("“”\"' ")
        if cand and cand not in out and not re.fullmatch(r"[\d.]+", cand):
            out.append(cand)
    return out


# --- boxes -------------------------------------------------------------------------

def _box_projects(ctx: _Ctx, box: Box) -> None:
    text = ctx.text
    lines = [ln for ln in iter_lines(text, box.body_start, box.body_end) if ln.clean]
    header = ""  # current ◆ group
    pending: list[dict] = []  # records waiting for a 牵头单位 line
    for i, line in enumerate(lines):
        clean = line.clean
        lead = _LEAD_RE.match(clean)
        if lead:
            units = lead.group("units")
            for rec in pending:
                rec["lead_unit"] = units
            pending = []
            continue
        start, end = trim_span(text, line.start, line.end)
        bullet = BOX_BULLET_RE.match(text, start, end)
        body_start = bullet.end() if bullet else start
        numbered = ITEM_NUMBER_RE.match(text, body_start, end)
        sub = ""
        if numbered:
            body_start = numbered.end()
        body = text[body_start:end]
        name_span, content_start = _name_split(body)
        if bullet:
            header = ""
        nxt = lines[i + 1].clean if i + 1 < len(lines) else ""
        if bullet and name_span is None and len(body) <= 32 and nxt \
                and not BOX_BULLET_RE.match(nxt) and not _LEAD_RE.match(nxt):
            header = _strip_quotes(body)  # "◆提升两大省级园区能级" heads the lines below
            continue
        if name_span is not None:
            name = _strip_quotes(body[name_span[0]:name_span[1]])
            content = body[content_start:].strip()
            if not content:  # "◆交通道路项目:" opens a group
                header = name
                continue
            if numbered:
                sub = name
            group = " › ".join(g for g in (header, sub) if g)
            parts = _list_parts(content, body_start + content_start)
            if parts is not None:
                g = " › ".join(x for x in (header, name) if x)
                pending += _emit_parts(ctx, box, parts, group=g, status_hint=name)
                continue
            rec = _emit_item(ctx, box, start, end, name=name, content=display_text(content),
                             group=group)
            pending.append(rec)
            pending += _emit_children(ctx, box, rec, content, body_start + content_start)
            continue
        parts = _list_parts(body, body_start)
        if parts is not None:
            pending += _emit_parts(ctx, box, parts, group=header, status_hint=header)
            continue
        name = _leading_name(body)
        rec = _emit_item(ctx, box, start, end, name=name, content=display_text(body),
                         group=header)
        pending.append(rec)
        pending += _emit_children(ctx, box, rec, body, body_start)


def _name_split(body: str) -> tuple[tuple[int, int] | None, int]:
    """`((name_start, name_end), content_start)` for "name:content" or "name。content"."""
    m = re.search(r"[:：]", body)
    if m and m.start() <= 34 and not re.search(r"[。；]", body[:m.start()]):
        return (0, m.start()), m.end()
    m = re.search(r"。", body)
    if m and m.start() <= 20 and not re.search(r"[，,、]", body[:m.start()]) \
            and body[m.end():].strip():
        return (0, m.start()), m.end()
    return None, 0


def _emit_item(ctx: _Ctx, box: Box, start: int, end: int, *, name: str, content: str,
               group: str) -> dict:
    name = display_text(name)
    return _add(ctx, box=box.label, box_title=box.title, start=start, end=end, name=name,
                group=group, content=content, context=f"{box.title} {group}",
                source="专栏 item")


def _emit_parts(ctx: _Ctx, box: Box | None, parts: list[_Part], *, group: str,
                status_hint: str = "", parent: str = "", box_label: str = "",
                box_title: str = "", source: str = "专栏 list") -> list[dict]:
    out = []
    status_from_group = _status(status_hint)
    for part in parts:
        raw = ctx.text[part.start:part.end]
        name, a, b = parse_extent(display_text(raw))
        status = _status(part.verb) or status_from_group
        label = box.label if box else box_label
        title = box.title if box else box_title
        out.append(_add(ctx, box=label, box_title=title, start=part.start, end=part.end,
                        name=name, group=group, extent_from=a, extent_to=b, status=status,
                        context=f"{title} {group}", parent_id=parent, source=source))
    return out


def _emit_children(ctx: _Ctx, box: Box, parent: dict, content: str, offset: int) -> list[dict]:
    out = []
    taken: set[tuple[int, int]] = set()
    for parts in _embedded_lists(content, offset):
        taken |= {(p.start, p.end) for p in parts}
        out += _emit_parts(ctx, box, parts, group=parent["name"], parent=parent["id"],
                           source="专栏 item (named inside)")
    ctx.deferred.append((box, parent, content, offset, taken))
    return out


def _deferred_children(ctx: _Ctx) -> None:
    """Named objects the general rule finds inside box items ("A、B、C等地块"), one record
    each with the item as parent; numbered after the box's other records so their ids stay."""
    for box, parent, content, offset, taken in ctx.deferred:
        taken = taken | {(r["start"], r["end"]) for r in ctx.rows
                         if r["box"] == box.label and r["parent_id"] == parent["id"]}
        for parts in _general_lists(content, offset):
            fresh = [p for p in parts if not any(a < p.end and p.start < b for a, b in taken)]
            if fresh:
                _emit_parts(ctx, box, fresh, group=parent["name"], parent=parent["id"],
                            source="专栏 item (named inside)")


def _leading_name(body: str) -> str:
    """"东部新城发挥宁波…" → "东部新城": the name a prose item opens with."""
    m = re.match(r"^(.{2,16}?)(?:发挥|完善|以|优先|加快|推进|围绕|依托|是|要|坚持|重点|主要)", body)
    if m and not re.search(r"[，,。]", m.group(1)):
        return m.group(1)
    m = re.match(r"^[^，,。；;：:]{2,40}", body)
    return m.group(0) if m else body[:40]


def _strip_quotes(s: str) -> str:
    s = s.strip()
    if s.startswith("“") and s.endswith("”") and s.count("“") == 1:
        return s[1:-1].strip()
    return s


# --- list splitting ----------------------------------------------------------------

def _list_parts(text: str, offset: int) -> list[_Part] | None:
    """Parts when the whole of `text` is a list of names, else None."""
    parts: list[_Part] = []
    verb = ""
    clauses = split_top_level(text, "。；;，,")
    if not clauses:
        return None
    for a, b in clauses:
        got = _clause_parts(text, a, b, verb)
        if got is None:
            return None
        verb, found = got
        parts += found
    if not parts:
        return None
    return [_Part(p.start + offset, p.end + offset, p.verb) for p in _expand_counts(text, parts)]


def _clause_parts(text: str, a: int, b: int, verb: str) -> tuple[str, list[_Part]] | None:
    lead = _LEAD_IN_RE.match(text, a, b)
    if lead:
        a = lead.end()
    vm = _VERB_RE.match(text, a, b)
    if vm:
        verb = vm.group(0)
        a = vm.end()
    seg = text[a:b]
    tm = _TRAILER_RE.search(seg)
    if tm and tm.start() > 0:
        b = a + tm.start()
    marked = bool(vm or tm or lead)
    out = []
    for pa, pb in split_top_level(text[a:b], "、", start=a):
        piece = text[pa:pb]
        pv = _VERB_RE.match(piece)
        v = verb
        if pv and pv.group(0) not in ("在", "建设"):
            v, pa = pv.group(0), pa + pv.end()
            piece = text[pa:pb]
        tail = PART_STATUS_TAIL_RE.search(piece)
        if tail and tail.start() >= 2:
            v, pb = tail.group(0), pa + tail.start()
            piece = text[pa:pb]
        if not _is_name(piece):
            return None
        out.append(_Part(pa, pb, v))
    if len(out) == 1 and not marked and not _has_suffix(text[out[0].start:out[0].end]):
        return None  # a lone phrase without verb, 等 or a name ending is prose
    return verb, out


def _is_name(piece: str) -> bool:
    piece = piece.strip()
    if not 2 <= len(piece) <= 40:
        return False
    bare = _PAREN_RE.sub("", piece).strip()
    if STRONG_PROSE_RE.search(bare):
        return False
    if LIST_NAME_SUFFIX_RE.search(bare) or (re.search(r"[)）]$", piece) and LIST_NAME_SUFFIX_RE.search(
            ROAD_TAIL_RE.sub("", bare))):
        return True
    return len(bare) <= 20 and not WEAK_PROSE_RE.search(bare)


def _has_suffix(piece: str) -> bool:
    bare = _PAREN_RE.sub("", piece).strip()
    return bool(LIST_NAME_SUFFIX_RE.search(bare) or LIST_NAME_SUFFIX_RE.search(ROAD_TAIL_RE.sub("", bare)))


def _expand_counts(text: str, parts: list[_Part]) -> list[_Part]:
    """"2个区级养老院（江南养老院、塘溪镇康养1号养老院）" → the two named homes."""
    out = []
    for p in parts:
        m = _COUNT_LIST_RE.match(text, p.start, p.end)
        if not m:
            out.append(p)
            continue
        base = m.start("inner")
        for a, b in split_top_level(m.group("inner"), "、", start=base):
            out.append(_Part(a, b, p.verb))
    return out


def _embedded_lists(text: str, offset: int, *, body: bool = False) -> list[list[_Part]]:
    """Lists named inside prose: "…，加快推进A、B等项目建设，…".

    A clause must open with a list verb and every entry must end like a name
    (路, 中心, 工程 …). In body text the clause must also close with 等 and a
    word for projects ("等一批重点项目", "等过江通道"), so "等应用场景" or
    "等区域战略" lists are not taken for projects; inside a 专栏 item a verb
    other than 建设 and two or more entries are enough.
    """
    out = []
    for a, b in split_top_level(text, "。；;，,：:"):
        vm = _VERB_RE.match(text, a, b)
        clause = text[a:b]
        if not vm or vm.group(0) == "在":
            if not _DONE_TRAILER.search(clause):
                continue
        elif body:
            bare_etc = clause.endswith("等") and vm.group(0) in _BUILD_VERBS
            if not _BODY_TRAILER.search(clause) and not bare_etc:
                continue
        elif "等" not in clause and not re.search(r"(项目|工程)建设$", clause):
            if clause.count("、") == 0 or vm.group(0) == "建设":
                continue
        got = _clause_parts(text, a, b, "")
        if got and got[1] and all(_has_suffix(text[p.start:p.end]) for p in got[1]):
            first = got[1][0]
            joins = CONNECT_WORDS_RE.search(text, first.start, first.end)
            if joins and _has_suffix(text[first.start:joins.start()]):
                # "新建凤栖里路连接张柏路、柏银路": what the road joins is there already.
                out.append([_Part(first.start + offset, joins.start() + offset, first.verb)])
                continue
            out.append([_Part(p.start + offset, p.end + offset, p.verb) for p in got[1]])
    return out


#: "全面开工建设A、B和C": a lead verb, possibly after a short adverb, opens the list.
_GENERAL_LEAD_RE = re.compile(r"^(?:[^、，,。；;]{0,6}?)" + build_verb_alternation(LEAD_VERBS))
#: "先后视察了A、B和C项目", "走进A、B", "布局A、B": a visit or placing verb opens the list.
_VISIT_LEAD_RE = re.compile(r"^(?:[^、，,。；;]{0,6}?)"
                            + build_verb_alternation((*VISIT_VERBS, *HEARING_VERBS)))
_PLACE_LEAD_RE = re.compile(r"^(?:[^、，,。；;]{0,6}?)" + build_verb_alternation(PLACE_VERBS))
#: "2023年9月开工的A、B工程": a date may stand before the verb when 的 follows it.
_RELATIVE_LEAD_RE = re.compile(r"^(?:[^、，,。；;]{0,12}?)" + build_verb_alternation(LEAD_VERBS)
                               + RELATIVE_PARTICLE)
#: "A、B建成通车", "A、B等项目开工建设", "A、B等一批项目": what may follow a list.
_PROGRESS = (r"(?:" + build_verb_alternation(PROGRESS_SUBJECTS) + r")?"
             r"(?:" + "|".join(TRAIL_ADVERBS) + r")*" + build_verb_alternation(TRAIL_VERBS))
_GENERAL_TRAIL_RE = re.compile(
    r"(?:等(?:[\d一二三四五六七八九十]+[条个座所家处项])?(?:一批)?[^、]{0,10}?)?"
    + _PROGRESS + r"[^、]{0,6}$|等[^、]{0,16}$"
    # "…等一批重大项目也将在下半年陆续开工建设": the plan names them projects, then says when.
    r"|等[^、]{0,14}?(?:项目|工程|设施)[^、]{0,12}?" + _PROGRESS + r"[^、]{0,6}$"
    r"|" + COUNT_PROJECTS_TRAIL
)
#: A conjunction inside one list entry ("西环线北延建设及沿海中线奉化段拓宽与疏港高速").
_CONJ_RE = re.compile(r"以及|和|及|与")
#: Status words after a list member that are not part of its name ("…北延建设", "…共建").
_MEMBER_STATUS_RE = re.compile(r"(?:建设|共建)$")


def named_list(clause: str) -> list[tuple[int, int]] | None:
    """Spans of the named objects a clause lists, or None when it is not such a list.

    A list is two or more 、/和/及-separated names, each ending like a built thing or
    place (路, 中心, 地块 …, `lexicon.NAME_SUFFIXES`), opened by a common verb
    ("全面开工建设A、B和C") or closed by one ("A、B建成通车", "A、B等项目建设").
    """
    if BENEFICIARY_LEAD_RE.match(clause):
        return None
    visit = _VISIT_LEAD_RE.match(clause)
    topic = REPORT_TOPIC_RE.search(clause, visit.end()) if visit else None
    if topic:
        clause = clause[:topic.start()]  # "听取了A、B的进展情况、存在问题…": the matters end
    place = None if visit else _PLACE_LEAD_RE.match(clause)
    lead = visit or place or _RELATIVE_LEAD_RE.match(clause) or _GENERAL_LEAD_RE.match(clause)
    if lead and _WORKS_TAIL_RE.fullmatch(re.split(r"[、和及与]", clause[lead.end():], maxsplit=1)[0]):
        lead = None  # "由奉化中学迁建工程、…": the verb is inside the first name
    a = lead.end() if lead else len(MADE_OF_LEAD) if clause.startswith(MADE_OF_LEAD) else 0
    if lead and clause.startswith(RELATIVE_PARTICLE, a):
        a += len(RELATIVE_PARTICLE)  # "开工建设的尚勤路、…": the particle ends the verb phrase
    trail = _GENERAL_TRAIL_RE.search(clause, a)
    b = trail.start() if trail else len(clause)
    if (not lead and not trail) or b - a < 4 or EXAMPLE_CLAUSE_RE.search(clause):
        return None
    spans: list[tuple[int, int]] = []
    pieces = split_top_level(clause[a:b], "、", start=a)
    if not pieces:
        return None
    cut: list[tuple[int, int]] = []
    for pa, pb in pieces:
        cut += _split_conjunctions(clause, pa, pb)
    etc = bool(trail and _ETC_PROJECTS.match(trail.group(0)))
    # "…等一批项目相继开工": the plan calls the entries projects and says they are built.
    lenient = bool(trail and _ETC_WORKS.match(trail.group(0))
                   and re.search(_PROGRESS, trail.group(0))) or bool(visit)
    dropped = odd = parts_of = 0
    for k, (pa, pb) in enumerate(cut):
        pa, pb = trim_span(clause, pa, pb)
        part = PARTS_OF_RE.match(clause[pa:pb]) if k else None
        if part and spans and not _is_named_object(part.group("part")):
            parts_of += 1  # "A航站楼、跑道及相关配套设施": parts of the work before
            continue
        opening = LIST_OPENING_RE.match(clause[pa:pb]) if k == 0 else None
        if opening and pb - pa - opening.end() >= 2:
            pa += opening.end()  # "我区A、B…", "其中包括A、B…": the sentence's words
        verb = ENTRY_VERB_RE.match(clause[pa:pb])  # `^` anchors at the string, not at pos
        # "奉化中学迁建项目" opens with no verb: 迁建 is part of the name when all that is
        # left after it is a works word.
        if verb and pb - pa - verb.end() >= 2 and not _WORKS_TAIL_RE.fullmatch(
                clause[pa + verb.end():pb]):
            pa += verb.end()
        joins = CONNECT_WORDS_RE.search(clause, pa, pb) if k == 0 else None
        if joins and _is_named_object(clause[pa:joins.start()]):
            # "新建凤栖里路连接张柏路、柏银路": the rest of the list is what the road joins.
            return [trim_span(clause, pa, joins.start())]
        status = _MEMBER_STATUS_RE.search(clause, pa, pb)
        if status and status.start() - pa >= 2 and _is_named_object(clause[pa:status.start()]):
            pb = status.start()
        if not _is_named_object(clause[pa:pb], etc=etc):
            if place and AIM_WORDS_RE.search(clause[pa:pb]):
                dropped += 1  # "布局A、B目的地": the aim beside the placed site is no site
                continue
            if not lenient:
                odd += 1  # decided below, once the list's length is known
                continue
            dropped += 1  # the plan calls them projects: an entry that names none is skipped
            continue
        spans.append((pa, pb))
    # One odd entry in a long list the plan counts as projects ("A、…、浮临高速建设及通车
    # 准备情况、…八个项目") is dropped; anywhere else it shows the clause is prose.
    counted = bool(trail and re.search(COUNT_PROJECTS_TRAIL, trail.group(0)))
    if odd and (not counted or len(cut) < LONG_LIST_MIN or odd * 4 > len(cut)):
        return None
    if (dropped + odd) * 2 > len(cut):
        return None
    if (visit or place) and len(spans) == 1 and dropped:
        # One place left of a visited or placed pair: it must end like a built thing or site.
        core = STATUS_TAIL_RE.sub("", _PAREN_RE.sub("", clause[spans[0][0]:spans[0][1]]))
        return spans if SINGLE_SUFFIX_RE.search(core) and not AIM_WORDS_RE.search(core) else None
    return spans if len(spans) >= 2 or (spans and parts_of) else None


def _split_conjunctions(clause: str, pa: int, pb: int) -> list[tuple[int, int]]:
    """One 、-entry cut at 及/与/和/以及 wherever the part before names an object
    ("西环线北延建设及沿海中线奉化段拓宽与疏港高速(二期)" → three entries);
    "鄞州区模具和关键零部件制造产业园" stays whole because "鄞州区模具" names nothing, and
    "奉化中学和锦溪书院配套中央广场工程" because the part after 和 opens with a name and a
    verb of its own ("锦溪书院配套…"): the two names share that verb."""
    out: list[tuple[int, int]] = []
    a = pa
    for m in _CONJ_RE.finditer(clause, pa, pb):
        if m.start() < a + 2 or pb - m.end() < 2 or _inside_brackets(clause, a, m.start()):
            continue
        shared = ENTRY_VERB_RE.match(clause[m.end():pb])
        if shared and not ENTRY_VERB_FIRST_RE.match(clause, m.end(), pb) \
                and not _WORKS_TAIL_RE.fullmatch(clause[m.end() + shared.end():pb]):
            continue
        right = STATUS_TAIL_RE.sub("", _WORKS_TAIL_RE.sub("", clause[m.end():pb]))
        if WORKS_KIND_RE.match(right) or WITH_ITS_WORKS_RE.match(clause[m.end():pb]):
            continue  # "A路城市基础设施和道路改造项目": two kinds of works of one place
        left = clause[a:m.start()]
        core = _MEMBER_STATUS_RE.sub("", left) or left
        if _is_named_object(left) or _is_named_object(core):
            out.append((a, m.start()))
            a = m.end()
    out.append((a, pb))
    return out


def _inside_brackets(s: str, a: int, b: int) -> bool:
    """Whether position `b` of `s` is inside a bracket opened after `a`."""
    depth = 0
    for ch in s[a:b]:
        if ch in "(（“":
            depth += 1
        elif ch in ")）”" and depth:
            depth -= 1
    return depth > 0


def _is_named_object(piece: str, *, etc: bool = False) -> bool:
    """Whether `piece` names one built thing or site: a name ending ("…大桥", "…段改扩建"
    after its status word), or a quoted name ("“三江六岸”"), or any short name when the
    plan itself calls it a project ("荣芯半导体等项目", `etc`)."""
    bare = _PAREN_RE.sub("", piece)
    core = STATUS_TAIL_RE.sub("", bare) or bare
    quoted = bool(re.fullmatch(r"“[^“”]{2,12}”", bare) or QUOTED_WORKS_RE.fullmatch(bare))
    named = (_has_suffix(core) or bool(NAME_SUFFIX_RE.search(core)) or quoted
             or bool(NUMBERED_SCHOOL_RE.search(core))
             or (etc and 2 <= len(core) <= 16))
    return (2 <= len(piece) <= 30 and named and not PROSE_WORDS_RE.search(core)
            and not STRONG_PROSE_RE.search(core)
            and not WEAK_PROSE_RE.search(re.sub(r"发展区$", "", core))
            and not NOT_A_NAME_RE.search(core) and not _is_generic(core)
            and not COUNT_RE.match(core) and not SCOPE_RE.search(core))


#: "…等项目", "…等重大项目": the plan itself calls the entries projects.
_ETC_PROJECTS = re.compile(r"等(?:[^、，,。]{0,6}?)项目")
#: "…等一批重大民生基础设施相继开工": a wider word for what the entries are.
_ETC_WORKS = re.compile(r"等(?:[^、，,。]{0,14}?)(?:项目|工程|设施)")

_SINGLE_RE = re.compile(
    r"^(?:[^、，,。；;]{0,4}?)" + build_verb_alternation(SINGLE_BUILD_VERBS)
    + r"(?P<name>[^、，,。；;]{2,30}?)(?P<etc>等(?:[^、，,。；;]{0,4}?)项目[^、，,。；;]{0,8})?"
    r"(?:开发建设|项目建设|建设|项目)?$"
)


#: "甬矽芯片封测二期等项目加快推进": a name the plan calls a project, then what happens to it.
_ETC_SINGLE_RE = re.compile(
    r"^(?P<name>[^、，,。；;]{2,24}?)(?P<etc>等[^、，,。；;]{0,4}?项目)"
    r"(?:" + "|".join(TRAIL_ADVERBS) + r")*" + build_verb_alternation(TRAIL_VERBS) + r"$"
)


#: "清溪水库加速放量", "沿海南线拓宽工程总浦塘段先行进场施工": one name, then how far it is.
_PROGRESS_SINGLE_RE = re.compile(
    r"^(?P<name>[^、，,。；;：:]{2,30}?)等?" + PROJECT_COUNT_PHRASE + "?" + DATE_PHRASE
    + r"(?:" + build_verb_alternation(PROGRESS_SUBJECTS) + r")?"
    r"(?:" + "|".join(TRAIL_ADVERBS) + r")*" + build_verb_alternation(PROGRESS_VERBS) + r"$"
)
#: "在奉化中学迁建工程现场", "主现场设立在A项目": the site of a visit or a ceremony.
_VENUE_RE = re.compile(
    build_verb_alternation(VENUE_WORDS) + r"(?P<name>[^、，,。；;：:在]{2,30}?(?:项目|工程))"
    r"(?:" + build_verb_alternation(SITE_WORDS) + r")?$"
)
#: A works word after the name of what is built ("…段改扩建工程", "…中心项目").
_WORKS_TAIL_RE = re.compile(r"(?:改扩建|扩建|改建|拓宽|新建)?(?:工程|项目)$")


#: "加快大碶疏港高速门户区块基础设施建设步伐": the pace of one named work.
_PACE_SINGLE_RE = re.compile(
    r"^(?:[^、，,。；;]{0,4}?)(?:加快|加速|加紧)(?P<name>[^、，,。；;：:]{2,30}?)"
    r"(?:基础设施|配套设施)?(?:开发)?建设(?:步伐|进度|速度)$"
)


#: "曙光地块结合大红鹰地块改造和…", "7815地块完成拆迁和项目落地": a named site opens the
#: clause and what is done to it follows; the site it is combined with is named too.
_SUBJECT_RE = re.compile(
    r"^(?P<name>[^、，,。；;：:]{2,20}?)(?:结合(?P<with>[^、，,。；;：:]{1,16}?(?:地块|区块|片区))"
    r"(?=改造|开发|建设)|结合|完成)"
)
#: "培育万达广场成为30亿级综合体", "A、B等成为10亿级综合体".
_BECOME_RE = re.compile(r"^(?:[^、，,。；;]{0,4}?)(?P<names>[^，,。；;]{2,60}?)等?成为(?P<kind>[^、，,。；;]{1,14})$")


def subject_spans(clause: str) -> list[tuple[int, int]] | None:
    """Spans of named sites a clause is about, in the two forms above, else None."""
    m = _SUBJECT_RE.match(clause)
    if m:
        out = []
        for g in ("name", "with"):
            if m.group(g) is None:
                continue
            a, b = trim_span(clause, m.start(g), m.end(g))
            core = _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", clause[a:b]))
            if (AIM_WORDS_RE.search(core) or ENTRY_VERB_RE.match(clause[a:b])
                    or not SINGLE_SUFFIX_RE.search(core) or not _is_named_object(clause[a:b])):
                break
            out.append((a, b))
        return out or None
    m = _BECOME_RE.match(clause)
    if not m or not BECOME_KINDS_RE.search(m.group("kind")):
        return None
    out = []
    for a, b in split_top_level(m.group("names"), "、", start=m.start("names")):
        verb = ENTRY_VERB_RE.match(clause[a:b])
        if verb and b - a - verb.end() >= 2:
            a += verb.end()
        if not (2 <= b - a <= 12) or not _is_named_object(clause[a:b], etc=True):
            return None
        out.append((a, b))
    return out or None


#: "A项目焊装厂房、冲压厂房陆续封顶": a works name, its parts, then how far they are.
_PARTS_PROGRESS_RE = re.compile(
    r"^(?P<name>[^、，,。；;：:]{4,40}?(?:项目|工程))(?P<parts>(?:[^、，,。；;：:]{0,6}?"
    + build_verb_alternation(WORK_PART_WORDS) + r"、?)+)"
    r"(?:" + "|".join(TRAIL_ADVERBS) + r")*" + build_verb_alternation(PROGRESS_VERBS) + r"$"
)


def _parts_progress(clause: str) -> tuple[int, int] | None:
    m = _PARTS_PROGRESS_RE.match(clause)
    if not m or m.group("parts").endswith("、"):
        return None
    a, b = trim_span(clause, m.start("name"), m.end("name"))
    core = _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", clause[a:b]))
    if (len(core) < 4 or AIM_WORDS_RE.search(core) or ENTRY_VERB_FIRST_RE.match(clause[a:b])
            or VENUE_CLASS_RE.search(clause[a:b]) or COUNT_RE.match(core) or _is_generic(core)):
        return None
    return a, b


def _progress_single(clause: str) -> tuple[int, int] | None:
    m = _PROGRESS_SINGLE_RE.match(clause) or _PACE_SINGLE_RE.match(clause)
    if not m:
        return _venue(clause) or _parts_progress(clause)
    a, b = trim_span(clause, m.start("name"), m.end("name"))
    verb = ENTRY_VERB_RE.match(clause[a:b])  # "推动A等开门应诊", "确保A等主体结构封顶"
    if verb and b - a - verb.end() >= 2:
        a += verb.end()
    name = clause[a:b]
    # "城区老旧片区改造项目开工": the works words after the site are off before its ending is read.
    core = STATUS_TAIL_RE.sub("", _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", name))) or name
    # "古田“一台戏”项目": a quoted name the plan calls a project needs no built-thing ending.
    quoted_works = bool(_WORKS_TAIL_RE.search(name) and re.search(r"“[^“”]{2,12}”$", core))
    if ("、" in name or AIM_WORDS_RE.search(core) or ENTRY_VERB_RE.match(name)
            or not (SINGLE_SUFFIX_RE.search(core) or quoted_works)
            or not _is_named_object(name)):
        return _parts_progress(clause)  # "A项目主厂房封顶": the parts are no name
    return a, b


#: "在平昌县城市智慧公交(金宝客运枢纽站)建设现场": a site named by what is built there.
_VENUE_SITE_RE = re.compile(
    build_verb_alternation(VENUE_WORDS) + r"(?P<name>[^、，,。；;：:在]{2,30}?)(?:建设现场|施工现场)$"
)


def _venue(clause: str) -> tuple[int, int] | None:
    m = _VENUE_RE.search(clause)
    if m and VENUE_CLASS_RE.search(m.group("name")):
        return None  # "在某县重点项目建设现场": where the reporter went, not one work
    site = False
    if not m:
        m = _VENUE_SITE_RE.search(clause)
        if not m:
            return None
        name = m.group("name")
        # The built thing may be named only in brackets ("…公交(金宝客运枢纽站)").
        site = any(_is_named_object(x) and SINGLE_SUFFIX_RE.search(x)
                   for x in [_PAREN_RE.sub("", name), *_PAREN_RE.findall(name)])
        if not site or VENUE_CLASS_RE.search(name):
            return None
    a, b = trim_span(clause, m.start("name"), m.end("name"))
    name = clause[a:b]
    core = _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", name)) or name
    # No entry-verb test here: "奉化中学迁建工程" holds 迁建 inside its name.
    if AIM_WORDS_RE.search(core) or not (site or _is_named_object(name)):
        return None
    return a, b


#: "推进临空港新城综合管廊工程", "完成府河运动天地建设": one work the plan calls a work.
_WORKS_SINGLE_RE = re.compile(
    r"^(?:[^、，,。；;]{0,4}?)(?:" + build_verb_alternation(WORKS_NAME_VERBS)
    + "(?:" + INVESTMENT_PHRASE + ")?"
    + r"(?P<name>[^、，,。；;和及与]{2,30}?(?:工程|项目))|" + build_verb_alternation(WORKS_DONE_VERBS)
    + r"(?P<done>[^、，,。；;和及与]{4,24}?)建设)$"
)


def _works_single(clause: str) -> tuple[int, int] | None:
    m = _WORKS_SINGLE_RE.match(clause)
    if not m:
        return None
    g = "name" if m.group("name") else "done"
    a, b = trim_span(clause, m.start(g), m.end(g))
    name = clause[a:b]
    core = _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", name)) or name
    if (len(core) < 4 or AIM_WORDS_RE.search(core) or ENTRY_VERB_RE.match(name)
            or WORKS_SINGLE_NOT_RE.search(name)
            or not _is_named_object(name, etc=True)):
        return None
    return a, b


def named_single(clause: str) -> tuple[int, int] | None:
    """The span of the one named object a clause builds, opens or prepares, else None:
    "开工建设国际会议中心", "投用宁波院士中心", "推动荣芯半导体等项目提速放量"."""
    m = _SINGLE_RE.match(clause) or _ETC_SINGLE_RE.match(clause)
    if not m:
        return _progress_single(clause) or _works_single(clause)
    a, b = trim_span(clause, m.start("name"), m.end("name"))
    verb = ENTRY_VERB_RE.match(clause[a:b])
    if verb and b - a - verb.end() >= 2:
        a += verb.end()
    name = clause[a:b]
    etc = bool(m.group("etc"))
    core = STATUS_TAIL_RE.sub("", _PAREN_RE.sub("", name)) or name
    if ("、" in name or "和" in name or AIM_WORDS_RE.search(core)
            or not (etc or SINGLE_SUFFIX_RE.search(core))
            or not _is_named_object(name, etc=etc)):
        # "推动A等开门应诊": not a built name after the verb, but maybe one how far it is.
        return _progress_single(clause)
    return a, b


#: "凉唐公路改造完成投资2400万元", "A、B、C计划9月底建成通车": a progress report names the
#: works first, then how far they are.
_REPORT_RE = re.compile(r"^(?P<names>[^，,。；;：:]{2,80}?)(?=" + build_verb_alternation(REPORT_LEADS) + ")")


#: "完成1所乡镇卫生院主体工程建设": a count of unnamed works, not a name.
_REPORT_COUNT_RE = re.compile(r"[\d一二两三四五六七八九十]+\s*(?:所|个|座|条|项|家)")


def report_spans(clause: str) -> list[tuple[int, int]] | None:
    """Spans of the works a progress-report clause opens with, else None. Every 、-entry
    must end like a built thing, or be a works name ("县城电网改造工程") of four or more
    characters before its works word; one entry that does not makes the clause prose."""
    m = _REPORT_RE.match(clause)
    if not m or m.group("names").endswith(("等", "的")):
        return None
    spans = []
    entries = [(pa, pb) for pa, pb in (split_top_level(clause, "、", start=0) if "、" in m.group("names")
               else [(0, m.end("names"))]) if pa < m.end("names")]
    for k, (pa, pb) in enumerate(entries):
        pa, pb = trim_span(clause, pa, min(pb, m.end("names")))
        if k < len(entries) - 1 and SHORT_EXTENT_RE.fullmatch(clause[pa:pb]):
            la, lb = trim_span(clause, entries[-1][0], min(entries[-1][1], m.end("names")))
            if "至" in clause[la:lb] and SINGLE_SUFFIX_RE.search(clause[la:lb]):
                spans.append((pa, pb))  # "南昌至宁都、…至上栗高速公路": the ending is shared
                continue
        part = WORK_PART_TAIL_RE.search(clause, pa, pb)
        if part:
            pb = part.start()
        piece = clause[pa:pb]
        works = _WORKS_TAIL_RE.search(piece)
        core = STATUS_TAIL_RE.sub("", _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", piece)))
        # A status word may end the entry ("凉唐公路改造"), so only a verb opening it counts.
        if ((len(piece) < 4 and not NUMBERED_LINE_RE.match(piece)) or ENTRY_VERB_FIRST_RE.match(piece) or AIM_WORDS_RE.search(core)
                or _REPORT_COUNT_RE.search(piece)
                or VENUE_CLASS_RE.search(piece) or _is_generic(core)
                or piece.count("“") != piece.count("”")
                # a works name with no built-thing ending must not hold a stage or a verb
                # ("其中建成投产项目", "计划新开工项目" are classes of projects)
                or not (SINGLE_SUFFIX_RE.search(core) or (
                    works and len(core) >= 4 and not ENTRY_VERB_FIRST_RE.search(core)
                    and not COUNT_RE.match(core) and not core.startswith(REPORT_LEADS)))
                or not _is_named_object(piece)):
            return None
        spans.append((pa, pb))
    return spans or None


def bare_list(clause: str) -> list[tuple[int, int]] | None:
    """Spans of a clause that is nothing but names ("石首长江大桥、洪湖嘉鱼长江大桥"), read
    only where a list goes on past a comma ("加快推进A、B,C、D,E等项目建设"), else None."""
    pieces = split_top_level(clause, "、")
    if not pieces or len(pieces) < 2:
        return None
    spans = []
    for pa, pb in pieces:
        pa, pb = trim_span(clause, pa, pb)
        piece = clause[pa:pb]
        core = STATUS_TAIL_RE.sub("", _PAREN_RE.sub("", piece)) or piece
        if (ENTRY_VERB_RE.match(piece) or AIM_WORDS_RE.search(core)
                or not SINGLE_SUFFIX_RE.search(core) or not _is_named_object(piece)):
            return None
        spans.append((pa, pb))
    return spans


def counted_list(clause: str, count: int | None) -> list[tuple[int, int]] | None:
    """Spans of "即A、B、…" after a count of projects, else None: the entries must be as many
    as counted and each a short name (the plan has called them projects), none opening
    with a verb."""
    a = len(COUNTED_OPENING)
    pieces = [trim_span(clause, pa, pb) for pa, pb in split_top_level(clause[a:], "、", start=a)]
    if count is None or len(pieces) != count or count < 2:
        return None
    for pa, pb in pieces:
        if ENTRY_VERB_RE.match(clause[pa:pb]) or not _is_named_object(clause[pa:pb], etc=True):
            return None
    return pieces


def _is_generic(name: str) -> bool:
    """"科技孵化园", "快速路", "产业园区": a kind of thing, not one named object."""
    rest = GENERIC_MODIFIER_RE.sub("", name)
    return not rest or bool(NAME_SUFFIX_RE.fullmatch(rest)) or rest in ("场馆", "设施", "项目")


def _general_lists(text: str, offset: int) -> list[list[_Part]]:
    """Every clause of `text` that `named_list` reads as a list, as parts."""
    out = []
    listing = False  # whether the clause before, up to a comma, was a list
    for a, b in split_top_level(text, "。；;，,：:"):
        number = ITEM_NUMBER_RE.match(text, a, b) if not text[:a].strip() else None
        if number:  # "1、确保A、B等15条道路开工建设": the item number opens the line
            a = number.end()
        opening = CLASS_OPENING_RE.match(text, a, b)
        if opening and b - opening.end() >= 4:
            a = opening.end()  # "62个续建项目中A…": the class is no name, the works after it are
        go_on = listing and a > 0 and text[a - 1] in "，,"
        counted = COUNTED_BEFORE_RE.search(text, 0, a - 1) if a > 0 and text[a - 1] in "，,：:" else None
        if counted and text.startswith(COUNTED_OPENING, a):
            spans = counted_list(text[a:b], cn_number(counted.group("n")))
            if spans:
                out.append([_Part(a + pa + offset, a + pb + offset, "") for pa, pb in spans])
                listing = True
                continue
        spans = named_list(text[a:b]) or (bare_list(text[a:b]) if go_on else None)
        listing = bool(spans and len(spans) >= 2)
        if not spans:
            one = named_single(text[a:b])
            spans = [one] if one else subject_spans(text[a:b]) or report_spans(text[a:b])
        if spans:
            verb_m = _GENERAL_LEAD_RE.match(text, a, b)
            verb = verb_m.group(0) if verb_m else ""
            out.append([_Part(a + pa + offset, a + pb + offset, verb) for pa, pb in spans])
    return out


#: "工业项目领域方面，": the topic a described-projects segment may open with.
_TOPIC_LEAD_RE = re.compile(r"^[^，,；;。]{1,16}?(?:方面|领域)[，,]")
#: A segment that opens with a project's name, then says what it is.
_DESCRIBED_RE = re.compile(
    r"(?P<name>[^，,。；;：:、]{2,32}?(?:项目|工程))(?=[，,]|"
    + build_verb_alternation(DESCRIPTION_WORDS) + r")"
)


def described_projects(sentence: str) -> list[tuple[int, int]] | None:
    """Spans of the projects a sentence describes one after another, else None:
    "…方面，A项目占地面积196亩，…；B项目，总建筑面积…；C工程涉及13个镇…" names A, B, C.

    Two or more ；-separated segments must each open with a name ending in 项目/工程
    followed by a comma or a description word (`lexicon.DESCRIPTION_WORDS`), so one
    "X工程是…" sentence in prose is not taken for a list.
    """
    spans = []
    segments = split_top_level(sentence, "；;")
    for a, b in segments:
        lead = _TOPIC_LEAD_RE.match(sentence, a, b)
        start = lead.end() if lead else a
        m = _DESCRIBED_RE.match(sentence, start, b)
        if not m:
            continue
        na, nb = trim_span(sentence, m.start("name"), m.end("name"))
        name = sentence[na:nb]
        core = _WORKS_TAIL_RE.sub("", _PAREN_RE.sub("", name))
        if (len(core) < 2 or COUNT_RE.match(core) or NOT_A_NAME_RE.search(core)
                or PROSE_WORDS_RE.search(core) or STRONG_PROSE_RE.search(core)
                or ENTRY_VERB_RE.match(core) or _is_generic(core)):
            continue
        spans.append((na, nb))
    if len(spans) < 2 or len(spans) * 2 < len(segments):
        return None
    return spans


# --- 一览表 tables ----------------------------------------------------------------

def _table_projects(ctx: _Ctx, table: TableRegion) -> None:
    text = ctx.text
    cells = line_cells(text, table)
    values = [display_text(text[c.start:c.end]) for c in cells]
    try:
        first = values.index("1")
    except ValueError:
        ctx.problems.append(_problem(ctx, table.title_start, table.title_end,
                                     f"{table.label}: no row numbered 1"))
        return
    header = values[:first]
    k = 1
    p: int | None = first  # the cell holding row number k; None after the last row
    while p is not None:
        nxt = _next_seq(values, k + 1, p + 1)
        stop = nxt if nxt is not None else len(values)
        row_cells = [c for c in cells[p + 1:stop] if text[c.start:c.end].strip()]
        _table_row(ctx, table, header, k, cells[p], row_cells)
        k, p = k + 1, nxt


def _next_seq(values: list[str], k: int, start: int) -> int | None:
    for i in range(start, len(values)):
        if values[i] == str(k):
            return i
    return None


def _table_row(ctx: _Ctx, table: TableRegion, header: list[str], k: int, seq_cell: Cell,
               cells: list[Cell]) -> None:
    text = ctx.text
    vals = [display_text(text[c.start:c.end]) for c in cells]
    if len(vals) < 2:
        ctx.problems.append(_problem(ctx, seq_cell.start, cells[-1].end if cells else seq_cell.end,
                                     f"{table.label}: row {k} has fewer than two cells"))
        return
    name = vals[0].strip("“”")
    lead_i = len(vals) - 1 if re.search(r"牵头|配合|负责", vals[-1]) else None
    lead = vals[lead_i] if lead_i is not None else ""
    middle = vals[1:lead_i] if lead_i is not None else vals[1:]
    years = [v for v in middle if _YEAR_CELL.match(v)]
    others = [v for v in middle if not _YEAR_CELL.match(v)]
    places = [re.split(r"[:;：；]", v, maxsplit=1)[1].strip() for v in others
              if re.match(r"地点\s*[:;：；]", v)]
    if "开工年" in header:
        content, status = (others[0] if others else ""), " ".join(others[1:])
    else:
        content, status = " ".join(others), ""
    end = cells[-1].end
    rec = _add(ctx, box=table.label, box_title=table.title, start=seq_cell.start, end=end,
               name=name, group="", content=content, lead_unit=lead,
               start_year=years[0] if years else "", end_year=years[1] if len(years) > 1 else "",
               status=status, context=content[:30], source="一览表 row", id_num=k)
    if places:
        rec["places"] = "|".join([*rec["places"].split("|"), *places])
    # Named objects inside a row's cells ("建设华师大宁波艺术实验学校") become its children.
    for c in cells[1:lead_i] if lead_i is not None else cells[1:]:
        ctx.deferred.append((table, rec, text[c.start:c.end], c.start, set()))


# --- body text ---------------------------------------------------------------------

def _body_projects(ctx: _Ctx, skip: list[tuple[int, int]]) -> None:
    known = {r["name"] for r in ctx.rows}
    text = ctx.text
    for line in iter_lines(text):
        if any(a <= line.start < b for a, b in skip) or len(line.clean) < 20:
            continue
        for parts in _embedded_lists(line.raw, line.start, body=True):
            fresh = []
            for p in parts:
                name = parse_extent(display_text(text[p.start:p.end]))[0]
                if name not in known:
                    fresh.append(p)
                    known.add(name)
            if fresh:
                _emit_parts(ctx, None, fresh, group="", box_label="正文", box_title="",
                            source="body text")
    _deferred_children(ctx)
    # Second pass, numbered after the first so earlier record ids stay: lists the
    # general rule reads ("全面开工建设A、B和C", "A、B建成通车").
    taken = [(r["start"], r["end"]) for r in ctx.rows]
    for line in iter_lines(text):
        if any(a <= line.start < b for a, b in skip) or (
                len(line.clean) < 12 and not ITEM_NUMBER_RE.match(line.clean)):
            continue  # a short line is a heading or caption, unless it is a numbered item
        for parts in _general_lists(line.raw, line.start):
            fresh = []
            for p in parts:
                name = parse_extent(display_text(text[p.start:p.end]))[0]
                if name in known or any(a < p.end and p.start < b for a, b in taken):
                    continue
                fresh.append(p)
                known.add(name)
            if fresh:
                _emit_parts(ctx, None, fresh, group="", box_label="正文", box_title="",
                            source="body text (general rule)")
    # Third pass, numbered after the others: sentences that describe projects one by one.
    taken = [(r["start"], r["end"]) for r in ctx.rows]
    for line in iter_lines(text):
        if any(a <= line.start < b for a, b in skip) or len(line.clean) < 40:
            continue
        for sa, sb in split_top_level(line.raw, "。"):
            spans = described_projects(line.raw[sa:sb])
            fresh = []
            for pa, pb in spans or ():
                a, b = line.start + sa + pa, line.start + sa + pb
                name = display_text(text[a:b])
                if name in known or any(x < b and a < y for x, y in taken):
                    continue
                fresh.append(_Part(a, b, ""))
                known.add(name)
            if fresh:
                _emit_parts(ctx, None, fresh, group="", box_label="正文", box_title="",
                            source="body text (described one by one)")


# --- records -----------------------------------------------------------------------

def _add(ctx: _Ctx, *, box: str, box_title: str, start: int, end: int, name: str,
         group: str, context: str, source: str, content: str = "", extent_from: str = "",
         extent_to: str = "", lead_unit: str = "", start_year: str = "", end_year: str = "",
         status: str = "", parent_id: str = "", id_num: int | None = None) -> dict:
    start, end = trim_span(ctx.text, start, end)
    n = ctx.counters.get(box, 0) + 1
    ctx.counters[box] = n
    rec: dict = {
        "id": f"{ctx.doc_id}/{box}/{id_num if id_num is not None else n:02d}",
        "doc_id": ctx.doc_id,
        "section_path": ctx.index.path_at(start),
        "start": start,
        "end": end,
        "quote": ctx.text[start:end],
        "name": name,
        "category": category_for(_PAREN_RE.sub("", name), context=context,
                                 context_first=source in ("专栏 item", "专栏 list")),
        "box": box,
        "box_title": box_title,
        "group": group,
        "extent_from": extent_from,
        "extent_to": extent_to,
        "lead_unit": lead_unit,
        "content": content,
        "start_year": start_year,
        "end_year": end_year,
        "status": status,
        "district_adcode": ctx.adcode,
        "places": "",
        "parent_id": parent_id,
        "source": source,
    }
    rec["places"] = "|".join(places_of(name, extent_from, extent_to, category=rec["category"]))
    rec["record_type"] = record_type(name, category=rec["category"])
    rec["summary"] = summary(rec)
    ctx.rows.append(rec)
    return rec


def summary(rec: dict) -> str:
    """The record as a reader should see it: its name, then its content, then years and lead
    unit ("5号线一期鄞州段 — 区城市开发… （2016–2022） · 牵头：区交通局"), never the row
    number or bare year cells of a table line (those stay in `quote`, the exact text)."""
    name = rec["name"].strip()
    content = display_text(rec.get("content") or "").strip()
    parts = [name]
    if content and content != name and not content.startswith(name):
        parts.append(content)
    text = " — ".join(parts)
    years = [y for y in (rec.get("start_year"), rec.get("end_year")) if y]
    if years:
        text += f"（{'–'.join(years)}）"
    if rec.get("lead_unit"):
        text += f" · 牵头：{rec['lead_unit']}"
    return text


def actual_projects(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that are projects or programmes, not targets ("六倍增", "…比重力争达4%").

    A box lists targets beside its projects; a citizen asking what is planned near
    them, or a planner toggling project layers, must not be shown a target as a
    project. Frames without `record_type` (older stores) are returned whole.
    """
    if "record_type" not in frame.columns:
        return frame
    return frame[frame["record_type"].astype(str) != "target"]


def _status(text: str) -> str:
    m = _STATUS_RE.search(text or "")
    return m.group(1) if m else ""


def _problem(ctx: _Ctx, start: int, end: int, reason: str) -> Problem:
    start, end = trim_span(ctx.text, start, end)
    return Problem(ctx.doc_id, start, end, ctx.text[start:end], reason)
