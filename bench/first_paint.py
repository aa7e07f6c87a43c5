"""Time from navigation until the overview map's features are drawn, in Chromium.

Starts the app once, loads the page 5 times in fresh browser contexts (so
nothing is cached between loads) and prints one JSON object with the median.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from testkit.browser import chromium, map_frame, offline_page  # noqa: E402
from testkit.server import running_app  # noqa: E402

LOADS = 5


def main() -> None:
    timings: list[float] = []
    blocked = 0
    with running_app() as url, chromium() as browser:
        warm, _ = offline_page(browser)  # first load compiles caches server-side
        warm.goto(url)
        map_frame(warm)
        warm.context.close()
        for _ in range(LOADS):
            page, log = offline_page(browser)
            started = time.perf_counter()
            page.goto(url)
            map_frame(page)
            timings.append(time.perf_counter() - started)
            blocked += len(log.blocked)
            page.context.close()
    print(json.dumps({
        "name": "first_paint",
        "n": LOADS,
        "median_s": round(statistics.median(timings), 3),
        "min_s": round(min(timings), 3),
        "max_s": round(max(timings), 3),
        "blocked_external_requests": blocked,
    }))


if __name__ == "__main__":
    main()
