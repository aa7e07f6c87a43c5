"""Nominatim (OpenStreetMap's geocoder) through geopy, at a URL the deployment gives.

Off unless `PLANMAP_NOMINATIM_URL` (or secrets) names a server: the public one
has a usage policy (one request a second, an identifying user agent), which
the rate limit and `PLANMAP_NOMINATIM_USER_AGENT` respect. Answers are WGS84.
Output fields (`class`/`category`, `type`, `addresstype`, `osm_type`, `osm_id`,
`lat`, `lon`, `display_name`) as documented at
https://nominatim.org/release-docs/latest/api/Output/ .
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import shapely
from geopy.geocoders import Nominatim

from geo.precision import Precision
from geo.sources.online._base import OnlineSource
from geo.sources.online._cache import AnswerCache

#: 宁波市's extent (lat, lon corners), so that answers elsewhere are not offered.
VIEWBOX = [(28.85, 120.86), (30.50, 122.28)]
_TOO_WIDE = {"country", "state", "province", "region", "city", "state_district"}
_DISTRICT = {"county", "city_district", "district"}
_AREA = {"suburb", "quarter", "neighbourhood", "village", "town", "hamlet", "municipality", "borough",
         "isolated_dwelling", "locality", "road"}


class NominatimSource(OnlineSource):
    """Nominatim search for the name within 宁波市's extent."""

    key = "nominatim"
    title = "Nominatim (OpenStreetMap)"
    endpoint = "search"
    licence = "ODbL 1.0"
    attribution = "© OpenStreetMap contributors"
    datum = "wgs84"

    def __init__(self, *, url: str, user_agent: str, cache: AnswerCache,
                 min_delay_seconds: float = 1.0, timeout: float = 10.0) -> None:
        super().__init__(cache=cache, min_delay_seconds=min_delay_seconds)
        parts = urlsplit(url if "//" in url else f"https://{url}")
        self.geocoder = Nominatim(domain=(parts.netloc + parts.path).rstrip("/"), scheme=parts.scheme or "https",
                                  user_agent=user_agent, timeout=timeout)

    def question(self, name: str, *, district: str | None) -> dict[str, str]:
        return {"q": name, "countrycodes": "cn", "bounded": "1"}

    def fetch(self, params: Mapping[str, str]) -> Any:
        found = self.geocoder.geocode(params["q"], exactly_one=False, limit=10, country_codes="cn",
                                      viewbox=VIEWBOX, bounded=True)
        return [location.raw for location in found or []]

    def read(self, answer: Any, *, name: str) -> list[tuple[shapely.Geometry, str | None, str, dict[str, str]]]:
        out = []
        for place in answer:
            try:
                point = shapely.Point(float(place["lon"]), float(place["lat"]))
            except (KeyError, TypeError, ValueError):
                continue
            cls = str(place.get("class") or place.get("category") or "")
            kind = str(place.get("type") or "")
            addresstype = str(place.get("addresstype") or "")
            osm = f"{place.get('osm_type', '')}/{place.get('osm_id', '')}"
            out.append((point, osm_precision(cls, kind, addresstype),
                        f"Nominatim result {osm} {cls}={kind} (addresstype {addresstype or '?'})",
                        {"name": str(place.get("name") or str(place.get("display_name", name)).split(",")[0]),
                         "id": osm, "class": cls, "type": kind, "addresstype": addresstype}))
        return out


def osm_precision(cls: str, kind: str, addresstype: str) -> str | None:
    """Nominatim's class/type/addresstype → our precision (None: too wide to locate a place)."""
    if addresstype in _TOO_WIDE or (cls == "place" and kind in _TOO_WIDE):
        return None
    if addresstype in _DISTRICT or (cls == "place" and kind in _DISTRICT):
        return Precision.DISTRICT
    if cls in ("place", "boundary", "landuse", "highway") or addresstype in _AREA:
        return Precision.APPROXIMATE
    return Precision.EXACT
