"""Find gazetteer place names in text: (name as written, start, end, entry id).

All names and aliases go into one compiled regex alternation, longest first.
At each position the regex engine tries alternatives in order, so the longest
name starting there wins ("宁波文创港" over "文创港"), and `finditer` keeps the
matches non-overlapping from left to right.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from geo.gazetteer import Gazetteer

#: Single characters (江, 湖) would match everywhere in Chinese text.
MIN_NAME_LENGTH = 2
#: Compiled pattern per gazetteer object, so each document does not recompile it.
_PATTERNS: weakref.WeakKeyDictionary[Gazetteer, re.Pattern[str] | None] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Mention:
    """One place name in a text; `text[start:end] == name`."""

    name: str
    start: int
    end: int
    id: str


def find_places(text: str, *, gazetteer: Gazetteer, district: str | None = None) -> list[Mention]:
    """Every gazetteer name or alias in `text`, longest match first, non-overlapping.

    Parameters
    ----------
    text
        The document text; offsets index this exact string.
    gazetteer
        The names to look for.
    district
        The document's district (adcode or name); decides between entries that
        share a name, as `Gazetteer.lookup` does.
    """
    pattern = name_pattern(gazetteer)
    if pattern is None:
        return []
    chosen: dict[str, str] = {}
    mentions = []
    for match in pattern.finditer(text):
        name = match.group()
        if name not in chosen:
            chosen[name] = gazetteer.lookup(name, district=district)[0].id
        mentions.append(Mention(name, match.start(), match.end(), chosen[name]))
    return mentions


def name_pattern(gazetteer: Gazetteer) -> re.Pattern[str] | None:
    """The alternation of all names of at least `MIN_NAME_LENGTH` characters, longest first.

    Compiled once per gazetteer object.
    """
    if gazetteer in _PATTERNS:
        return _PATTERNS[gazetteer]
    names = sorted(
        (n for n in gazetteer.names() if len(n) >= MIN_NAME_LENGTH),
        key=lambda n: (-len(n), n),
    )
    pattern = re.compile("|".join(map(re.escape, names))) if names else None
    _PATTERNS[gazetteer] = pattern
    return pattern
