"""Snapshot every record the extractors find in the shipped plans, and compare two snapshots.

`python bench/record_snapshot.py save FILE` writes one JSON line per record
(kind, id, name, start, end); `python bench/record_snapshot.py compare OLD NEW`
lists records lost, added and changed (same id, other name or span), so a rule
change shows exactly which records it moved. Prints one JSON summary line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def snapshot() -> list[dict]:
    from layers.extract import extract_all

    ex = extract_all()
    out = []
    for kind, frame in (("project", ex.projects), ("structure", ex.structures),
                        ("indicator", ex.indicators)):
        for row in frame.itertuples():
            out.append({"kind": kind, "id": row.id, "name": getattr(row, "name", ""),
                        "start": int(row.start), "end": int(row.end)})
    return out


def compare(old: list[dict], new: list[dict]) -> dict:
    by_id_old = {r["id"]: r for r in old}
    by_id_new = {r["id"]: r for r in new}
    spans_new = {(r["kind"], r["start"], r["end"]) for r in new}
    names_new = {(r["kind"], r["name"]) for r in new}
    lost = [r for r in old if r["id"] not in by_id_new]
    # A record whose id moved but whose text span or name is still found is not lost.
    really_lost = [r for r in lost if (r["kind"], r["start"], r["end"]) not in spans_new
                   and (r["kind"], r["name"]) not in names_new]
    changed = [(by_id_old[i], by_id_new[i]) for i in by_id_old
               if i in by_id_new and (by_id_old[i]["name"], by_id_old[i]["start"])
               != (by_id_new[i]["name"], by_id_new[i]["start"])]
    added = [r for r in new if r["id"] not in by_id_old]
    return {"old": len(old), "new": len(new), "ids_gone": len(lost),
            "lost": really_lost, "changed": changed, "added": added}


def main(argv: list[str]) -> int:
    if argv[:1] == ["save"]:
        Path(argv[1]).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in snapshot()),
                                 encoding="utf-8")
        return 0
    if argv[:1] == ["compare"]:
        def load(path: str) -> list[dict]:
            return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x]

        result = compare(load(argv[1]), load(argv[2]) if len(argv) > 2 and argv[2] != "-v" else snapshot())
        verbose = "-v" in argv
        for key in ("lost", "changed", "added") if verbose else ("lost",):
            for item in result[key]:
                print(key, json.dumps(item, ensure_ascii=False), file=sys.stderr)
        print(json.dumps({k: (len(v) if isinstance(v, list) else v) for k, v in result.items()}))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
