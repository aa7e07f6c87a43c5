"""Server time of one "what is planned near me" query over all projects.

Layers are read outside the timed part (the app reads them once); each timed
run resolves nothing and ranks every project against a new centre.
Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time


from geo.query import Resolved
from layers.nearby import projects_near
from layers.store import read_layer

RUNS = 50
#: Centres spread over both districts (WGS84).
CENTRES = [(121.55, 29.88), (121.45, 29.97), (121.63, 29.91), (121.60, 29.82), (121.70, 29.75)]


def main() -> None:
    projects, districts = read_layer("projects"), read_layer("districts")
    timings = []
    for i in range(RUNS):
        lon, lat = CENTRES[i % len(CENTRES)]
        started = time.perf_counter()
        projects_near(projects, Resolved.at(lat=lat, lon=lon, name="bench"), radius_m=5000, districts=districts)
        timings.append(time.perf_counter() - started)
    print(json.dumps({
        "name": "nearby_query_all_projects",
        "n": RUNS,
        "projects": len(projects),
        "median_s": round(statistics.median(timings), 4),
        "max_s": round(max(timings), 4),
    }))


if __name__ == "__main__":
    main()
