"""Spatial structures the plans define: "一带两轴三核四片", "一核四城六空间", "一环五片", …

Each structure is read by a small spec: a pattern anchored on the plan's own
wording and a way to cut the matched text into elements (a 、-list, "X片包括…"
pieces, "…区块…。" sentences, or the items of a 专栏 box). Every element is one
record whose quote is the plan's text. A quoted numeral structure name that no
spec spells out ("四横十纵", "一带两核三区") is recorded with `spelled_out=False`
and no members: the plan names it but never lists its parts, so none are invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from layers.lexicon import CN_NUMERAL, SPATIAL_NOUNS, cn_number
from layers.projects import find_boxes
from layers.sections import SectionIndex, sections_from_text
from layers.text import PROVENANCE_COLUMNS, Problem, display_text, iter_lines, split_top_level, trim_span

STRUCTURE_COLUMNS: list[str] = [
    *PROVENANCE_COLUMNS,
    "structure", "part", "name", "kind", "role", "members", "spelled_out", "district_adcode",
]

_VERB_PREFIX = r"^(?:塑能|崛起|复兴|继续推进|推进|加快|重点打造|打造)"


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


SPECS: tuple[Spec, ...] = (
    # 江北 纲要 第三章: 一带两轴三核四片
    Spec("一带两轴三核四片", "一带", "belt",
         r"“一带”引领。(?P<role>发挥(?P<members>甬江和姚江)滨水资源优势[^\n]*)", "one"),
    Spec("一带两轴三核四片", "两轴", "axis",
         r"“两轴”带动。(?P<role>放大(?P<list>轨道交通4号线、2号线)[^\n]*)"),
    Spec("一带两轴三核四片", "三核", "core",
         r"“三核”引擎。(?P<role>聚焦“(?P<list>[^”]+)”[^\n]*)"),
    Spec("一带两轴三核四片", "四片", "zone", r"“四片”支撑。(?P<body>[^\n]*)", "pieces",
         piece=r"(?P<name>[^。，,]{2,8}片)(?:主要)?包括(?P<members>[^，,]+)"),
    Spec("三港三城", "三港", "core", r"依托“三港三城”战略平台", "one"),
    # 江北 纲要 第三章第二节: 三城 (塑能中心城 / 崛起姚江城 / 复兴古县城)
    Spec("三港三城", "三城", "core",
         r"(?m)^(?:塑能|崛起|复兴)(?P<name>[^。\n]{2,4}城)。(?P<role>[^\n]*)", "one"),
    Spec("“十四五”重点开发建设区块", "", "block", mode="box"),
    Spec("两片、两郊", "两片", "zone", r"“两片”[:：](?P<body>[^\n]*)", "pieces",
         piece=r"(?P<name>[^,，、。]{1,6}?)(?P<role>打造[^,，。]+)"),
    Spec("两片、两郊", "两郊", "zone", r"“两郊”[:：](?P<body>[^\n]*)", "pieces",
         piece=r"(?P<name>[^,，、。]{1,6}?)(?P<role>打造[^,，。]+)"),
    Spec("江北都市田园十大特色区块", "十大特色区块", "block",
         r"江北都市田园十大特色区块[:：](?P<list>[^。\n]+)"),
    Spec("三线两核两区", "三线", "line", r"“三线”[:：]继续推进(?P<list>近郊、近水、近山)三条"),
    Spec("三线两核两区", "两核", "core", r"“两核”[:：](?P<list>[^。\n]+)"),
    Spec("三线两核两区", "两区", "zone", r"“两区”[:：](?P<list>[^。\n]+)"),
    Spec("一带一路四组团", "一带", "belt",
         r"推动(?P<name>沿姚江甬江北岸)、北环高架两侧", "one"),
    Spec("一带一路四组团", "一路", "axis", r"沿姚江甬江北岸、(?P<name>北环高架两侧)", "one"),
    Spec("一带一路四组团", "四组团", "block", r"以及(?P<list>湾头、[^“]+)“一带一路四组团”"),
    # 江北 政府工作报告: 三城 / 三港, and the 名词解释 of 三线两核两区
    Spec("三港三城", "三城", "core",
         r"启动“三城”会战。(?P<body>[^\n]*)", "sentences",
         piece=r"(?:塑能|崛起|复兴)(?P<name>[^，。]{2,4}城)"),
    Spec("三港三城", "三港", "core",
         r"加快“三港”建设。(?P<body>[^\n]*)", "sentences", piece=r"(?P<name>[^，。]{1,4}港)"),
    Spec("三线两核两区", "三线", "line", r"“三线”即(?P<list>近郊、近水、近山)三条"),
    Spec("三线两核两区", "两核", "core", r"“两核”即(?P<list>[^，。]+?)两个产业核"),
    Spec("三线两核两区", "两区", "zone", r"“两区”即(?P<list>[^，。]+?)。"),
    # 鄞州 纲要 第二章: 一核四城六空间, 城市发展主轴, 六大重点区块
    Spec("一核四城六空间", "一核", "core", r"“一核”是要(?P<role>[^；;]+)", "one"),
    Spec("一核四城六空间", "四城", "zone", mode="box"),
    Spec("一核四城六空间", "六空间", "zone",
         r"提升“(?P<list>一带、一廊、一滩、一圈、一城、一区)”六大新空间(?P<role>[^，,]*)"),
    Spec("拥江揽湖滨海城市发展主轴", "主轴", "axis",
         r"城市发展主轴自西向东(?P<role>[^\n]*?串联起(?P<members>[^，,]+)[^。]*)", "one"),
    Spec("拥江揽湖滨海城市发展主轴", "三带", "belt",
         r"从西向东分别为(?P<list>[^，,。]+)，是宁波“拥江揽湖滨海”战略"),
    Spec("六大重点区块", "六大重点区块", "block", r"高品质建设六大重点区块。(?P<body>[^\n]*)",
         "sentences", piece=r"(?P<name>[^，。]{2,10}区块)"),
    # 鄞州 纲要 第二章第三节 / 专栏4: 一环五片, 十线, 一轴三区
    Spec("一环五片", "一环", "ring", r"重点打造(?P<name>东钱湖景观环线)", "one"),
    Spec("一环五片", "五片", "zone", r"推进(?P<list>滨海渔耕片[^等]+)等五大片区"),
    Spec("十线", "十线", "line", r"“十线”：分别为以(?P<list>[^。]+?)十条美丽乡村风景线"),
    Spec("一轴三区", "一轴", "axis",
         r"以(?P<members>甬台温高速复线到象山港大桥)为主要发展轴线(?P<role>[^\n]*)", "one"),
    Spec("一轴三区", "三区", "zone",
         r"沿轴线自西北向东南依次布局(?P<list>[^。]+?)。"),
    Spec("三大精品农业风景线", "三线", "line",
         r"高质量打造(?P<list>[^。]+?)三大精品农业风景线"),
    Spec("三大空间分区", "三区", "zone", r"构建(?P<list>西部平原[^。]+?)三大空间分区"),
    Spec("一圈、三带、多点", "三带", "belt", r"着力发展(?P<list>甬江数字文创带[^。]+?)。"),
    Spec("四大核心商圈", "四大核心商圈", "zone", r"做优(?P<list>中山东路[^等]+)等四大核心商圈"),
    # 鄞州 长三角 plan
    Spec("三园区一基地", "三园区一基地", "zone", r"由(?P<list>鄞州工业园区[^“]+?)构成的“三园区一基地”"),
    Spec("六大通道", "六大通道", "line",
         r"加快推进(?P<list>东钱湖快速路[^等]+)等交通“六大通道”"),
)

_NUMERAL = CN_NUMERAL
_SPATIAL_NOUN = SPATIAL_NOUNS
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
    _grammar_parts(ctx)
    _named_only(ctx)
    if problems is not None:
        problems.extend(ctx.problems)
    return pd.DataFrame(ctx.rows, columns=STRUCTURE_COLUMNS)


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


def _box_elements(ctx: _Ctx, spec: Spec) -> bool:
    boxes = [b for b in find_boxes(ctx.text)
             if spec.structure in b.title or f"“{spec.part}”" in b.title]
    if not boxes:
        return False
    box = boxes[0]
    if not spec.part:  # the part is the box itself: named by its label ("专栏N")
        spec = Spec(spec.structure, box.label, spec.kind, spec.pattern, spec.mode, spec.piece)
    for line in iter_lines(ctx.text, box.body_start, box.body_end):
        clean = line.clean
        if not re.match(r"[◆·•]", clean):
            continue
        start, end = trim_span(ctx.text, line.start, line.end)
        body = re.sub(r"^[◆·•]\s*", "", clean)
        m = re.match(r"(?P<name>[^:：，,]{2,16})[:：]", body)
        if m:
            name = m.group("name").strip("“”")
        else:
            lead = re.match(r"(.{2,10}?)(?:发挥|完善|以|优先|加快)", body)
            name = lead.group(1) if lead else body[:10]
        _add(ctx, spec, start, end, name=name, role=display_text(body), members=[name],
             spelled_out=True)
    return True


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
              "圈": "zone", "湾": "zone", "郊": "zone", "园": "zone", "基地": "zone"}
#: How a plan introduces a group's members: "“一核”即…", "四城：A、B、C、D", "四城分别为…".
_ENUM_WORDS = r"(?:即|是指|指|是|为|分别为|分别是|主要包括|包括|由|：|:)"
_GRAMMAR_WINDOW = 4000


def code_groups(code: str) -> list[tuple[int, str]]:
    """"一核四城六空间" → [(1, "一核"), (4, "四城"), (6, "六空间")]; [] when not a code."""
    key = code.replace("、", "")
    if not _is_structure_name(key):
        return []
    out = []
    for m in re.finditer(rf"([{_NUMERAL}]+)([^{_NUMERAL}]+)", key):
        n = cn_number(m.group(1))
        out.append((n if n is not None else 0, m.group(0)))
    return out


_NOUN_ALT = "|".join(sorted(SPATIAL_NOUNS, key=len, reverse=True))
#: An unquoted code a plan builds: "构建一带两轴三核四片空间格局".
_UNQUOTED_CODE_RE = re.compile(
    rf"(?:构建|形成|打造|优化|完善)(?P<code>(?:[{_NUMERAL}]{{1,2}}(?:{_NOUN_ALT})){{2,}})"
    r"(?:的)?(?:空间|城市|发展|总体|产业|功能)*(?:格局|布局|结构|框架|体系)"
)


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
              for m in _UNQUOTED_CODE_RE.finditer(text)]
    return sorted(found, key=lambda m: m.start())


def _grammar_parts(ctx: _Ctx) -> None:
    """Parts of codes no wording rule spelled out, found by each group's enumeration nearby."""
    covered = {r["structure"].replace("、", "") for r in ctx.rows}
    seen: set[str] = set()
    for m in _code_mentions(ctx.text):
        code = m.group(1)
        key = code.replace("、", "")
        if key in covered or key in seen or any(key in c for c in covered):
            continue
        groups = code_groups(code)
        if not groups:
            continue
        seen.add(key)
        window_end = min(len(ctx.text), m.end() + _GRAMMAR_WINDOW)
        parts = [(count, group, _enumeration(ctx.text, group, count, m.end(), window_end))
                 for count, group in groups]
        if not any(found for _, _, found in parts):
            continue  # named only: `_named_only` records it without members
        for _count, group, found in parts:
            if not found:
                ctx.problems.append(Problem(
                    ctx.doc_id, m.start(), m.end(), ctx.text[m.start():m.end()],
                    f"structure code {code}: group {group} found but its members are not "
                    f"enumerated within {_GRAMMAR_WINDOW} characters"))
                continue
            noun = group.lstrip(_NUMERAL)
            kind = next((k for n, k in _NOUN_KIND.items() if noun.endswith(n)), "other")
            spec = Spec(code, group, kind)
            role_start, role_end, members = found
            role = display_text(ctx.text[role_start:role_end])
            for name, (a, b) in members:
                _add(ctx, spec, a, b, name=name, role=role, members=[name], spelled_out=True)


def _enumeration(text: str, group: str, count: int, start: int, end: int
                 ) -> tuple[int, int, list[tuple[str, tuple[int, int]]]] | None:
    """The members a plan lists for `group` between `start` and `end`: (clause span, members)."""
    pattern = re.compile(rf"“?{re.escape(group)}”?(?:[^。；;\n“”]{{0,6}}?){_ENUM_WORDS}"
                         rf"(?P<body>[^。；;\n]+)")
    for m in pattern.finditer(text, start, end):
        body_start = m.start("body")
        body = m.group("body")
        if count == 1:
            lead = re.match(r"(?:以|要|打造|建设|推进)?(?P<name>[^，,、]{2,20}?)(?:为|，|,|$)", body)
            if lead:
                a = body_start + lead.start("name")
                return m.start(), m.end(), [(lead.group("name"), (a, a + len(lead.group("name"))))]
            continue
        for ca, cb in split_top_level(body, "，,", start=body_start):
            clause = text[ca:cb]
            if "、" not in clause and "和" not in clause:
                continue
            names = split_members(re.sub(r"(?:等|为主|为重点|组成|构成).*$", "", clause))
            if count and len(names) != count:
                continue
            members = []
            for name in names:
                at = text.find(name, ca, cb)
                members.append((name, (at, at + len(name)) if at >= 0 else (ca, cb)))
            return m.start(), m.end(), members
    return None


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


def _is_structure_name(key: str) -> bool:
    if key in _NOT_STRUCTURES:
        return False
    segs = re.findall(rf"[{_NUMERAL}]+([^{_NUMERAL}]+)", key)
    if len(segs) < 2 or not re.match(rf"^[{_NUMERAL}]", key):
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
