"""Debian's Chromium, headless, through Playwright, with the network cut off
from everything but this machine."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Frame, FrameLocator, Page, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
]
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@dataclass
class OfflineLog:
    """What a page tried to fetch from outside, and what it printed as errors."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def offline_page(browser: Browser, *, width: int = 1400, height: int = 900,
                 geolocation: dict[str, float] | None = None,
                 geolocation_allowed: bool = True) -> tuple[Page, OfflineLog]:
    """A new page whose requests to any host but this machine are aborted and logged.

    With `geolocation` ({"latitude": …, "longitude": …}) the page is allowed to
    read that position, as if the user had said yes to the browser's prompt;
    with `geolocation_allowed=False` as well, the position is there but the
    page is refused it, as if the user had said no.
    """
    extra: dict = {}
    if geolocation:
        extra = {"geolocation": geolocation, "permissions": ["geolocation"] if geolocation_allowed else []}
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **extra)
    log = OfflineLog()

    def guard(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "file") or parts.hostname in _LOCAL_HOSTS:
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
    return page, log


#: The map as the page shows it: streamlit-folium's iframe, or the in-page map (ui/map_component.py).
FOLIUM_IFRAME = "iframe[title*='streamlit_folium']"
IN_PAGE_MAP = ".pm-component-map.leaflet-container"
_DRAWN = ".leaflet-overlay-pane path, .leaflet-overlay-pane canvas"


def _in_page(page: Page, timeout_ms: float) -> bool:
    """Whether the page's map is drawn in the page itself (else in streamlit-folium's iframe)."""
    page.wait_for_selector(f"{FOLIUM_IFRAME}, {IN_PAGE_MAP}", state="attached", timeout=timeout_ms)
    return page.locator(IN_PAGE_MAP).count() > 0


def leaflet_frame(page: Page, *, timeout_ms: float = 30_000) -> Frame:
    """The frame holding the Leaflet map (for `evaluate`), once the map is drawn:
    the page's own frame for the in-page map, else the streamlit-folium iframe."""
    map_frame(page, timeout_ms=timeout_ms)
    if page.locator(IN_PAGE_MAP).count():
        page.wait_for_function("() => window.planmap !== undefined", timeout=timeout_ms)
        return page.main_frame
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            frame.wait_for_function("() => window.planmap !== undefined || window.L !== undefined", timeout=timeout_ms)
            return frame
    raise LookupError("no streamlit-folium frame on the page")


def map_frame(page: Page, *, timeout_ms: float = 30_000) -> Frame | FrameLocator:
    """Where to look for the map's elements (`.locator`), once its features are drawn:
    the page's own frame for the in-page map, else the streamlit-folium iframe."""
    if _in_page(page, timeout_ms):
        # "attached", not visible: a path scrolled out of view is drawn but hidden.
        page.locator(f"{IN_PAGE_MAP} :is({_DRAWN})").first.wait_for(state="attached", timeout=timeout_ms)
        return page.main_frame
    frame = page.frame_locator(FOLIUM_IFRAME).first
    frame.locator(_DRAWN).first.wait_for(state="attached", timeout=timeout_ms)
    return frame


def map_box(page: Page) -> dict[str, float]:
    """The map's box in the page (x, y, width, height): the in-page map's, else its iframe's.

    `planmap.map.latLngToContainerPoint` counts from the map's own corner; add
    this box's x and y to click that point on the page.
    """
    target = page.locator(IN_PAGE_MAP) if page.locator(IN_PAGE_MAP).count() else page.locator(FOLIUM_IFRAME)
    box = target.first.bounding_box()
    if box is None:
        raise LookupError("no map on the page")
    return box


def click_when_still(page: Page, where: Callable[[], tuple[float, float]], *, tries: int = 40) -> None:
    """Click the page at `where()` once two reads 300 ms apart agree, as a user clicks a map that stopped moving.

    While a page is still laying itself out (a map fitting its height, a frame
    or a caption appearing above it), a point read off the map moves before
    the click lands; reading until it is still keeps the click where it was meant.
    """
    last = None
    for _ in range(tries):
        x, y = where()
        spot = (round(x), round(y))
        if spot == last:
            break
        last = spot
        page.wait_for_timeout(300)
    page.mouse.click(*spot)
