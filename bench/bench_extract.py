"""Benchmark: extract every shipped plan (sections, projects, structures, indicators).

Texts are read once outside the timed part; each run extracts all catalogued plans
from their text, as `python -m layers build` does. The target is under 1 s for all
of them. The unknown-place-name scan (jieba) is timed separately: it runs for the
report and the 校正地图 queue, not in the build. Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time


from layers.extract import extract_plan
from layers.plans import load_catalog, read_plan_text

RUNS = 5


def main() -> None:
    plans = [(plan.id, read_plan_text(plan.id), plan.adcode) for plan in load_catalog()]
    timings = []
    records = 0
    for _ in range(RUNS):
        started = time.perf_counter()
        parts = [extract_plan(plan_id=pid, text=text, adcode=adcode) for pid, text, adcode in plans]
        timings.append(time.perf_counter() - started)
        records = sum(len(p.projects) + len(p.structures) + len(p.indicators) for p in parts)
    from geo.gazetteer import load_gazetteer
    from layers.unknown_places import _cached_candidates, gazetteer_names, unknown_names

    known = gazetteer_names(load_gazetteer())
    started = time.perf_counter()
    unknown = unknown_names({pid: text for pid, text, _ in plans}, known)
    unknown_s = time.perf_counter() - started
    _cached_candidates.cache_clear()
    median = statistics.median(timings)
    print(json.dumps({
        "name": "extract_all_plans",
        "n": len(plans),
        "chars": sum(len(t) for _, t, _ in plans),
        "records": records,
        "runs": RUNS,
        "median_s": round(median, 4),
        "max_s": round(max(timings), 4),
        "target_s": 1.0,
        "unknown_names": len(unknown),
        "unknown_names_first_run_s": round(unknown_s, 3),
    }))


if __name__ == "__main__":
    main()
