"""Online geocoders behind `PlaceSource`: 高德 (geocode, place search), 天地图, Nominatim.

Off by default: `configured_sources` returns a source only for a provider the
deployment configured, in the environment or in Streamlit's secrets, never in
the repository:

    PLANMAP_AMAP_KEY          高德 Web service key (PLANMAP_AMAP_URL: another base URL)
    PLANMAP_TIANDITU_KEY      天地图 server key (PLANMAP_TIANDITU_URL)
    PLANMAP_NOMINATIM_URL     a Nominatim server (PLANMAP_NOMINATIM_USER_AGENT: who asks)
    PLANMAP_GEOCODER_CACHE    folder of cached answers (default GAZETTEER_DIR / "online-cache")

or the same names in lower case without the prefix under `[geocoders]` in
`.streamlit/secrets.toml` (`amap_key = "…"`). The app itself never needs them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from pathlib import Path

from geo.settings import GAZETTEER_DIR
from geo.sources.base import PlaceSource
from geo.sources.online._base import OnlineSource
from geo.sources.online._cache import AnswerCache
from geo.sources.online.amap import AmapGeocodeSource, AmapPlaceSource
from geo.sources.online.nominatim import NominatimSource
from geo.sources.online.tianditu import TiandituSource

__all__ = ["AmapGeocodeSource", "AmapPlaceSource", "NominatimSource", "OnlineSource", "TiandituSource",
           "configured_sources", "default_cache_dir"]

_SETTINGS = ("amap_key", "amap_url", "tianditu_key", "tianditu_url", "nominatim_url", "nominatim_user_agent",
             "geocoder_cache")


def configured_sources(environ: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> list[PlaceSource]:
    """The online geocoders the deployment configured (an empty list when none).

    Parameters
    ----------
    environ
        Environment variables (default `os.environ`); they win over secrets.
    secrets
        Streamlit secrets or any mapping with a `geocoders` section.
    """
    settings = _settings(os.environ if environ is None else environ, secrets)
    cache = AnswerCache(Path(settings.get("geocoder_cache") or default_cache_dir()))
    sources: list[PlaceSource] = []
    if settings.get("amap_key"):
        extra: dict[str, Any] = {"base_url": settings["amap_url"]} if settings.get("amap_url") else {}
        sources += [AmapGeocodeSource(key=settings["amap_key"], cache=cache, **extra),
                    AmapPlaceSource(key=settings["amap_key"], cache=cache, **extra)]
    if settings.get("tianditu_key"):
        extra = {"base_url": settings["tianditu_url"]} if settings.get("tianditu_url") else {}
        sources.append(TiandituSource(key=settings["tianditu_key"], cache=cache, **extra))
    if settings.get("nominatim_url"):
        sources.append(NominatimSource(url=settings["nominatim_url"], cache=cache,
                                       user_agent=settings.get("nominatim_user_agent") or "planmap"))
    return sources


def default_cache_dir() -> Path:
    """Where answers are cached unless PLANMAP_GEOCODER_CACHE says otherwise."""
    return GAZETTEER_DIR / "online-cache"


def _settings(environ: Mapping[str, str], secrets: Mapping | None) -> dict[str, str]:
    section = (secrets or {}).get("geocoders") or {}
    values = {name: str(section[name]).strip() for name in _SETTINGS if section.get(name)}
    for name in _SETTINGS:
        value = environ.get(f"PLANMAP_{name.upper()}", "").strip()
        if value:
            values[name] = value
    return values
