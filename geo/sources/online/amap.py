"""高德 (Amap) Web service: geocoding (`/v3/geocode/geo`) and keyword place search (`/v3/place/text`).

Answers are GCJ-02 and are converted to WGS84 (geo.crs). Response formats and
codes as documented by Amap (copies of the official pages used):

- geocode: https://blog.csdn.net/weixin_43437227/article/details/131743053 (status, count, info,
  geocodes[].formatted_address/adcode/location "lng,lat"/level) and the API's page
  https://lbs.amap.com/api/webservice/guide/api/georegeo
- place search: https://amap.apifox.cn/project-759159/api-14633570 (status, infocode, count,
  pois[].id/name/type/typecode/location/adcode/adname)
- infocodes: https://mapsplatform.opnavi.com/api/web-service/tools/info (10000 OK, 10001
  INVALID_USER_KEY, 10003 DAILY_QUERY_OVER_LIMIT, 10004 ACCESS_TOO_FREQUENT, …)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import shapely
from geopy import exc as geopy_exc

from geo.crs import gcj02_to_wgs84
from geo.precision import Precision
from geo.settings import NINGBO_ADCODE
from geo.sources.online._base import OnlineSource
from geo.sources.online._cache import AnswerCache
from geo.sources.online._client import JsonService

DEFAULT_URL = "https://restapi.amap.com"
#: Amap's `level` of a geocode answer → our precision; None: too wide to locate a place.
LEVELS: dict[str, str | None] = {
    "兴趣点": Precision.EXACT, "门牌号": Precision.EXACT, "单元号": Precision.EXACT, "门址": Precision.EXACT,
    "楼号": Precision.EXACT, "公交站台、地铁站": Precision.EXACT, "公交地铁站点": Precision.EXACT,
    "道路": Precision.APPROXIMATE, "道路交叉路口": Precision.APPROXIMATE, "村庄": Precision.APPROXIMATE,
    "热点商圈": Precision.APPROXIMATE, "开发区": Precision.APPROXIMATE, "乡镇": Precision.APPROXIMATE,
    "区县": Precision.DISTRICT,
    "市": None, "省": None, "国家": None, "未知": None,
}
#: infocodes meaning a quota or rate limit (daily, per minute, per second).
QUOTA_CODES = {"10003", "10004", "10014", "10019", "10020", "10021", "10044", "10045"}
#: infocodes meaning the key itself is refused (wrong, wrong IP/domain/signature, wrong platform).
KEY_CODES = {"10001", "10005", "10006", "10007", "10009", "10012", "10013"}


class _AmapSource(OnlineSource):
    licence = "高德开放平台 Web服务 terms of use (not open data)"
    attribution = "© 高德地图 (AutoNavi)"
    datum = "gcj02"
    path: str  # the service's path, set by each subclass

    def __init__(self, *, key: str, base_url: str = DEFAULT_URL, cache: AnswerCache,
                 min_delay_seconds: float = 0.35, timeout: float = 10.0) -> None:
        super().__init__(cache=cache, min_delay_seconds=min_delay_seconds)
        self._key = key
        self.service = JsonService(base_url, timeout=timeout)

    def fetch(self, params: Mapping[str, str]) -> Any:
        return self.service.get(self.path, {**params, "key": self._key, "output": "JSON"}, check=_check)


class AmapGeocodeSource(_AmapSource):
    """高德 geocoding: a name or address → one point with Amap's match level."""

    key = "amap-geocode"
    title = "高德 地理编码"
    endpoint = "geocode/geo"
    path = "/v3/geocode/geo"

    def question(self, name: str, *, district: str | None) -> dict[str, str]:
        return {"address": name, "city": district or NINGBO_ADCODE}

    def read(self, answer: Any, *, name: str) -> list[tuple[shapely.Geometry, str | None, str, dict[str, str]]]:
        out = []
        for item in answer.get("geocodes") or []:
            point = _point(item.get("location"))
            if point is None:
                continue
            level = str(item.get("level") or "未知")
            precision = LEVELS.get(level, Precision.APPROXIMATE if level else None)
            out.append((point, precision, f"高德 geocoded '{name}' at level {level}",
                        {"name": str(item.get("formatted_address") or name), "level": level,
                         "adcode": str(item.get("adcode") or "")}))
        return out


class AmapPlaceSource(_AmapSource):
    """高德 keyword place search: POIs whose name matches, limited to the city or district."""

    key = "amap-place"
    title = "高德 关键字搜索"
    endpoint = "place/text"
    path = "/v3/place/text"

    def question(self, name: str, *, district: str | None) -> dict[str, str]:
        return {"keywords": name, "city": district or NINGBO_ADCODE, "citylimit": "true", "offset": "10", "page": "1"}

    def read(self, answer: Any, *, name: str) -> list[tuple[shapely.Geometry, str | None, str, dict[str, str]]]:
        out: list[tuple[shapely.Geometry, str | None, str, dict[str, str]]] = []
        for poi in answer.get("pois") or []:
            point = _point(poi.get("location"))
            if point is None:
                continue
            poi_name = str(poi.get("name") or "")
            how = "name equals the query" if poi_name == name else f"search result for '{name}'"
            out.append((point, Precision.EXACT, f"高德 POI '{poi_name}' ({poi.get('type', '')}): {how}",
                        {"name": poi_name, "id": str(poi.get("id") or ""), "type": str(poi.get("type") or ""),
                         "typecode": str(poi.get("typecode") or "")}))
        return out


def _check(answer: Any) -> Any:
    """Raise geopy's error for a refused request (status 0), by Amap's infocode."""
    if not isinstance(answer, dict):
        raise geopy_exc.GeocoderParseError(f"not an Amap answer: {answer!r:.80}")
    if str(answer.get("status")) == "1":
        return answer
    code, info = str(answer.get("infocode") or ""), str(answer.get("info") or "")
    if code in QUOTA_CODES:
        raise geopy_exc.GeocoderQuotaExceeded(f"{info} (infocode {code})")
    if code in KEY_CODES:
        raise geopy_exc.GeocoderAuthenticationFailure(f"{info} (infocode {code})")
    raise geopy_exc.GeocoderServiceError(f"{info or 'refused'} (infocode {code or '?'})")


def _point(location: Any) -> shapely.Point | None:
    """An Amap "lng,lat" GCJ-02 string as a WGS84 point."""
    try:
        lng, lat = (float(v) for v in str(location).split(","))
    except (TypeError, ValueError):
        return None
    lon, wgs_lat = gcj02_to_wgs84(lng, lat)
    return shapely.Point(float(lon), float(wgs_lat))
