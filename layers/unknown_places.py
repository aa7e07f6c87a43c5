"""Place-like names a plan uses that the gazetteer does not know, with their mentions.

A plan from a new district names streets, towns and villages the gazetteer has
never seen; without this list they would silently stay off the map. Names are
found with jieba's part-of-speech tagger (tag `ns`, place name), whose
dictionary ships inside the package, so nothing is downloaded at run time. A
tagged word followed by a place suffix (洪塘 + 街道) is read as one name. A
name is "known" when the gazetteer has it, or it with its suffix taken away, as
a name or alias; everything else is listed, most mentioned first, for the
校正地图 queue and `python -m layers report`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from layers.lexicon import PLACE_SUFFIXES

#: Suffix words that turn the tagged word before them into a place name ("洪塘" + "街道").
_JOINING_SUFFIXES = frozenset(PLACE_SUFFIXES) | {"街道", "新城", "社区", "片区", "镇区", "古镇"}
#: Tags whose word may open a place name when a suffix follows.
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz"})
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,12}$")
#: Words jieba tags as places that name no single place a map could show.
_NOT_PLACES = frozenset({"中国", "全国", "全省", "全市", "全区", "国内", "国际", "海外", "境外", "城乡",
                         "东部", "西部", "南部", "北部", "中部", "沿海", "内陆", "长三角", "都市圈"})


#: A tagged place word must end like a place to be listed on its own ("浙江省", "姜山镇").
_END_CHARS = frozenset("省市区县镇乡村湖江河山港湾岛路桥街")
#: Words that make a tagged "place" a kind of area or a slogan ("先行区", "城市", "产业园区").
_GENERIC = re.compile(
    r"城市|都市|城镇|城乡|美丽|先行|标杆|百强|约束|活力|示范|特色|全域|工业|文明|产业|企业|新建|"
    r"中心城|大都市|海洋|滨海|滨水|山水|宜居|深度|上市|福利|德治|五水|高新|经济|社区$|^[东西南北中]|"
    r"城中|十强|^各|新一轮|周边|旧城|智慧|荣获|高架|青春|景区|地区"
)


@dataclass
class UnknownName:
    """One name the gazetteer lacks and where each plan says it."""

    name: str
    mentions: list[dict] = field(default_factory=list)  # doc_id, start, end, quote

    @property
    def count(self) -> int:
        return len(self.mentions)


def place_candidates(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every place-like word of `text`, in order."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    out: list[tuple[str, int, int]] = []
    pos = 0
    tokens = [(p.word, p.flag) for p in pseg.cut(text, HMM=False)]
    i = 0
    while i < len(tokens):
        word, flag = tokens[i]
        start = pos
        pos += len(word)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
        if (flag in _NAME_TAGS and len(word) >= 2 and nxt[0] in _JOINING_SUFFIXES
                and _CJK.match(word + nxt[0]) and not _GENERIC.search(word)):
            out.append((word + nxt[0], start, pos + len(nxt[0])))
            pos += len(nxt[0])
            i += 2
            continue
        if (flag == "ns" and len(word) >= 3 and _CJK.match(word) and word not in _NOT_PLACES
                and word[-1] in _END_CHARS and not _GENERIC.search(word)):
            out.append((word, start, pos))
        i += 1
    return out


def unknown_names(texts: dict[str, str], known: set[str], *, context: int = 30) -> list[UnknownName]:
    """Names of `texts` (doc_id → text) not in `known`, most mentioned first, then by name."""
    found: dict[str, UnknownName] = {}
    for doc_id, text in texts.items():
        for name, start, end in _cached_candidates(text):
            if _is_known(name, known):
                continue
            a, b = max(0, start - context), min(len(text), end + context)
            found.setdefault(name, UnknownName(name)).mentions.append(
                {"doc_id": doc_id, "start": start, "end": end,
                 "quote": text[a:b].replace("\n", " ")})
    return sorted(found.values(), key=lambda u: (-u.count, u.name))


def gazetteer_names(gazetteer) -> set[str]:
    """Every name and alias of `gazetteer` (a `geo.gazetteer.Gazetteer`)."""
    return set(gazetteer.names())


def _is_known(name: str, known: set[str]) -> bool:
    if name in known:
        return True
    for suffix in sorted(_JOINING_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2 and name[:-len(suffix)] in known:
            return True
    return any(name + s in known for s in ("区", "县", "市", "镇", "街道", "村"))


@lru_cache(maxsize=32)
def _cached_candidates(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(place_candidates(text))
