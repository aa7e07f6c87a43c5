"""Place name → gazetteer entry → geometry, with precision, method and source.

Names are matched exactly (canonical name or alias). When several entries share
a name, the one in the document's district wins, then one in 宁波市, then any
(`Gazetteer.lookup` orders them), so "江北区" in any of our documents is 宁波's
330205 even if another 江北区 were in the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import shapely

from geo.errors import UnknownPlaceError
from geo.gazetteer import Entry, Gazetteer, load_gazetteer
from geo.settings import NINGBO_DISTRICTS


@dataclass(frozen=True)
class Located:
    """Where a name is. Geometry and lon/lat (representative point) are WGS84; None if unlocated."""

    id: str
    name: str
    type: str
    adcode: str
    geometry: shapely.Geometry | None
    lon: float | None
    lat: float | None
    precision: str
    method: str
    source: str

    @classmethod
    def from_entry(cls, entry: Entry) -> Located:
        return cls(
            id=entry.id, name=entry.name, type=entry.type, adcode=entry.adcode,
            geometry=entry.geometry, lon=entry.lon, lat=entry.lat,
            precision=entry.precision, method=entry.method, source=entry.source,
        )


def locate(
    name: str,
    *,
    district: str | None = None,
    context: str = "",
    gazetteer: Gazetteer | None = None,
) -> Located | None:
    """The best gazetteer entry for `name`, or None when the name is unknown.

    Parameters
    ----------
    name
        A place name as written (canonical name or alias).
    district
        The document's district, as adcode or name (330205, 江北区, 江北).
    context
        Text around the mention; when `district` is not given, the 宁波
        district it names most often is used instead.
    gazetteer
        Defaults to the project's gazetteer, loaded once.

    Returns
    -------
    A `Located` (an unlocated entry is returned too, with geometry None), or None.
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    if district is None and context:
        district = district_from_context(context)
    matches = gaz.lookup(name, district=district)
    return Located.from_entry(matches[0]) if matches else None


def locate_or_raise(
    name: str,
    *,
    district: str | None = None,
    context: str = "",
    gazetteer: Gazetteer | None = None,
) -> Located:
    """Like `locate`, but an unknown name raises `UnknownPlaceError` listing close names."""
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    found = locate(name, district=district, context=context, gazetteer=gaz)
    if found is None:
        raise UnknownPlaceError(unknown_place_message(name, gaz))
    return found


def unknown_place_message(name: str, gazetteer: Gazetteer) -> str:
    """Message for a name not in the gazetteer: the name, close names, the way out."""
    close = gazetteer.suggest(name)
    hint = f"close names: {'、'.join(close)}" if close else "no close names"
    return f"No gazetteer entry named {name!r} ({hint}); add it to a data/gazetteer/*.csv file"


def district_from_context(context: str) -> str | None:
    """Adcode of the 宁波 district named most often in `context` (full or short name)."""
    counts: Counter[str] = Counter()
    for adcode, full in NINGBO_DISTRICTS.items():
        counts[adcode] = len(re.findall(re.escape(full[:-1]), context))
    adcode, count = counts.most_common(1)[0]
    return adcode if count else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The project gazetteer from data/gazetteer/, loaded once per process."""
    return load_gazetteer()
