"""Suggestions wait in a plain file; accepting goes through the curation store, with history and undo."""

import csv
import subprocess
import sys

import pytest

from geo.errors import PermissionDenied
from geo.sources.public import GeoNamesSource, OsmSource
from geo.sources.suggestions import SuggestionStore
from testkit.curation import PASSWORD, editors


@pytest.fixture
def suggestions(gazetteer_dir, store):
    return SuggestionStore(gazetteer_dir, curation=store)


def test_a_refresh_writes_sorted_rows_and_waits_for_decisions(suggestions, store):
    summary = suggestions.refresh(GeoNamesSource(), store.gazetteer())
    assert summary.unambiguous == 12 and summary.waiting == 12
    rows = suggestions.rows("geonames")
    assert [(r["place_id"], r["feature_id"]) for r in rows] == sorted((r["place_id"], r["feature_id"]) for r in rows)
    assert store.history() == []  # nothing applied by a refresh


def test_accepting_all_unambiguous_writes_history_and_locates_the_towns(suggestions, store, editor):
    suggestions.refresh(GeoNamesSource(), store.gazetteer())
    report = suggestions.accept_unambiguous(editor, GeoNamesSource(), store.gazetteer())
    assert len(report.accepted) == 12 and not report.rejected
    qiuai = store.gazetteer().get("yz-qiuai-town")
    assert qiuai.precision == "approximate" and "geonames.org/1797479" in qiuai.source
    assert "CC BY 4.0" in qiuai.source and "seat" in qiuai.note
    assert all(c.action == "import" for c in store.history())
    assert {r["decision"] for r in suggestions.rows("geonames") if r["status"] == "unambiguous"} == {"accepted"}


def test_an_osm_polygon_is_stored_as_a_reference_not_a_copy(suggestions, store, editor, gazetteer_dir):
    suggestions.refresh(OsmSource(), store.gazetteer())
    suggestions.accept(editor, OsmSource(), store.gazetteer(), [("jb-mixc", "r2")])
    with (gazetteer_dir / "curation" / "entries.csv").open(encoding="utf-8") as f:
        (row,) = [r for r in csv.DictReader(f) if r["id"] == "jb-mixc"]
    assert row["derive"] == "source:osm:r2" and row["wkt"] == "" and "ODbL" in row["source"]
    assert store.gazetteer().get("jb-mixc").geometry.geom_type == "Polygon"


def test_an_undone_acceptance_is_offered_again_and_a_declined_one_is_not(suggestions, store, editor):
    source = GeoNamesSource()
    suggestions.refresh(source, store.gazetteer())
    report = suggestions.accept(editor, source, store.gazetteer(), [("yz-qiuai-town", "1797479")])
    (change,) = report.accepted
    store.undo(editor, change.change_id, expected_revision=change.change_id)
    assert store.gazetteer().get("yz-qiuai-town").precision == "district"
    suggestions.refresh(source, store.gazetteer())
    assert any(r["place_id"] == "yz-qiuai-town" and r["decision"] == "waiting" for r in suggestions.rows("geonames"))
    suggestions.decline(editor, "geonames", "yz-qiuai-town", "1797479")
    suggestions.refresh(source, store.gazetteer())
    assert [r["decision"] for r in suggestions.rows("geonames") if r["place_id"] == "yz-qiuai-town"] == ["declined"]


def test_an_ambiguous_suggestion_is_not_accepted_in_the_batch(suggestions, store, editor):
    suggestions.refresh(OsmSource(), store.gazetteer())
    suggestions.accept_unambiguous(editor, OsmSource(), store.gazetteer())
    assert store.gazetteer().get("jb-greenland-center").precision != "exact"
    assert store.gazetteer().get("yz-dongnan-primary-school").precision != "exact"


def test_only_an_editor_may_accept(suggestions, store):
    suggestions.refresh(GeoNamesSource(), store.gazetteer())
    with pytest.raises(PermissionDenied):
        suggestions.accept_unambiguous("wang", GeoNamesSource(), store.gazetteer())
    assert store.history() == []


def test_the_command_line_accepts_unambiguous_suggestions_for_an_editor(gazetteer_dir):
    hashes = editors("li")
    env = {"PLANMAP_EDITORS": f"li:{hashes['li']}", "PATH": "/usr/bin:/bin"}
    args = [sys.executable, "-m", "geo", "--gazetteer", str(gazetteer_dir), "suggest", "--source", "geonames"]
    done = subprocess.run([*args, "--accept-unambiguous", "--editor", "li"], input=PASSWORD + "\n",
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "accepted yz-tangxi-town" in done.stdout
    wrong = subprocess.run([*args, "--accept-unambiguous", "--editor", "li"], input="wrong\n",
                           capture_output=True, text=True, env=env, timeout=300)
    assert wrong.returncode == 1 and "error:" in wrong.stderr
