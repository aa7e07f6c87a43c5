"""One interface for every place source: the gazetteer, shipped public data, imported GIS layers, online geocoders.

Shaped like geopy's geocoders: each source answers
`candidates(name, *, district) -> list[Candidate]`, and every candidate carries
what an editor needs to trust it or not: a WGS84 geometry, our precision, the
source (file + feature id, or provider + query + date), the licence, the datum
the coordinate came in and why it matched. Sources only read and convert; the
matching rules that decide what may be applied live in `geo.sources.matching`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import shapely

#: Datums a source may deliver coordinates in. CGCS2000 differs from WGS84 by
#: centimetres, far below what the map shows, so it is read as WGS84.
DATUMS = ("wgs84", "cgcs2000", "gcj02", "bd09")


@dataclass(frozen=True)
class Candidate:
    """A place a source offers for a name. `geometry` is WGS84 (EPSG:4326), longitude first.

    `precision` uses the gazetteer's vocabulary (`exact`, `approximate`,
    `district`); `type` the gazetteer's types where the source says what the
    feature is (None when it does not). `source` names the very feature (file
    and feature id, or provider, query and date) so that anyone can look it up
    again; `licence` and `attribution` travel with it into the data and the
    credits; `datum` is what the coordinate came in before conversion;
    `matched` says in words why this feature was offered for the name.
    """

    name: str
    geometry: shapely.Geometry
    precision: str
    source: str
    licence: str
    datum: str
    matched: str
    source_key: str
    type: str | None = None
    adcode: str | None = None
    attribution: str = ""
    feature_id: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def point(self) -> shapely.Point:
        """A representative WGS84 point (inside polygons, on lines)."""
        geom = self.geometry
        return geom if isinstance(geom, shapely.Point) else geom.representative_point()


class PlaceSource(ABC):
    """A source of candidate places. Subclasses set `key`, `title`, `licence`, `attribution`."""

    #: Short stable identifier, e.g. "geonames", "osm", "amap".
    key: str = ""
    #: Human-readable title of the source.
    title: str = ""
    licence: str = ""
    #: Credit line the map and exports must show when any of its data is used.
    attribution: str = ""

    @abstractmethod
    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        """Candidates for `name`, best first; empty when the source knows none.

        Parameters
        ----------
        name
            A place name as a plan writes it.
        district
            Adcode (or name) of the county-level unit the place should lie in;
            a source may use it to narrow its search, and matching rejects
            candidates outside it in any case.
        """
