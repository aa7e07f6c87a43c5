"""The planner's map with every layer on: draw time in Chromium and page weight,
against the naive approach (one folium object with its own Popup per feature),
on the same data in the same run.

Both pages are written as standalone HTML files using the same local Leaflet,
loaded from disk with the network blocked, 5 times each, alternating. Also
times client-side layer toggles and filters (they never reach the server).
Prints one JSON object.
"""

from __future__ import annotations

import html
import json
import statistics
import tempfile
from pathlib import Path


import folium

from layers.store import read_layer
from testkit.browser import chromium, offline_page
from view.assets import STATIC_DIR, ensure_vendor_files, use_local_assets
from view.maps import base_map
from view.planmap import plan_payload, planner_map

LOADS = 5


def build_pages(out: Path) -> tuple[Path, Path, int, int]:
    frames = {n: read_layer(n) for n in ("projects", "structures", "places", "districts")}
    payload = plan_payload(**frames)
    for layer in payload["layers"]:
        layer["visible"] = True
    base_url = STATIC_DIR.as_uri()
    ours = planner_map(use_local_assets(base_map(frames["districts"]), base_url=base_url), payload, base_url=base_url)
    ours_path = out / "ours.html"
    ours.save(ours_path)

    naive = use_local_assets(base_map(frames["districts"]), base_url=base_url)
    n_features = 0
    for layer in payload["layers"]:
        for feature in layer["features"]["features"]:
            props = feature["properties"]
            # folium renders popup HTML through Jinja twice: braces must become entities.
            text = html.escape(f"{props.get('name', '')}\n{props.get('quote', '')}").replace("{", "&#123;")
            popup = folium.Popup(text, max_width=360)
            geom = feature["geometry"]
            if geom["type"] == "Point":
                lon, lat = geom["coordinates"]
                folium.Marker([lat, lon], popup=popup).add_to(naive)
            else:
                folium.GeoJson({"type": "Feature", "properties": {}, "geometry": geom}, popup=popup).add_to(naive)
            n_features += 1
    naive_path = out / "naive.html"
    naive.save(naive_path)
    empty = use_local_assets(base_map(frames["districts"]), base_url=base_url)
    empty.save(out / "basemap.html")
    return ours_path, naive_path, n_features, len(json.dumps(payload, ensure_ascii=False).encode())


def time_load(browser, path: Path, ready_js: str) -> float:
    page, log = offline_page(browser)
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function(ready_js, timeout=60_000, polling=5)
    # Two animation frames after "ready", so the browser has painted it; the
    # clock is the page's own, from the start of navigation.
    elapsed = page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"
    ) / 1000
    assert not log.blocked, log.blocked
    page.context.close()
    return elapsed


def time_toggles(browser, path: Path) -> dict[str, float]:
    page, _ = offline_page(browser)
    page.goto(path.as_uri())
    page.wait_for_function("window.planmap !== undefined")
    result = page.evaluate("""() => {
        const ids = Object.keys(planmap.layers);
        let t0 = performance.now();
        for (const id of ids) { planmap.setLayerVisible(id, false); planmap.setLayerVisible(id, true); }
        const toggle = (performance.now() - t0) / (2 * ids.length);
        t0 = performance.now();
        planmap.setFilter('district', ['330205']); planmap.setFilter('district', null);
        const filter = (performance.now() - t0) / 2;
        return {toggle_ms: toggle, filter_ms: filter};
    }""")
    page.context.close()
    return result


def main() -> None:
    ensure_vendor_files()
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, naive_path, n_features, payload_bytes = build_pages(Path(tmp))
        ours_ready = "window.planmap !== undefined"
        naive_ready = (f"document.querySelectorAll('.leaflet-marker-icon').length + "
                       f"document.querySelectorAll('.leaflet-overlay-pane path').length >= {n_features}")
        base_path = ours_path.parent / "basemap.html"
        base_ready = "document.querySelectorAll('.leaflet-overlay-pane path').length >= 10"
        ours_times, naive_times, base_times = [], [], []
        with chromium() as browser:
            time_load(browser, ours_path, ours_ready)  # warm the browser's caches once
            time_load(browser, naive_path, naive_ready)
            for _ in range(LOADS):
                ours_times.append(time_load(browser, ours_path, ours_ready))
                naive_times.append(time_load(browser, naive_path, naive_ready))
                base_times.append(time_load(browser, base_path, base_ready))
            toggles = time_toggles(browser, ours_path)
        ours_median, naive_median = statistics.median(ours_times), statistics.median(naive_times)
        base_median = statistics.median(base_times)
        print(json.dumps({
            "name": "render_planner_all_layers",
            "n": LOADS,
            "features": n_features,
            "median_s": round(ours_median, 3),
            "naive_median_s": round(naive_median, 3),
            "speedup": round(naive_median / ours_median, 2),
            # The same pages less the empty basemap (Leaflet start-up, district
            # outlines): what drawing the plan layers themselves costs.
            "basemap_only_median_s": round(base_median, 3),
            "layers_cost_s": round(ours_median - base_median, 3),
            "naive_layers_cost_s": round(naive_median - base_median, 3),
            "page_bytes": ours_path.stat().st_size,
            "naive_page_bytes": naive_path.stat().st_size,
            "payload_json_bytes": payload_bytes,
            "client_toggle_ms": round(toggles["toggle_ms"], 2),
            "client_filter_ms": round(toggles["filter_ms"], 2),
        }))


if __name__ == "__main__":
    main()
