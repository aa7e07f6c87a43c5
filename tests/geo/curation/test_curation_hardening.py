"""Curation refuses text that would hurt a reader, and survives hostile import files cheaply."""

from __future__ import annotations

import csv
import io
import json

import pytest
from shapely.geometry import Point

import geo.curation.imports
from geo.curation.formats import parse_import
from geo.errors import CurationError


def _csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def unlocated_ids(base_gazetteer):
    return [e.id for e in base_gazetteer if e.precision == "unlocated"]


@pytest.mark.parametrize("name", [
    "<img src=x onerror=alert(101)>慈城古县城保护工程", "[点此登录](http://evil.example/phish)",
    "![t](http://evil.example/track.png)", "慈城&#60;b&#62;", "a`code`",
])
def test_an_imported_name_with_markup_is_refused(store, editor, unlocated_ids, name):
    data = _csv([{"id": "jb-evil-place", "name": name, "type": "other", "precision": "unlocated",
                  "method": "none", "source": "x"}])
    report = store.import_file(editor, data, filename="review.csv")
    assert report.accepted == [] and "markup" in report.rejected[0].reason


@pytest.mark.parametrize("column,value", [("name", "慈城\x00古县城"), ("note", "bell\x07"), ("source", "a\x1bb")])
def test_control_characters_are_refused_in_imports(store, editor, unlocated_ids, column, value):
    row = {"id": unlocated_ids[0], "precision": "unlocated", "source": "x", column: value}
    report = store.import_file(editor, _csv([row]), filename="review.csv")
    assert report.accepted == [] and "control character" in report.rejected[0].reason
    assert b"\x00" not in (store.entries_path.read_bytes() if store.entries_path.exists() else b"")


def test_a_control_character_in_a_saved_source_is_refused(store, editor, unlocated_ids):
    with pytest.raises(CurationError, match="control character U\\+0000"):
        store.save(editor, unlocated_ids[0], geometry=Point(121.55, 29.88), precision="approximate",
                   source="a\x00b", expected_revision="base")
    assert store.history() == []


def test_deeply_nested_json_is_a_clear_message_not_a_recursion_error():
    data = b'{"type":"FeatureCollection","features":[' + b"[" * 100_000 + b"]" * 100_000 + b"]}"
    with pytest.raises(CurationError, match="nests"):
        parse_import(data, filename="deep.geojson")
    feature = {"type": "Feature", "properties": {"id": "x", "note": None}, "geometry": None}
    text = json.dumps({"type": "FeatureCollection", "features": [feature]}).replace(
        '"note": null', '"note": ' + "[" * 900 + "]" * 900)
    rows = parse_import(text.encode(), filename="deep.geojson")  # deep but parseable: one row, no crash
    assert len(rows) == 1


def test_a_csv_field_longer_than_the_csv_limit_is_a_clear_message():
    data = b"id,note\njb-x," + b"a" * 140_000 + b"\n"
    with pytest.raises(CurationError, match="cannot be read as CSV"):
        parse_import(data, filename="long.csv")


def test_exported_cells_that_a_spreadsheet_would_run_are_quoted_and_come_back_whole(store, editor, unlocated_ids):
    formulas = ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1)", "\tx"]
    for place_id, note in zip(unlocated_ids, formulas):
        row = {"id": place_id, "precision": "unlocated", "source": "s", "note": note}
        assert store.import_file(editor, _csv([row]), filename="r.csv").accepted
    exported = store.export_csv().decode("utf-8")
    notes = [r["note"] for r in csv.DictReader(io.StringIO(exported))]
    assert notes and all(not n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in notes)
    assert "'=HYPERLINK(" in exported
    # Re-importing the reviewed export changes nothing: the quote is taken off again.
    report = store.import_file(editor, exported.encode("utf-8"), filename="r.csv")
    assert report.accepted == [] and report.rejected == []


def test_one_bad_row_in_a_large_import_is_found_without_loading_the_gazetteer_once_per_row(
        store, editor, unlocated_ids, monkeypatch):
    good = [{"id": i, "precision": "district", "method": "district_only", "derive": "", "source": "review"}
            for i in unlocated_ids[:150]]
    assert len(good) == 150
    bad = {"id": unlocated_ids[150], "precision": "approximate", "method": "computed_members",
           "derive": "through:" + unlocated_ids[0], "source": "review"}
    rows = [*good[:90], bad, *good[90:]]
    loads = {"n": 0}
    real = geo.curation.imports.gazetteer_from_rows

    def counted(*args, **kwargs):
        loads["n"] += 1
        return real(*args, **kwargs)
    monkeypatch.setattr(geo.curation.imports, "gazetteer_from_rows", counted)
    report = store.import_file(editor, _csv(rows), filename="big.csv")
    assert len(report.accepted) == 150
    assert [r.place_id for r in report.rejected] == [bad["id"]]
    assert loads["n"] <= 4 * 8 + 6  # about 2·log2(151) halvings, not one load per row
