"""Near me's reruns (a project picked from the list, the radius changed) as ratios to a bare rerun, in one run.

Issue 16 asks near me's rerun on each query to drop to Streamlit's floor
where possible. The floor here is a bare script with one button whose press
reruns it and writes a count; near me is `/nearby?place=宁波大学&r=3000`
(enough projects to pick from). Measured, interleaved round by round in one
browser page per server, from the press until the page says the answer:

- `floor`: the button pressed, until the new count shows; `floor_slider`: a
  bare select slider moved one step, until its new value shows (the floor
  of `radius`; the others' is `floor`);
- `pick`: a listed project pressed (alternately the first and the second),
  until its details ("在原文中查看") show under it;
- `radius`: the radius slider moved one step (3 ↔ 5 km), until the heading
  names the new radius, the script run is over and a map has drawn the
  circle of the new radius (the page's own map or streamlit-folium's frame);
- with `--before DIR` (another checkout with its layers and vendor files),
  `pick_before` and `radius_before`: the same on that checkout.

One warm-up round is not counted. Prints one JSON line: medians and each
median divided by the floor's.

    .venv/bin/python bench/nearby_rerun.py [--rounds 7] [--before DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page

from testkit.browser import chromium, map_frame, offline_page
from testkit.server import running_app

FLOOR = (
    "import streamlit as st\n"
    "st.session_state['n'] = st.session_state.get('n', 0) + st.button('again')\n"
    "st.write(f\"count={st.session_state['n']}\")\n"
    "r = st.select_slider('r', [1000, 3000, 5000], value=3000)\n"
    "st.write(f'radius={r}')\n"
)
NEARBY = f"/nearby?place={quote('宁波大学')}&r=3000"
_LISTED = re.compile(r"^\s*[\d.]+\s*(米|公里) · ")


def _floor(page: Page, round_no: int) -> None:
    page.get_by_role("button", name="again").click()
    page.get_by_text(f"count={round_no + 1}", exact=True).wait_for(timeout=60_000)


def _floor_slider(page: Page, round_no: int) -> None:
    page.locator("[data-testid='stSlider'] input[type='range']").first.focus()
    metres = 5000 if round_no % 2 == 0 else 3000
    page.keyboard.press("ArrowRight" if metres == 5000 else "ArrowLeft")
    page.get_by_text(f"radius={metres}", exact=True).wait_for(timeout=60_000)


def _pick(page: Page, round_no: int) -> None:
    page.locator("button", has_text=_LISTED).nth(round_no % 2).click()
    # The details of the picked one, right under its button.
    page.locator("[data-testid='stMain'] a", has_text="在原文中查看").first.wait_for(timeout=60_000)
    _idle(page)


def _radius(page: Page, round_no: int) -> None:
    thumb = page.locator("[data-testid='stMain'] [data-testid='stSlider'] input[type='range']").first
    thumb.focus()
    km = 5 if round_no % 2 == 0 else 3
    page.keyboard.press("ArrowRight" if km == 5 else "ArrowLeft")
    page.get_by_text(re.compile(rf"^宁波大学 — {km} 公里内有")).wait_for(timeout=60_000)
    _idle(page)
    _circle_drawn(page, km * 1000)


# A Leaflet circle of that radius in metres (the centre dot's radius is in pixels), on
# whichever map holds it: the page's own or one of streamlit-folium's frames.
_HAS_CIRCLE = """(metres) => {
  if (!window.planmap || !window.planmap.map) return false;
  let found = false;
  window.planmap.map.eachLayer((l) => { if (l.getRadius && l.getRadius() === metres) found = true; });
  return found;
}"""


def _circle_drawn(page: Page, metres: int, timeout_s: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        for frame in page.frames:
            with contextlib.suppress(Exception):  # a frame may go away while it is asked
                if frame.evaluate(_HAS_CIRCLE, metres):
                    return
        page.wait_for_timeout(20)
    raise TimeoutError(f"no circle of {metres} m drawn within {timeout_s} s")


def _idle(page: Page) -> None:
    """The script run is over: Streamlit's running indicator is gone."""
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget'] [data-testid='stStatusWidgetRunningIcon']\")"
        " && !document.querySelector(\"[data-testid='stStatusWidgetRunningManIcon']\")", timeout=60_000)


def _open(browser, url: str, ready: Callable[[Page], None]) -> Page:
    page, _ = offline_page(browser)
    page.goto(url)
    ready(page)
    return page


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="counted reruns of each kind (default 7)")
    parser.add_argument("--before", type=Path, help="another checkout of the app; its reruns are `<kind>_before`")
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {"floor": [], "floor_slider": [], "pick": [], "radius": []}
    if args.before:
        times.update({"pick_before": [], "radius_before": []})
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser, contextlib.ExitStack() as stack:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        floor_url = stack.enter_context(running_app(script=floor_script))
        apps = {"": stack.enter_context(running_app())}
        if args.before:
            apps["_before"] = stack.enter_context(running_app(root=args.before.resolve()))

        def nearby_ready(page: Page) -> None:
            page.locator("button", has_text=_LISTED).nth(1).wait_for(timeout=60_000)
            map_frame(page, timeout_ms=60_000)

        floor_page = _open(browser, floor_url, lambda p: p.get_by_text("count=0").wait_for(timeout=60_000))
        pages = {suffix: _open(browser, url + NEARBY, nearby_ready) for suffix, url in apps.items()}
        for round_no in range(args.rounds + 1):
            steps: list[tuple[str, Page, Callable[[Page, int], None]]] = [
                ("floor", floor_page, _floor), ("floor_slider", floor_page, _floor_slider)]
            for suffix, page in pages.items():
                steps += [(f"pick{suffix}", page, _pick), (f"radius{suffix}", page, _radius)]
            for name, page, step in steps:
                started = time.perf_counter()
                step(page, round_no)
                if round_no:  # round 0 fills the servers' caches
                    times[name].append(time.perf_counter() - started)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(json.dumps({
        "name": "nearby_rerun",
        "n": args.rounds,
        **{f"{name}_median_s": round(value, 3) for name, value in medians.items()},
        # A pick is a button's rerun; a radius step is a slider's, which Streamlit sends a moment later.
        **{f"{name}_ratio": round(value / medians["floor_slider" if name.startswith("radius") else "floor"], 2)
           for name, value in medians.items() if not name.startswith("floor")},
    }))


if __name__ == "__main__":
    main()
