"""`python -m layers nearby PLACE`: projects planned near a place, nearest first, on the command line.

The search is `layers.nearby`'s; this module words its answer (view/ holds the
words, layers never imports view), and the `layers` command line names it by
string, so the documented command stays.
"""

from __future__ import annotations

import argparse
import json
import sys

from geo.errors import GeoError
from layers.errors import LayersError
from geo.query import QueryResolver
from layers.nearby import projects_near
from layers.store import read_layer
from view.nearby_words import format_distance, nearby_summary
from view.text import precision_labels, t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers nearby",
                                     description="Projects planned near a place, nearest first.")
    parser.add_argument("place", help="a place name (慈城, 宁波大学 …), an address or 'lat,lon'")
    parser.add_argument("--radius", type=float, default=2000, help="metres (default 2000)")
    parser.add_argument("--district", help="district to prefer for ambiguous names (江北区 or 330205)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        origin = QueryResolver().resolve(args.place, district=args.district)
        result = projects_near(read_layer("projects"), origin, radius_m=args.radius,
                               districts=read_layer("districts"))
    except (GeoError, LayersError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = [
        {"id": r.id, "name": r.name, "category": r.category, "distance_m": int(r.distance_m),
         "precision": r.precision}
        for r in result.within.itertuples()
    ]
    if args.json:
        print(json.dumps({
            "origin": {"name": origin.name, "lon": origin.lon, "lat": origin.lat,
                       "precision": origin.precision, "unplaced": origin.unplaced},
            "radius_m": args.radius, "projects": rows,
            "district_only": [{"id": r.id, "name": r.name, "district": r.district}
                              for r in result.district_only.itertuples()],
        }, ensure_ascii=False, indent=2))
    else:
        print(f"{origin.name} ({origin.lat:.5f}, {origin.lon:.5f}) — {nearby_summary(result)}")
        if origin.unplaced:
            print(t("cli_nearby_unplaced").format(
                rest=origin.unplaced, name=origin.name,
                precision=precision_labels().get(origin.precision, origin.precision)))
        for row in rows:
            print(f"{format_distance(row['distance_m']):>9}  {row['name']}  [{row['category']}, {row['precision']}]")
        if len(result.district_only):
            print(t("cli_nearby_district_only").format(n=len(result.district_only)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
