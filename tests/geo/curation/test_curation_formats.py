import csv
import io
import json

import pytest
from shapely.geometry import Point, shape

from geo.curation import BASE_REVISION
from geo.errors import CurationError
from geo.gazetteer import COLUMNS, load_gazetteer

JIANGBEI = Point(121.5560, 29.8850)


@pytest.fixture
def unlocated_ids(base_gazetteer):
    return [e.id for e in base_gazetteer if e.precision == "unlocated" and e.id.startswith("jb-")][:5]


@pytest.fixture
def curated(store, editor, unlocated_ids, base_gazetteer):
    """Three curated places: a digitized point, a 'same as', and a district-only one."""
    exact = next(e.id for e in base_gazetteer if e.precision == "exact" and e.adcode == "330205")
    a, b, c = unlocated_ids[:3]
    store.save(editor, a, geometry=JIANGBEI, precision="approximate", source="规划图", expected_revision=BASE_REVISION)
    store.save(editor, b, same_as=exact, precision="approximate", source="same", expected_revision=BASE_REVISION)
    store.save(editor, c, precision="district", source="only 江北区", expected_revision=BASE_REVISION)
    return [a, b, c]


def feature_collection(*features, **extra):
    return json.dumps({"type": "FeatureCollection", "features": list(features), **extra}, ensure_ascii=False).encode()


def feature(properties, geometry):
    return {"type": "Feature", "properties": properties,
            "geometry": None if geometry is None else geometry.__geo_interface__}


def test_csv_export_has_the_gazetteer_columns_and_the_last_change(store, curated):
    rows = list(csv.DictReader(io.StringIO(store.export_csv().decode("utf-8"))))
    assert [r["id"] for r in rows] == sorted(curated)
    assert list(rows[0])[: len(COLUMNS)] == list(COLUMNS)
    for row in rows:
        last = store.history(row["id"])[0]
        assert (row["revision"], row["changed_by"], row["changed_at"]) == (last.change_id, "wang", last.time)


def test_geojson_export_carries_resolved_geometry_for_located_places_only(store, curated):
    buffer = io.BytesIO()
    store.export_geojson(buffer)
    doc = json.loads(buffer.getvalue())
    by_id = {f["id"]: f for f in doc["features"]}
    a, b, c = curated
    assert shape(by_id[a]["geometry"]).equals_exact(JIANGBEI, 1e-7)
    assert by_id[b]["geometry"] is not None and by_id[b]["properties"]["derive"].startswith("same:")
    assert by_id[c]["geometry"] is None and by_id[c]["properties"]["precision"] == "district"


@pytest.mark.parametrize("kind", ["csv", "geojson"])
def test_reimporting_an_unchanged_export_changes_nothing(store, editor, curated, kind):
    data = store.export_csv() if kind == "csv" else store.export_geojson()
    before = store.history()
    report = store.import_file(editor, data, filename=f"review.{kind}")
    assert report.accepted == [] and report.rejected == []
    assert sorted(report.unchanged) == sorted(curated)
    assert store.history() == before


def test_import_reports_every_bad_row_and_keeps_the_good_ones(store, editor, gazetteer_dir, unlocated_ids, curated):
    a = curated[0]
    fresh = unlocated_ids[3]
    stale_revision = store.revision(a)
    store.save(editor, a, geometry=Point(121.55, 29.88), precision="approximate", source="newer",
               expected_revision=stale_revision)
    good = {"id": fresh, "precision": "approximate", "source": "reviewed map", "reason": "review 2024"}
    data = feature_collection(
        feature(good, Point(121.5512, 29.8901)),                                                     # 1 good
        feature({**good, "id": "jb-brand-new-place", "name": "新地点", "type": "area",
                 "adcode": "330205"}, Point(121.552, 29.886)),                                      # 2 good, new
        feature({**good, "id": curated[2]}, Point(121.4737, 31.2304)),                               # 3 outside
        feature({**good, "id": curated[2], "precision": "roughly"}, JIANGBEI),                       # 4 duplicate id
        feature({**good, "id": "xx-no-prefix", "name": "x", "type": "area", "adcode": "330205"}, JIANGBEI),  # 5
        feature({**good, "id": curated[1], "type": "castle"}, JIANGBEI),                             # 6 bad type
        feature({**good, "id": unlocated_ids[4], "source": ""}, JIANGBEI),                           # 7 no source
        feature({**good, "id": a, "revision": stale_revision}, JIANGBEI),                            # 8 stale
        {"type": "Feature", "properties": {**good, "id": "jb-bowtie", "name": "x", "type": "area", "adcode": "330205"},
         "geometry": {"type": "Polygon", "coordinates": [[[121.55, 29.88], [121.56, 29.89], [121.56, 29.88],
                                                          [121.55, 29.89], [121.55, 29.88]]]}},    # 9 invalid
        {"type": "Feature", "properties": {"id": "jb-broken"}, "geometry": {"type": "Point"}},      # 10 unreadable
        "not a feature",                                                                            # 11
    )
    report = store.import_file(editor, data, filename="review.geojson")
    assert [c.place_id for c in report.accepted] == [fresh, "jb-brand-new-place"]
    assert all(c.action == "import" and c.editor == "wang" for c in report.accepted)
    assert report.accepted[0].reason == "review 2024"
    reasons = {r.row: r.reason for r in report.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "not inside 宁波市" in reasons[3]
    assert "already given in row 3" in reasons[4]
    assert "must start with one of" in reasons[5]
    assert "unknown type 'castle'" in reasons[6]
    assert "source" in reasons[7]
    assert "since this file was exported" in reasons[8]
    assert "not valid" in reasons[9]
    assert "cannot be read" in reasons[10]
    assert "not a GeoJSON Feature" in reasons[11]
    gazetteer = load_gazetteer(gazetteer_dir)
    assert gazetteer.get(fresh).geometry.equals_exact(Point(121.5512, 29.8901), 1e-9)
    assert gazetteer.get(fresh).method == "digitized"
    assert gazetteer.get("jb-brand-new-place").name == "新地点"
    assert store.entry(a)["source"] == "newer"


def test_csv_import_converts_published_datums_and_rejects_bad_rows(store, editor, gazetteer_dir, unlocated_ids):
    a, b, c, d = unlocated_ids[:4]
    rows = [
        {"id": a, "precision": "exact", "method": "published", "lon": "121.5609", "lat": "29.8827", "crs": "gcj02",
         "source": "amap"},
        {"id": b, "precision": "approximate", "method": "digitized", "wkt": "POINT (121.55 29.88", "source": "x"},
        {"id": c, "precision": "approximate", "method": "digitized", "wkt": "POINT (121.4737 31.2304)", "source": "x"},
        {"id": d, "precision": "approximate", "method": "digitized", "derive": "through:" + a, "source": "x"},
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "precision", "method", "lon", "lat", "crs", "wkt", "derive",
                                                "source"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    report = store.import_file(editor, buffer.getvalue().encode("utf-8"), filename="review.csv")
    assert [c.place_id for c in report.accepted] == [a]
    assert {r.row: r.place_id for r in report.rejected} == {3: b, 4: c, 5: d}
    reasons = {r.row: r.reason for r in report.rejected}
    assert "wkt does not parse" in reasons[3]
    assert "not inside 宁波市" in reasons[4]
    assert "derive" in reasons[5]
    point = load_gazetteer(gazetteer_dir).get(a).geometry
    assert point.distance(Point(121.5609, 29.8827)) > 0.003  # moved from GCJ-02 to WGS84 (~500 m)


@pytest.mark.parametrize(("data", "filename", "message"), [
    (feature_collection(crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}),
     "utm.geojson", "only WGS84"),
    (b'{"type": "FeatureCollection", "features": [', "broken.geojson", "not JSON"),
    ("id,name\n".encode("utf-16"), "wide.csv", "not UTF-8"),
    (b"id,colour\njb-x,red\n", "extra.csv", "unknown columns"),
    (b"name\nx\n", "noid.csv", "header with at least an id"),
    (b'{"type": "Topology"}', "topo.json", "not a GeoJSON FeatureCollection"),
])
def test_an_unreadable_file_is_refused_as_a_whole(store, editor, curated, data, filename, message):
    before = store.history()
    with pytest.raises(CurationError, match=message):
        store.import_file(editor, data, filename=filename)
    assert store.history() == before


def test_a_declared_wgs84_crs_is_accepted(store, editor, unlocated_ids):
    data = feature_collection(
        feature({"id": unlocated_ids[0], "precision": "approximate", "source": "s"}, JIANGBEI),
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
    )
    assert len(store.import_file(editor, data, filename="a.geojson").accepted) == 1


def test_a_huge_upload_is_refused(store, editor):
    with pytest.raises(CurationError, match="limited to"):
        store.import_file(editor, b" " * (6 * 1024 * 1024), filename="big.csv")


def test_undoing_an_imported_new_place_removes_it(store, editor, gazetteer_dir):
    data = feature_collection(feature({"id": "jb-brand-new-place", "name": "新地点", "type": "area",
                                       "adcode": "330205", "precision": "approximate", "source": "s"}, JIANGBEI))
    [change] = store.import_file(editor, data, filename="new.geojson").accepted
    assert change.before is None
    undo = store.undo(editor, change.change_id, expected_revision=change.change_id)
    assert undo.after is None
    assert "jb-brand-new-place" not in load_gazetteer(gazetteer_dir)
