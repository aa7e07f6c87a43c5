"""Time to rank the curation queue after a change: what the curation page redoes after each save.

A save gives a new gazetteer, so the page finds every place name in the five
plans again and locates every record again (the plan texts themselves stay
extracted in memory). Loading the gazetteer is timed apart. Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time


from geo.gazetteer import load_gazetteer
from layers.curation_queue import curation_queue, mention_contexts, records_queue

RUNS = 5


def main() -> None:
    curation_queue(gazetteer=load_gazetteer())  # reads and extracts the plans once, as the app does
    loads, queues, contexts = [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        gazetteer = load_gazetteer()
        loaded = time.perf_counter()
        queue = curation_queue(gazetteer=gazetteer)
        records_queue(gazetteer=gazetteer)
        ranked = time.perf_counter()
        mention_contexts(str(queue.iloc[0]["id"]), gazetteer=gazetteer)
        contexts.append(time.perf_counter() - ranked)
        loads.append(loaded - started)
        queues.append(ranked - loaded)
    print(json.dumps({
        "name": "curation_queue_after_a_change",
        "n": RUNS,
        "places_in_queue": len(queue),
        "median_s": round(statistics.median(queues), 3),
        "gazetteer_load_median_s": round(statistics.median(loads), 3),
        "contexts_one_place_median_s": round(statistics.median(contexts), 4),
    }))


if __name__ == "__main__":
    main()
