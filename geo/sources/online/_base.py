"""What every online geocoder source shares: cache, rate limit, error mapping, the Ningbo filter.

Transport, timeouts and HTTP errors are geopy's (`Geocoder._call_geocoder`
and its adapters); `geopy.extra.rate_limiter.RateLimiter` spaces the calls.
A provider module only builds the question and reads the answer. geopy's
errors become ours: quota → `SourceQuotaError`, timeout →
`SourceTimeoutError`, a bad key, an unreadable or empty reply and anything
else → `SourceUnavailableError`. None of them is cached.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

import geopandas as gpd
import shapely
from geopy import exc as geopy_exc
from geopy.extra.rate_limiter import RateLimiter

from geo.boundaries import district_boundaries, in_ningbo
from geo.errors import SourceQuotaError, SourceTimeoutError, SourceUnavailableError
from geo.settings import NINGBO_DISTRICTS
from geo.sources.base import Candidate, PlaceSource
from geo.sources.online._cache import AnswerCache

class OnlineSource(PlaceSource):
    """A geocoder behind `candidates`: asks once per question, then answers from the cache."""

    #: Datum the provider answers in ("gcj02", "cgcs2000", "wgs84").
    datum: str = "wgs84"
    #: Name of the endpoint, part of the cache key and of each candidate's source.
    endpoint: str = ""

    def __init__(self, *, cache: AnswerCache, min_delay_seconds: float) -> None:
        self.cache = cache
        self.min_delay_seconds = min_delay_seconds
        #: How many questions actually went to the provider (not the cache) in this process.
        self.asked = 0

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        """Candidates for `name` in 宁波 (and in `district` when the provider can narrow to it)."""
        params = self.question(name.strip(), district=_adcode(district))
        cached = self.cache.get(self.key, self.endpoint, params)
        if cached is None:
            answer = self._ask(params)
            asked = self.cache.put(self.key, self.endpoint, params, answer)
        else:
            answer, asked = cached
        query = " ".join(f"{k}={v}" for k, v in params.items())
        found = []
        for item in self.read(answer, name=name.strip()):
            geometry, precision, matched, extra = item
            if precision is None or not self._in_ningbo(geometry):
                continue
            found.append(Candidate(
                name=extra.pop("name", name.strip()), geometry=geometry, precision=precision,
                source=f"{self.title}: {self.endpoint} {query}, asked {asked}", licence=self.licence,
                datum=self.datum, matched=matched, source_key=self.key, adcode=self._county(geometry),
                attribution=self.attribution, feature_id=extra.get("id", ""), extra=extra,
            ))
        return found

    @abstractmethod
    def question(self, name: str, *, district: str | None) -> dict[str, str]:
        """The request parameters, without the key (they are the cache key too)."""

    @abstractmethod
    def fetch(self, params: Mapping[str, str]) -> Any:
        """Ask the provider (through geopy); returns its answer as JSON-able data, raises geopy errors."""

    @abstractmethod
    def read(self, answer: Any, *, name: str) -> list[tuple[shapely.Geometry, str | None, str, dict[str, str]]]:
        """(WGS84 geometry, our precision or None to drop, why it matched, extra fields incl. name/id)."""

    @cached_property
    def _limited(self) -> Callable[[Mapping[str, str]], Any]:
        return RateLimiter(self.fetch, min_delay_seconds=self.min_delay_seconds, max_retries=0,
                           swallow_exceptions=False)

    def _ask(self, params: Mapping[str, str]) -> Any:
        self.asked += 1
        try:
            answer = self._limited(params)
        except geopy_exc.GeocoderQuotaExceeded as exc:
            raise SourceQuotaError(f"{self.title}: quota or rate limit reached for {dict(params)} ({exc})",
                                   retry_after=getattr(exc, "retry_after", None)) from exc
        except geopy_exc.GeocoderTimedOut as exc:
            raise SourceTimeoutError(f"{self.title}: no answer in time for {dict(params)} ({exc})") from exc
        except geopy_exc.GeocoderAuthenticationFailure as exc:
            raise SourceUnavailableError(f"{self.title}: the key was refused ({exc}); check the deployment's key") from exc
        except geopy_exc.GeocoderParseError as exc:
            raise SourceUnavailableError(f"{self.title}: empty or unreadable answer for {dict(params)} ({exc})") from exc
        except geopy_exc.GeopyError as exc:
            if _timed_out(exc):  # requests' read timeout reaches geopy wrapped in a retry error
                raise SourceTimeoutError(f"{self.title}: no answer in time for {dict(params)} ({exc})") from exc
            raise SourceUnavailableError(f"{self.title}: the service failed for {dict(params)} ({exc})") from exc
        if answer is None or answer == "":
            raise SourceUnavailableError(f"{self.title}: empty answer for {dict(params)}")
        return answer

    def _in_ningbo(self, geometry: shapely.Geometry) -> bool:
        return in_ningbo(geometry.representative_point())  # an answer outside is not a place the plans mean

    def _county(self, geometry: shapely.Geometry) -> str | None:
        point = geometry.representative_point()
        for row in _units().itertuples():
            if row.geometry.contains(point):
                return str(row.adcode)
        return None


def _timed_out(error: BaseException | None) -> bool:
    """Whether a timeout is anywhere in the error's chain of causes."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, TimeoutError) or "Timeout" in type(error).__name__:
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _units() -> gpd.GeoDataFrame:
    global _UNITS
    if _UNITS is None:
        _UNITS = district_boundaries()
    return _UNITS


_UNITS: gpd.GeoDataFrame | None = None


def _adcode(district: str | None) -> str | None:
    if not district:
        return None
    if district in NINGBO_DISTRICTS:
        return district
    return next((c for c, n in NINGBO_DISTRICTS.items() if n == district or n[:-1] == district), None)
