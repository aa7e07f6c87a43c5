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
    """A document brought to be added cannot be read as a plan (size, format, encoding, scan)."""


class CatalogEditError(LayersError, ValueError):
    """Adding, replacing or removing a plan is refused (district, duplicate, unknown id); nothing changed."""
