"""How many shipped structure records the grammar alone reproduces, with no wording spec.

Runs the structure extractor over every catalogued plan twice: as shipped, and with
`layers.structures.SPECS` emptied. A shipped record counts as reproduced when the
grammar-only run has a record with the same structure, part, name and quote span.
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


def _key(r: dict) -> tuple:
    return (r["doc_id"], r["structure"], r["part"], r["name"], int(r["start"]), int(r["end"]))


def measure() -> dict:
    """Shipped structure records, how many the grammar alone reproduces, and which it misses."""
    from layers import structures

    before = [json.loads(x) for x in BEFORE.read_text(encoding="utf-8").splitlines() if x]
    shipped_ids = {(r["id"], r["name"], r["start"], r["end"])
                   for r in before if r["kind"] == "structure"}
    full = [r for r in _records() if (r["id"], r["name"], r["start"], r["end"]) in shipped_ids]
    alone = {_key(r) for r in _records(specs=())}
    missed = [r for r in full if _key(r) not in alone]
    return {"shipped": len(shipped_ids), "found_as_shipped": len(full),
            "grammar_alone": len(full) - len(missed), "specs": len(structures.SPECS),
            "missed": missed}


def main(argv: list[str]) -> int:
    result = measure()
    print(f"grammar alone: {result['grammar_alone']}/{result['shipped']}")
    print(json.dumps({k: v for k, v in result.items() if k != "missed"}))
    if "-v" in argv:
        for r in result["missed"]:
            print("missed", json.dumps(r, ensure_ascii=False, default=int), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
