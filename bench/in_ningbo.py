"""Cost of "is this point in 宁波?" (`geo.boundaries.in_ningbo`), which near-me asks per typed query.

The first call grows and prepares the 宁波市 outline (timed apart, once per
process); each timed run then tests one point, alternating inside and outside
(the outline's own points: an inland point of 江北区 and the sea east of 北仑).
Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time


import shapely

from geo.boundaries import in_ningbo, ningbo_area, unit_geometry

RUNS = 20_000


def main() -> None:
    points = [unit_geometry("330205").buffer(-0.01).representative_point(), shapely.Point(122.30, 29.90)]
    started = time.perf_counter()
    ningbo_area()
    first_s = time.perf_counter() - started
    timings = []
    for i in range(RUNS):
        point = points[i % 2]
        started = time.perf_counter()
        in_ningbo(point)
        timings.append(time.perf_counter() - started)
    print(json.dumps({
        "name": "in_ningbo_one_point",
        "n": RUNS,
        "first_call_s": round(first_s, 4),
        "median_s": round(statistics.median(timings), 7),
        "max_s": round(max(timings), 5),
    }))


if __name__ == "__main__":
    main()
