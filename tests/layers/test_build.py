import pyogrio

from geo.settings import NINGBO_DISTRICTS
from layers.build import build
from layers.store import read_layer


def test_build_writes_a_districts_table_of_the_ten_ningbo_units(tmp_path):
    path = tmp_path / "planmap.gpkg"
    counts = build(path=path)
    assert counts["districts"] == 10
    districts = read_layer("districts", path=path)
    assert dict(zip(districts["adcode"], districts["name"])) == NINGBO_DISTRICTS
    assert pyogrio.read_info(path, layer="districts")["crs"] == "EPSG:4326"
    assert districts.geometry.is_valid.all()
    assert not path.with_suffix(".building.gpkg").exists()
