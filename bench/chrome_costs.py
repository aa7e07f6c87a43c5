"""What each piece of the overview's chrome costs, as ratios to Streamlit's floor, in one run.

Issue 16 found navigation and sidebar widgets alone costing 1.2–1.8× a bare
page. This script builds the overview up one piece at a time, each a small
Streamlit app in a temporary folder, and loads them interleaved round by round
(fresh browser context, network cut off, one uncounted warm-up round):

- `floor`: one line of text (`bench/streamlit_floor.py`);
- `navigation`: the same line as the default page of an `st.navigation`;
- `nav_selectbox`: plus the language `st.sidebar.selectbox` of the old `app.py`;
- `nav_radio`: plus the basemap `st.sidebar.radio` of the old overview;
- `nav_expander`: plus the documents `st.sidebar.expander`;
- `nav_links`: navigation plus the chrome as plain Markdown links;
- `overview`: the app's overview until its map's features are drawn.

A page is ready when its text (and each widget it has) shows. With `--chunks`
it also prints, per variant, the JavaScript files the browser fetched after the
floor's set and when (ms after `goto`), from Playwright's request log: those
are Streamlit's lazily loaded widget chunks.

    .venv/bin/python bench/chrome_costs.py [--loads 9] [--chunks]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page

from streamlit_floor import MARK, TEXT_ONLY  # the folder of this script is on sys.path
from testkit.browser import chromium, map_frame, offline_page
from testkit.server import running_app

_HOME = f'import streamlit as st\nst.write("{MARK}")\n'
_NAV = ('st.navigation([st.Page("home.py", title="Home", default=True),'
        ' st.Page("other.py", title="Other", url_path="other")]).run()\n')
_SELECTBOX = 'st.sidebar.selectbox("语言 · Language", ["zh", "en"], key="lang")\n'
_RADIO = 'st.sidebar.radio("底图", ["none", "osm", "amap"], key="tiles")\n'
_EXPANDER = 'with st.sidebar.expander("文件"):\n    st.markdown("- 一\\n- 二")\n'
_LINKS = ('st.sidebar.markdown("语言 · Language: **中文** · [English](?lang=en)")\n'
          'st.sidebar.markdown("底图: [离线](?tiles=none) · [OSM](?tiles=osm)")\n')

#: Variant → the sidebar code run before the navigation (None: the bare floor script).
VARIANTS: dict[str, str | None] = {
    "floor": None,
    "navigation": "",
    "nav_selectbox": _SELECTBOX,
    "nav_radio": _SELECTBOX + _RADIO,
    "nav_expander": _SELECTBOX + _RADIO + _EXPANDER,
    "nav_links": _LINKS,
}


def _ready_for(code: str | None) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        page.get_by_text(MARK).wait_for(timeout=60_000)
        if code and "selectbox" in code:
            page.get_by_role("combobox").first.wait_for(timeout=60_000)
        if code and "radio" in code:
            page.get_by_role("radiogroup").first.wait_for(timeout=60_000)
        if code and "expander" in code:
            page.locator("[data-testid='stExpander']").first.wait_for(timeout=60_000)
        if code and "[English]" in code:
            page.locator("a[href='?lang=en']").wait_for(state="attached", timeout=60_000)
    return ready


def _map_ready(page: Page) -> None:
    map_frame(page, timeout_ms=60_000)


def _write_app(folder: Path, code: str | None) -> Path:
    folder.mkdir()
    if code is None:
        (folder / "floor.py").write_text(TEXT_ONLY, encoding="utf-8")
        return folder / "floor.py"
    (folder / "home.py").write_text(_HOME, encoding="utf-8")
    (folder / "other.py").write_text('import streamlit as st\nst.write("other")\n', encoding="utf-8")
    (folder / "main.py").write_text("import streamlit as st\n" + code + _NAV, encoding="utf-8")
    return folder / "main.py"


def _load(browser: Browser, url: str, ready: Callable[[Page], None]) -> tuple[float, list[tuple[str, int]]]:
    page, _ = offline_page(browser)
    scripts: list[tuple[str, int]] = []
    started = time.perf_counter()
    page.on("request", lambda r: scripts.append((r.url.rsplit("/", 1)[-1].split("?")[0],
                                                 round((time.perf_counter() - started) * 1000)))
            if r.resource_type == "script" else None)
    page.goto(url)
    ready(page)
    elapsed = time.perf_counter() - started
    page.context.close()
    return elapsed, scripts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="counted loads of each variant (default 5)")
    parser.add_argument("--chunks", action="store_true", help="also print the scripts each variant fetched")
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {name: [] for name in [*VARIANTS, "overview"]}
    chunks: dict[str, list[tuple[str, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser, contextlib.ExitStack() as stack:
        targets = {}
        for name, code in VARIANTS.items():
            script = _write_app(Path(tmp) / name, code)
            targets[name] = (stack.enter_context(running_app(script=script, root=script.parent)), _ready_for(code))
        targets["overview"] = (stack.enter_context(running_app()) + "/", _map_ready)
        for round_no in range(args.loads + 1):
            for name, (url, ready) in targets.items():
                elapsed, scripts = _load(browser, url, ready)
                if round_no:
                    times[name].append(elapsed)
                    chunks[name] = scripts
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(json.dumps({
        "name": "chrome_costs", "n": args.loads,
        **{f"{name}_median_s": round(value, 3) for name, value in medians.items()},
        **{f"{name}_ratio": round(medians[name] / medians["floor"], 2) for name in medians if name != "floor"},
    }, ensure_ascii=False))
    if args.chunks:
        floor_set = {url for url, _ in chunks["floor"]}
        for name, scripts in chunks.items():
            extra = [f"{url}@{ms}ms" for url, ms in scripts if url not in floor_set]
            print(json.dumps({"variant": name, "scripts_beyond_floor": extra}, ensure_ascii=False))


if __name__ == "__main__":
    main()
