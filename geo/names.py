"""Normalising place names typed by people before they are looked up."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise_query(text: str) -> str:
    """Trim, drop inner spaces and turn traditional characters into simplified ones.

    The gazetteer is in simplified Chinese, as the plans are; people may type
    寧波大學 for 宁波大学.
    """
    return _to_simplified().convert("".join(text.split()))


#: Suffixes of county-level unit names left out of their romanised form.
_UNIT_SUFFIXES = ("自治县", "自治旗", "区", "县", "市", "旗")


def romanised(name: str) -> str:
    """A place name in pinyin without tones, for English labels: 江北区 → Jiangbei.

    Made with pypinyin's word list, so common names come out right; a rare
    reading of a polyphonic character may not (朝阳 → Zhaoyang). The unit
    suffix (区, 县, 市 …) is left out when a name of two characters or more remains.
    """
    from pypinyin import lazy_pinyin  # imported here: only English labels need it

    stem = name
    for suffix in _UNIT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            break
    return "".join(lazy_pinyin(stem)).capitalize() or name
