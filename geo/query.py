"""Where is this typed text: coordinates, a place name, part of a name or an address → one place.

Shaped like the place sources (`geo.sources.base`): every resolver answers
`resolve(text, *, district) -> Resolved` or raises a `GeoError`, and
`QueryResolver` asks them in turn. A resolver that does not recognise the text
raises `UnknownPlaceError`, which lets the next one try; any other error (a
place that is not a point, coordinates outside 宁波) is the answer. The result
is a `geo.geocode.Located` with, for an address, the words it could not place.
Nothing here knows about plans: what is planned near the place is
`layers.nearby`'s business.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import shapely
from shapely.geometry import Point

from geo.address import is_point, not_a_point, resolve_address, strip_filler
from geo.boundaries import in_ningbo
from geo.errors import GeoError, UnknownPlaceError
from geo.gazetteer import Gazetteer
from geo.geocode import Located, default_gazetteer, locate, unknown_place_message
from geo.names import normalise_query

#: "29.90,121.55", also with a full-width comma or spaces: latitude first, as phones show it.
_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,，]\s*(-?\d+(?:\.\d+)?)\s*$")
#: Suffixes dropped to find other places sharing a name's core ("钟公庙街道" → 钟公庙站).
_UNIT_SUFFIX = re.compile(r"(街道|镇|乡|村|社区|新城|区块)$")
#: `Located.method` of a point given as coordinates (typed, clicked or from the browser).
COORDINATES = "coordinates"

#: Whether a (lat, lon) lies in the area the gazetteer covers.
Inside = Callable[[float, float], bool]


def in_ningbo_at(lat: float, lon: float) -> bool:
    """The default area: 宁波市's outline with its sea margin (`geo.boundaries.in_ningbo`)."""
    return in_ningbo(Point(lon, lat))


@dataclass(frozen=True)
class Resolved(Located):
    """The place a typed text stands for.

    `unplaced`: for a typed address, the words no gazetteer place covers
    ("100号"), so an answer can say they were not used; empty otherwise.
    """

    unplaced: str = ""

    @property
    def latlon(self) -> tuple[float, float]:
        """(lat, lon): every resolver answers with a located point, never an unlocated entry."""
        if self.lat is None or self.lon is None:
            raise GeoError(f"{self.name} has no location")
        return self.lat, self.lon

    @classmethod
    def at(cls, *, lat: float, lon: float, name: str, source: str = "") -> Resolved:
        """A point given as coordinates: exact, as given, named as the caller says ("地图上点选的位置")."""
        return cls(id="", name=name, type="other", adcode="", geometry=shapely.Point(lon, lat), lon=lon, lat=lat,
                   precision="exact", method=COORDINATES, source=source)

    @classmethod
    def of(cls, place: Located, *, unplaced: str = "") -> Resolved:
        """A located gazetteer place as the answer, with the words of the text it left out."""
        return cls(**{f.name: getattr(place, f.name) for f in fields(Located)}, unplaced=unplaced)


class Resolver(ABC):
    """Typed text → the place it stands for. Subclasses recognise one way of writing a place."""

    @abstractmethod
    def resolve(self, text: str, *, district: str | None = None) -> Resolved:
        """The place `text` stands for.

        Parameters
        ----------
        text
            What a person typed, as typed.
        district
            Adcode or name of the district to prefer when a name is ambiguous.

        Raises
        ------
        UnknownPlaceError
            This resolver does not recognise the text (the message lists close names).
        NotAPointError
            The text names a 市/区 or a place without a point of its own.
        GeoError
            The text is recognised but cannot be answered (coordinates outside the area).
        """


class CoordinateResolver(Resolver):
    """"29.905, 121.63" → that point, when it lies in the area `inside` accepts."""

    def __init__(self, *, inside: Inside = in_ningbo_at) -> None:
        self.inside = inside

    def resolve(self, text: str, *, district: str | None = None) -> Resolved:
        point = parse_lat_lon(text)
        if point is None:
            raise UnknownPlaceError(f"{text!r} is not latitude,longitude")
        lat, lon = point
        if not self.inside(lat, lon):
            raise GeoError(f"{text.strip()} is not in 宁波 (expected latitude,longitude such as 29.90,121.55)")
        return Resolved.at(lat=lat, lon=lon, name=f"{lat:.5f}, {lon:.5f}", source="coordinates given")


class NameResolver(Resolver):
    """A gazetteer name or alias, whole or as the unique part of one ("文创" → 宁波文创港).

    Traditional characters, inner spaces and a trailing "附近" are read as the
    plain name. A name the gazetteer knows but cannot point at is refused with
    the reason (`NotAPointError`), not passed on to be read as an address.
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    def resolve(self, text: str, *, district: str | None = None) -> Resolved:
        gazetteer = self._gazetteer or default_gazetteer()
        text = _plain(text)
        found = locate(text, district=district, gazetteer=gazetteer)
        if found is None:
            found = _partial_match(text, gazetteer, district)
        if found is None:
            raise UnknownPlaceError(unknown_place_message(text, gazetteer))
        if not is_point(found):
            raise not_a_point(found, asked=text)
        return Resolved.of(found)


class AddressResolver(Resolver):
    """An address stands for the most specific located place it names (`geo.address`)."""

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    def resolve(self, text: str, *, district: str | None = None) -> Resolved:
        gazetteer = self._gazetteer or default_gazetteer()
        text = _plain(text)
        address = resolve_address(text, gazetteer=gazetteer, district=district)
        if address is None:
            raise UnknownPlaceError(unknown_place_message(text, gazetteer))
        return Resolved.of(address.place, unplaced=address.unplaced)


class QueryResolver(Resolver):
    """Coordinates, then a name (whole or part), then an address: the first that recognises the text answers.

    Parameters
    ----------
    inside
        Whether a typed (lat, lon) lies in the area served.
    gazetteer
        Defaults to the project's gazetteer, looked up at each call (so a
        curated place is found once the cache is cleared after a save).
    resolvers
        Replaces the default order.
    """

    def __init__(self, *, inside: Inside = in_ningbo_at, gazetteer: Gazetteer | None = None,
                 resolvers: Sequence[Resolver] | None = None) -> None:
        self.resolvers = tuple(resolvers) if resolvers is not None else (
            CoordinateResolver(inside=inside), NameResolver(gazetteer=gazetteer),
            AddressResolver(gazetteer=gazetteer))

    def resolve(self, text: str, *, district: str | None = None) -> Resolved:
        text = text.strip()
        if not text:
            raise UnknownPlaceError("Type a place name, e.g. 慈城, or click the map")
        unknown = UnknownPlaceError(f"No place found for {text!r}")
        for resolver in self.resolvers:
            try:
                return resolver.resolve(text, district=district)
            except UnknownPlaceError as exc:
                unknown = exc
        raise unknown


def parse_lat_lon(text: str) -> tuple[float, float] | None:
    """"29.90,121.55" (or with a full-width comma) → (lat, lon); None for anything else."""
    match = _LATLON.match(text)
    return (float(match.group(1)), float(match.group(2))) if match else None


def located_alternatives(name: str, *, limit: int = 5, gazetteer: Gazetteer | None = None) -> list[str]:
    """Located gazetteer places whose name contains `name`'s core ("钟公庙" → 钟公庙站).

    Offered when the typed place itself is not a point; never a guess that they
    are the same place.
    """
    gazetteer = gazetteer or default_gazetteer()
    core = _UNIT_SUFFIX.sub("", name) or name
    found: list[str] = []
    for candidate in sorted(gazetteer.names(), key=len):
        if core in candidate and candidate != name:
            entry = locate(candidate, gazetteer=gazetteer)
            if entry is not None and is_point(entry) and entry.name not in found:
                found.append(entry.name)
    return found[:limit]


def _plain(text: str) -> str:
    """The typed text as the gazetteer writes names: simplified, no spaces, no trailing "附近"."""
    return strip_filler(normalise_query(text.strip()))


def _partial_match(text: str, gazetteer: Gazetteer, district: str | None) -> Located | None:
    """The shortest located gazetteer name containing the query ("文创" → 宁波文创港)."""
    names = [n for n in gazetteer.names() if text in n]
    for name in sorted(names, key=len):
        entry = locate(name, district=district, gazetteer=gazetteer)
        if entry is not None and entry.lon is not None:
            return entry
    return None
