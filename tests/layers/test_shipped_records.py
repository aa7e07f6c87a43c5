"""The shipped plans lose no record the extractors found before the general rules.

`tests/data/plans/shipped_records_before.jsonl` holds every record found before the
general rules were written; a rule change may add records and renumber the added ones,
but a record of that list must still be found (same id, or same span, or same name).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BEFORE = ROOT / "tests" / "data" / "plans" / "shipped_records_before.jsonl"


@pytest.fixture(scope="module")
def snapshot_module():
    spec = importlib.util.spec_from_file_location("record_snapshot", ROOT / "bench" / "record_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def now(snapshot_module) -> list[dict]:
    return snapshot_module.snapshot()


def test_no_record_found_before_the_general_rules_is_lost(snapshot_module, now) -> None:
    before = [json.loads(x) for x in BEFORE.read_text(encoding="utf-8").splitlines() if x]
    result = snapshot_module.compare(before, now)
    assert result["lost"] == [] and result["changed"] == []
    assert len(now) >= len(before)


@pytest.mark.parametrize("name", ["曙光地块", "大红鹰地块", "7815地块", "万达广场", "环球银泰", "印象城"])
def test_sites_named_inside_a_box_item_are_one_record_each(now, name: str) -> None:
    assert any(r["kind"] == "project" and r["name"] == name for r in now)


@pytest.mark.parametrize("name", ["8 所中小学", "17 所幼儿园"])
def test_counts_are_not_records(now, name: str) -> None:
    assert not any(r["name"] == name for r in now)
