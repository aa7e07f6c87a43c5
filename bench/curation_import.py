"""Time to import 800 rows of which one breaks the gazetteer: how long the editors' lock is held.

Before the bad row was found by halving, the store retried row by row under
the lock (74.5 s for 800 rows). Prints one JSON object.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path


import geo.curation.imports
from geo.curation import CurationStore
from geo.gazetteer import load_gazetteer
from testkit.curation import copy_gazetteer, login

ROWS = 800


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = copy_gazetteer(Path(tmp) / "gazetteer")
        store = CurationStore(directory / "curation", gazetteer_dir=directory)
        ids = [e.id for e in load_gazetteer(directory, curated=False)]
        # New places (the base gazetteer has fewer than 800), district-only in 江北区.
        good = [{"id": f"jb-bench-place-{n:04d}", "precision": "district", "method": "district_only",
                 "derive": "", "source": "bench review", "note": "", "name": f"测试地点{n}",
                 "type": "other", "adcode": "330205"} for n in range(ROWS - 1)]
        bad = {"id": "jb-bench-new-place", "precision": "approximate", "method": "computed_members",
               "derive": "through:" + ids[0], "source": "bench review", "note": "", "name": "新地点",
               "type": "other", "adcode": "330205"}
        rows = [*good[: len(good) // 2], bad, *good[len(good) // 2:]]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(bad), lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
        loads = {"n": 0}
        real = geo.curation.imports.gazetteer_from_rows

        def counted(*args, **kwargs):
            loads["n"] += 1
            return real(*args, **kwargs)
        geo.curation.imports.gazetteer_from_rows = counted
        started = time.perf_counter()
        report = store.import_file(login("wang"), buffer.getvalue().encode("utf-8"), filename="bench.csv")
        seconds = time.perf_counter() - started
        if report.rejected[:1] and len(report.rejected) > 1:
            print(report.rejected[0], file=sys.stderr)
    print(json.dumps({"bench": "curation_import", "rows": len(rows), "accepted": len(report.accepted),
                      "rejected": len(report.rejected), "gazetteer_loads": loads["n"],
                      "seconds": round(seconds, 3)}))


if __name__ == "__main__":
    main()
