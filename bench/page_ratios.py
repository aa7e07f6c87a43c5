"""Every map page's load time as a ratio to Streamlit's own floor, in one run.

The target of issue 16 is relative: a page is "fast" when it draws within a
multiple of a bare Streamlit page (one line of text) measured *in the same
run* on the same loaded machine. So this script starts two servers (the app,
and the floor script of `bench/streamlit_floor.py`), then loads, interleaved
round by round and each in a fresh browser context with the network cut off:

- `floor`: the bare page, until its text shows;
- `overview`, `nearby` (a typed place, so its projects are drawn), `tours`
  (a built-in tour), `indicators` (the map view), `curation` (one place):
  until the map's features are drawn, in the page itself (the overview's
  in-page map) or in streamlit-folium's iframe (`testkit.browser.map_frame`
  waits for either);
- with `--before DIR` (another checkout of the app with its layers and
  vendor files in place, e.g. the commit before a change), `<page>_before`
  for each page measured: that checkout's page, in the same rounds, so a
  change is measured against what it replaced on the same machine at the
  same time.

One warm-up round fills the servers' caches and is not counted. Prints one
JSON line: the medians and each page's median divided by the floor's.

    .venv/bin/python bench/page_ratios.py [--loads 9] [--only tours indicators] [--before DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote


from playwright.sync_api import Browser, Page

from streamlit_floor import MARK, TEXT_ONLY  # the folder of this script is on sys.path
from testkit.browser import chromium, map_frame, offline_page
from testkit.server import running_app

#: Path and query of each map page, as a user's link would open it.
PAGES = {
    "overview": "/",
    "nearby": f"/nearby?place={quote('宁波大学')}",
    "tours": "/tours?tour=jiangbei-structure&step=1",
    "indicators": f"/indicators?table={quote('表2')}&view=map",
    "curation": "/curation?place=jb-ningbo-wenchuang-port",
}


def _page_names(text: str) -> list[str]:
    """`tours,indicators` or `tours`: the page names, each checked against `PAGES`."""
    names = [name for name in text.split(",") if name]
    unknown = [name for name in names if name not in PAGES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown page(s) {', '.join(unknown)}; choose from {', '.join(PAGES)}")
    return names


def _floor_ready(page: Page) -> None:
    page.get_by_text(MARK).wait_for(timeout=60_000)


def _map_ready(page: Page) -> None:
    map_frame(page, timeout_ms=60_000)


def _load(browser: Browser, url: str, ready: Callable[[Page], None]) -> tuple[float, int]:
    page, log = offline_page(browser)
    started = time.perf_counter()
    page.goto(url)
    ready(page)
    elapsed = time.perf_counter() - started
    page.context.close()
    return elapsed, len(log.blocked)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="counted loads of each page (default 5)")
    parser.add_argument("--only", nargs="*", type=_page_names, action="extend",
                        help="measure only these pages, space- or comma-separated (default all): " + ", ".join(PAGES))
    parser.add_argument("--before", type=Path, help="another checkout of the app; its pages are `<page>_before`")
    args = parser.parse_args(argv)
    only = [name for names in args.only or [] for name in names]
    pages = {name: path for name, path in PAGES.items() if not only or name in only}
    if args.before:
        pages.update({f"{name}_before": path for name, path in list(pages.items())})
    times: dict[str, list[float]] = {"floor": [], **{name: [] for name in pages}}
    blocked = 0
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser, contextlib.ExitStack() as stack:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(TEXT_ONLY, encoding="utf-8")
        floor_url = stack.enter_context(running_app(script=floor_script))
        app_url = stack.enter_context(running_app())
        before_url = stack.enter_context(running_app(root=args.before.resolve())) if args.before else None
        targets = {"floor": (floor_url, _floor_ready),
                   **{name: ((before_url if name.endswith("_before") else app_url) + path, _map_ready)
                      for name, path in pages.items()}}
        for round_no in range(args.loads + 1):
            for name, (url, ready) in targets.items():
                elapsed, n_blocked = _load(browser, url, ready)
                blocked += n_blocked
                if round_no:  # round 0 fills the servers' caches
                    times[name].append(elapsed)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(json.dumps({
        "name": "page_ratios",
        "n": args.loads,
        **{f"{name}_median_s": round(value, 3) for name, value in medians.items()},
        **{f"{name}_ratio": round(medians[name] / medians["floor"], 2) for name in pages},
        "blocked_external_requests": blocked,
    }))


if __name__ == "__main__":
    main()
