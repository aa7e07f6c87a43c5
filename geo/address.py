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

from geo.errors import NotAPointError
from geo.gazetteer import Gazetteer
from geo.geocode import Located, district_from_context, locate
from geo.geoparse import find_places
from geo.precision import DRAWN, TOO_WIDE_TYPES

#: Words people add to a place that are not part of it ("宁波大学附近").
_FILLER = re.compile(r"(附近|周边|周围|旁边|一带|这里|那里)+$")


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

    Raises `NotAPointError` (an `AddressTooWideError`) when the address only
    names places too wide to search around (宁波市, 江北区) or places without a
    location; it carries the most specific of them and its district, so the
    answer can offer that district's list instead.
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
        if (place is None or place.lon is None or place.precision not in DRAWN
                or place.type in TOO_WIDE_TYPES):
            continue
        return AddressMatch(place, mention.name, parts, text[mention.end:].strip())
    last = mentions[-1]
    place = locate(last.name, district=district, gazetteer=gazetteer)
    raise not_a_point(place, parts=parts, unplaced=text[last.end:].strip(), asked=text) if place else \
        NotAPointError(f"{text}: found only {'、'.join(parts)}", parts, place=last.name, adcode=district or "",
                       reason="unlocated", unplaced=text[last.end:].strip())


def not_a_point(place: Located, *, parts: tuple[str, ...] = (), unplaced: str = "", asked: str = "") -> NotAPointError:
    """Why `place` cannot be the centre of a distance search, as an error carrying codes.

    A 市 or 区 is an area, not a point; a place the gazetteer knows only by district
    has just the district's representative point, which is no place at all; an
    unlocated one has none.
    """
    if place.type in TOO_WIDE_TYPES:
        reason = "city" if place.type == "city" else "district"
    elif place.lon is None or place.precision == "unlocated":
        reason = "unlocated"
    else:
        reason = "district_only"
    return NotAPointError(f"{asked or place.name}: {place.name} is {reason}, not a point to search around",
                          parts or (place.name,), place=place.name, adcode=place.adcode, reason=reason,
                          unplaced=unplaced)


def is_point(place: Located) -> bool:
    """Whether `place` can be the centre of a distance search (drawn, and not a 市/区)."""
    return place.lon is not None and place.precision in DRAWN and place.type not in TOO_WIDE_TYPES
