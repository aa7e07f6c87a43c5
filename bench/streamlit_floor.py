"""How fast can any Streamlit page be drawn here? The floor under `first_paint`.

Loads, in the same run and the same way as `bench/first_paint.py` (fresh
browser context each time, network cut off, median of 5 after one warm-up):

- `text_only`: a Streamlit script that writes one line of text;
- `text_and_sidebar_widgets`: the same plus the app's sidebar chrome (a
  selectbox and a radio), whose widget code Streamlit loads lazily;
- `planner_map`: the app's planner map until its features are drawn.

The difference between the first two and the third is what the map itself
costs; the first is what Streamlit costs before any of our code runs.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


from playwright.sync_api import Page

from testkit.browser import chromium, map_frame, offline_page
from testkit.server import running_app

LOADS = 5
MARK = "floor-benchmark-ready"
TEXT_ONLY = f'import streamlit as st\nst.write("{MARK}")\n'
WITH_WIDGETS = (
    "import streamlit as st\n"
    'st.sidebar.selectbox("语言 · Language", ["zh", "en"])\n'
    'st.sidebar.radio("底图", ["离线", "OSM"])\n'
    f'st.write("{MARK}")\n'
)


def _text_ready(page: Page) -> None:
    page.get_by_text(MARK).wait_for(timeout=30_000)


def _widgets_ready(page: Page) -> None:
    _text_ready(page)
    page.get_by_role("combobox").first.wait_for(timeout=30_000)
    page.get_by_role("radiogroup").first.wait_for(timeout=30_000)


def _median_load(browser, url: str, ready: Callable[[Page], None]) -> float:
    times = []
    for attempt in range(LOADS + 1):
        page, _ = offline_page(browser)
        started = time.perf_counter()
        page.goto(url)
        ready(page)
        if attempt:  # the first load fills the server's caches
            times.append(time.perf_counter() - started)
        page.context.close()
    return round(statistics.median(times), 3)


def main() -> None:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        for name, source, ready in (("text_only", TEXT_ONLY, _text_ready),
                                    ("text_and_sidebar_widgets", WITH_WIDGETS, _widgets_ready)):
            script = Path(tmp) / f"{name}.py"
            script.write_text(source, encoding="utf-8")
            with running_app(script=script) as url:
                results[name] = _median_load(browser, url, ready)
        with running_app() as url:
            results["planner_map"] = _median_load(browser, url, map_frame)
    print(json.dumps({"name": "streamlit_floor", "n": LOADS, **{f"{k}_median_s": v for k, v in results.items()}}))


if __name__ == "__main__":
    main()
