"""What a curated row may hold: plain one-line text, and a valid geometry inside 宁波市.

Both the store (`geo.curation.store`, a save) and an import
(`geo.curation.imports`, a reviewed file) ask the same questions here, so a
place cannot get in by one door that the other refuses.
"""

from __future__ import annotations

import re
import unicodedata

import shapely

from geo.boundaries import in_ningbo
from geo.errors import CurationError, GazetteerFormatError

#: Decimals kept in a digitized WKT: 1e-7° ≈ 1 cm, finer than any drawing.
WKT_DECIMALS = 7


#: Markup a place name never needs, and that a page could read as HTML or Markdown:
#: a tag, an entity, a Markdown link or image, a code span.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&#?\w+;|\]\(|`")


def text_problem(values: dict[str, str]) -> str | None:
    """Why the text of a row cannot be stored (a control character anywhere, markup in a name), or None.

    A control character (NUL included) would make git treat `entries.csv` as
    binary and shows as nothing; names are shown on every map and page.
    """
    for column, value in values.items():
        bad = next((ch for ch in str(value or "") if unicodedata.category(ch) == "Cc"), None)
        if bad is not None:
            return f"{column} contains the control character U+{ord(bad):04X}; remove it"
    name = str(values.get("name") or "")
    if _MARKUP.search(name):
        return f"name {name!r} contains markup (<…>, &…;, ](, `); a place name is plain text"
    return None


def geometry_problem(geometry: object) -> str | None:
    """Why a geometry cannot be stored (not a shape, empty, invalid, outside 宁波市), or None."""
    if not isinstance(geometry, shapely.Geometry):
        return f"not a geometry: {type(geometry).__name__}"
    if geometry.is_empty:
        return "the geometry is empty"
    if geometry.geom_type not in ("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"):
        return f"a {geometry.geom_type} cannot be stored; draw a point, line or polygon"
    if not geometry.is_valid:
        return f"the geometry is not valid: {shapely.is_valid_reason(geometry)}"
    minx, miny, maxx, maxy = geometry.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        return "coordinates are not longitude/latitude in degrees (WGS84, longitude first)"
    if not in_ningbo(geometry):  # ports, piers and sea bridges lie just off the land polygon
        return (f"the geometry is not inside 宁波市 (lon {minx:.4f}…{maxx:.4f}, lat {miny:.4f}…{maxy:.4f}); "
                "check that longitude comes first and the datum is WGS84")
    return None


def wkt_geometry(text: str) -> shapely.Geometry:
    """The geometry a stored `wkt` cell describes; `CurationError` when it does not parse."""
    try:
        return shapely.from_wkt(text)
    except shapely.errors.ShapelyError as exc:
        raise CurationError(f"wkt does not parse: {exc}") from None


def to_wkt(geometry: shapely.Geometry) -> str:
    """WKT of a WGS84 geometry as stored in the gazetteer (longitude first, 7 decimals)."""
    return shapely.to_wkt(geometry, rounding_precision=WKT_DECIMALS, trim=True)


def gazetteer_problems(exc: GazetteerFormatError) -> str:
    """The loader's list of problems without its heading (which names a folder, not the change)."""
    lines = str(exc).splitlines()
    return "; ".join(line.strip() for line in lines[1:]) or str(exc)


def one_line(value: object) -> str:
    """Free text as stored: stripped, one line (a CSV field stays on one line and diffs cleanly)."""
    return " ".join(str(value or "").split())
