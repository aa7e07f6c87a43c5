"""The plan catalog and the plan texts under `data/plans/`.

Texts are data: they are returned exactly as decoded, so that every character
offset a record stores points into the very string `read_plan_text` returns.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from layers.documents import decode_text
from layers.errors import UnknownPlanError
from layers.settings import CATALOG_CSV, PLANS_DIR



@dataclass(frozen=True)
class Plan:
    """One document of the catalog."""

    id: str
    title: str
    district: str
    adcode: str
    kind: str
    date: str
    publisher: str
    original_file: str
    note: str

    @property
    def path(self) -> Path:
        return PLANS_DIR / f"{self.id}.txt"


#: The catalog's columns, in file order.
CATALOG_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Plan))


def load_catalog(path: Path = CATALOG_CSV) -> tuple[Plan, ...]:
    """Read `catalog.csv`: one `Plan` per document, in file order.

    Cached per file version, so a plan added or removed by another process
    (the command line, another app session) is seen at the next call.
    """
    return _load_catalog(path, *_version(path))


def catalog_csv(plans: tuple[Plan, ...] | list[Plan]) -> bytes:
    """The catalog file's bytes for `plans` (UTF-8, the shipped file's layout)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=CATALOG_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for plan in plans:
        writer.writerow({name: getattr(plan, name) for name in CATALOG_COLUMNS})
    return out.getvalue().encode("utf-8")


def plan_districts(plans: tuple[Plan, ...] | None = None) -> dict[str, str]:
    """Adcode → district name (宁波市江北区) of every district with a plan, in catalog order.

    Every list, filter and comparison of districts in the app comes from here,
    so a plan of a new district shows up everywhere once it is added.
    """
    out: dict[str, str] = {}
    for plan in load_catalog() if plans is None else plans:
        out.setdefault(plan.adcode, plan.district)
    return out


@lru_cache(maxsize=4)
def _load_catalog(path: Path, _mtime: int, _size: int) -> tuple[Plan, ...]:
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(Plan(**row) for row in csv.DictReader(f))


def _version(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return 0, 0
    return st.st_mtime_ns, st.st_size


def get_plan(plan_id: str) -> Plan:
    """The catalog entry for `plan_id`; raises `UnknownPlanError` listing known ids."""
    for plan in load_catalog():
        if plan.id == plan_id:
            return plan
    known = ", ".join(p.id for p in load_catalog())
    raise UnknownPlanError(f"No plan {plan_id!r} in {CATALOG_CSV.name}; known: {known}")


def decode_plan_bytes(raw: bytes, *, name: str = "document") -> str:
    """Decode a plan file: UTF-8 (with or without BOM), else GB18030, Big5 or UTF-16, detected.

    Line endings are kept as they are, so offsets match the file's characters.
    Big5 is told apart from GB18030 (which would decode it into nonsense);
    undetectable or binary bytes raise `PlanFormatError` (`layers.documents`).
    """
    return decode_text(raw, name=name)[0]


def read_plan_text(plan_id: str) -> str:
    """The full text of one plan, decoded; offsets in records index this string.

    Cached per file version: a replaced plan is read again.
    """
    path = get_plan(plan_id).path
    return _read_text(path, *_version(path))


@lru_cache(maxsize=32)
def _read_text(path: Path, _mtime: int, _size: int) -> str:
    return decode_plan_bytes(path.read_bytes(), name=path.name)
