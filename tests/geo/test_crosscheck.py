from __future__ import annotations

from pathlib import Path

import pytest
from pyproj import Geod

from geo.crs import gcj02_to_wgs84
from geo.errors import GazetteerFormatError
from geo.gazetteer import CROSSCHECK_COLUMNS, Gazetteer, crosscheck_distances, load_gazetteer
from geo.settings import GAZETTEER_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(FIXTURES)


def test_crosscheck_distance_to_a_point_is_the_geodesic_distance(gaz: Gazetteer) -> None:
    table = crosscheck_distances(FIXTURES / "crosscheck", gazetteer=gaz).set_index("id")
    lon, lat = (float(v) for v in gcj02_to_wgs84(121.5620, 29.8790))
    _, _, expected = Geod(ellps="WGS84").inv(121.5575, 29.8812, lon, lat)
    assert table.loc["jb-lao-waitan", "distance_m"] == pytest.approx(expected, rel=0.005)
    assert table.loc["jb-lao-waitan", "point_distance_m"] == pytest.approx(expected, rel=0.005)


def test_crosscheck_point_inside_an_area_is_at_distance_zero(gaz: Gazetteer) -> None:
    table = crosscheck_distances(FIXTURES / "crosscheck", gazetteer=gaz).set_index("id")
    assert table.loc["jb-ningbo-culture-port", "distance_m"] == 0
    # …but it is not the published centre, which point_distance_m measures.
    assert 300 < table.loc["jb-ningbo-culture-port", "point_distance_m"] < 1000
    assert table["within"].all()


def test_crosscheck_far_point_is_flagged_not_within(tmp_path: Path, gaz: Gazetteer) -> None:
    rows = ["jb-lao-waitan,121.6000,29.9200,wgs84,made-up", "jb-yaojiang-new-area,121.5,29.9,wgs84,made-up"]
    (tmp_path / "x.csv").write_text("\n".join([",".join(CROSSCHECK_COLUMNS), *rows]) + "\n", encoding="utf-8")
    table = crosscheck_distances(tmp_path, gazetteer=gaz).set_index("id")
    assert table.loc["jb-lao-waitan", "distance_m"] > 5000 and not table.loc["jb-lao-waitan", "within"]
    assert not table.loc["jb-yaojiang-new-area", "within"]  # unlocated: NaN distance


def test_crosscheck_row_naming_an_unknown_id_is_an_error(tmp_path: Path, gaz: Gazetteer) -> None:
    (tmp_path / "x.csv").write_text("id,lon,lat,crs,source\njb-nowhere,121.5,29.9,wgs84,s\n", encoding="utf-8")
    with pytest.raises(GazetteerFormatError, match=r"x\.csv:2 \(jb-nowhere\)"):
        crosscheck_distances(tmp_path, gazetteer=gaz)


def test_real_crosscheck_points_lie_within_tolerance_of_the_gazetteer() -> None:
    table = crosscheck_distances(GAZETTEER_DIR / "crosscheck", gazetteer=load_gazetteer(GAZETTEER_DIR))
    if len(table):
        print("\n" + table.to_string(index=False, float_format=lambda v: f"{v:.0f}"))
    far = [
        f"{r.file}:{r.line} {r.id} {r.name}: {r.distance_m:.0f} m > {r.tolerance_m:.0f} m"
        for r in table.itertuples()
        if not r.within
    ]
    assert far == []
