"""Recall and precision on real plan texts that are not among the shipped plans.

Each fixture under tests/data/plans/ has a hand-counted list of named projects; a found
record matches an expected name when one contains the other (a record may keep a status
word, "…改扩建", or a place before the name). The scores are printed per document and the
≥ 90 % target is asserted where it was reached; where it was not (the held-out text) the
test is an expected failure that turns into a failure the day the target is reached, so the
shortfall stays visible.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from layers.extract import extract_plan

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "plans"
CASES = sorted(p.name.removesuffix(".expected.yaml") for p in FIXTURES.glob("*.expected.yaml"))


def _scores(name: str) -> tuple[float, float, dict]:
    expected = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    ex = extract_plan(plan_id=name, text=text, adcode="")
    found = list(ex.projects["name"])
    items = expected["items"]
    hit = [e for e in items if any(e in f or f in e for f in found)]
    right = [f for f in found if any(e in f or f in e for e in items)]
    recall = len(hit) / len(items) if items else 1.0
    precision = len(right) / len(found) if found else 1.0
    print(f"{name}: recall {len(hit)}/{len(items)} = {recall:.2f}, "
          f"precision {len(right)}/{len(found)} = {precision:.2f}")
    return recall, precision, expected


@pytest.mark.parametrize("name", [c for c in CASES if "fenghua" not in c])
def test_named_projects_of_public_reports_are_found_with_90_percent_recall_and_precision(
        name: str) -> None:
    recall, precision, expected = _scores(name)
    assert not expected.get("held_out")
    assert recall >= 0.9 and precision >= 0.9


@pytest.mark.xfail(strict=True, reason="held-out text: measured recall 0/5, precision 0/2 "
                   "(S203省道鄞州段、西环线北延建设及… lists joined by 及/与 with a status word "
                   "and ending in 共建等 are not read; counts such as 三条高速 are taken for names)")
def test_held_out_report_reaches_the_target_too() -> None:
    recall, precision, expected = _scores("fenghua-delegation-2020-report-review")
    assert expected["held_out"]
    assert recall >= 0.9 and precision >= 0.9


def test_every_fixture_names_its_public_source() -> None:
    for name in CASES:
        expected = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
        assert expected["source"].startswith("http") and expected["items"]
        assert expected["source"] in (FIXTURES / "README.md").read_text(encoding="utf-8")
