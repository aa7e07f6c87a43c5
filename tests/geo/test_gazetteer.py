from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import shapely
from pyproj import Geod

from geo.boundaries import unit_geometry
from geo.crs import bd09_to_wgs84, gcj02_to_wgs84
from geo.derive import buffer_m
from geo.errors import GazetteerFormatError, UnknownPlaceError
from geo.gazetteer import COLUMNS, Gazetteer, district_adcode, load_gazetteer
from geo.settings import GAZETTEER_DIR, NINGBO_ADCODE

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
HEADER = ",".join(COLUMNS)
GOOD_ROW = "jb-good,好地方,,landmark,330205,exact,published,121.55,29.90,wgs84,,,,,https://example.org/good,"
#: Tolerance around a unit for the real-file test: points on a border river.
BORDER_TOLERANCE_M = 1000.0


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def _write(directory: Path, name: str, *rows: str, header: str = HEADER) -> None:
    (directory / name).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def test_fixture_gazetteer_loads_every_row_and_locates_all_but_the_unlocated(gaz: Gazetteer) -> None:
    rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in FIXTURES.glob("*.csv"))
    assert len(gaz) == rows
    unlocated = [e.id for e in gaz if not e.located]
    assert unlocated == ["jb-yaojiang-new-area"]
    for entry in gaz:
        if entry.located:
            assert entry.geometry.is_valid and not entry.geometry.is_empty
            assert 100 < entry.lon < 125 and 25 < entry.lat < 35


def test_gcj02_and_bd09_points_are_converted_to_wgs84(gaz: Gazetteer) -> None:
    station = gaz.get("rail-station-culture-port")
    expected = gcj02_to_wgs84(121.5610, 29.9050)
    assert (station.lon, station.lat) == pytest.approx((float(expected[0]), float(expected[1])), abs=1e-9)
    town = gaz.get("jb-cicheng-town")
    expected = bd09_to_wgs84(121.4530, 29.9680)
    assert (town.lon, town.lat) == pytest.approx((float(expected[0]), float(expected[1])), abs=1e-9)
    # The shift itself is hundreds of metres, so a skipped conversion would show.
    _, _, shift = Geod(ellps="WGS84").inv(121.4530, 29.9680, town.lon, town.lat)
    assert shift > 300


def test_circle_radius_is_right_within_2_percent(gaz: Gazetteer) -> None:
    port = gaz.get("jb-ningbo-culture-port")
    assert port.geometry.geom_type == "Polygon"
    lon, lat = (float(v) for v in gcj02_to_wgs84(121.5600, 29.9000))
    assert (port.lon, port.lat) == pytest.approx((lon, lat), abs=1e-5)
    ring = shapely.get_coordinates(port.geometry.exterior)
    geod = Geod(ellps="WGS84")
    _, _, distances = geod.inv([lon] * len(ring), [lat] * len(ring), ring[:, 0], ring[:, 1])
    assert min(distances) > 980 and max(distances) < 1020


def test_wkt_and_district_rows_get_their_shapes(gaz: Gazetteer) -> None:
    cbd = gaz.get("yz-south-cbd")
    assert cbd.geometry.equals(shapely.box(121.540, 29.820, 121.555, 29.832))
    yinzhou = gaz.get("yz-yinzhou-district")  # district precision, no recipe
    assert yinzhou.geometry.equals(unit_geometry("330212"))
    assert yinzhou.geometry.contains(shapely.Point(yinzhou.lon, yinzhou.lat))


def test_published_point_next_to_a_recipe_is_the_representative_point(gaz: Gazetteer) -> None:
    jiangbei = gaz.get("jb-jiangbei-district")
    assert jiangbei.geometry.equals(unit_geometry("330205"))
    assert (jiangbei.lon, jiangbei.lat) == pytest.approx((121.5500, 29.8900))


def test_frame_has_every_column_and_an_empty_geometry_for_unlocated_rows(gaz: Gazetteer) -> None:
    frame = gaz.frame
    assert frame.crs.to_string() == "EPSG:4326"
    assert set(COLUMNS) <= set(frame.columns)
    assert len(frame) == len(gaz)
    row = frame.set_index("id").loc["jb-yaojiang-new-area"]
    assert row.geometry.is_empty and row["precision"] == "unlocated"
    assert not frame[frame["precision"] != "unlocated"].geometry.is_empty.any()


def test_lookup_matches_names_and_aliases_exactly(gaz: Gazetteer) -> None:
    assert [e.id for e in gaz.lookup("文创港")] == ["jb-ningbo-culture-port"]
    assert [e.id for e in gaz.lookup("宁波文创港")] == ["jb-ningbo-culture-port"]
    assert gaz.lookup("文创") == []
    assert next(e.id for e in gaz.lookup("中心公园", district="鄞州区")) == "yz-central-park"
    assert next(e.id for e in gaz.lookup("中心公园", district="330205")) == "jb-central-park"


def test_names_maps_every_name_and_alias_to_its_ids(gaz: Gazetteer) -> None:
    names = gaz.names()
    assert set(names["外滩"]) == {"jb-lao-waitan", "rg-shanghai-bund"}
    assert names["慈城"] == ("jb-cicheng-town",)
    assert set(names["中心公园"]) == {"jb-central-park", "yz-central-park"}


def test_suggest_offers_names_containing_or_resembling_the_query(gaz: Gazetteer) -> None:
    assert set(gaz.suggest("文创")) >= {"文创港", "宁波文创港"}
    assert gaz.suggest("姚江新城")[0] == "姚江新区"
    assert gaz.suggest("完全无关的名字") == []


def test_unknown_id_raises_and_names_close_ids(gaz: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError, match="jb-lao-waitan"):
        gaz.get("jb-lao-waitn")


def test_district_may_be_given_as_adcode_name_or_short_name() -> None:
    assert district_adcode("330205") == district_adcode("江北区") == district_adcode("江北") == "330205"
    with pytest.raises(UnknownPlaceError, match="上海"):
        district_adcode("上海")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (GOOD_ROW.replace("landmark", "castle"), "unknown type 'castle'"),
        (GOOD_ROW.replace(",exact,", ",precise,"), "unknown precision 'precise'"),
        (GOOD_ROW.replace(",published,", ",guessed,"), "unknown method 'guessed'"),
        (GOOD_ROW.replace(",wgs84,", ",wgs72,"), "unknown crs 'wgs72'"),
        (GOOD_ROW.replace("https://example.org/good", ""), "needs a source"),
        (GOOD_ROW.replace("121.55", "121°33′"), "lon '121°33′' is not a decimal number"),
        (
            "jb-good,好地方,,area,330205,approximate,digitized,,,,,,POLYGON ((1 2,,https://example.org/good,",
            "wkt does not parse",
        ),
        (
            'jb-good,好地方,,area,330205,approximate,computed_members,,,,,"hull:jb-nowhere,jb-first",,,x,',
            "derive names unknown id 'jb-nowhere'",
        ),
        (GOOD_ROW.replace("330205", "3302"), "adcode '3302' is not 6 digits"),
        (GOOD_ROW.replace("jb-good", "yz-good"), "must start with 'jb-'"),
        (GOOD_ROW.replace(",published,", ",none,"), "method none is only for unlocated rows"),
        (GOOD_ROW.replace(",,,,,https", ",-50,,,,https"), "radius_m '-50' must be positive"),
    ],
)
def test_bad_row_is_reported_with_file_line_and_id(tmp_path: Path, row: str, problem: str) -> None:
    _write(tmp_path, "jiangbei.csv", GOOD_ROW.replace("jb-good", "jb-first"), row)
    with pytest.raises(GazetteerFormatError) as info:
        load_gazetteer(tmp_path)
    message = str(info.value)
    row_id = row.split(",")[0]
    assert f"jiangbei.csv:3 ({row_id})" in message
    assert problem in message


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    _write(tmp_path, "a.csv", GOOD_ROW)
    _write(tmp_path, "b.csv", "", GOOD_ROW)
    with pytest.raises(GazetteerFormatError, match=r"b\.csv:3 \(jb-good\): duplicate id, first in a\.csv:2"):
        load_gazetteer(tmp_path)


def test_unknown_column_is_reported_with_the_file(tmp_path: Path) -> None:
    _write(tmp_path, "jiangbei.csv", GOOD_ROW + ",x", header=HEADER + ",elevation")
    with pytest.raises(GazetteerFormatError, match=r"jiangbei\.csv:1: header has unknown columns \['elevation'\]"):
        load_gazetteer(tmp_path)


def test_every_bad_row_is_listed_not_only_the_first(tmp_path: Path) -> None:
    bad_type = GOOD_ROW.replace("jb-good", "jb-one").replace("landmark", "castle")
    no_source = GOOD_ROW.replace("jb-good", "jb-two").replace("https://example.org/good", "")
    _write(tmp_path, "jiangbei.csv", bad_type, no_source)
    with pytest.raises(GazetteerFormatError, match=r"2 problem\(s\)") as info:
        load_gazetteer(tmp_path)
    assert "jb-one" in str(info.value) and "jb-two" in str(info.value)


def test_unlocated_row_with_a_coordinate_is_refused(tmp_path: Path) -> None:
    row = GOOD_ROW.replace(",exact,published,", ",unlocated,none,")
    _write(tmp_path, "jiangbei.csv", row)
    with pytest.raises(GazetteerFormatError, match="unlocated row has method none and no lon/lat"):
        load_gazetteer(tmp_path)


# --- the real data/gazetteer files: invariants only, whatever rows exist ---


@pytest.fixture(scope="module")
def real() -> Gazetteer:
    return load_gazetteer(GAZETTEER_DIR)


def test_real_gazetteer_located_entries_are_valid_and_sourced(real: Gazetteer) -> None:
    bad = [
        f"{e.file}:{e.line} {e.id}"
        for e in real
        if e.located and (not e.geometry.is_valid or e.geometry.is_empty or not e.source.strip())
    ]
    assert bad == []


def test_real_gazetteer_entries_lie_in_their_stated_unit(real: Gazetteer) -> None:
    outside = []
    for entry in real:
        if not entry.located:
            continue
        zone = _unit_with_margin(entry.adcode)
        point = shapely.Point(entry.lon, entry.lat)
        if not zone.contains(point) or not zone.intersects(entry.geometry):
            outside.append(f"{entry.file}:{entry.line} {entry.id} ({entry.lon:.5f}, {entry.lat:.5f}) not in {entry.adcode}")
    assert outside == []


def test_real_gazetteer_entries_in_ningbo_have_ningbo_adcodes(real: Gazetteer) -> None:
    ningbo = unit_geometry(NINGBO_ADCODE)  # no margin: a neighbour's border place stays out
    wrong = [
        f"{e.id} {e.adcode}"
        for e in real
        if e.located and not e.adcode.startswith("3302") and ningbo.contains(shapely.Point(e.lon, e.lat))
    ]
    assert wrong == []


@cache
def _unit_with_margin(adcode: str) -> shapely.Geometry:
    """The unit's land polygon widened by `BORDER_TOLERANCE_M` (points on a border river)."""
    zone = buffer_m(unit_geometry(adcode), BORDER_TOLERANCE_M)
    shapely.prepare(zone)
    return zone
