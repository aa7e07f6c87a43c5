"""The fixed project categories: stable ASCII keys and their rules (their words are `view.text.category_label`).

`category_for(name, context=...)` tries the rules in order on the project's
name, then on its context (the 专栏/表 group it sits in), and falls back to
`other`. Rules are keyword patterns: cheap, readable and easy to correct.

The patterns are one documented word list of kinds of things (医院, 学校, 路, 公园 …) and
name no place, brand or village: a plan from any district is sorted by the same words,
and a project whose name says nothing of its kind takes the category of its box or table
group ("农林水利项目") or `other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One category of the vocabulary."""

    key: str
    pattern: str


#: In priority order: the first rule that matches wins.
CATEGORIES: tuple[Category, ...] = (
    Category("rail",
             r"铁路|高铁|城际|轨道|地铁|\d号线|号线|动车所|三四线"),
    Category("hospitals",
             r"医院|卫生院|卫生服务中心|院区|医共体|妇幼|医养|医疗|康复|牙科"),
    Category("schools",
             r"学校|中学|小学|幼儿园|校区|高中|职教|教育|九年|大学|(?<!书)学院"),
    Category("social_services",
             r"养老|养护院|福利|殡仪|救助|康养基地|残疾"),
    Category("housing",
             r"安置房|住房|公寓|住区|未来社区|棚改|新村建设|宜居"),
    Category("energy",
             r"能源|电力|变电|输变电|(?<=\w)变$|\d+\s*[kK][vV]|千伏|供能|电厂|热电|光伏|天然气|电网"),
    Category("water",
             r"水利|水环境|水系|河|排涝|泵站|海塘|截污|污水|水库|护城河|闸|流域|清水|强排|水厂|"
             r"碧水|水安全|水灾害|水资源|水生态|水智慧|再生水|卡口"),
    Category("parks_green",
             r"公园|绿地|绿道|景观|湿地|绿化|生态|慢行"),
    Category("sports",
             r"体育|健身|奥体|运动"),
    Category("culture_tourism",
             r"博物馆|非遗馆|美术馆|图书馆|文化|艺术|旅游|景区|演艺|文旅|农旅|禅意|步行街|音乐|"
             r"风景线|游步道|体艺"),
    Category("transport_hubs",
             r"停车|场站|枢纽|P\+R|客运站|公交"),
    Category("roads",
             r"(?<!号)线$|路|大道|桥|通道|高速|快速|隧道|互通|接线|连接线|街(?!区|道)|省道|公路|断头路|路网"),
    Category("agriculture",
             r"农业|种业|田园|农村|乡村|育种|盆景|古村|强镇"),
    Category("commerce",
             r"商圈|广场|商业|购物|商贸|步行街|夜市"),
    Category("industry_platforms",
             r"开发区|产业园|园区|集聚区|产业|总部|小镇|飞地|孵化|创新中心|研究院|工研院|基地|"
             r"软件园|集聚平台|商务区|经济圈|金融|保险港|电商|跨境"),
    Category("development_blocks",
             r"区块|地块|新城|新区|片区|组团|TOD|港$|城市组团|融合区|片$"),
    Category("digital",
             r"5G|数据|信息|智治|视频|时空|数字|平台"),
    Category("environment",
             r"蓝天|净土|清废|污染|废|环境|大气"),
    Category("innovation",
             r"人才|科技|创新|创业|双创|数创|研发|院士|青年|英才|引才"),
    Category("programs",
             r"行动|计划|工程|政策|联盟|活动|培育|提升|倍增|机制|对接|合作|项目|体系"),
)
OTHER = Category("other", r"")
_BY_KEY = {c.key: c for c in (*CATEGORIES, OTHER)}
_COMPILED = [(c, re.compile(c.pattern)) for c in CATEGORIES]
#: Categories too vague to beat a more specific one found in the context.
_WEAK = {"programs", "innovation", "other"}
#: A group titled for one kind of facility ("农林水利项目", "学校建设重点项目")
#: decides the category of its entries, whatever words their names contain.
_CONTEXT_DECIDES = {
    "rail", "hospitals", "schools", "social_services", "housing", "energy", "water",
    "development_blocks", "agriculture",
}


def category_for(name: str, *, context: str = "", context_first: bool = False) -> str:
    """The key of the first category whose rule matches `name` (else `context`).

    With `context_first`, a context naming one facility kind wins over the name.
    """
    if context_first and context:
        ctx = _first_match(context)
        if ctx in _CONTEXT_DECIDES:
            return ctx
    if "TOD" in name:  # a transit-oriented block, whatever its station is called
        return "development_blocks"
    own = _first_match(name)
    if own not in _WEAK:
        return own
    ctx = _first_match(context) if context else OTHER.key
    if ctx not in _WEAK:
        return ctx
    return own if own != OTHER.key else ctx


def category(key: str) -> Category:
    """The category with `key`; raises KeyError listing the valid keys."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown category {key!r}; valid: {', '.join(_BY_KEY)}") from None


def category_keys() -> list[str]:
    """All category keys, rule order first, `other` last."""
    return [c.key for c in CATEGORIES] + [OTHER.key]


def _first_match(text: str) -> str:
    for cat, rx in _COMPILED:
        if rx.search(text):
            return cat.key
    return OTHER.key
