"""A small geopy `Geocoder` for JSON web services geopy has no class for (高德, 天地图).

It only builds the URL and hands it to geopy's `_call_geocoder`, so these
providers share geopy's adapters, timeouts and HTTP error mapping (429 →
`GeocoderRateLimited`, 401/403 → authentication errors, an empty or non-JSON
body → `GeocoderParseError`) with Nominatim.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from geopy.geocoders.base import Geocoder


class JsonService(Geocoder):
    """GET `base_url + path ? params` and pass the decoded JSON to `check`."""

    def __init__(self, base_url: str, *, timeout: float, user_agent: str = "planmap") -> None:
        scheme = "https" if base_url.startswith("https") else "http"
        super().__init__(scheme=scheme, timeout=timeout, user_agent=user_agent)
        self.base_url = base_url.rstrip("/")

    def get(self, path: str, params: Mapping[str, str], *, check: Callable[[Any], Any]) -> Any:
        url = f"{self.base_url}{path}?{urlencode(params)}"
        return self._call_geocoder(url, check)
