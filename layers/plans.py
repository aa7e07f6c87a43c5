"""The plan catalog and the plan texts under `data/plans/`.

Texts are data: they are returned exactly as decoded, so that every character
offset a record stores points into the very string `read_plan_text` returns.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
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


@lru_cache(maxsize=1)
def load_catalog(path: Path = CATALOG_CSV) -> tuple[Plan, ...]:
    """Read `catalog.csv`: one `Plan` per document, in file order."""
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(Plan(**row) for row in csv.DictReader(f))


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


@lru_cache(maxsize=16)
def read_plan_text(plan_id: str) -> str:
    """The full text of one plan, decoded; offsets in records index this string."""
    plan = get_plan(plan_id)
    return decode_plan_bytes(plan.path.read_bytes(), name=plan.path.name)
