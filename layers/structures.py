"""Spatial structures the plans define: "一带两轴三核四片", "一核四城六空间", "一环五片", …

A structure code is read by its grammar: count + noun groups ("一核", "四城", "六空间"),
each group's members found nearby — after its own marker ("“两核”即…", "“三区”分别为…",
"“两带”：" and numbered items), in the clauses right after the code (entries ending
with the group's noun), or in a list just before the code ("由A、B、C构成的“…”").
The count is a check: a list that does not match it is a Problem, not records. Lists
a plan counts with "N大…" ("十大特色区块：…", "…等四大核心商圈") are read the same way.
A few wordings no grammar reads stay as `SPECS`, each with its reason. Every element
is one record whose quote is the plan's text. A quoted code whose parts are never
listed ("四横十纵") is recorded with `spelled_out=False` and no members.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import opencc
import pandas as pd

from layers.lexicon import (
    BULLETS,
    ITEM_NUMBER_RE,
    CN_NUMERAL,
    SPATIAL_NOUNS,
    STRUCTURE_COUNT_TAIL_RE,
    STRUCTURE_DESCRIPTION_OPENERS,
    STRUCTURE_ENUM_WORDS,
    STRUCTURE_EXAMPLES_TAIL_RE,
    STRUCTURE_ORDER_VERBS,
    STRUCTURE_EXTRA_NOUNS,
    STRUCTURE_GLOSS_VERBS,
    STRUCTURE_ONE_LEAD_VERBS,
    STRUCTURE_PROCESS_SUFFIXES,
    STRUCTURE_ITEM_VERBS,
    STRUCTURE_LEAD_PREPOSITIONS,
    STRUCTURE_LIST_JOINERS,
    STRUCTURE_CODE_VERBS,
    STRUCTURE_MADE_OF_RE,
    STRUCTURE_NAME_VERBS,
    STRUCTURE_RENEWAL_VERBS,
    STRUCTURE_VERBS,
    build_verb_alternation,
    cn_number,
)
from layers.projects import Box, find_boxes
from layers.sections import SectionIndex, sections_from_text
from layers.text import PROVENANCE_COLUMNS, Problem, display_text, iter_lines, split_top_level, trim_span

STRUCTURE_COLUMNS: list[str] = [
    *PROVENANCE_COLUMNS,
    "structure", "part", "name", "kind", "role", "members", "spelled_out", "district_adcode",
]

_VERB_PREFIX = "^" + build_verb_alternation(STRUCTURE_NAME_VERBS)
_RENEWAL = build_verb_alternation(STRUCTURE_RENEWAL_VERBS)


@dataclass(frozen=True)
class Spec:
    """How to read one part of a structure from one plan.

    `mode` says how the text matched by `pattern` becomes elements:
    "list" (group `list`, one element per 、-entry), "one" (the whole match is
    one element named by group `name` or the part), "pieces" (`piece` regex run
    over group `body`), "sentences" (sentences of group `body` opening with a
    name that matches `piece`), "box" (items of the 专栏 box whose title names the
    structure or, quoted, the part).

    A spec names no document: it applies to every plan whose text has its wording.
    """

    structure: str
    part: str
    kind: str
    pattern: str = ""
    mode: str = "list"
    piece: str = ""
    box: str = ""


#: Wordings the grammar does not read, one spec each. Every one is here because its
#: plan gives the part's members in a shape with no count check or no marker the
#: grammar knows; none names a place (the members come out of the plan's text).
SPECS: tuple[Spec, ...] = (
    # “一带”引领。 / “两轴”带动。 / “三核”引擎。 / “四片”支撑。: each marker is followed by a
    # two-character slogan and a full stop, not an enumeration word; the belt's members sit
    # inside a verb phrase (发挥A和B滨水资源优势) and the axes' list runs into its role
    # (放大A、B对区域功能布局、资源优化配置…), so a count check of 2 fails on it. 三核 and
    # 四片 alone could be read once a slogan marker is accepted, but a structure is read
    # whole, by the grammar or by its specs (record numbers run across its parts).
    Spec("一带两轴三核四片", "一带", "belt",
         r"“一带”引领。(?P<role>发挥(?P<members>[^，,]+?和[^，,]+?)滨水资源优势[^\n]*)", "one"),
    Spec("一带两轴三核四片", "两轴", "axis",
         r"“两轴”带动。(?P<role>放大(?P<list>[^，,对]+)[^\n]*)"),
    Spec("一带两轴三核四片", "三核", "core",
         r"“三核”引擎。(?P<role>聚焦“(?P<list>[^”]+)”[^\n]*)"),
    Spec("一带两轴三核四片", "四片", "zone", r"“四片”支撑。(?P<body>[^\n]*)", "pieces",
         piece=r"(?P<name>[^。，,]{2,8}片)(?:主要)?包括(?P<members>[^，,]+)"),
    # 三港三城: the plan names the code once (依托“三港三城”战略平台) and spells out the
    # three cities as section-opening sentences (塑能中心城。…) pages later, far past any
    # enumeration near the code; the ports are never listed in the 纲要.
    Spec("三港三城", "三港", "core", r"依托“三港三城”战略平台", "one"),
    Spec("三港三城", "三城", "core",
         rf"(?m)^{_RENEWAL}(?P<name>[^。\n]{{2,4}}城)。(?P<role>[^\n]*)", "one"),
    # A box whose title names the blocks (no count in the title to check items against).
    Spec("“十四五”重点开发建设区块", "", "block", mode="box"),
    # The 政府工作报告 gives 三城 and 三港 as sentences each opening with its member, under
    # their own headings (启动“三城”会战。 / 加快“三港”建设。); it names the code only once,
    # reversed (“三城三港”), so the grammar would file them under another structure than the
    # 纲要's 三港三城 and the two documents' parts would no longer be one structure.
    Spec("三港三城", "三城", "core",
         r"启动“三城”会战。(?P<body>[^\n]*)", "sentences",
         piece=rf"{_RENEWAL}(?P<name>[^，。]{{2,4}}城)"),
    Spec("三港三城", "三港", "core",
         r"加快“三港”建设。(?P<body>[^\n]*)", "sentences", piece=r"(?P<name>[^，。]{1,4}港)"),
    # 城市发展主轴 has no count; its three belts are given as "strategy word—belt" pairs.
    Spec("拥江揽湖滨海城市发展主轴", "主轴", "axis",
         r"城市发展主轴自西向东(?P<role>[^\n]*?串联起(?P<members>[^，,]+)[^。]*)", "one"),
    Spec("拥江揽湖滨海城市发展主轴", "三带", "belt",
         r"从西向东分别为(?P<list>[^，,。]+)，是[^，,。]{0,6}“拥江揽湖滨海”战略"),
    # 六大通道: the plan lists four of the six (…等交通“六大通道”), so the count check
    # rejects the list; this spec keeps the four the plan does name.
    Spec("六大通道", "六大通道", "line",
         r"加快推进(?P<list>[^，,。；;]+?)等交通“六大通道”"),
)

_NUMERAL = CN_NUMERAL
_SPATIAL_NOUN = SPATIAL_NOUNS + STRUCTURE_EXTRA_NOUNS
_QUOTED_RE = re.compile(r"“([^“”]{2,24})”")
_NOT_STRUCTURES = {"一带一路"}
_PLACE_SUFFIX = re.compile(
    r"(?:区|街道|镇|新城|站|湖|路|地块|滨水区|岸|园|基地|村|山|江|河|港|TOD|镇区|社区|中心|片)$"
)


@dataclass
class _Ctx:
    doc_id: str
    text: str
    adcode: str
    index: SectionIndex
    rows: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def structures_from_plan(
    *, plan_id: str, text: str, adcode: str = "", sections: pd.DataFrame | None = None,
    problems: list | None = None,
) -> pd.DataFrame:
    """Every spatial structure element a plan defines, plus named-only structures."""
    sections = sections if sections is not None else sections_from_text(text, doc_id=plan_id)
    ctx = _Ctx(plan_id, text, adcode, SectionIndex(sections))
    found: dict[tuple[str, str], bool] = {}
    for spec in SPECS:
        key = (spec.structure, spec.part)
        found[key] = _apply(ctx, spec) or found.get(key, False)
    for (structure, part), ok in found.items():
        if not ok and structure.replace("、", "") in text.replace("、", ""):
            at = text.find(structure)
            ctx.problems.append(Problem(
                plan_id, max(at, 0), max(at, 0) + len(structure) if at >= 0 else 0,
                structure if at >= 0 else "",
                f"structure {structure}: part {part} is not listed in a wording the rules read"))
    _read_by_grammar(ctx)
    if problems is not None:
        problems.extend(ctx.problems)
    return pd.DataFrame(ctx.rows, columns=STRUCTURE_COLUMNS)


def _read_by_grammar(ctx: _Ctx) -> None:
    simple = _simplified(ctx.text)
    if simple is None:
        _grammar_parts(ctx)
        _ordered_codes(ctx)
        _counted_lists(ctx)
        _named_only(ctx)
        return
    # The grammar's nouns and glosses are simplified words; a page kept in traditional
    # characters is read in its simplified form, which has the same offsets, and every
    # string recorded is then cut back out of the page as it stands.
    sctx = _Ctx(ctx.doc_id, simple, ctx.adcode, ctx.index, ctx.rows, [])
    first = len(ctx.rows)
    _grammar_parts(sctx)
    _ordered_codes(sctx)
    _counted_lists(sctx)
    _named_only(sctx)

    def back(s: str) -> str:
        at = simple.find(s)
        return ctx.text[at:at + len(s)] if s and at >= 0 else s

    for n, row in enumerate(ctx.rows[first:], start=first):
        structure = back(row["structure"])
        same = sum(1 for r in ctx.rows[:n] if r["structure"] == structure) + 1
        row.update(
            id=f"{ctx.doc_id}/{structure}/{same:02d}", structure=structure,
            part=back(row["part"]), name=back(row["name"]), role=back(row["role"]),
            quote=ctx.text[row["start"]:row["end"]],
            members="|".join(back(m) for m in row["members"].split("|")) if row["members"] else "")
    ctx.problems += [Problem(p.doc_id, p.start, p.end, ctx.text[p.start:p.end], p.reason)
                     for p in sctx.problems]


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str | None:
    """The text in simplified characters when it is written in traditional ones, else None.

    A simplified plan may hold a stray traditional form (著); only a text where at least
    one character in 50 changes is taken as traditional, and only when converting keeps
    every offset (OpenCC maps these characters one to one).
    """
    simple = _t2s().convert(text)
    if len(simple) != len(text):
        return None
    changed = sum(a != b for a, b in zip(text, simple, strict=True))
    return simple if changed * 50 >= len(text) else None


def split_members(text: str) -> list[str]:
    """"文教、甬江、庄桥以及洪塘部分区块" → ["文教", "甬江", "庄桥", "洪塘部分区块"]."""
    out = []
    for a, b in split_top_level(text, "、，,"):
        for piece in re.split(r"以及|和|及|到", text[a:b]):
            piece = re.sub(_VERB_PREFIX, "", piece.strip()).strip("“”")
            if piece:
                out.append(piece)
    return out


# --- applying specs ----------------------------------------------------------------

def _apply(ctx: _Ctx, spec: Spec) -> bool:
    """Apply one spec; False when its wording is not in the text."""
    if spec.mode == "box":
        return _box_elements(ctx, spec)
    matches = list(re.finditer(spec.pattern, ctx.text))
    if not matches:
        return False
    for m in matches if spec.mode == "one" else matches[:1]:
        if spec.mode == "one":
            _one(ctx, spec, m)
        elif spec.mode == "list":
            _list(ctx, spec, m)
        elif spec.mode == "pieces":
            _pieces(ctx, spec, m)
        elif spec.mode == "sentences":
            _sentences(ctx, spec, m)
    return True


def _one(ctx: _Ctx, spec: Spec, m: re.Match[str]) -> None:
    groups = m.groupdict()
    name = groups.get("name") or spec.part
    members = split_members(groups["members"]) if groups.get("members") else []
    role = display_text(groups.get("role") or "")
    spelled = bool(members) or bool(groups.get("name"))
    _add(ctx, spec, m.start(), m.end(), name=name, role=role,
         members=members or ([name] if groups.get("name") else []), spelled_out=spelled)


def _list(ctx: _Ctx, spec: Spec, m: re.Match[str]) -> None:
    base = m.start("list")
    role = display_text(m.groupdict().get("role") or "")
    spelled = not spec.part.startswith("六空间")
    for a, b in split_top_level(m.group("list"), "、，,", start=base):
        for sa, sb in _split_and(ctx.text, a, b):
            raw = ctx.text[sa:sb]
            name = re.sub(_VERB_PREFIX, "", raw).strip("“”")
            ext = re.search(r"[（(]([^（）()]+)[)）]", name)
            members = [name]
            if ext:
                name = name[:ext.start()]
                members = [p for p in re.split(r"[-—]", ext.group(1)) if p]
            if "—" in name:  # "拥江—奉化江滨江带": strategy word, then the belt
                name = name.split("—", 1)[1]
                members = [name]
            _add(ctx, spec, sa, sb, name=name, role=role,
                 members=members if spelled else [], spelled_out=spelled)


def _split_and(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split "都市生态农业区、林特休闲产业区和滨海休闲水产区"'s last entry at 和."""
    seg = text[a:b]
    m = re.search(r"和", seg)
    if m and m.start() >= 2 and len(seg) - m.end() >= 2 and "（" not in seg:
        return [(a, a + m.start()), (a + m.end(), b)]
    return [(a, b)]


def _pieces(ctx: _Ctx, spec: Spec, m: re.Match[str]) -> None:
    body_start = m.start("body")
    body = m.group("body")
    found = list(re.finditer(spec.piece, body))
    for i, p in enumerate(found):
        start = body_start + p.start()
        end = body_start + (found[i + 1].start() if i + 1 < len(found) else len(body))
        name = p.group("name").strip("，,。 ")
        groups = p.groupdict()
        if groups.get("members"):
            members = split_members(groups["members"])
        else:
            members = [name]
        role = display_text(groups.get("role") or ctx.text[start:end])
        _add(ctx, spec, start, end, name=name, role=role, members=members, spelled_out=True)


def _sentences(ctx: _Ctx, spec: Spec, m: re.Match[str]) -> None:
    body_start = m.start("body")
    body = m.group("body")
    for a, b in split_top_level(body, "。"):
        sentence = body[a:b]
        p = re.match(spec.piece, sentence)
        if not p:
            continue
        name = p.group("name")
        members = _places_in(sentence) or [name]
        _add(ctx, spec, body_start + a, body_start + b, name=name,
             role=display_text(sentence), members=members, spelled_out=True)


@lru_cache(maxsize=8)
def _boxes(text: str) -> tuple[Box, ...]:
    """The text's 专栏 boxes, found once per text: several readers ask for them."""
    return tuple(find_boxes(text))


def _box_elements(ctx: _Ctx, spec: Spec) -> bool:
    boxes = [b for b in _boxes(ctx.text)
             if spec.structure in b.title or f"“{spec.part}”" in b.title]
    if not boxes:
        return False
    box = boxes[0]
    if not spec.part:  # the part is the box itself: named by its label ("专栏N")
        spec = Spec(spec.structure, box.label, spec.kind, spec.pattern, spec.mode, spec.piece)
    _emit(ctx, spec, _Found(box.body_start, box.body_end, _box_items(ctx.text, box)))
    return True


_ITEM_NAME_END = build_verb_alternation(STRUCTURE_ITEM_VERBS)


def _box_items(text: str, box: Box) -> list[_Member]:
    """The bulleted items of a 专栏 box, each named by its words before "：" or its first verb."""
    out = []
    for line in iter_lines(text, box.body_start, box.body_end):
        clean = line.clean
        if not re.match(r"[◆·•]", clean):
            continue
        start, end = trim_span(text, line.start, line.end)
        body = re.sub(r"^[◆·•]\s*", "", clean)
        m = re.match(r"(?P<name>[^:：，,]{2,16})[:：]", body)
        if m:
            name = m.group("name").strip("“”")
        else:
            lead = re.match(rf"(.{{2,10}}?){_ITEM_NAME_END}", body)
            name = lead.group(1) if lead else body[:10]
        out.append(_Member(name, start, end, (name,), role=display_text(body)))
    return out


def _places_in(sentence: str) -> list[str]:
    """Place-like entries of the 、-lists in a sentence, as written."""
    out: list[str] = []
    for a, b in split_top_level(sentence, "，,；;"):
        clause = sentence[a:b]
        if "、" not in clause and "和" not in clause:
            continue
        clause = re.sub(r"^(?:加快推进|加快|推进|建设|以|促进|统筹|重点推进|谋划)", "", clause)
        clause = re.sub(r"(?:等|开发建设|建设|为重点).*$", "", clause)
        for piece in split_members(clause):
            piece = piece.strip()
            if (2 <= len(piece) <= 14 and _PLACE_SUFFIX.search(piece) and piece not in out
                    and not re.search(r"成为|打造|实现|推进|建设", piece)):
                out.append(piece)
    return out


# --- structure codes read by their grammar ----------------------------------------

#: What kind of part each noun of a code names.
_NOUN_KIND = {"核": "core", "心": "core", "极": "core", "港": "core", "带": "belt", "轴": "axis",
              "环": "ring", "线": "line", "廊": "line", "通道": "line", "横": "line", "纵": "line",
              "片": "zone", "区": "zone", "城": "zone", "空间": "zone", "组团": "zone", "块": "block",
              "圈": "zone", "湾": "zone", "郊": "zone", "园": "zone", "基地": "zone",
              "翼": "zone", "体": "zone", "路": "axis", "脉": "line"}
_ENUM_WORDS = build_verb_alternation(STRUCTURE_ENUM_WORDS)
_VERBS = build_verb_alternation(STRUCTURE_VERBS)
#: A verb opening a clause or a first entry, after a few words of manner ("沿轴线自西北向东南依次").
#: "以" only where the entry starts: inside an entry it opens the role ("保护区以…为主导功能").
_LEAD_VERB_RE = re.compile(  # used with .match(text, pos), so no "^"
    rf"[^、，,。]{{0,12}}?{_VERBS}|{build_verb_alternation(STRUCTURE_LEAD_PREPOSITIONS)}")
#: "以A到B为主要发展轴线": A to B is what serves as the part.
_JOINERS = STRUCTURE_LIST_JOINERS
_SERVES_AS_RE = re.compile(r"^以(?P<what>.+?)为(?P<as>.+)$")
_GRAMMAR_WINDOW = 4000
_NOUN_ENDS = "".join(sorted({n[-1] for n in SPATIAL_NOUNS}))


@dataclass(frozen=True)
class _Member:
    """One named member of a group: its name, its span, and the places it stands for."""

    name: str
    start: int
    end: int
    members: tuple[str, ...]
    #: False when the plan describes the member but never names it ("“一核”是要…").
    spelled: bool = True
    #: The member's own words (a box item's body); empty: the clause that lists it.
    role: str = ""


@dataclass(frozen=True)
class _Found:
    """A group's members and the clause that lists them (the role)."""

    start: int
    end: int
    members: list[_Member]


def code_groups(code: str, *, min_groups: int = 2) -> list[tuple[int, str]]:
    """"一核四城六空间" → [(1, "一核"), (4, "四城"), (6, "六空间")]; [] when not a code."""
    key = code.replace("、", "")
    if not _is_structure_name(key, min_groups=min_groups):
        return []
    out = []
    for m in re.finditer(rf"([{_NUMERAL}]+)([^{_NUMERAL}]+)", key):
        n = cn_number(m.group(1))
        out.append((n if n is not None else 0, m.group(0)))
    return out


_NOUN_ALT = "|".join(sorted(SPATIAL_NOUNS, key=len, reverse=True))
_BUILDS = build_verb_alternation(STRUCTURE_CODE_VERBS)
_CODE_BODY = rf"(?P<code>(?:[{_NUMERAL}]{{1,2}}(?:{_NOUN_ALT})){{2,}})"
_CODE_FRAME = r"(?:的)?(?:空间|城市|发展|总体|产业|功能)*(?:格局|布局|结构|框架|体系)"
#: An unquoted code a plan builds: "构建一带两轴三核四片空间格局".
_UNQUOTED_CODE_RE = re.compile(rf"{_BUILDS}{_CODE_BODY}{_CODE_FRAME}")
#: ... or one standing right after the list of its members, with no quotes to mark it:
#: "形成A园、B园、C园一区三园的发展格局". The lookbehind keeps a count inside a name out.
_UNQUOTED_AFTER_LIST_RE = re.compile(
    rf"{_BUILDS}[^。；;，,“”]*?、[^。；;，,“”]*?(?<=[{_NOUN_ENDS}]){_CODE_BODY}{_CODE_FRAME}")


class _CodeMatch:
    """A code found quoted or unquoted: its text (group 1) and span."""

    def __init__(self, code: str, start: int, end: int) -> None:
        self._code, self._start, self._end = code, start, end

    def group(self, _i: int = 0) -> str:
        return self._code

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _code_mentions(text: str) -> list[_CodeMatch]:
    found = [_CodeMatch(m.group(1), m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]
    found += [_CodeMatch(m.group("code"), m.start("code"), m.end("code"))
              for rx in (_UNQUOTED_CODE_RE, _UNQUOTED_AFTER_LIST_RE) for m in rx.finditer(text)]
    return sorted(found, key=lambda m: m.start())


def _grammar_parts(ctx: _Ctx) -> None:
    """Parts of codes no wording rule spelled out, found by each group's enumeration nearby.

    Each mention of a code is tried in turn until one has its members nearby: a
    code is often named in a chapter's opening before the paragraphs that list it.
    A code of one group ("“十线”") counts only when a marked enumeration follows it.
    """
    covered = {r["structure"].replace("、", "") for r in ctx.rows}
    done: set[str] = set()
    for m in _code_mentions(ctx.text):
        code = m.group(1)
        key = code.replace("、", "")
        if key in covered or key in done or any(key in c for c in covered):
            continue
        groups = code_groups(code, min_groups=1)
        if not groups or (len(groups) == 1 and groups[0][1].lstrip(_NUMERAL) not in SPATIAL_NOUNS):
            continue  # one group counts only as a bare count + noun ("十线", not "万亩…产业园")
        if _listed_before(ctx, code, groups, m.start()):
            done.add(key)
            covered.add(key)
            continue
        parts, mismatches = _read_groups(ctx.text, code, groups, m.start(), m.end(),
                                         marked_only=len(groups) == 1)
        if not any(parts):
            continue  # named only here: a later mention may list it, else `_named_only` records it
        done.add(key)
        covered.add(key)  # its groups ("“三线”" of "三线两核两区") are not codes of their own
        ctx.problems += [Problem(ctx.doc_id, a, b, ctx.text[a:b], reason) for a, b, reason in mismatches]
        for (count, group), found in zip(groups, parts, strict=True):
            if not found and count:
                ctx.problems.append(Problem(
                    ctx.doc_id, m.start(), m.end(), ctx.text[m.start():m.end()],
                    f"structure code {code}: group {group} found but its members are not "
                    f"enumerated within {_GRAMMAR_WINDOW} characters"))
                continue
            if found:
                _emit(ctx, Spec(code, group, _kind(group)), found)


#: The last verb within a clause's first words; matched at the clause, so no "^".
_ORDER_LEAD_RE = re.compile(rf"[^、，,。]{{0,4}}(?:{build_verb_alternation(STRUCTURE_ORDER_VERBS)})")


def _mixed_groups(code: str) -> list[tuple[int, str]]:
    """Groups of a quoted code some of whose groups are not spatial ("一核两带三为主"):
    it opens with a spatial group and has at least two; [] otherwise."""
    key = code.replace("、", "")
    if key in _NOT_STRUCTURES or not re.match(rf"^[{_NUMERAL}]", key):
        return []
    groups = [(cn_number(m.group(1)) or 0, m.group(0))
              for m in re.finditer(rf"([{_NUMERAL}]+)([^{_NUMERAL}]+)", key)]
    spatial = [g for _, g in groups if g.lstrip(_NUMERAL).endswith(_SPATIAL_NOUN)]
    if len(spatial) < 2 or groups[0][1] not in spatial or len(spatial) == len(groups):
        return []
    return groups if all(n > 0 for n, _ in groups) else []


def _ordered_codes(ctx: _Ctx) -> None:
    """A code whose groups are the clauses of a quoted slogan in the same paragraph, in
    order and with no marker of their own: "“聚力建设核心大城区,拓展升级竹房城镇带,打造
    堵河…经济带,以A为主责、B为主题、C为主线,…”…“一核两带三为主”战略".

    A spatial group takes its count of clauses, each naming its noun; a group that is not
    spatial (三为主) takes one clause of as many 、-entries, each holding its word, and
    yields no part. Every group must fill so, from the slogan's first clause, or none is read.
    """
    covered = {r["structure"].replace("、", "") for r in ctx.rows}
    for m in _QUOTED_RE.finditer(ctx.text):
        code = m.group(1)
        groups = _mixed_groups(code)
        if not groups or code.replace("、", "") in covered:
            continue
        line_a = ctx.text.rfind("\n", 0, m.start()) + 1
        line_b = ctx.text.find("\n", m.end())
        line_b = len(ctx.text) if line_b < 0 else line_b
        for q in re.finditer(r"“([^“”]{8,400})”", ctx.text[line_a:line_b]):
            qa = line_a + q.start(1)
            if qa - 1 == m.start():
                continue
            parts = _in_order(ctx.text, groups, split_top_level(q.group(1), "，,；;", start=qa))
            if parts is None:
                continue
            covered.add(code.replace("、", ""))
            for (_, group), found in zip(groups, parts, strict=True):
                if found is not None:
                    _emit(ctx, Spec(code, group, _kind(group)), found)
            break


def _in_order(text: str, groups: list[tuple[int, str]],
              clauses: list[tuple[int, int]]) -> list[_Found | None] | None:
    out: list[_Found | None] = []
    i = 0
    for count, group in groups:
        word = group.lstrip(_NUMERAL)
        if word.endswith(_SPATIAL_NOUN):
            take = clauses[i:i + count]
            if len(take) < count:
                return None
            members = []
            for ca, cb in take:
                lead = _ORDER_LEAD_RE.match(text, ca, cb)
                a = lead.end() if lead and cb - lead.end() >= 2 else ca
                a, b = trim_span(text, a, cb)
                if word[-1] not in text[a:b]:
                    return None
                members.append(_Member(text[a:b], a, b, (text[a:b],)))
            out.append(_Found(take[0][0], take[-1][1], members))
            i += count
        else:
            if i >= len(clauses):
                return None
            ca, cb = clauses[i]
            entries = split_top_level(text[ca:cb], "、", start=ca)
            if len(entries) != count or not all(word in text[a:b] for a, b in entries):
                return None
            out.append(None)
            i += 1
    return out


def _emit(ctx: _Ctx, spec: Spec, found: _Found) -> None:
    role = display_text(ctx.text[found.start:found.end])
    for member in found.members:
        _add(ctx, spec, member.start, member.end, name=member.name, role=member.role or role,
             members=list(member.members), spelled_out=member.spelled)


def _kind(group: str) -> str:
    noun = group.lstrip(_NUMERAL)
    return next((k for n, k in _NOUN_KIND.items() if noun.endswith(n)), "other")


def _read_groups(text: str, code: str, groups: list[tuple[int, str]], start: int, end: int, *,
                 marked_only: bool) -> tuple[list[_Found | None], list[tuple[int, int, str]]]:
    """Each group's members: a marked enumeration ("“两核”即…"); in the sentences right
    after the code, the next clause whose entries end with the group's noun; the items of
    a 专栏 box titled with the code or the group; or a list the paragraph closes with a
    label of the same count and noun ("“A、B、…”六大新空间" for 六空间)."""
    window_end = min(len(text), end + _GRAMMAR_WINDOW)
    near_end = _sentences_after(text, end, 2)
    cursor = end
    out: list[_Found | None] = []
    mismatches: list[tuple[int, int, str]] = []
    for count, group in groups:
        if not count:  # "多点": no count to check a list against, so none is taken
            mismatches.append((start, end, f"group {group} has no count; its members are not read"))
            out.append(None)
            continue
        found = _glossed(text, group, count, end, mismatches)
        # From the code's own start: a one-group code ("“十线”：…") is its own marker.
        if found is None:
            found = _marked(text, group, count, start, window_end, mismatches)
        if found is None and not marked_only and count:
            found = _unmarked(text, group, count, cursor, near_end)
            if found is not None:
                cursor = found.end
        if found is None and not marked_only:
            found = _box_group(text, code, group, count, mismatches)
        if found is None and not marked_only:
            found = _labelled_list(text, group, count, end)
        out.append(found)
    return out, mismatches


_GLOSS_VERB = "|".join(map(re.escape, STRUCTURE_GLOSS_VERBS))
_GLOSS_CHARS = re.escape("".join(sorted({c for v in STRUCTURE_GLOSS_VERBS for c in v})))


def _glossed(text: str, group: str, count: int, end: int,
             mismatches: list[tuple[int, int, str]]) -> _Found | None:
    """"“一体两翼”（内六区+长沙县为一体，浏阳、宁乡为两翼）": the bracket right after the
    code gives each group's members before "为" and the group; a group of one takes the
    whole entry ("内六区+长沙县"), more are a 、-list checked against the count."""
    bracket = re.compile(r"”?[（(](?P<body>[^（）()\n]{4,120})[)）]").match(text, end)
    if not bracket:
        return None
    for ca, cb in split_top_level(bracket.group("body"), "，,；;", start=bracket.start("body")):
        clause = re.match(rf"(?P<list>[^{_GLOSS_CHARS}]{{2,60}}?)(?:{_GLOSS_VERB})“?{re.escape(group)}”?$",
                          text[ca:cb])
        if not clause:
            continue
        la, lb = ca + clause.start("list"), ca + clause.end("list")
        if count == 1:
            name = text[la:lb]
            return _Found(ca, cb, [_Member(name, la, lb, (name,))])
        members = _list_members(text, la, lb)
        if len(members) == count:
            return _Found(ca, cb, members)
        mismatches.append((ca, cb, f"group {group} counts {count} members but the bracket "
                                   f"names {len(members)}; not taken"))
    return None


def _box_group(text: str, code: str, group: str, count: int,
               mismatches: list[tuple[int, int, str]]) -> _Found | None:
    for box in _boxes(text):
        if code not in box.title and f"“{group}”" not in box.title:
            continue
        items = _box_items(text, box)
        if len(items) == count:
            return _Found(box.body_start, box.body_end, items)
        mismatches.append((box.title_start, box.body_start, f"group {group} counts {count} members "
                                                           f"but box {box.label} has {len(items)} items"))
    return None


#: "一带", "一滩", "两廊": a count and a one- or two-character noun, a code of its own.
_SUB_CODE_RE = re.compile(rf"^[{_NUMERAL}].{{1,2}}$")


def _labelled_list(text: str, group: str, count: int, end: int) -> _Found | None:
    """"提升“一带、一廊、…、一区”六大新空间": a quoted list in the code's paragraph closed by
    "N大…noun" with the group's count and noun. Entries that are codes themselves ("一带",
    "一滩") name no place, so they are recorded unspelled."""
    noun = group.lstrip(_NUMERAL)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    label = re.compile(rf"“(?P<list>[^“”]+、[^“”]+)”(?P<label>[{_NUMERAL}]+大[^，,。；;、“”]{{0,4}}"
                       rf"{re.escape(noun)})")
    for m in label.finditer(text, end, line_end):
        if cn_number(re.match(rf"[{_NUMERAL}]+", m.group("label")).group(0)) != count:  # type: ignore[union-attr]
            continue
        members = _list_members(text, m.start("list"), m.end("list"))
        if len(members) != count:
            continue
        return _Found(m.start(), m.end(), [
            _Member(x.name, x.start, x.end, (), spelled=False) if _SUB_CODE_RE.match(x.name)
            else x for x in members])
    return None


def _sentences_after(text: str, at: int, n: int) -> int:
    """Where the `n`-th sentence from `at` ends (never past the paragraph)."""
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    pos = at
    for _ in range(n):
        stop = text.find("。", pos, line_end)
        if stop < 0:
            return line_end
        pos = stop + 1
    return pos


_ONE_LEAD_RE = re.compile(rf"(?:{build_verb_alternation(STRUCTURE_ONE_LEAD_VERBS)})?"
                          r"(?P<name>[^，,、]{2,20}?)(?:为|，|,|$)")


def _marked(text: str, group: str, count: int, start: int, end: int,
            mismatches: list[tuple[int, int, str]]) -> _Found | None:
    """Members after a marker of the group: "“三区”分别为A、B、C", "“两片”：A打造…，B打造…"."""
    # The marker stands alone (not the tail of its code, "两核两区”："), and its body ends
    # where the next quoted marker begins ("…，“两核”即…").
    # A group counted as many may share the marker of the group before it ("“四区多组团”指
    # A、B、C、D以及下属的相关组团"): the list is the counted group's, less the entries that
    # name the many group's noun.
    pattern = re.compile(rf"(?<![{_NUMERAL}{_NOUN_ENDS}])“?{re.escape(group)}"
                         rf"(?:多(?P<many>[^{_NUMERAL}“”。，,]{{1,3}}))?”?"
                         rf"(?:[^。；;\n“”]{{0,6}}?){_ENUM_WORDS}"
                         rf"(?P<body>(?:(?!，?“[{_NUMERAL}])[^。；;\n])+)")
    items = _numbered_items(text, group, count, start, end, mismatches)
    if items:
        return items
    for m in pattern.finditer(text, start, end):
        body_start = m.start("body")
        body = _inside_bracket(m.group("body"))
        if count == 1 and body.startswith(STRUCTURE_DESCRIPTION_OPENERS):
            # "“一核”是要进一步集聚…": described, never named.
            return _Found(m.start(), m.end(), [_Member(group, m.start(), m.end(), (), spelled=False)])
        if count == 1:
            lead = _ONE_LEAD_RE.match(body)
            if lead:
                a = body_start + lead.start("name")
                name = lead.group("name")
                bare = name.removesuffix(next((x for x in STRUCTURE_PROCESS_SUFFIXES
                                               if name.endswith(x)), ""))
                name = bare if len(bare) >= 2 else name
                if len(name) > 2 and name[0] == "“" and name[-1] == "”" and "“" not in name[1:]:
                    # "一城，即打造“梅州副中心城市”": the quotes mark the name, not part of it.
                    a, name = a + 1, name[1:-1]
                return _Found(m.start(), m.end(), [_Member(name, a, a + len(name), (name,))])
            continue
        clauses = split_top_level(body, "，,", start=body_start)
        for ca, cb in clauses:
            clause = text[ca:cb]
            if "、" not in clause and "和" not in clause:
                continue
            members = _list_members(text, ca, cb)
            if m.group("many"):
                members = [x for x in members if not x.name.endswith(m.group("many"))]
            if count and len(members) > count:
                # 和 may join the words of one name, not two entries: the count decides.
                whole = _list_members(text, ca, cb, split_joined=False)
                members = whole if len(whole) == count else members
            examples = STRUCTURE_EXAMPLES_TAIL_RE.search(clause)
            if examples and cn_number(examples.group("n")) == count and 0 < len(members) < count:
                # "木京河、徐洞河等十条水系": the plan itself says it names only some of them.
                return _Found(m.start(), m.end(), members)
            if count and len(members) != count:
                mismatches.append((ca, cb, f"group {group} counts {count} members but this "
                                           f"list names {len(members)}; not taken"))
                continue
            return _Found(m.start(), m.end(), members)
        pieces = _pieces_of(text, clauses)
        if pieces and (not count or len(pieces) == count):
            return _Found(m.start(), m.end(), pieces)
    return None


def _inside_bracket(body: str) -> str:
    """A marker's body up to a closing bracket it did not open: a marker inside the
    bracket after its code ends with that bracket ("（…“四区”指A、B）县城发展体系")."""
    depth = 0
    for i, c in enumerate(body):
        depth += c in "（("
        if c in "）)":
            if not depth:
                return body[:i]
            depth -= 1
    return body


def _numbered_items(text: str, group: str, count: int, start: int, end: int,
                    mismatches: list[tuple[int, int, str]]) -> _Found | None:
    """"“两带”：" closing its line, then numbered lines "1. 沿江发展带：…", "（2）沿山生态带，…":
    one member per item, named by the item's opening words."""
    head = re.compile(rf"(?<![{_NUMERAL}{_NOUN_ENDS}])“?{re.escape(group)}”?"
                      r"[^。；;\n“”]{0,6}?[：:][ \t\u3000]*\n")
    for m in head.finditer(text, start, end):
        members: list[_Member] = []
        for line in iter_lines(text, m.end(), min(len(text), m.end() + _GRAMMAR_WINDOW)):
            if not line.clean:
                continue
            a, b = trim_span(text, line.start, line.end)
            number = ITEM_NUMBER_RE.match(text, a, b)
            if not number:
                break
            lead = re.compile(r"[^：:，,。；;\n]{2,16}").match(text, number.end(), b)
            if lead:
                members.append(_Member(lead.group(0), a, b, (lead.group(0),)))
        if not members:
            continue
        if len(members) != count:
            mismatches.append((m.start(), m.end(), f"group {group} counts {count} members but "
                                                   f"{len(members)} numbered items follow; not taken"))
            continue
        return _Found(m.start(), members[-1].end, members)
    return None


def _pieces_of(text: str, clauses: list[tuple[int, int]]) -> list[_Member]:
    """"北山片打造乡村休闲慢行区，姚江片打造都市田园体验区": each clause opens with a member
    and its verb; [] unless every clause does."""
    out = []
    for i, (ca, cb) in enumerate(clauses):
        lead = re.match(rf"(?P<name>[^，,、。]{{2,8}}?){_VERBS}", text[ca:cb])
        if not lead:
            return []
        # The last piece keeps its sentence's full stop, as a quote of the sentence.
        end = clauses[i + 1][0] if i + 1 < len(clauses) else cb + (text[cb:cb + 1] == "。")
        name = lead.group("name")
        out.append(_Member(name, ca, end, (name,)))
    return out


def _unmarked(text: str, group: str, count: int, start: int, end: int) -> _Found | None:
    """The first clause in [start, end) that reads as the group: for "五片" a list of five
    entries ending in 片, for "一环" a verb and one name holding 环 ("重点打造东钱湖景观环线")."""
    noun = group.lstrip(_NUMERAL)
    for ca, cb in split_top_level(text[start:end], "，,。；;", start=start):
        clause = text[ca:cb]
        if count == 1:
            member = _one_named(clause, ca, cb, group, noun)
            if member:
                return _Found(ca, cb, [member])
            continue
        if "、" not in clause and not any(j in clause for j in _JOINERS):
            continue
        members = _list_members(text, ca, cb)
        if len(members) == count and all(x.name.endswith(noun) for x in members):
            return _Found(ca, cb, members)
    return None


def _one_named(clause: str, ca: int, cb: int, group: str, noun: str) -> _Member | None:
    serves = _SERVES_AS_RE.match(clause)
    if serves and noun in serves.group("as") and serves.group("as").endswith(SPATIAL_NOUNS):
        parts = [p for p in re.split(r"到|至|和|、", serves.group("what")) if p]
        return _Member(group, ca, cb, tuple(parts))
    verb = _LEAD_VERB_RE.match(clause)
    if not verb:
        return None
    name = clause[verb.end():]
    if noun in name and name.endswith(SPATIAL_NOUNS) and 2 <= len(name) <= 16:
        return _Member(name, ca, cb, (name,))
    return None


def _list_members(text: str, ca: int, cb: int, *, split_joined: bool = True) -> list[_Member]:
    """Entries of a 、-list clause, the opening verb and the closing count cut off:
    "继续推进近郊、近水、近山三条产业融合主线" → 近郊, 近水, 近山 (each with its span).
    A clause that is one quoted list ("“A、B、C”") is read inside its quotes; with
    `split_joined` False, 和/与 stay inside an entry ("中医养生和旅游康养中心")."""
    qa, qb = trim_span(text, ca, cb)
    if qb - qa > 2 and text[qa] == "“" and text[qb - 1] == "”" and "“" not in text[qa + 1:qb - 1]:
        ca, cb = qa + 1, qb - 1
    clause = text[ca:cb]
    tail = STRUCTURE_COUNT_TAIL_RE.search(clause)
    cb = ca + tail.start() if tail else cb
    out: list[_Member] = []
    entries = split_top_level(text[ca:cb], "、", start=ca)
    for i, (a, b) in enumerate(entries):
        if i == 0:
            verb = _LEAD_VERB_RE.match(text, a, b)
            if verb and b - verb.end() >= 2:
                a = verb.end()
        for sa, sb in (_split_joined(text, a, b) if split_joined else [(a, b)]):
            sa, sb = trim_span(text, sa, sb)
            raw = text[sa:sb].strip("“”")
            ext = re.search(r"[（(]([^（）()]+)[)）]$", raw)
            name = raw
            places_: tuple[str, ...] = (raw,)
            if ext:
                name = raw[:ext.start()]
                places_ = tuple(p for p in re.split(r"[-—]", ext.group(1)) if p)
            if name:
                out.append(_Member(name, sa, sb, places_))
    return out


def _split_joined(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """"环云湖区域和姚江农业公园区域" → two entries; a joiner with under two characters on a
    side is part of a name ("和平路"), and a bracket keeps its joiners."""
    seg = text[a:b]
    if "（" in seg or "(" in seg:
        return [(a, b)]
    for joiner in sorted(_JOINERS, key=len, reverse=True):
        i = seg.find(joiner)
        if i >= 2 and len(seg) - i - len(joiner) >= 2:
            return [(a, a + i), *_split_joined(text, a + i + len(joiner), b)]
    return [(a, b)]


def _listed_before(ctx: _Ctx, code: str, groups: list[tuple[int, str]], at: int) -> bool:
    """"推动A、B，以及C、D、E、F“一带一路四组团”", "由A、B、C、D构成的“三园区一基地”":
    the list before the code, as many entries as its groups count together, each group
    taking its count of entries in order."""
    total = sum(count for count, _ in groups)
    if not all(count for count, _ in groups) or total < 2:
        return False
    stops = [ctx.text.rfind(c, 0, at) for c in "。；;\n"]
    region_start = max(stops) + 1
    clauses = split_top_level(ctx.text[region_start:at], "，,", start=region_start)
    if not clauses or clauses[-1][1] != at:
        return False
    first = len(clauses) - 1
    while first > 0 and ctx.text.startswith(_JOINERS, clauses[first][0]):
        first -= 1
    la, lb = clauses[first][0], at
    made_of = STRUCTURE_MADE_OF_RE.search(ctx.text[clauses[-1][0]:at])
    if made_of:
        la, lb = clauses[-1][0] + made_of.start("list"), clauses[-1][0] + made_of.end("list")
    members: list[_Member] = []
    for ca, cb in clauses[first:]:
        ca = max(ca, la)
        if ctx.text.startswith(_JOINERS, ca):
            ca += next(len(j) for j in sorted(_JOINERS, key=len, reverse=True)
                       if ctx.text.startswith(j, ca))
        members += _list_members(ctx.text, ca, min(cb, lb))
    listed = any("、" in ctx.text[a:b] for a, b in clauses[first:])
    lead_from = la
    if len(members) == total - 1 and groups[0][0] == 1 and first > 0 and listed and not made_of:
        # "A开发区面积达到…，形成B园、C园、D园一区三园的格局": the list fills the later
        # groups, and the one-member group before them is what the clause before it is about.
        subject = _clause_subject(ctx.text, *clauses[first - 1], groups[0][1].lstrip(_NUMERAL))
        if subject is not None:
            members, lead_from = [subject, *members], clauses[first - 1][0]
    if len(members) != total or not listed:
        if len(members) > 1 and made_of:
            ctx.problems.append(Problem(
                ctx.doc_id, la, at, ctx.text[la:at],
                f"structure code {code} counts {total} members but the list before it names "
                f"{len(members)}; not taken"))
        return False
    # Entries go to groups in order only when each ends with its group's noun; otherwise
    # the plan lists the whole code and which entry is which group is not written.
    split, taken = [], 0
    for count, group in groups:
        split.append((group, members[taken:taken + count]))
        taken += count
    if all(x.name.endswith(group.lstrip(_NUMERAL)) for group, part in split for x in part):
        for i, (group, part) in enumerate(split):
            _emit(ctx, Spec(code, group, _kind(group)), _Found(lead_from if i == 0 else la, at, part))
    elif lead_from != la:
        return False  # the subject was taken for its noun alone; without the nouns, no reading
    else:
        _emit(ctx, Spec(code, code, _kind(groups[-1][1])), _Found(la, at, members))
    return True


def _clause_subject(text: str, ca: int, cb: int, noun: str) -> _Member | None:
    """The name a clause opens with when it ends in `noun`: "江陵经济开发区面积达到…" → 江陵经济开发区."""
    a, b = trim_span(text, ca, cb)
    m = re.compile(rf"[^，,、。；;“”（）()\s\d]{{1,12}}?{re.escape(noun)}").match(text, a, b)
    if m is None or _LEAD_VERB_RE.match(m.group(0)):
        return None
    return _Member(m.group(0), m.start(), m.end(), (m.group(0),))


# --- counted lists: "十大特色区块：A、B、…", "A、B、C、D等四大核心商圈" ----------------

_LABEL = (rf"[{_NUMERAL}]+大[^：:\n。，,、；;“”\d]{{0,8}}(?:{_NOUN_ALT}|商圈|分区|风景线)"
          r"(?=[：:，,。；;、”\n]|建设|项目)")
#: "◆江北都市田园十大特色区块：初心云湖、…" (at a line's or a sentence's start): the
#: heading names the structure.
_LABEL_HEAD_RE = re.compile(
    rf"(?m)(?:^|(?<=[。；;]))[{re.escape(BULLETS)}\s]*(?P<structure>[^：:\n。，,]{{0,12}}?(?P<label>{_LABEL}))[:：]"
    r"(?P<list>[^。\n]+)")
#: "做优A、B、C、D等四大核心商圈": the list closes with its count (not "…、城南新区、四大组团",
#: where the label is the list's last entry).
_LABEL_TAIL_RE = re.compile(rf"(?P<list>[^，,。；;\n]+、[^，,。；;\n]+?)(?:等[^、，,。]{{0,4}}?)?“?(?<!、)(?P<label>{_LABEL})")


#: "建设六大重点区块。A区块…。B区块…。": the label closes a sentence, its members open the next ones.
_LABEL_SENTENCES_RE = re.compile(rf"(?P<label>{_LABEL})。(?P<body>[^\n]+)")


def _counted_sentences(ctx: _Ctx, names: set[str]) -> None:
    """Members that each open a sentence after the label, as many as it counts; the label's
    last two characters are the head noun each member's name ends with ("…区块")."""
    for m in _LABEL_SENTENCES_RE.finditer(ctx.text):
        label = m.group("label")
        if label in names:
            continue
        count = cn_number(re.match(rf"[{_NUMERAL}]+", label).group(0))  # type: ignore[union-attr]
        head = re.compile(rf"[^，,。；;、“”]{{2,10}}?{re.escape(label[-2:])}")
        members, body_start = [], m.start("body")
        for a, b in split_top_level(m.group("body"), "。", start=body_start):
            lead = head.match(ctx.text, a, b)
            if not lead:
                break
            members.append((lead.group(0), a, b))
        if not members:
            continue
        if len(members) != count:
            ctx.problems.append(Problem(
                ctx.doc_id, m.start(), m.end("label"), label,
                f"{label} counts {count} members but {len(members)} sentences open with one; not taken"))
            continue
        names.add(label)
        spec = Spec(label, label, _kind(label))
        for name, a, b in members:
            sentence = ctx.text[a:b]
            _add(ctx, spec, a, b, name=name, role=display_text(sentence),
                 members=_places_in(sentence) or [name], spelled_out=True)


_LABEL_ONLY_RE = re.compile(_LABEL)


def _tail_matches(text: str) -> Iterator[re.Match[str]]:
    """`_LABEL_TAIL_RE` matches, found from each label back to its clause's start: scanning the
    whole text for a list first is five times slower."""
    for lm in _LABEL_ONLY_RE.finditer(text):
        clause_start = max(text.rfind(c, 0, lm.start()) for c in "，,。；;\n") + 1
        m = _LABEL_TAIL_RE.match(text, clause_start)  # not endpos: the label looks past its end
        if m and m.end() == lm.end():
            yield m


def _counted_lists(ctx: _Ctx) -> None:
    """Lists a plan closes or opens with "N大…": one part (the label) whose entries must number N."""
    taken = [(r["start"], r["end"]) for r in ctx.rows]
    names = {r["structure"] for r in ctx.rows}
    for matches in (_LABEL_HEAD_RE.finditer(ctx.text), _tail_matches(ctx.text)):
        for m in matches:
            label = m.group("label")
            structure = m.groupdict().get("structure") or label
            la, lb = m.start("list"), m.end("list")
            if structure in names or any(a < lb and la < b for a, b in taken):
                continue
            count = cn_number(re.match(rf"[{_NUMERAL}]+", label).group(0))  # type: ignore[union-attr]
            members = _list_members(ctx.text, la, lb)
            if count != len(members) or any(len(x.name) > 16 for x in members):
                ctx.problems.append(Problem(
                    ctx.doc_id, la, m.end(), ctx.text[la:m.end()],
                    f"{label} counts {count} members but the list names {len(members)}; not taken"))
                continue
            names.add(structure)
            taken.append((la, lb))
            _emit(ctx, Spec(structure, label, _kind(label)), _Found(m.start(), m.end(), members))
    _counted_sentences(ctx, names)


# --- structures named but never spelled out ---------------------------------------

def _named_only(ctx: _Ctx) -> None:
    names = {r["structure"].replace("、", "") for r in ctx.rows}
    covered = names | {r["part"] for r in ctx.rows}
    covered |= {"".join(sorted(n)) for n in names}
    seen: set[str] = set()
    for m in _QUOTED_RE.finditer(ctx.text):
        name = m.group(1)
        key = name.replace("、", "")
        if (key in covered or "".join(sorted(key)) in covered or key in seen
                or any(key in n for n in names) or not _is_structure_name(key)):
            continue
        seen.add(key)
        sentence = _sentence_around(ctx.text, m.start(), m.end())
        _add(ctx, Spec(name, "", "other"), m.start(), m.end(), name=name,
             role=display_text(ctx.text[sentence[0]:sentence[1]]), members=[],
             spelled_out=False)
        ctx.problems.append(Problem(
            ctx.doc_id, m.start(), m.end(), ctx.text[m.start():m.end()],
            f"structure code {name} is named but its parts are not enumerated near it; "
            "recorded without members"))


def _is_structure_name(key: str, *, min_groups: int = 2) -> bool:
    if key in _NOT_STRUCTURES:
        return False
    segs = re.findall(rf"[{_NUMERAL}]+([^{_NUMERAL}]+)", key)
    if len(segs) < min_groups or not re.match(rf"^[{_NUMERAL}]", key):
        return False
    return all(any(s.endswith(n) for n in _SPATIAL_NOUN) for s in segs)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find("。", end), text.find("\n", end)) if i != -1]
    b = min(stops) + 1 if stops else len(text)
    return trim_span(text, a, b)


def _add(ctx: _Ctx, spec: Spec, start: int, end: int, *, name: str, role: str,
         members: list[str], spelled_out: bool) -> None:
    start, end = trim_span(ctx.text, start, end)
    n = sum(1 for r in ctx.rows if r["structure"] == spec.structure) + 1
    ctx.rows.append({
        "id": f"{ctx.doc_id}/{spec.structure}/{n:02d}",
        "doc_id": ctx.doc_id,
        "section_path": ctx.index.path_at(start),
        "start": start,
        "end": end,
        "quote": ctx.text[start:end],
        "structure": spec.structure,
        "part": spec.part,
        "name": name.strip(),
        "kind": spec.kind,
        "role": role,
        "members": "|".join(members),
        "spelled_out": spelled_out,
        "district_adcode": ctx.adcode,
    })
