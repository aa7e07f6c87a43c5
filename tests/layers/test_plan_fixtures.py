"""Recall and precision on real plan texts that are not among the shipped plans.

Each fixture under tests/data/plans/ has a hand-counted list of named projects; a found
record matches an expected name when one name contains the other (a record may keep a
status word, "…改扩建", or a place before the name), when the record's exact quote is
the expected name (a road's extent "(天童南路-鄞州大道)" is kept apart from its name), or
when the two differ only in the works word they end with (a text may call one work
"奉化中学迁建项目" and "奉化中学迁建工程").

The fixtures are split, before any rule was written for them, into a development set
(`held_out: false`, read while writing the rules) and a held-out set (`held_out: true`,
run once after the rules were written, with no rule changed afterwards). The development
set must reach 90 % recall and precision pooled over its documents and 80 % in each; a
held-out document that reaches 90 % passes, one that does not is a strict expected failure
carrying its measured numbers, so the day it is reached the test fails and is updated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from layers.extract import extract_plan

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "plans"
CASES = sorted(p.name.removesuffix(".expected.yaml") for p in FIXTURES.glob("*.expected.yaml"))


def _expected(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))


DEV = [c for c in CASES if not _expected(c).get("held_out")]
HELD_OUT = [c for c in CASES if _expected(c).get("held_out")]
#: Held-out documents below the target, with the numbers measured when they were run.
SHORT_OF_TARGET: dict[str, str] = {
    "sanming-2010-key-projects-investment": "measured recall 3/9, precision 3/4 (session 6 "
        "round 7, run once): 'A重建、B生产、…、F建设等13个省市重点项目' (entries ending in "
        "what is done, 重建/生产/技改, not in a built thing) is not read, and the class "
        "'省市级重点建设项目' is taken for a project",
    "liangzhou-2020-major-projects-progress": "measured recall 0/10, precision 0/0 (session "
        "6 round 7, run once): lists opened by '主要有A、…等项目' and '包括A和B' are not read",
    "gangu-2020-government-work-report-fifteen-things": "measured recall 1/15, precision 1/1 "
        "(session 6 round 7, run once): items numbered '(1)…。 (2)…' inside one line are not "
        "cut into items, so '开工新建A,改造提升B、C' and '确保A、B…秋季投入使用' are not read",
}


def _works_stem(name: str) -> str:
    return re.sub(r"(?:项目|工程)$", "", name)


def _counts(name: str) -> tuple[int, int, int, int]:
    """(expected found, expected, records right, records found) for one fixture."""
    expected = _expected(name)
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    ex = extract_plan(plan_id=name, text=text, adcode="")
    found = list(zip(ex.projects["name"], ex.projects["quote"]))
    items = expected["items"]

    def same(e: str, name_: str, quote: str) -> bool:
        return e in name_ or name_ in e or quote == e or _works_stem(e) == _works_stem(name_)

    hit = [e for e in items if any(same(e, f, q) for f, q in found)]
    right = [f for f, q in found if any(same(e, f, q) for e in items)]
    print(f"{name}: recall {len(hit)}/{len(items)}, precision {len(right)}/{len(found)}")
    return len(hit), len(items), len(right), len(found)


@pytest.mark.parametrize("name", DEV)
def test_each_development_text_reaches_80_percent_recall_and_precision(name: str) -> None:
    hit, items, right, found = _counts(name)
    assert hit / items >= 0.8 and (right / found if found else 1.0) >= 0.8


def test_the_development_set_reaches_90_percent_recall_and_precision_pooled() -> None:
    totals = [sum(x) for x in zip(*(_counts(n) for n in DEV))]
    hit, items, right, found = totals
    print(f"development set: recall {hit}/{items}, precision {right}/{found}")
    assert hit / items >= 0.9 and right / found >= 0.9


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SHORT_OF_TARGET[n]))
    if n in SHORT_OF_TARGET else n for n in HELD_OUT
])
def test_held_out_texts_reach_90_percent_recall_and_precision(name: str) -> None:
    hit, items, right, found = _counts(name)
    assert hit / items >= 0.9 and (right / found if found else 1.0) >= 0.9


def test_the_split_keeps_a_held_out_set() -> None:
    assert len(HELD_OUT) >= 3 and len(DEV) >= 3
    assert set(SHORT_OF_TARGET) <= set(HELD_OUT)


def test_every_fixture_names_its_public_source() -> None:
    for name in CASES:
        expected = _expected(name)
        assert expected["source"].startswith("http") and expected["items"]
        assert expected["source"] in (FIXTURES / "README.md").read_text(encoding="utf-8")
