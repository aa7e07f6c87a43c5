"""Importing a GIS layer as a place source, on real public data (OSM via nignbohub, GeoNames).

The fixtures in tests/data/sources/ are written out here as GeoJSON, GeoPackage,
zipped Shapefile, KML, CSV and OSM XML; every refused file leaves the imports
folder exactly as it was.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.__main__ import main
from geo.errors import LayerImportError
from geo.sources import layer as layer_module
from geo.sources.layer import MAX_LAYER_BYTES, import_layer, imported_sources, layer_fields

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"
OSM_CSV = DATA / "osm_nignbohub_jiangbei_yinzhou.csv"
GEONAMES_CSV = DATA / "geonames_cities500_ningbo.csv"
OSM = dict(source="OpenStreetMap via qingwalashi/nignbohub@15e16dd", licence="ODbL 1.0")
GEONAMES = dict(source="GeoNames cities500", licence="CC BY 4.0")


@pytest.fixture(scope="module")
def osm_frame() -> gpd.GeoDataFrame:
    table = pd.read_csv(OSM_CSV, dtype=str)
    return gpd.GeoDataFrame(table.drop(columns=["wkt"]), geometry=gpd.GeoSeries.from_wkt(table["wkt"]), crs="EPSG:4326")


@pytest.fixture
def imports(tmp_path) -> Path:
    return tmp_path / "imports"


def _state(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _only_source(folder: Path):
    sources = imported_sources(folder)
    assert len(sources) == 1
    return sources[0]


def _refused(code: str, path: Path, imports: Path, **options) -> LayerImportError:
    before = _state(imports)
    with pytest.raises(LayerImportError) as caught:
        import_layer(path, directory=imports, **{"name_field": "name", "datum": "wgs84", **OSM, **options})
    assert caught.value.code == code, str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert _state(imports) == before, "a refused import changed the imports folder"
    return caught.value


def test_geojson_of_the_osm_extract_answers_by_name_with_file_feature_licence_and_datum(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.geojson"
    osm_frame.to_file(path, driver="GeoJSON")
    meta = import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    assert meta.features == len(osm_frame) == 389
    found = _only_source(imports).candidates("万象城")
    assert len(found) == 1
    original = osm_frame.loc[osm_frame["name"] == "万象城"].geometry.iloc[0]
    assert found[0].geometry.equals_exact(original, tolerance=1e-9)
    assert found[0].source.startswith(OSM["source"]) and "osm.geojson, feature " in found[0].source
    assert (found[0].licence, found[0].datum, found[0].precision, found[0].adcode) == ("ODbL 1.0", "wgs84", "exact", "330205")


def test_the_osm_duplicates_come_back_as_two_candidates(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.geojson"
    osm_frame.to_file(path, driver="GeoJSON")
    import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    found = _only_source(imports).candidates("东南小学")
    assert len(found) == 2 and len({c.feature_id for c in found}) == 2


def test_a_district_narrows_the_candidates(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.geojson"
    osm_frame.to_file(path, driver="GeoJSON")
    import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    source = _only_source(imports)
    assert source.candidates("万象城", district="江北区") and not source.candidates("万象城", district="330212")


def test_a_traditional_spelling_matches_after_normalising(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.geojson"
    osm_frame.to_file(path, driver="GeoJSON")
    import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    found = _only_source(imports).candidates("萬象城")
    assert [c.name for c in found] == ["万象城"] and "traditional characters" in found[0].matched


def test_a_projected_geopackage_with_its_definition_is_reprojected(tmp_path, imports, osm_frame):
    path = tmp_path / "osm_utm.gpkg"
    osm_frame.to_crs("EPSG:32651").to_file(path, layer="osm", driver="GPKG")
    meta = import_layer(path, name_field="name", datum="cgcs2000", directory=imports, **OSM)
    assert meta.crs_in_file == "EPSG:32651" and meta.features == 389
    found = _only_source(imports).candidates("宁波市第九医院")
    original = osm_frame.loc[osm_frame["name"] == "宁波市第九医院"].geometry.iloc[0]
    assert found and found[0].geometry.hausdorff_distance(original) < 1e-7  # ~1 cm


def test_a_multi_layer_geopackage_needs_the_layer_named(tmp_path, imports, osm_frame):
    path = tmp_path / "two.gpkg"
    osm_frame[osm_frame["kind"] == "school"].to_file(path, layer="schools", driver="GPKG")
    osm_frame[osm_frame["kind"] == "hospital"].to_file(path, layer="hospitals", driver="GPKG")
    error = _refused("which_layer", path, imports)
    assert "schools" in str(error) and "hospitals" in str(error)
    meta = import_layer(path, name_field="name", datum="wgs84", layer="hospitals", directory=imports, **OSM)
    assert meta.features == int((osm_frame["kind"] == "hospital").sum()) == 27


def test_a_zipped_shapefile_is_read(tmp_path, imports, osm_frame):
    folder = tmp_path / "shp"
    folder.mkdir()
    osm_frame[["name", "kind", "geometry"]].to_file(folder / "osm.shp", driver="ESRI Shapefile", encoding="utf-8")
    archive = tmp_path / "osm_shp.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for part in folder.iterdir():
            z.write(part, part.name)
    import_layer(archive, name_field="name", datum="wgs84", directory=imports, **OSM)
    assert [c.name for c in _only_source(imports).candidates("和丰创意广场")] == ["和丰创意广场"]


def test_kml_is_read(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.kml"
    osm_frame[["name", "kind", "geometry"]].to_file(path, driver="KML")
    assert "Name" in layer_fields(path) or "name" in layer_fields(path)
    field = "Name" if "Name" in layer_fields(path) else "name"
    meta = import_layer(path, name_field=field, datum="wgs84", directory=imports, **OSM)
    assert meta.features == 389
    assert _only_source(imports).candidates("江北外国语学校")


def test_a_geonames_csv_with_lon_lat_columns_leaves_out_the_seats_outside_ningbo(tmp_path, imports):
    every = import_layer(GEONAMES_CSV, name_field="name", datum="wgs84", directory=tmp_path / "all", **GEONAMES)
    assert (every.features, every.skipped_outside) == (96, 33)
    meta = import_layer(GEONAMES_CSV, name_field="areacity_unit_name", datum="wgs84", directory=imports, **GEONAMES)
    table = pd.read_csv(GEONAMES_CSV, dtype=str, keep_default_na=False)
    assert meta.features + meta.skipped_unnamed + meta.skipped_outside == len(table) == 129
    found = _only_source(imports).candidates("邱隘镇")
    row = table[table["areacity_unit_name"] == "邱隘镇"].iloc[0]
    assert found[0].geometry.equals(shapely.Point(float(row["lon"]), float(row["lat"])))
    assert found[0].feature_id == str(row.name + 2)  # the CSV line
    assert found[0].adcode == "330212"


def test_a_small_osm_xml_extract_is_read_with_osm_ids(tmp_path, imports, osm_frame):
    path = tmp_path / "few.osm"
    path.write_text(_osm_xml(osm_frame), encoding="utf-8")
    meta = import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    assert meta.features == 3
    source = _only_source(imports)
    wanxiang = source.candidates("万象城")
    assert wanxiang[0].feature_id == "way/1" and wanxiang[0].geometry.geom_type in ("Polygon", "MultiPolygon")
    original = osm_frame.loc[osm_frame["name"] == "万象城"].geometry.iloc[0]
    assert wanxiang[0].geometry.symmetric_difference(original).area < 1e-10
    qiuai = source.candidates("邱隘")
    assert qiuai[0].feature_id == "node/1" and qiuai[0].geometry.geom_type == "Point"


def test_reimporting_the_same_file_replaces_the_earlier_import(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.geojson"
    osm_frame.to_file(path, driver="GeoJSON")
    import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    assert len(imported_sources(imports)) == 1


# --- refused files ---------------------------------------------------------------------------------------


def test_an_undeclared_or_unknown_datum_is_refused(imports):
    _refused("no_datum", OSM_CSV, imports, datum="")
    assert "wgs84, cgcs2000, gcj02, bd09" in str(_refused("unknown_datum", OSM_CSV, imports, datum="beijing54"))


def test_projected_coordinates_without_a_definition_are_refused(tmp_path, imports, osm_frame):
    utm = osm_frame.to_crs("EPSG:32651").geometry.representative_point()
    path = tmp_path / "metres.csv"
    pd.DataFrame({"name": osm_frame["name"], "x": utm.x, "y": utm.y}).to_csv(path, index=False)
    assert "projection" in str(_refused("projected_undefined", path, imports))


def test_swapped_lon_lat_put_the_layer_outside_ningbo_and_say_so(tmp_path, imports):
    table = pd.read_csv(GEONAMES_CSV, dtype=str)
    path = tmp_path / "swapped.csv"
    table.rename(columns={"lat": "lon", "lon": "lat"}).to_csv(path, index=False)
    assert "wrong way round" in str(_refused("swapped", path, imports, name_field="name"))


def test_a_file_outside_ningbo_is_refused(tmp_path, imports, osm_frame):
    moved = osm_frame.copy()
    moved["geometry"] = moved.geometry.translate(xoff=-15.0)  # the real features, moved 15° west
    path = tmp_path / "elsewhere.geojson"
    moved.to_file(path, driver="GeoJSON")
    assert "宁波" in str(_refused("outside_all", path, imports))


def test_a_missing_name_field_lists_the_fields_there_are(imports):
    error = _refused("no_name_field", GEONAMES_CSV, imports, name_field="名称")
    assert "names_zh" in str(error) and "areacity_unit_name" in str(error)


def test_a_gb18030_csv_is_refused_naming_the_encoding_then_read_with_it(tmp_path, imports):
    path = tmp_path / "gb.csv"
    path.write_bytes(GEONAMES_CSV.read_text(encoding="utf-8").replace("’", "'").encode("gb18030"))
    error = _refused("not_utf8", path, imports, name_field="areacity_unit_name")
    assert error.details["guess"] == "gb18030"
    meta = import_layer(path, name_field="areacity_unit_name", datum="wgs84", encoding="gb18030",
                        directory=imports, **GEONAMES)
    assert _only_source(imports).candidates("邱隘镇") and meta.features > 0


@pytest.mark.parametrize("content", [b"", b'{"type": "FeatureCollection", "features": []}'])
def test_an_empty_file_is_refused(tmp_path, imports, content):
    path = tmp_path / "empty.geojson"
    path.write_bytes(content)
    _refused("empty", path, imports)


def test_a_header_only_csv_is_refused_as_empty(tmp_path, imports):
    path = tmp_path / "empty.csv"
    path.write_text("name,lon,lat\n", encoding="utf-8")
    _refused("empty", path, imports)


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path, imports, monkeypatch):
    path = tmp_path / "huge.geojson"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to disk
    assert path.stat().st_size > MAX_LAYER_BYTES

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(layer_module.pyogrio, "read_dataframe", no_reading)
    monkeypatch.setattr(layer_module.pyogrio, "list_layers", no_reading)
    assert "200 MB" in str(_refused("too_large", path, imports))


def test_a_refused_reimport_keeps_the_earlier_import(tmp_path, imports, osm_frame):
    path = tmp_path / "osm.geojson"
    osm_frame.to_file(path, driver="GeoJSON")
    import_layer(path, name_field="name", datum="wgs84", directory=imports, **OSM)
    moved = osm_frame.copy()
    moved["geometry"] = moved.geometry.translate(xoff=-15.0)
    moved.to_file(path, driver="GeoJSON")
    _refused("outside_all", path, imports)
    assert _only_source(imports).candidates("万象城")


def test_source_and_licence_are_required(imports):
    _refused("no_source", OSM_CSV, imports, source=" ")
    _refused("no_licence", OSM_CSV, imports, licence="")


# --- command line ----------------------------------------------------------------------------------------


def test_the_command_line_imports_and_refuses(tmp_path, capsys):
    folder = tmp_path / "cli"
    common = ["import-places", str(OSM_CSV), "--datum", "wgs84", "--source", OSM["source"], "--licence", "ODbL 1.0",
              "--imports", str(folder)]
    assert main([*common, "--name-field", "名字"]) == 1
    assert "its fields are" in capsys.readouterr().err and not folder.exists()
    assert main([*common, "--name-field", "name"]) == 0
    assert "imported 389 named features" in capsys.readouterr().out
    assert _only_source(folder).candidates("南部商务区")


def _osm_xml(osm_frame: gpd.GeoDataFrame) -> str:
    """OSM XML of two OSM polygons from the extract (closed ways 1, 2) and one GeoNames seat (node 1)."""
    table = pd.read_csv(GEONAMES_CSV, dtype=str)
    seat = table[table["areacity_unit_name"] == "邱隘镇"].iloc[0]
    parts = [f'<node id="1" version="1" lat="{seat["lat"]}" lon="{seat["lon"]}">'
             '<tag k="name" v="邱隘"/><tag k="place" v="town"/></node>']
    ways, node_id = [], 100
    for way_id, name in enumerate(("万象城", "宁波市第九医院"), start=1):
        row = osm_frame.loc[osm_frame["name"] == name].iloc[0]
        refs = []
        for lon, lat in list(shapely.get_exterior_ring(row.geometry).coords)[:-1]:
            parts.append(f'<node id="{node_id}" version="1" lat="{lat}" lon="{lon}"/>')
            refs.append(node_id)
            node_id += 1
        tag, value = ("landuse", "retail") if row["kind"] == "commercial" else ("amenity", "hospital")
        nd = "".join(f'<nd ref="{r}"/>' for r in [*refs, refs[0]])
        ways.append(f'<way id="{way_id}" version="1">{nd}<tag k="name" v={quoteattr(name)}/>'
                    f'<tag k="{tag}" v="{value}"/></way>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="planmap tests">'
            + "".join(parts) + "".join(ways) + "</osm>")


@pytest.mark.parametrize("datum, shift", [("gcj02", "geometry_wgs84_to_gcj02"), ("bd09", None)])
def test_a_gcj02_or_bd09_layer_comes_back_to_the_osm_geometry(tmp_path, imports, osm_frame, datum, shift):
    from geo import crs

    def to_bd09(geometry):
        def f(coords):
            import numpy as np
            lon, lat = crs.gcj02_to_bd09(*crs.wgs84_to_gcj02(coords[:, 0], coords[:, 1]))
            return np.column_stack([lon, lat])
        return shapely.transform(geometry, f)

    convert = getattr(crs, shift) if shift else to_bd09
    shifted = osm_frame.copy()
    shifted["geometry"] = [convert(g) for g in osm_frame.geometry]
    path = tmp_path / f"osm_{datum}.geojson"
    shifted.to_file(path, driver="GeoJSON")
    import_layer(path, name_field="name", datum=datum, directory=imports, **OSM)
    found = _only_source(imports).candidates("和丰创意广场")
    original = osm_frame.loc[osm_frame["name"] == "和丰创意广场"].geometry.iloc[0]
    assert found[0].datum == datum
    assert found[0].geometry.hausdorff_distance(original) < 1e-5  # ~1 m
    assert shifted.loc[osm_frame["name"] == "和丰创意广场"].geometry.iloc[0].hausdorff_distance(original) > 2e-3


def test_an_osm_pbf_extract_is_read_like_the_xml(tmp_path, imports, osm_frame):
    osmium = pytest.importorskip("osmium")  # a test dependency (requirements-dev.txt), used to write the PBF
    xml = tmp_path / "few.osm"
    xml.write_text(_osm_xml(osm_frame), encoding="utf-8")
    pbf = tmp_path / "few.osm.pbf"
    writer = osmium.SimpleWriter(str(pbf))
    try:
        for obj in osmium.FileProcessor(str(xml)):
            writer.add(obj)
    finally:
        writer.close()
    meta = import_layer(pbf, name_field="name", datum="wgs84", directory=imports, **OSM)
    assert meta.features == 3 and meta.format == "OpenStreetMap PBF"
    source = _only_source(imports)
    assert source.candidates("万象城")[0].feature_id == "way/1"
    assert source.candidates("邱隘")[0].feature_id == "node/1"
