"""Find where a typed address is, from the gazetteer places it names.

There is no offline address register for 宁波, so a house number
("大庆南路100号") or an estate the gazetteer lacks cannot be placed. An address
still names places on its way down (市 → 区 → 街道 → 路 → 小区), and Chinese
addresses write them from the widest to the narrowest. So the most specific
located place named in the address stands for it, and the answer says which
words it used and which it could not place; nothing is guessed beyond that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.errors import AddressTooWideError
from geo.gazetteer import Gazetteer
from geo.geocode import Located, district_from_context, locate
from geo.geoparse import find_places

#: Words people add to a place that are not part of it ("宁波大学附近").
_FILLER = re.compile(r"(附近|周边|周围|旁边|一带|这里|那里)+$")
#: Too wide to be the centre of a "near me" search.
_TOO_WIDE_TYPES = {"city", "district"}
_DRAWN = {"exact", "approximate"}


@dataclass(frozen=True)
class AddressMatch:
    """The place an address resolves to, and what of the address it used.

    `parts`: every gazetteer name found in the address, in order;
    `unplaced`: what follows the chosen name ("100号", "天合家园"), empty if nothing.
    """

    place: Located
    matched: str
    parts: tuple[str, ...]
    unplaced: str


def strip_filler(text: str) -> str:
    """The place without a trailing "附近" and the like; the text itself if that is all it is."""
    return _FILLER.sub("", text).strip() or text


def resolve_address(text: str, *, gazetteer: Gazetteer, district: str | None = None) -> AddressMatch | None:
    """The most specific drawn place an address names, or None when it names none.

    Raises `AddressTooWideError` when the address only names places too wide
    to search around (宁波市, 江北区) or places without a location, saying which.
    """
    text = strip_filler(text.strip())
    district = district or district_from_context(text)
    mentions = find_places(text, gazetteer=gazetteer, district=district)
    if not mentions:
        return None
    parts = tuple(m.name for m in mentions)
    # Narrowest first: the later a name stands in the address, the more specific it is.
    for mention in reversed(mentions):
        place = locate(mention.name, district=district, gazetteer=gazetteer)
        if (place is None or place.lon is None or place.precision not in _DRAWN
                or place.type in _TOO_WIDE_TYPES):
            continue
        return AddressMatch(place, mention.name, parts, text[mention.end:].strip())
    raise AddressTooWideError(f"{text}: found only {'、'.join(parts)}, too wide or not located to search "
                              "around; type a street, a building or a landmark, or click the map", parts)
