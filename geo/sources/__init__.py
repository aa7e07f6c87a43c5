"""Place sources behind one interface (`PlaceSource.candidates`); see `geo.sources.base`."""

from geo.sources.base import DATUMS, Candidate, PlaceSource

__all__ = ["DATUMS", "Candidate", "PlaceSource"]
