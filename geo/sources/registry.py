"""Every place source the deployment has, by key: the gazetteer, the shipped extracts, imported layers, online geocoders."""

from __future__ import annotations

from geo.errors import SourceError
from geo.sources.base import PlaceSource
from geo.sources.gazetteer import GazetteerSource
from geo.sources.public import GeoNamesSource, MetroSource, OsmSource


def all_sources() -> dict[str, PlaceSource]:
    """Key → source. Imported layers and configured online geocoders join when those modules exist."""
    sources: list[PlaceSource] = [GazetteerSource(), GeoNamesSource(), OsmSource(), MetroSource()]
    try:
        from geo.sources.layer import imported_sources
    except ImportError:
        pass
    else:
        sources.extend(imported_sources())
    try:
        from geo.sources.online import configured_sources
    except ImportError:
        pass
    else:
        sources.extend(configured_sources())
    return {source.key: source for source in sources}


def source(key: str) -> PlaceSource:
    """The source with this key; a wrong key fails listing the valid ones."""
    sources = all_sources()
    try:
        return sources[key]
    except KeyError:
        raise SourceError(f"Unknown place source {key!r}; known: {', '.join(sorted(sources))}") from None
