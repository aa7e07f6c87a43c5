import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point

from layers.errors import LayerStoreError
from layers.store import list_layers, read_layer, write_layer


def test_layers_round_trip_with_their_crs_declared(tmp_path):
    path = tmp_path / "store.gpkg"
    points = gpd.GeoDataFrame({"name": ["慈城"]}, geometry=[Point(121.45, 29.97)], crs="EPSG:4326")
    write_layer(points, "places", path=path)
    write_layer(pd.DataFrame({"name": ["地区生产总值"], "value": ["冲刺千亿"]}), "indicators", path=path)
    assert list_layers(path=path) == ["places", "indicators"]
    assert pyogrio.read_info(path, layer="places")["crs"] == "EPSG:4326"
    back = read_layer("places", path=path)
    assert back.crs.to_epsg() == 4326 and back.geometry[0].equals_exact(Point(121.45, 29.97), 1e-9)
    assert read_layer("indicators", path=path)["value"].tolist() == ["冲刺千亿"]


def test_a_layer_in_another_crs_is_refused(tmp_path):
    frame = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs="EPSG:32651")
    with pytest.raises(LayerStoreError, match="EPSG:4326"):
        write_layer(frame, "bad", path=tmp_path / "s.gpkg")


def test_a_missing_store_or_layer_says_how_to_rebuild(tmp_path):
    with pytest.raises(LayerStoreError, match="layers build"):
        read_layer("districts", path=tmp_path / "none.gpkg")
    path = tmp_path / "s.gpkg"
    write_layer(pd.DataFrame({"a": [1]}), "one", path=path)
    with pytest.raises(LayerStoreError, match="layers build"):
        read_layer("districts", path=path)
