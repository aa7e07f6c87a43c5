"""Bad input: encodings, unknown layouts and HTML still give records and clear problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from layers.extract import extract_plan
from layers.plans import decode_plan_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "plans"


def _extract(name: str):
    text = decode_plan_bytes((FIXTURES / name).read_bytes(), name=name)
    return text, extract_plan(plan_id=name, text=text)


@pytest.mark.parametrize("name", ["utf8_plan.txt", "bom_plan.txt", "gb18030_plan.txt"])
def test_every_encoding_gives_the_same_records(name: str) -> None:
    text, ex = _extract(name)
    assert not text.startswith("\ufeff")
    assert list(ex.sections["title"]) == ["总体布局", "空间结构"]
    roads = ex.projects[ex.projects["box"] == "专栏1"]
    assert list(roads["name"][:3]) == ["示例路", "示例大桥及接线", "示例东路延伸段"]
    assert roads.iloc[2]["extent_from"] == "戊路(北段)"
    assert set(roads["lead_unit"]) == {"区住建局", "区教育局"}


def test_an_unreadable_table_row_is_reported_not_dropped() -> None:
    _text, ex = _extract("utf8_plan.txt")
    assert list(ex.indicators["seq"]) == ["1", "2"]
    row_problems = [p for p in ex.problems if "row 2" in p.reason]
    assert len(row_problems) == 1
    assert "这一行无法读取" in row_problems[0].quote


def test_unknown_layout_still_yields_a_section_and_what_it_can() -> None:
    _text, ex = _extract("unknown_layout.txt")
    assert len(ex.sections) == 1
    assert "示例文化中心" in set(ex.projects["name"])
    assert any("no numbered headings" in p.reason for p in ex.problems)


def test_html_is_kept_verbatim_and_reported() -> None:
    text, ex = _extract("html_plan.txt")
    assert ex.projects.iloc[0]["name"] == "<i>示例公园</i>"
    assert all(text[r.start:r.end] == r.quote for r in ex.projects.itertuples())
    assert any("HTML markup" in p.reason for p in ex.problems)


def test_bytes_that_are_not_text_are_refused_with_a_message() -> None:
    from layers.errors import PlanFormatError

    with pytest.raises(PlanFormatError, match="save it as UTF-8"):
        decode_plan_bytes(b"\xff\xfe\x00\xd8\x00", name="bad.txt")


def test_windows_line_endings_give_the_same_records() -> None:
    from layers.plans import read_plan_text

    doc = "jiangbei-14th-five-year-plan"
    text = read_plan_text(doc)
    unix = extract_plan(plan_id=doc, text=text)
    crlf_text = text.replace("\n", "\r\n")
    crlf = extract_plan(plan_id=doc, text=crlf_text)
    for kind in ("sections", "projects", "structures", "indicators"):
        a, b = getattr(unix, kind), getattr(crlf, kind)
        assert list(a["name" if "name" in a else "title"]) == list(b["name" if "name" in b else "title"])
        assert all(crlf_text[r.start:r.end] == r.quote for r in b.itertuples())


def test_plans_dir_can_point_at_a_copy_and_the_catalog_follows_changes_to_it(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from geo.settings import ROOT
    from testkit.plans import copy_plans

    plans = copy_plans(tmp_path / "plans")
    probe = (
        "import os, time\n"
        "from layers.plans import load_catalog\n"
        "from layers.settings import CATALOG_CSV\n"
        "print(CATALOG_CSV, len(load_catalog()))\n"
        "lines = CATALOG_CSV.read_text(encoding='utf-8').splitlines(keepends=True)\n"
        "CATALOG_CSV.write_text(''.join(lines[:-1]), encoding='utf-8')\n"
        "print(len(load_catalog()))\n"
    )
    env = {**os.environ, "PLANMAP_PLANS_DIR": str(plans)}
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == [str(plans / "catalog.csv"), "5", "4"]
