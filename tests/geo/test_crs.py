import numpy as np
import pytest

from geo.crs import (
    bd09_to_gcj02,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    to_wgs84,
    wgs84_to_gcj02,
)
from geo.errors import GeoError

# A grid over the whole of 宁波市 (lon 120.9–122.3, lat 28.8–30.6).
LON, LAT = np.meshgrid(np.linspace(120.9, 122.3, 41), np.linspace(28.8, 30.6, 41))
METRES_PER_DEG_LAT = 110_950.0


def _metres(dlon, dlat, lat):
    return np.hypot(dlon * METRES_PER_DEG_LAT * np.cos(np.radians(lat)), dlat * METRES_PER_DEG_LAT)


def test_gcj02_roundtrip_stays_within_1m_across_ningbo():
    back_lon, back_lat = gcj02_to_wgs84(*wgs84_to_gcj02(LON, LAT))
    assert _metres(back_lon - LON, back_lat - LAT, LAT).max() < 1.0


def test_gcj02_offset_is_a_few_hundred_metres_east_and_south_in_ningbo():
    g_lon, g_lat = wgs84_to_gcj02(LON, LAT)
    offset = _metres(g_lon - LON, g_lat - LAT, LAT)
    assert offset.min() > 200 and offset.max() < 800
    assert (g_lon > LON).all() and (g_lat < LAT).all()


def test_bd09_roundtrip_stays_within_1m():
    g_lon, g_lat = wgs84_to_gcj02(LON, LAT)
    back = bd09_to_gcj02(*gcj02_to_bd09(g_lon, g_lat))
    assert _metres(back[0] - g_lon, back[1] - g_lat, LAT).max() < 1.0


def test_scalars_come_back_as_scalars_of_the_same_point():
    lon, lat = to_wgs84(121.5540, 29.8690, crs="wgs84")
    assert float(lon) == pytest.approx(121.5540) and float(lat) == pytest.approx(29.8690)
    lon, lat = to_wgs84(*wgs84_to_gcj02(121.5540, 29.8690), crs="gcj02")
    assert float(lon) == pytest.approx(121.5540, abs=1e-7)


def test_unknown_datum_is_refused_with_the_valid_ones_named():
    with pytest.raises(GeoError, match="gcj02"):
        to_wgs84(121.5, 29.9, crs="beijing54")
