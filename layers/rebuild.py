"""Rebuild only the layers a curated place affects, after an editor saves.

A full `python -m layers build` redoes every table; after one place changed,
only the `places` and `rail` tables and the project and structure records
that mention that place (or a place derived from it) can differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from layers.settings import LAYERS_GPKG


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild redid: rows rewritten per table, the places considered, seconds taken.

    `full` is True when there was no store and everything was built.
    """

    tables: dict[str, int]
    place_ids: tuple[str, ...]
    seconds: float
    full: bool = False
    records: dict[str, int] = field(default_factory=dict)


def rebuild_for_places(place_ids: Iterable[str], *, path: Path = LAYERS_GPKG) -> RebuildReport:
    """Redo the tables and records that the given places affect, atomically.

    The store is copied, the copy updated and moved into place, so readers see
    the old or the new store. Without a store, this is a full `layers.build.build`.
    """
    raise NotImplementedError
