"""Every map page's load time as a ratio to Streamlit's own floor, in one run.

The target of issue 16 is relative: a page is "fast" when it draws within a
multiple of a bare Streamlit page (one line of text) measured *in the same
run* on the same loaded machine. So this script starts two servers (the app,
and the floor script of `bench/streamlit_floor.py`), then loads, interleaved
round by round and each in a fresh browser context with the network cut off:

- `floor`: the bare page, until its text shows;
- `overview`, `nearby` (a typed place, so its projects are drawn), `tours`
  (a built-in tour), `indicators` (the map view), `curation` (one place):
  until the map's features are drawn in the map's iframe (`testkit.browser.map_frame`).

One warm-up round fills the servers' caches and is not counted. Prints one
JSON line: the medians and each page's median divided by the floor's.

    .venv/bin/python bench/page_ratios.py [--loads 9]
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {"floor": [], **{name: [] for name in PAGES}}
    blocked = 0
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(TEXT_ONLY, encoding="utf-8")
        with running_app(script=floor_script) as floor_url, running_app() as app_url:
            targets = {"floor": (floor_url, _floor_ready),
                       **{name: (app_url + path, _map_ready) for name, path in PAGES.items()}}
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
        **{f"{name}_ratio": round(medians[name] / medians["floor"], 2) for name in PAGES},
        "blocked_external_requests": blocked,
    }))


if __name__ == "__main__":
    main()
