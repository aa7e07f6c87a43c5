"""Leaflet and jQuery from local files, so maps draw with no internet.

folium points every map at CDNs by default, and streamlit-folium bundles no
Leaflet, so offline the map would be silently blank. The files come from the
`xstatic-leaflet` and `xstatic-jquery` packages that the set-up installs; they
are copied into `static/vendor/` (served by Streamlit's static file serving at
`/app/static/...`) or inlined into a standalone HTML file.
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import folium
import xstatic.pkg.jquery
import xstatic.pkg.leaflet

from geo.settings import ROOT

STATIC_DIR = ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
#: Where Streamlit serves `static/` when `server.enableStaticServing` is on.
STATIC_URL = "/app/static"

_LEAFLET_DIR = Path(xstatic.pkg.leaflet.BASE_DIR)
_JQUERY_DIR = Path(xstatic.pkg.jquery.BASE_DIR)

#: (name, package file, path under vendor/) of every script and stylesheet.
_JS = (
    ("leaflet", _LEAFLET_DIR / "leaflet.js", "leaflet/leaflet.js"),
    ("jquery", _JQUERY_DIR / "jquery.min.js", "jquery/jquery.min.js"),
)
_CSS = (("leaflet_css", _LEAFLET_DIR / "leaflet.css", "leaflet/leaflet.css"),)


def ensure_vendor_files(vendor_dir: Path = VENDOR_DIR) -> Path:
    """Copy the packaged Leaflet/jQuery files under `vendor_dir` (idempotent)."""
    for _, source, relative in (*_JS, *_CSS):
        target = vendor_dir / relative
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    images = vendor_dir / "leaflet" / "images"
    if not images.exists():
        shutil.copytree(_LEAFLET_DIR / "images", images)
    return vendor_dir


def use_local_assets(m: folium.Map, *, base_url: str = STATIC_URL) -> folium.Map:
    """Point a map's scripts and stylesheets at the locally served copies."""
    m.default_js = [(name, f"{base_url}/vendor/{rel}") for name, _, rel in _JS]
    m.default_css = [(name, f"{base_url}/vendor/{rel}") for name, _, rel in _CSS]
    return m


@lru_cache(maxsize=1)
def inline_assets_html() -> str:
    """`<script>`/`<style>` elements with Leaflet and jQuery inlined, for standalone files."""
    parts = [f"<style>{src.read_text(encoding='utf-8')}</style>" for _, src, _ in _CSS]
    parts += [f"<script>{src.read_text(encoding='utf-8')}</script>" for _, src, _ in _JS]
    return "\n".join(parts)


if __name__ == "__main__":
    print(f"vendor files in {ensure_vendor_files()}")
