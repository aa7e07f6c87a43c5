"""Online geocoders (高德, 天地图, Nominatim) against a local server replaying documented answers.

The server listens on 127.0.0.1 only; tests/data/online/README.md names the
documentation each answer's format comes from. Nothing here reaches the internet.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
import shapely

from geo.errors import SourceQuotaError, SourceTimeoutError, SourceUnavailableError
from geo.sources.online import (AmapGeocodeSource, AmapPlaceSource, NominatimSource, TiandituSource,
                                configured_sources)
from geo.sources.online._cache import AnswerCache
from geo.sources.online.nominatim import osm_precision
from geo.sources.online.tianditu import level_precision

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "online"
OSM = pd.read_csv(Path(__file__).resolve().parents[1] / "data" / "sources" / "osm_nignbohub_jiangbei_yinzhou.csv")


def _osm_point(name: str) -> shapely.Point:
    row = OSM[OSM["name"] == name].iloc[0]
    return shapely.Point(row["centroid_lon"], row["centroid_lat"])


def _metres(a: shapely.Point, b: shapely.Point) -> float:
    return shapely.distance(a, b) * 111_000  # degrees to metres, good to ~15 % at 30°N: enough for "< 1 m"


def _fixture(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["response"]


class Replay:
    """What the server answers: per path a (status, body bytes, delay seconds); every request is logged."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, float]] = {}
        self.requests: list[tuple[str, dict[str, list[str]]]] = []

    def answer(self, path: str, body, *, status: int = 200, delay: float = 0.0) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        self.routes[path] = (status, raw, delay)


@pytest.fixture
def server():
    replay = Replay()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            replay.requests.append((url.path, parse_qs(url.query)))
            status, body, delay = replay.routes.get(url.path, (404, b"{}", 0.0))
            time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    replay.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield replay
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def cache(tmp_path) -> AnswerCache:
    return AnswerCache(tmp_path / "cache")


def _amap(server, cache, cls=AmapGeocodeSource, **kw):
    return cls(key="test-key", base_url=server.url, cache=cache, min_delay_seconds=0, timeout=kw.pop("timeout", 5), **kw)


def _tianditu(server, cache, **kw):
    return TiandituSource(key="test-key", base_url=server.url, cache=cache, min_delay_seconds=0, **{"timeout": 5, **kw})


def _nominatim(server, cache, **kw):
    return NominatimSource(url=server.url, user_agent="planmap-tests", cache=cache, min_delay_seconds=0,
                           **{"timeout": 5, **kw})


# --- configuration ---------------------------------------------------------------------------------------


def test_nothing_is_configured_by_default():
    assert configured_sources({}, None) == []


def test_keys_and_urls_come_from_the_environment_or_secrets(tmp_path):
    env = {"PLANMAP_AMAP_KEY": "k", "PLANMAP_GEOCODER_CACHE": str(tmp_path)}
    assert [s.key for s in configured_sources(env)] == ["amap-geocode", "amap-place"]
    secrets = {"geocoders": {"tianditu_key": "t", "nominatim_url": "http://127.0.0.1:9"}}
    assert [s.key for s in configured_sources({"PLANMAP_GEOCODER_CACHE": str(tmp_path)}, secrets)] == [
        "tianditu", "nominatim"]


# --- 高德 ------------------------------------------------------------------------------------------------


def test_amap_geocode_is_converted_from_gcj02_and_keeps_its_level(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode.json"))
    found = _amap(server, cache).candidates("万象城", district="江北区")
    assert len(found) == 1
    assert _metres(found[0].point, _osm_point("万象城")) < 1.0
    assert (found[0].precision, found[0].datum, found[0].adcode) == ("exact", "gcj02", "330205")
    assert "兴趣点" in found[0].matched and "address=万象城" in found[0].source and "asked 20" in found[0].source
    _path, query = server.requests[0]
    assert query["city"] == ["330205"] and query["key"] == ["test-key"]


def test_amap_levels_map_to_our_precision_and_a_city_answer_is_dropped(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode_district.json"))
    assert [c.precision for c in _amap(server, cache).candidates("江北区")] == ["district"]


def test_an_answer_outside_ningbo_is_not_offered(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode_beijing.json"))
    assert _amap(server, cache).candidates("阜通东大街6号") == []


def test_amap_place_search_gives_pois_with_their_id(server, cache):
    server.answer("/v3/place/text", _fixture("amap_place.json"))
    found = _amap(server, cache, AmapPlaceSource).candidates("宁波市第九医院")
    assert [(c.name, c.feature_id, c.precision) for c in found] == [("宁波市第九医院", "TEST000001", "exact")]
    assert _metres(found[0].point, _osm_point("宁波市第九医院")) < 1.0
    assert server.requests[0][1]["citylimit"] == ["true"]


def test_a_second_identical_question_is_answered_from_the_cache(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode.json"))
    first = _amap(server, cache).candidates("万象城")
    again = _amap(server, cache).candidates("万象城")  # a new source object: a rerun of the program
    assert len(server.requests) == 1
    assert [c.geometry for c in again] == [c.geometry for c in first] and len(cache) == 1


def test_the_key_is_not_part_of_the_cached_question(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode.json"))
    _amap(server, cache).candidates("万象城")
    assert "test-key" not in "".join(p.read_text(encoding="utf-8") for p in (cache.folder).rglob("*.json"))


def test_amap_quota_raises_and_caches_nothing(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_quota.json"))
    with pytest.raises(SourceQuotaError, match="DAILY_QUERY_OVER_LIMIT"):
        _amap(server, cache).candidates("万象城")
    assert len(cache) == 0
    server.answer("/v3/geocode/geo", _fixture("amap_geocode.json"))
    assert _amap(server, cache).candidates("万象城") and len(server.requests) == 2  # asked again, not cached


def test_amap_bad_key_raises_unavailable(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_bad_key.json"))
    with pytest.raises(SourceUnavailableError, match="key"):
        _amap(server, cache).candidates("万象城")
    assert len(cache) == 0


def test_amap_timeout_raises_and_caches_nothing(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode.json"), delay=1.5)
    with pytest.raises(SourceTimeoutError):
        _amap(server, cache, timeout=0.3).candidates("万象城")
    assert len(cache) == 0


@pytest.mark.parametrize("make", [_amap, _tianditu, _nominatim])
def test_an_empty_answer_raises_and_caches_nothing(server, cache, make):
    for path in ("/v3/geocode/geo", "/geocoder", "/search"):
        server.answer(path, b"")
    with pytest.raises(SourceUnavailableError, match="empty or unreadable"):
        make(server, cache).candidates("万象城")
    assert len(cache) == 0


# --- 天地图 -----------------------------------------------------------------------------------------------


def test_tianditu_answers_in_cgcs2000_used_as_wgs84(server, cache):
    server.answer("/geocoder", _fixture("tianditu_geocoder.json"))
    found = _tianditu(server, cache).candidates("万象城", district="330205")
    assert _metres(found[0].point, _osm_point("万象城")) < 0.01
    assert (found[0].precision, found[0].datum) == ("exact", "cgcs2000")
    ds = json.loads(server.requests[0][1]["ds"][0])
    assert ds == {"keyWord": "宁波市江北区万象城"} and server.requests[0][1]["tk"] == ["test-key"]


def test_tianditu_quota_and_timeout_raise(server, cache):
    server.answer("/geocoder", b'{"msg": "rate limited"}', status=429)
    with pytest.raises(SourceQuotaError):
        _tianditu(server, cache).candidates("万象城")
    server.answer("/geocoder", _fixture("tianditu_geocoder.json"), delay=1.5)
    with pytest.raises(SourceTimeoutError):
        _tianditu(server, cache, timeout=0.3).candidates("万象城")
    assert len(cache) == 0


def test_tianditu_levels():
    assert [level_precision(v) for v in ("门址", "兴趣点", "道路", "区县", "市")] == [
        "exact", "exact", "approximate", "district", None]


# --- Nominatim -------------------------------------------------------------------------------------------


def test_nominatim_through_geopy_gives_wgs84_with_osm_class(server, cache):
    server.answer("/search", _fixture("nominatim_search.json"))
    found = _nominatim(server, cache).candidates("宁波市第九医院")
    assert [(c.feature_id, c.precision, c.licence) for c in found] == [("way/1", "exact", "ODbL 1.0")]
    assert _metres(found[0].point, _osm_point("宁波市第九医院")) < 0.01
    query = server.requests[0][1]
    assert query["q"] == ["宁波市第九医院"] and query["bounded"] == ["1"]


def test_nominatim_no_result_is_an_answer_and_is_cached(server, cache):
    server.answer("/search", [])
    assert _nominatim(server, cache).candidates("不存在的地方") == []
    assert _nominatim(server, cache).candidates("不存在的地方") == [] and len(server.requests) == 1


def test_nominatim_rate_limit_raises_quota(server, cache):
    server.answer("/search", b"[]", status=429)
    with pytest.raises(SourceQuotaError):
        _nominatim(server, cache).candidates("宁波市第九医院")
    assert len(cache) == 0


def test_nominatim_timeout_raises(server, cache):
    server.answer("/search", _fixture("nominatim_search.json"), delay=1.5)
    with pytest.raises(SourceTimeoutError):
        _nominatim(server, cache, timeout=0.3).candidates("宁波市第九医院")
    assert len(cache) == 0


def test_nominatim_classes_map_to_our_precision():
    assert osm_precision("amenity", "hospital", "amenity") == "exact"
    assert osm_precision("highway", "primary", "road") == "approximate"
    assert osm_precision("place", "town", "town") == "approximate"
    assert osm_precision("boundary", "administrative", "city_district") == "district"
    assert osm_precision("boundary", "administrative", "city") is None


def test_the_rate_limit_spaces_the_questions(server, cache):
    server.answer("/v3/geocode/geo", _fixture("amap_geocode.json"))
    source = AmapGeocodeSource(key="k", base_url=server.url, cache=cache, min_delay_seconds=0.4, timeout=5)
    source.candidates("万象城")
    source.candidates("万象城 ")  # same question after trimming: from the cache, no wait
    source.candidates("宁波万象城")
    assert len(server.requests) == 2 and source.asked == 2
