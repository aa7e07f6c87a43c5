"""天地图 geocoder (`/geocoder?ds={"keyWord": …}&tk=KEY`): a name or address → one point.

天地图 answers in CGCS2000, which differs from WGS84 by centimetres (far below
what the map shows), so its coordinates are used as they are. Response format
as documented by 天地图 (http://lbs.tianditu.gov.cn/server/geocodinginterface.html;
the envelope status "0" = success and msg as on its reverse-geocoding page,
http://lbs.tianditu.gov.cn/server/geocoding.html): `{"status": "0", "msg": "ok",
"location": {"lon", "lat", "level", "score", "keyWord"}, "searchVersion"}`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import shapely
from geopy import exc as geopy_exc

from geo.precision import Precision
from geo.settings import NINGBO_DISTRICTS
from geo.sources.online._base import OnlineSource
from geo.sources.online._cache import AnswerCache
from geo.sources.online._client import JsonService

DEFAULT_URL = "https://api.tianditu.gov.cn"
_TOO_WIDE = {"国家", "省", "市", "省级", "市级", "未知"}


class TiandituSource(OnlineSource):
    """天地图 geocoding, asked with the place name prefixed by 宁波市 (and the district)."""

    key = "tianditu"
    title = "天地图 地理编码"
    endpoint = "geocoder"
    licence = "天地图 service terms of use (not open data)"
    attribution = "© 天地图 (国家地理信息公共服务平台)"
    datum = "cgcs2000"

    def __init__(self, *, key: str, base_url: str = DEFAULT_URL, cache: AnswerCache,
                 min_delay_seconds: float = 0.2, timeout: float = 10.0) -> None:
        super().__init__(cache=cache, min_delay_seconds=min_delay_seconds)
        self._key = key
        self.service = JsonService(base_url, timeout=timeout)

    def question(self, name: str, *, district: str | None) -> dict[str, str]:
        prefix = "宁波市" + (NINGBO_DISTRICTS.get(district, "") if district else "")
        keyword = name if name.startswith("宁波") else prefix + name
        return {"ds": json.dumps({"keyWord": keyword}, ensure_ascii=False)}

    def fetch(self, params: Mapping[str, str]) -> Any:
        return self.service.get("/geocoder", {**params, "tk": self._key}, check=_check)

    def read(self, answer: Any, *, name: str) -> list[tuple[shapely.Geometry, str | None, str, dict[str, str]]]:
        location = answer.get("location") or {}
        try:
            point = shapely.Point(float(location["lon"]), float(location["lat"]))
        except (KeyError, TypeError, ValueError):
            return []
        level = str(location.get("level") or "")
        return [(point, level_precision(level),
                 f"天地图 geocoded '{location.get('keyWord', name)}' at level {level or '?'}, score {location.get('score', '?')}",
                 {"name": name, "level": level, "score": str(location.get("score", ""))})]


def level_precision(level: str) -> str | None:
    """天地图's `level` → our precision (None: too wide to locate a place)."""
    if level in _TOO_WIDE:
        return None
    if any(word in level for word in ("门址", "门牌", "兴趣点", "POI", "poi", "楼")):
        return Precision.EXACT
    if "区县" in level:
        return Precision.DISTRICT
    return Precision.APPROXIMATE


def _check(answer: Any) -> Any:
    if not isinstance(answer, dict):
        raise geopy_exc.GeocoderParseError(f"not a 天地图 answer: {answer!r:.80}")
    status, msg = str(answer.get("status", "")), str(answer.get("msg") or "")
    if status == "0":
        return answer
    if any(word in msg for word in ("超", "限", "limit", "quota")):
        raise geopy_exc.GeocoderQuotaExceeded(f"{msg} (status {status})")
    if any(word in msg.lower() for word in ("key", "tk", "权限", "密钥")):
        raise geopy_exc.GeocoderAuthenticationFailure(f"{msg} (status {status})")
    raise geopy_exc.GeocoderServiceError(f"{msg or 'refused'} (status {status})")
