"""Benchmark: geoparse all five plan documents with the project gazetteer.

Setup (loading the gazetteer and texts, compiling the name pattern) is outside
the timed part; each run finds every place in every document. Prints one JSON
object.
"""

from __future__ import annotations

import json
import statistics
import time


from geo.gazetteer import load_gazetteer
from geo.geoparse import find_places, name_pattern
from layers.plans import load_catalog, read_plan_text

RUNS = 5


def main() -> None:
    gazetteer = load_gazetteer()
    docs = [(read_plan_text(plan.id), plan.adcode) for plan in load_catalog()]
    name_pattern(gazetteer)  # compile once, as every caller after the first sees it
    timings = []
    mentions = 0
    for _ in range(RUNS):
        started = time.perf_counter()
        mentions = sum(len(find_places(text, gazetteer=gazetteer, district=adcode)) for text, adcode in docs)
        timings.append(time.perf_counter() - started)
    chars = sum(len(text) for text, _ in docs)
    median = statistics.median(timings)
    print(json.dumps({
        "name": "geoparse_all_plans",
        "n": len(docs),
        "chars": chars,
        "names": len(gazetteer.names()),
        "mentions": mentions,
        "runs": RUNS,
        "median_s": round(median, 4),
        "chars_per_s": round(chars / median),
    }))


if __name__ == "__main__":
    main()
