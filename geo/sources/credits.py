"""Credit lines the licences of shipped public data require, found from the source texts actually used.

GeoNames (CC BY 4.0) asks for attribution; OpenStreetMap (ODbL 1.0) for
"© OpenStreetMap contributors". A map or export shows a line only when one of
its features' sources (or `derive` references) comes from that dataset.
"""

from __future__ import annotations

from collections.abc import Iterable

from geo.sources.public import GEONAMES_ATTRIBUTION, OSM_ATTRIBUTION

#: (credit line, markers: any of these in a source text or derive value means the data is used).
CREDITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (GEONAMES_ATTRIBUTION, ("geonames.org", "GeoNames")),
    (OSM_ATTRIBUTION, ("OpenStreetMap", "source:osm:")),
)


def credits_for(texts: Iterable[object]) -> list[str]:
    """The credit lines of the datasets that `texts` (sources, notes, derive values) name, in a fixed order."""
    joined = "\n".join(str(t) for t in texts if t is not None and t == t)  # t == t drops NaN
    return [line for line, markers in CREDITS if any(m in joined for m in markers)]
