"""How precisely a place or a record is located: the product's one vocabulary for it.

Every gazetteer row, every record of the built layers and every place a source
offers carries one of four precisions. They are stored as plain strings
(`precision` columns of the gazetteer CSVs and of the layer store); the enum's
values are exactly those strings, so a `Precision` compares equal to what was
read from disk and is written back unchanged.

`DRAWN` are the precisions with a shape of their own, the ones a map draws and
a distance can be measured from. `TOO_WIDE_TYPES` are the gazetteer types that
name a whole administrative unit: a place of such a type is located, but too
wide to stand for a place.
"""

from __future__ import annotations

import enum
from typing import Final


class Precision(enum.StrEnum):
    """How precisely something is located, best first (the order is the ranking)."""

    #: A published coordinate or an outline of the thing itself.
    EXACT = "exact"
    #: Drawn from a description or derived (a hull of members, a road between two places).
    APPROXIMATE = "approximate"
    #: Known only by the district it lies in; drawn, if at all, as that district.
    DISTRICT = "district"
    #: No location yet.
    UNLOCATED = "unlocated"


#: All precisions, best first; `PRECISIONS.index(p)` ranks them (0 is best).
PRECISIONS: Final[tuple[Precision, ...]] = tuple(Precision)

#: Precisions with a shape of their own: the map draws them and near-me measures from them.
#: A district-only record is shown as its district, which says nothing about where in it.
DRAWN: Final[frozenset[Precision]] = frozenset({Precision.EXACT, Precision.APPROXIMATE})

#: Gazetteer types that name a whole administrative unit (宁波市, 江北区). Such a place is located,
#: but too wide to be a place: it is not the centre of a near-me search, does not place a project,
#: does not relate two records (each record names its own district), is not the subject of a
#: place figure and is not offered for curation as a place.
TOO_WIDE_TYPES: Final[frozenset[str]] = frozenset({"city", "district"})


def rank(precision: str) -> int:
    """0 for exact … 3 for unlocated; a `ValueError` naming the four for anything else."""
    try:
        return PRECISIONS.index(Precision(precision))
    except ValueError:
        raise ValueError(f"unknown precision {precision!r}; expected one of {', '.join(PRECISIONS)}") from None


def is_drawn(precision: object) -> bool:
    """Whether a stored precision value (a string, or None/NaN from a table) is one the map draws."""
    return isinstance(precision, str) and precision in DRAWN
