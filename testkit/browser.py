"""Debian's Chromium, headless, through Playwright, with the network cut off
from everything but this machine."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Frame, Page, Route, sync_playwright

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
                 geolocation: dict[str, float] | None = None) -> tuple[Page, OfflineLog]:
    """A new page whose requests to any host but this machine are aborted and logged.

    With `geolocation` ({"latitude": …, "longitude": …}) the page is allowed to
    read that position, as if the user had said yes to the browser's prompt.
    """
    extra = {"geolocation": geolocation, "permissions": ["geolocation"]} if geolocation else {}
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


def leaflet_frame(page: Page, *, timeout_ms: float = 30_000) -> Frame:
    """The streamlit-folium iframe as a Frame (for `evaluate`), once the map is drawn."""
    map_frame(page, timeout_ms=timeout_ms)
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            frame.wait_for_function("() => window.planmap !== undefined || window.L !== undefined", timeout=timeout_ms)
            return frame
    raise LookupError("no streamlit-folium frame on the page")


def map_frame(page: Page, *, timeout_ms: float = 30_000):
    """The streamlit-folium iframe holding the Leaflet map, once its features are drawn."""
    page.wait_for_selector("iframe[title*='streamlit_folium']", timeout=timeout_ms)
    frame = page.frame_locator("iframe[title*='streamlit_folium']").first
    # "attached", not visible: a path scrolled out of view is drawn but hidden.
    frame.locator(".leaflet-overlay-pane path, .leaflet-overlay-pane canvas").first.wait_for(
        state="attached", timeout=timeout_ms)
    return frame
