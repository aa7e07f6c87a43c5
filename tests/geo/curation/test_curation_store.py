import csv
import os
import io
import json
from datetime import datetime

import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from geo.curation import BASE_REVISION, HISTORY_KEYS, CurationStore
from geo.access.editors import Editor
from geo.errors import ConflictError, CurationError, PermissionDenied, UnknownEntryError
from geo.gazetteer import COLUMNS, load_gazetteer
from geo.settings import GAZETTEER_DIR

#: A point in 江北区 (near 老外滩), WGS84.
JIANGBEI = Point(121.5560, 29.8850)
SHANGHAI = Point(121.4737, 31.2304)


@pytest.fixture
def unlocated(base_gazetteer):
    return next(e.id for e in base_gazetteer if e.precision == "unlocated" and e.id.startswith("jb-"))


@pytest.fixture
def other_unlocated(base_gazetteer, unlocated):
    return next(e.id for e in base_gazetteer if e.precision == "unlocated" and e.id.startswith("yz-"))


@pytest.fixture
def exact_point(base_gazetteer):
    return next(e.id for e in base_gazetteer
                if e.precision == "exact" and e.geometry.geom_type == "Point" and e.adcode == "330205")


def test_a_placed_unlocated_place_is_located_by_the_loader(store, editor, gazetteer_dir, unlocated):
    base_files = {p.name: p.read_bytes() for p in gazetteer_dir.glob("*.csv")}
    change = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate",
                        source="规划图 2021, page 12", expected_revision=BASE_REVISION)
    entry = load_gazetteer(gazetteer_dir).get(unlocated)
    assert entry.geometry.equals_exact(JIANGBEI, 1e-9)
    assert (entry.precision, entry.method, entry.source) == ("approximate", "digitized", "规划图 2021, page 12")
    assert entry.file == "curation/entries.csv"
    assert store.entry(unlocated)["wkt"] == "POINT (121.556 29.885)"
    assert store.revision(unlocated) == change.change_id
    # Curation never rewrites the base files, and the uncurated loader still sees them.
    assert {p.name: p.read_bytes() for p in gazetteer_dir.glob("*.csv")} == base_files
    assert load_gazetteer(gazetteer_dir, curated=False).get(unlocated).precision == "unlocated"


def test_lines_and_polygons_are_stored_as_wkt(store, editor, unlocated, other_unlocated):
    line = LineString([(121.55, 29.88), (121.56, 29.89)])
    polygon = Polygon([(121.55, 29.88), (121.56, 29.88), (121.56, 29.89), (121.55, 29.88)])
    store.save(editor, unlocated, geometry=line, precision="approximate", source="s", expected_revision="base")
    store.save(editor, other_unlocated, geometry=polygon, precision="exact", source="s", expected_revision="base")
    assert store.entry(unlocated)["wkt"].startswith("LINESTRING")
    assert store.entry(other_unlocated)["wkt"].startswith("POLYGON")
    assert store.gazetteer().get(other_unlocated).geometry.equals_exact(polygon, 1e-9)


@pytest.mark.parametrize("source", ["", "   ", "\n"])
def test_a_change_without_a_source_is_refused(store, editor, unlocated, source):
    with pytest.raises(CurationError, match="needs a source"):
        store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source=source,
                   expected_revision="base")
    assert store.history() == []


@pytest.mark.parametrize(("geometry", "message"), [
    (SHANGHAI, "not inside 宁波市"),
    (Point(29.885, 121.556), "not longitude/latitude"),
    (Polygon([(121.55, 29.88), (121.56, 29.89), (121.56, 29.88), (121.55, 29.89), (121.55, 29.88)]), "not valid"),
    (Point(), "empty"),
    (shapely.GeometryCollection([JIANGBEI]), "cannot be stored"),
    ("POINT (121.556 29.885)", "not a geometry"),
])
def test_bad_geometries_are_refused_with_the_reason(store, editor, unlocated, geometry, message):
    with pytest.raises(CurationError, match=message):
        store.save(editor, unlocated, geometry=geometry, precision="approximate", source="s", expected_revision="base")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"geometry": JIANGBEI, "precision": "roughly"}, "Unknown precision"),
    ({"precision": "exact"}, "exactly one"),
    ({"geometry": JIANGBEI, "same_as": "x", "precision": "exact"}, "exactly one"),
    ({"geometry": JIANGBEI, "precision": "district"}, "no geometry of its own"),
    ({"same_as": "x", "precision": "unlocated"}, "no geometry of its own"),
])
def test_precision_and_geometry_must_agree(store, editor, unlocated, kwargs, message):
    with pytest.raises(CurationError, match=message):
        store.save(editor, unlocated, source="s", expected_revision="base", **kwargs)


def test_unknown_place_is_refused(store, editor):
    with pytest.raises(UnknownEntryError):
        store.entry("jb-no-such-place")
    with pytest.raises(UnknownEntryError):
        store.save(editor, "jb-no-such-place", geometry=JIANGBEI, precision="exact", source="s",
                   expected_revision="base")


def test_same_as_stores_a_recipe_and_takes_the_entrys_geometry(store, editor, gazetteer_dir, unlocated, exact_point):
    store.save(editor, unlocated, same_as=exact_point, precision="approximate", source="同一地点",
               expected_revision="base")
    row = store.entry(unlocated)
    assert (row["derive"], row["method"], row["wkt"]) == (f"same:{exact_point}", "computed_members", "")
    gazetteer = load_gazetteer(gazetteer_dir)
    assert gazetteer.get(unlocated).geometry.equals(gazetteer.get(exact_point).geometry)
    assert (gazetteer.get(unlocated).lon, gazetteer.get(unlocated).lat) == (
        gazetteer.get(exact_point).lon, gazetteer.get(exact_point).lat)


def test_same_as_needs_another_located_place(store, editor, unlocated, other_unlocated):
    for target, message in [(unlocated, "itself"), ("jb-nowhere", "no gazetteer place"),
                            (other_unlocated, "not located")]:
        with pytest.raises(CurationError, match=message):
            store.save(editor, unlocated, same_as=target, precision="approximate", source="s",
                       expected_revision="base")


def test_district_and_unlocated_clear_the_geometry(store, editor, exact_point):
    store.save(editor, exact_point, precision="district", source="only the district is sure",
               expected_revision="base")
    row = store.entry(exact_point)
    assert (row["precision"], row["method"]) == ("district", "district_only")
    assert not any(row[c] for c in ("lon", "lat", "wkt", "derive", "radius_m"))
    assert store.gazetteer().get(exact_point).geometry.geom_type.endswith("Polygon")


def test_a_stale_revision_is_a_conflict_naming_who_changed_it(store, editor, unlocated):
    store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a", expected_revision="base")
    from testkit.curation import login
    with pytest.raises(ConflictError, match="changed by wang at .* since you loaded it; reload"):
        store.save(login("li"), unlocated, geometry=Point(121.55, 29.88), precision="approximate", source="b",
                   expected_revision="base")
    assert store.entry(unlocated)["source"] == "a"


def test_saving_the_same_thing_again_is_refused(store, editor, unlocated):
    change = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a",
                        expected_revision="base")
    with pytest.raises(CurationError, match="Nothing to save"):
        store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a", reason="again",
                   expected_revision=change.change_id)


def test_history_says_who_when_from_what_to_what_and_why(store, editor, unlocated):
    base_row = store.entry(unlocated)
    change = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="现场踏勘",
                        reason="the planner walked there", expected_revision="base")
    [line] = (store.directory / "history.jsonl").read_text(encoding="utf-8").splitlines()
    raw = json.loads(line)
    assert tuple(raw) == HISTORY_KEYS
    assert raw["editor"] == "wang" and raw["action"] == "set" and raw["undoes"] is None
    assert raw["before"] == base_row
    assert raw["after"] == store.entry(unlocated)
    assert raw["reason"] == "the planner walked there" and raw["source"] == "现场踏勘"
    assert datetime.fromisoformat(raw["time"]).utcoffset().total_seconds() == 0
    assert store.history(unlocated) == [change]
    assert "the planner walked there" in store.entry(unlocated)["note"]
    assert base_row["note"] in store.entry(unlocated)["note"]


def test_history_is_newest_first_and_only_appended(store, editor, unlocated, other_unlocated):
    first = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a",
                       expected_revision="base")
    before = (store.directory / "history.jsonl").read_bytes()
    second = store.save(editor, other_unlocated, geometry=JIANGBEI, precision="approximate", source="b",
                        expected_revision="base")
    after = (store.directory / "history.jsonl").read_bytes()
    assert after.startswith(before) and after.count(b"\n") == 2
    assert [c.change_id for c in store.history()] == [second.change_id, first.change_id]
    assert store.history(unlocated) == [first]


def test_undo_brings_back_the_base_row_and_the_base_shows_through(store, editor, gazetteer_dir, unlocated):
    base_row = store.entry(unlocated)
    change = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a",
                        expected_revision="base")
    undo = store.undo(editor, change.change_id, reason="wrong place", expected_revision=change.change_id)
    assert (undo.action, undo.undoes, undo.reason) == ("undo", change.change_id, "wrong place")
    assert undo.before == change.after and undo.after == base_row
    assert store.entry(unlocated) == base_row
    assert store.curated_ids() == []
    assert load_gazetteer(gazetteer_dir).get(unlocated).precision == "unlocated"
    assert store.revision(unlocated) == undo.change_id
    # Undoing the undo puts the change back.
    redo = store.undo(editor, undo.change_id, expected_revision=undo.change_id)
    assert store.entry(unlocated) == change.after and redo.after == change.after


def test_only_the_latest_change_of_a_place_can_be_undone(store, editor, unlocated):
    first = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a",
                       expected_revision="base")
    second = store.save(editor, unlocated, geometry=Point(121.55, 29.88), precision="exact", source="b",
                        expected_revision=first.change_id)
    with pytest.raises(CurationError, match="not the latest change"):
        store.undo(editor, first.change_id, expected_revision=second.change_id)
    with pytest.raises(ConflictError):
        store.undo(editor, second.change_id, expected_revision=first.change_id)
    with pytest.raises(CurationError, match="No change"):
        store.undo(editor, "no-such-change", expected_revision=second.change_id)
    store.undo(editor, second.change_id, expected_revision=second.change_id)
    assert store.entry(unlocated) == first.after


def test_a_change_that_would_break_a_dependent_place_is_refused(store, editor, unlocated, other_unlocated):
    placed = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a",
                        expected_revision="base")
    store.save(editor, other_unlocated, same_as=unlocated, precision="approximate", source="b",
               expected_revision="base")
    with pytest.raises(CurationError, match="would break the gazetteer.*is unlocated"):
        store.undo(editor, placed.change_id, expected_revision=placed.change_id)
    assert store.entry(unlocated) == placed.after
    load_gazetteer(store.gazetteer_dir)


def test_entries_file_is_sorted_utf8_with_lf_ends(store, editor, unlocated, other_unlocated, exact_point):
    for place in sorted([unlocated, other_unlocated, exact_point], reverse=True):
        store.save(editor, place, geometry=JIANGBEI, precision="approximate", source="来源, with a comma",
                   expected_revision="base")
    data = (store.directory / "entries.csv").read_bytes()
    assert b"\r" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [r["id"] for r in rows] == sorted([unlocated, other_unlocated, exact_point])
    assert list(rows[0]) == list(COLUMNS)
    assert (store.directory / "history.jsonl").read_bytes().count(b"\n") == 3


@pytest.mark.parametrize("who", [
    None, "wang", True, Editor("wang", 0.0), Editor("wang", 1e12, b"\x00" * 32),
])
def test_without_an_editor_login_nothing_can_be_written(store, editor, unlocated, who):
    change = store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a",
                        expected_revision="base")
    files = {p.name: p.read_bytes() for p in store.directory.iterdir() if p.is_file()}
    with pytest.raises(PermissionDenied):
        store.save(who, unlocated, geometry=Point(121.55, 29.88), precision="exact", source="s",
                   expected_revision=change.change_id)
    with pytest.raises(PermissionDenied):
        store.undo(who, change.change_id, expected_revision=change.change_id)
    with pytest.raises(PermissionDenied):
        store.import_file(who, store.export_csv(), filename="x.csv")
    assert {p.name: p.read_bytes() for p in store.directory.iterdir() if p.is_file()} == files


def test_a_hand_edited_entries_file_is_reported_not_overwritten(store, editor, unlocated):
    store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a", expected_revision="base")
    path = store.directory / "entries.csv"
    edited = path.read_text(encoding="utf-8").replace(",a,", ",hand edit,")
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(CurationError, match="edited outside the app"):
        store.entry(unlocated)
    assert path.read_text(encoding="utf-8") == edited


def test_the_repository_curation_files_are_valid():
    repo = CurationStore(GAZETTEER_DIR / "curation", gazetteer_dir=GAZETTEER_DIR)
    assert set(repo.curated_ids()) <= {e.id for e in load_gazetteer()}
    header = (GAZETTEER_DIR / "curation" / "entries.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(COLUMNS)


def test_a_read_only_folder_can_still_be_read(store, editor, unlocated, monkeypatch):
    store.save(editor, unlocated, geometry=JIANGBEI, precision="approximate", source="a", expected_revision="base")
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Read-only folder", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    assert store.entry(unlocated)["source"] == "a"
    assert len(store.history()) == 1
    # A save says in words why it cannot happen (no raw OSError reaches the page).
    with pytest.raises(CurationError, match="Not saved: the server may not write the data folder"):
        store.save(editor, unlocated, geometry=Point(121.55, 29.88), precision="exact", source="b",
                   expected_revision=store.revision(unlocated))


def test_a_store_in_a_missing_folder_reads_as_empty(tmp_path, gazetteer_dir):
    store = CurationStore(tmp_path / "nowhere" / "curation", gazetteer_dir=gazetteer_dir)
    assert store.curated_ids() == [] and store.history() == []
    assert not (tmp_path / "nowhere").exists()
