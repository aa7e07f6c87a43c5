"""The gazetteer files (`data/gazetteer/`) as one place source."""

from __future__ import annotations

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.names import normalise_query
from geo.precision import DRAWN
from geo.sources.base import Candidate, PlaceSource


class GazetteerSource(PlaceSource):
    """Located gazetteer entries whose name or alias is the asked name.

    Each candidate names the file, line and id of its row; the row's own
    `source` column says where its coordinate came from, so the licence is
    that of the row's source (stated there), not one of this source.
    """

    key = "gazetteer"
    title = "Plan map gazetteer (data/gazetteer/)"
    licence = "per row: see its source column"
    attribution = ""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        out = []
        for entry in self.gazetteer.lookup(normalise_query(name), district=district):
            if not entry.located or entry.precision not in DRAWN:
                continue
            out.append(Candidate(
                name=entry.name, geometry=entry.geometry, precision=entry.precision,
                source=f"data/gazetteer/{entry.file}:{entry.line} ({entry.id}); {entry.source}",
                licence=self.licence, datum="wgs84", source_key=self.key, type=entry.type,
                matched="canonical name" if entry.name == name else "alias",
                adcode=entry.adcode, feature_id=entry.id,
            ))
        return out
