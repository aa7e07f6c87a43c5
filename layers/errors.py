"""Exceptions raised by `layers/`. Each also inherits the builtin a caller expects."""

from __future__ import annotations


class LayersError(Exception):
    """Root of every error raised by `layers/`."""


class PlanFormatError(LayersError, ValueError):
    """A plan document cannot be read or split; the message names document and offset."""


class UnknownPlanError(LayersError, LookupError):
    """A plan id is not in the catalog; the message lists the known ids."""


class LayerStoreError(LayersError, OSError):
    """The layer GeoPackage is missing or lacks a table; says how to rebuild it."""


class DocumentError(PlanFormatError):
    """A document brought to be added cannot be read as a plan (size, format, encoding, scan).

    `code` names the reason (too_large, binary, scanned, encoding, …) so the app
    can say it in the user's language; the message gives the details.
    """

    def __init__(self, message: str, *, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


class CatalogEditError(LayersError, ValueError):
    """Adding, replacing or removing a plan is refused (duplicate, unknown id, tour, …); nothing changed.

    `code` names the reason, as for `DocumentError`.
    """

    def __init__(self, message: str, *, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code
