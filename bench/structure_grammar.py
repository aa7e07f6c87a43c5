"""How many shipped structure records the grammar alone reproduces, with no wording spec.

Runs the structure extractor over every catalogued plan twice: as shipped, and with
`layers.structures.SPECS` emptied. A shipped record counts as reproduced when the
grammar-only run has a record with the same id (document, structure, number), name
and quote span; one with the same start but another end is counted apart.
The shipped records are those of `tests/data/plans/shipped_records_before.jsonl`.
Prints "grammar alone: N/M", the specs left, and (with -v) each record not reproduced.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
BEFORE = ROOT / "tests" / "data" / "plans" / "shipped_records_before.jsonl"


def _records(*, specs: tuple | None = None) -> list[dict]:
    """Structure records of every catalogued plan, with `SPECS` replaced by `specs` if given."""
    from layers import structures
    from layers.plans import load_catalog, read_plan_text

    patch = mock.patch.object(structures, "SPECS", specs if specs is not None else structures.SPECS)
    out: list[dict] = []
    with patch:
        for plan in load_catalog():
            frame = structures.structures_from_plan(plan_id=plan.id, text=read_plan_text(plan.id),
                                                    adcode=plan.adcode)
            out += frame[["id", "doc_id", "structure", "part", "name", "start", "end"]].to_dict("records")
    return out


def measure() -> dict:
    """Shipped structure records the grammar alone reproduces, and how the others differ.

    "exact": same id, name and span; "moved_end": same id, name and start, other end;
    "missed": anything else (not found, or another name or start).
    """
    from layers import structures

    before = [json.loads(x) for x in BEFORE.read_text(encoding="utf-8").splitlines() if x]
    shipped = [r for r in before if r["kind"] == "structure"]
    alone = {r["id"]: r for r in _records(specs=())}
    exact, moved_end, missed = [], [], []
    for r in shipped:
        got = alone.get(r["id"])
        if got and (got["name"], int(got["start"])) == (r["name"], r["start"]):
            (exact if int(got["end"]) == r["end"] else moved_end).append(r)
        else:
            missed.append(r)
    return {"shipped": len(shipped), "grammar_alone": len(exact), "moved_end": len(moved_end),
            "missed_n": len(missed), "specs": len(structures.SPECS), "missed": missed,
            "moved": moved_end}


def main(argv: list[str]) -> int:
    result = measure()
    print(f"grammar alone: {result['grammar_alone']}/{result['shipped']}")
    print(json.dumps({k: v for k, v in result.items() if k not in ("missed", "moved")}))
    if "-v" in argv:
        for key in ("moved", "missed"):
            for r in result[key]:
                print(key, json.dumps(r, ensure_ascii=False, default=int), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
