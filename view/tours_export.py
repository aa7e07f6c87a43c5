"""`python -m layers tour-export TOUR_ID --out FILE.html`: a tour as one offline HTML file.

Lives in `view/` because it draws (layers never imports view); the `layers`
command line names this module by string, so the documented command stays.
The file inlines Leaflet, the map scripts, the vector basemap, the plan layers
and the tour, so it opens from disk in a browser with networking off.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.access import files
from layers.errors import LayersError
from layers.store import read_layer
from layers.tours import TOURS_DIR, list_tours, load_tour
from view.planmap import plan_payload
from view.tours import standalone_html, tour_map


def export_tour_html(tour_id: str, *, lang: str = "zh", start_step: int = 1, tours_dir: Path = TOURS_DIR) -> str:
    """The standalone HTML of one tour; raises `TourError` for a bad tour, `LayerStoreError` without layers."""
    tour = load_tour(tour_id, tours_dir=tours_dir)
    frames = {name: read_layer(name) for name in ("projects", "structures", "places", "districts")}
    plan = plan_payload(**frames, lang=lang, source_url=None)
    m = tour_map(tour, districts=frames["districts"], plan=plan, lang=lang, start_step=start_step,
                 source_url=None)
    return standalone_html(m, title=tour.title[lang])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers tour-export",
                                     description="Write one tour as a self-contained offline HTML file.")
    parser.add_argument("tour_id", help=f"one of: {', '.join(list_tours())}")
    parser.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)
    try:
        page = export_tour_html(args.tour_id, lang=args.lang)
    except LayersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        if args.out.is_dir():
            raise IsADirectoryError(21, "it is a folder; give the HTML file to write")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        files.replace_atomically(args.out, page.encode("utf-8"))  # a failed write leaves no half file
    except OSError as exc:
        print(f"error: cannot write {args.out.name}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({len(page.encode('utf-8')) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
