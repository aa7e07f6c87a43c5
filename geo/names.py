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
