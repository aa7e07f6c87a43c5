"""Time to rank the curation queue: from the stored records (the app) against a fresh extraction (before).

A save gives a new gazetteer and a rebuilt layer store, so the page finds
every place name in the five plans again and reads the located projects and
structures from the store. Until the queue read the store, the page located
every record again instead (with the plan texts kept extracted in memory),
and the first view in a server process extracted every plan too; both are
timed here from the same process, interleaved, for comparison. Loading the
gazetteer is timed apart. Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from geo.gazetteer import load_gazetteer
from layers import curation_queue as cq
from layers.extract import extract_all
from layers.settings import LAYERS_GPKG

RUNS = 5


def _timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> None:
    if not LAYERS_GPKG.exists():
        sys.exit(f"no layer store at {LAYERS_GPKG}; run `python -m layers build` first")
    extraction = extract_all()  # what the app used to keep in memory after its first view
    loads, stored, extracted, first_stored, first_extracted, contexts = [], [], [], [], [], []
    for _ in range(RUNS):
        load_s, gazetteer = _timed(load_gazetteer)
        loads.append(load_s)
        # After a change: the store was rebuilt (its records are read again), the mentions are found again.
        cq._stored_records.cache_clear()
        seconds, queue = _timed(lambda gaz=gazetteer: (cq.curation_queue(gazetteer=gaz),
                                                       cq.records_queue(gazetteer=gaz))[0])
        stored.append(seconds)
        gazetteer = load_gazetteer()  # a new gazetteer object: its mentions are not cached either

        def from_extraction(ex=extraction, gaz=gazetteer):
            records = cq.extracted_records(gaz, extraction=ex)
            return cq.curation_queue(gazetteer=gaz, records=records), cq.records_queue(gazetteer=gaz, records=records)
        seconds, (old_queue, _) = _timed(from_extraction)
        extracted.append(seconds)
        if not old_queue.equals(queue):
            sys.exit("the queue from the store differs from the queue from a fresh extraction; rebuild the store")
        # The first view of a server process: store read against extracting every plan.
        cq._stored_records.cache_clear()
        first_stored.append(_timed(lambda: cq.stored_records())[0])
        first_extracted.append(_timed(lambda g=gazetteer: cq.extracted_records(g))[0])
        started = time.perf_counter()
        cq.mention_contexts(str(queue.iloc[0]["id"]), gazetteer=gazetteer)
        contexts.append(time.perf_counter() - started)
    median = statistics.median
    print(json.dumps({
        "name": "curation_queue_after_a_change",
        "n": RUNS,
        "places_in_queue": len(queue),
        "median_s": round(median(stored), 3),
        "from_extraction_median_s": round(median(extracted), 3),
        "ratio": round(median(extracted) / median(stored), 2),
        "records_first_view_store_s": round(median(first_stored), 3),
        "records_first_view_extraction_s": round(median(first_extracted), 3),
        "first_view_ratio": round(median(first_extracted) / median(first_stored), 1),
        "gazetteer_load_median_s": round(median(loads), 3),
        "contexts_one_place_median_s": round(median(contexts), 4),
    }))


if __name__ == "__main__":
    main()
