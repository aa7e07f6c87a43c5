"""Tests of `python -m layers report`."""

from __future__ import annotations

import pytest

from layers import report
from layers.__main__ import main as cli


def test_report_prints_counts_per_document_box_table_category_and_time(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["report"]) == 0
    out = capsys.readouterr().out
    for expected in ("jiangbei-14th-five-year-plan", "专栏4", "表4-3", "表2", "roads",
                     "一带两轴三核四片", "Could not parse", "Parse time"):
        assert expected in out


def test_report_can_be_limited_to_one_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert report.main(["--plan", "jiangbei-2022-press-feature"]) == 0
    out = capsys.readouterr().out
    assert "jiangbei-2022-press-feature" in out and "yinzhou-14th-five-year-plan" not in out
    assert "no numbered headings" in out


def test_report_sections_can_be_appended(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    extra = [*report.REPORT_SECTIONS, lambda ex: [f"== Extra == {len(ex.projects)}"]]
    monkeypatch.setattr(report, "REPORT_SECTIONS", extra)
    report.main(["--plan", "jiangbei-14th-five-year-plan"])
    assert "== Extra ==" in capsys.readouterr().out


def test_report_lists_located_places_per_source_suggestions_waiting_and_credits(
        capsys: pytest.CaptureFixture[str]) -> None:
    lines = report.report_sources(None)
    text = "\n".join(lines)
    assert "== Located places per source ==" in text
    geonames = next(line for line in lines if line.strip().startswith("GeoNames:"))
    assert int(geonames.split(":")[1]) >= 12  # the seats accepted from GeoNames
    assert "== Suggestions waiting ==" in text
    assert "GeoNames (CC BY 4.0)" in text and "© OpenStreetMap contributors (ODbL)" in text
