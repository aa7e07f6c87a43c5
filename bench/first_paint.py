"""Time from navigation until the overview map's features are drawn, in Chromium.

Starts the app once, loads the page 5 times in fresh browser contexts (so
nothing is cached between loads) and prints one JSON object with the median:
once as a new visitor sees it, once with every plan layer switched on through
the URL (`?layers=…`), the planner's heaviest view.
"""

from __future__ import annotations

import json
import statistics
import time


from layers.store import read_layer
from testkit.browser import chromium, leaflet_frame, map_frame, offline_page
from view.planmap import plan_payload
from testkit.server import running_app

LOADS = 5


def _load(browser, url: str, *, all_layers: bool) -> tuple[float, int]:
    page, log = offline_page(browser)
    started = time.perf_counter()
    page.goto(url)
    if all_layers:
        frame = leaflet_frame(page)
        frame.wait_for_function("Object.keys(planmap.layers).every(id => planmap.map.hasLayer(planmap.layers[id]))")
    else:
        map_frame(page)
    elapsed = time.perf_counter() - started
    page.context.close()
    return elapsed, len(log.blocked)


def main() -> None:
    frames = {n: read_layer(n) for n in ("projects", "structures", "places", "districts")}
    all_ids = ",".join(layer["id"] for layer in plan_payload(**frames)["layers"])
    results: dict[str, list[float]] = {"default": [], "all_layers": []}
    blocked = 0
    with running_app() as url, chromium() as browser:
        _load(browser, url, all_layers=False)  # first load fills the server's caches
        for _ in range(LOADS):
            for name, target in (("default", url), ("all_layers", f"{url}/?layers={all_ids}")):
                elapsed, n_blocked = _load(browser, target, all_layers=name == "all_layers")
                results[name].append(elapsed)
                blocked += n_blocked
    print(json.dumps({
        "name": "first_paint",
        "n": LOADS,
        "median_s": round(statistics.median(results["default"]), 3),
        "all_layers_median_s": round(statistics.median(results["all_layers"]), 3),
        "min_s": round(min(results["default"]), 3),
        "max_s": round(max(results["default"]), 3),
        "blocked_external_requests": blocked,
    }))


if __name__ == "__main__":
    main()
