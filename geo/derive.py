"""Derived geometries of gazetteer entries: `through`, `hull`, `boundary`, `district`, `same`.

A gazetteer row may, instead of a coordinate, name a recipe in its `derive`
column (see data/gazetteer/README.md):

- `through:ID1,ID2,...` a line through the members' points, in that order;
- `hull:ID1,ID2,...` the convex hull of the members, widened by `HULL_MARGIN_M`;
- `boundary:ADCODE1|ADCODE2` the shared border of two units;
- `district:ADCODE` the polygon of one administrative unit;
- `same:ID` the geometry of another entry (an editor's "this 外滩 is 老外滩");
- `source:KEY:FEATURE` a feature of a shipped public extract, read from
  `data/sources/` (`source:osm:r12`: row 12 of the OpenStreetMap extract), so
  that ODbL geometry stays in its own file and the gazetteer holds the reference.

Members may themselves be derived; `derive_all` resolves them in dependency
order and reports unknown ids, unlocated members and cycles per row instead of
stopping at the first one. Geometries are WGS84; metric work goes through
`geo.crs`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry import LineString, Point

from geo import boundaries, crs
from geo.errors import GeoError
from geo.settings import STORAGE_CRS

#: Recipe kinds understood by `parse_recipe`.
RECIPE_KINDS = ("through", "hull", "boundary", "district", "same", "source")
#: Extracts a `source:` recipe may name (see data/sources/README.md).
SOURCE_KEYS = ("osm",)
#: Margin (metres) around a hull: a hull of two or three points would otherwise
#: be a line or a sliver; 200 m is about a city block, small at district scale.
HULL_MARGIN_M = 200.0
#: Segments per quarter circle when buffering; 32 keeps a circle's area within
#: 0.1 % of πr².
_QUAD_SEGS = 32
_ADCODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class Recipe:
    """A parsed `derive` value: its kind and its arguments (ids or adcodes)."""

    kind: str
    args: tuple[str, ...]

    @property
    def member_ids(self) -> tuple[str, ...]:
        """Gazetteer ids this recipe needs (none for boundary/district recipes)."""
        return self.args if self.kind in ("through", "hull", "same") else ()


def parse_recipe(text: str) -> Recipe:
    """Parse `kind:args`; raises `ValueError` saying what is wrong and what is expected."""
    kind, sep, rest = text.strip().partition(":")
    kind = kind.strip()
    if not sep or kind not in RECIPE_KINDS:
        raise ValueError(
            f"derive {text!r} is not KIND:ARGS with KIND one of {', '.join(RECIPE_KINDS)}"
        )
    if kind in ("through", "hull"):
        ids = tuple(part.strip() for part in rest.split(","))
        if any(not i for i in ids) or len(ids) < 2:
            raise ValueError(f"derive {text!r}: {kind} needs at least two comma-separated ids")
        return Recipe(kind, ids)
    if kind == "same":
        target = rest.strip()
        if not target or "," in target:
            raise ValueError(f"derive {text!r}: same needs exactly one id")
        return Recipe(kind, (target,))
    if kind == "source":
        key, sep, feature = (part.strip() for part in rest.partition(":"))
        if not sep or key not in SOURCE_KEYS or not feature:
            raise ValueError(f"derive {text!r}: expected source:KEY:FEATURE with KEY one of {', '.join(SOURCE_KEYS)}")
        return Recipe(kind, (key, feature))
    codes = tuple(part.strip() for part in rest.split("|"))
    want = 2 if kind == "boundary" else 1
    if len(codes) != want or not all(_ADCODE.match(c) for c in codes):
        shape = "ADCODE1|ADCODE2" if kind == "boundary" else "ADCODE"
        raise ValueError(f"derive {text!r}: expected {kind}:{shape} with 6-digit adcodes")
    return Recipe(kind, codes)


def derive_all(
    recipes: Mapping[str, Recipe],
    located: Mapping[str, shapely.Geometry | None],
    *,
    anchors: Mapping[str, Point] | None = None,
) -> tuple[dict[str, shapely.Geometry], dict[str, str]]:
    """Build every recipe's geometry once its members are known.

    Parameters
    ----------
    recipes
        Entry id → recipe, for the rows that have one.
    located
        Entry id → WGS84 geometry for every other row (None when unlocated).
    anchors
        Entry id → published point, for members whose geometry is a shape;
        `through` lines pass through these rather than a computed point.

    Returns
    -------
    The derived geometries by id, and a problem message by id for each recipe
    that could not be built (unknown or unlocated member, cycle, empty result).
    """
    done: dict[str, shapely.Geometry] = {}
    problems: dict[str, str] = {}
    for entry_id in recipes:
        _resolve(entry_id, recipes, located, anchors or {}, done, problems, visiting=[])
    return done, problems


def representative_point(geometry: shapely.Geometry) -> Point:
    """One point that stands for a geometry: itself, its centroid if inside, else a point on it."""
    if isinstance(geometry, Point):
        return geometry
    centroid = geometry.centroid
    if geometry.geom_type.endswith("Polygon") and geometry.contains(centroid):
        return centroid
    return geometry.representative_point()


def buffer_m(geometry: shapely.Geometry, metres: float) -> shapely.Geometry:
    """Buffer a WGS84 geometry by `metres`, measured in the metric CRS."""
    series = gpd.GeoSeries([geometry], crs=STORAGE_CRS)
    metric = crs.to_metric(series).buffer(metres, quad_segs=_QUAD_SEGS)
    return crs.from_metric(metric).iloc[0]


def build(
    recipe: Recipe,
    members: Mapping[str, shapely.Geometry],
    *,
    anchors: Mapping[str, Point] | None = None,
) -> shapely.Geometry:
    """The geometry of one recipe whose members (by id) are all located."""
    if recipe.kind == "through":
        anchors = anchors or {}
        points = [anchors.get(i) or representative_point(members[i]) for i in recipe.args]
        return LineString([(p.x, p.y) for p in points])
    if recipe.kind == "hull":
        union = shapely.union_all([members[i] for i in recipe.args])
        return buffer_m(union.convex_hull, HULL_MARGIN_M)
    if recipe.kind == "boundary":
        return boundaries.shared_border(*recipe.args)
    if recipe.kind == "same":
        return members[recipe.args[0]]
    if recipe.kind == "source":
        from geo.sources.public import osm_geometry  # the extracts are read only when a row refers to one

        return osm_geometry(recipe.args[1])
    return boundaries.unit_geometry(recipe.args[0])


def _resolve(
    entry_id: str,
    recipes: Mapping[str, Recipe],
    located: Mapping[str, shapely.Geometry | None],
    anchors: Mapping[str, Point],
    done: dict[str, shapely.Geometry],
    problems: dict[str, str],
    *,
    visiting: list[str],
) -> shapely.Geometry | None:
    """Depth-first: build members first; `visiting` is the current chain, to spot cycles."""
    if entry_id in done:
        return done[entry_id]
    if entry_id in problems:
        return None
    if entry_id in visiting:
        cycle = " → ".join([*visiting[visiting.index(entry_id):], entry_id])
        problems[entry_id] = f"derive recipes form a cycle: {cycle}"
        return None
    recipe = recipes[entry_id]
    members: dict[str, shapely.Geometry] = {}
    for member in recipe.member_ids:
        if member in recipes:
            geometry = _resolve(
                member, recipes, located, anchors, done, problems, visiting=[*visiting, entry_id]
            )
            if geometry is None:
                problems.setdefault(entry_id, f"derive member {member!r} could not be derived")
                return None
        elif member in located:
            geometry = located[member]
            if geometry is None:
                problems[entry_id] = f"derive member {member!r} is unlocated"
                return None
        else:
            problems[entry_id] = f"derive names unknown id {member!r}"
            return None
        members[member] = geometry
    try:
        geometry = build(recipe, members, anchors=anchors)
    except GeoError as exc:
        problems[entry_id] = f"derive failed: {exc}"
        return None
    if geometry.is_empty:
        problems[entry_id] = f"derive {recipe.kind}:{'|'.join(recipe.args)} gives an empty geometry"
        return None
    done[entry_id] = geometry
    return geometry
