"""Leaflet, jQuery and Leaflet.draw from local files, so maps draw with no internet.

folium points every map at CDNs by default, and streamlit-folium bundles no
Leaflet, so offline the map would be silently blank. Leaflet and jQuery come
from the `xstatic-leaflet` and `xstatic-jquery` packages that the set-up
installs; they are copied into `static/vendor/` (served by Streamlit's static
file serving at `/app/static/...`) or inlined into a standalone HTML file.

Leaflet.draw (the editors' drawing tools, `folium.plugins.Draw`) has no Python
package, so `python -m view.assets` (run by `make run`/`make test` at install
time, never by the app) fetches its npm package by name with `npm pack`,
checks the tarball's SHA-256 and unpacks its `dist/` files under
`static/vendor/leaflet-draw/`.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
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


#: The npm package of Leaflet.draw and the SHA-256 of its tarball, so a
#: tampered or different download is refused rather than served to editors.
LEAFLET_DRAW_PACKAGE = "leaflet-draw@1.0.4"
LEAFLET_DRAW_SHA256 = "b3ec161a931ad88b3f008283b824ceac5af98b5ec603877f294834d1edcc3aa6"
#: (name, path under vendor/) of Leaflet.draw's script and stylesheet.
LEAFLET_DRAW_JS = ("leaflet_draw_js", "leaflet-draw/leaflet.draw.js")
LEAFLET_DRAW_CSS = ("leaflet_draw_css", "leaflet-draw/leaflet.draw.css")


class AssetError(RuntimeError):
    """A vendor file could not be fetched or failed its checksum; says how to get it."""


def leaflet_draw_ready(vendor_dir: Path = VENDOR_DIR) -> bool:
    """Whether Leaflet.draw's files are in place (the editors' drawing tools need them)."""
    return all((vendor_dir / rel).is_file() for _, rel in (LEAFLET_DRAW_JS, LEAFLET_DRAW_CSS))


def ensure_leaflet_draw(vendor_dir: Path = VENDOR_DIR, *, tarball: Path | None = None) -> Path:
    """Unpack Leaflet.draw's `dist/` under `vendor_dir/leaflet-draw/` (idempotent).

    Parameters
    ----------
    tarball
        The package tarball; default: the one cached under
        `vendor_dir/_packages/`, fetched with `npm pack` when missing.

    Raises `AssetError` when npm is missing or fails, or the checksum differs.
    """
    if leaflet_draw_ready(vendor_dir):
        return vendor_dir / "leaflet-draw"
    data = (tarball or _npm_pack(LEAFLET_DRAW_PACKAGE, vendor_dir / "_packages")).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != LEAFLET_DRAW_SHA256:
        raise AssetError(f"{LEAFLET_DRAW_PACKAGE}: SHA-256 {digest} is not the expected "
                         f"{LEAFLET_DRAW_SHA256}; delete {vendor_dir / '_packages'} and run `python -m view.assets` again")
    target = vendor_dir / "leaflet-draw"
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith("package/dist/"):
                continue
            relative = Path(member.name.removeprefix("package/dist/"))
            if relative.is_absolute() or ".." in relative.parts:
                continue
            out = target / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(tar.extractfile(member).read())
    return target


def use_leaflet_draw(draw: folium.MacroElement, *, base_url: str = STATIC_URL) -> folium.MacroElement:
    """Point a `folium.plugins.Draw` control at the locally served Leaflet.draw."""
    draw.default_js = [(LEAFLET_DRAW_JS[0], f"{base_url}/vendor/{LEAFLET_DRAW_JS[1]}")]
    draw.default_css = [(LEAFLET_DRAW_CSS[0], f"{base_url}/vendor/{LEAFLET_DRAW_CSS[1]}")]
    return draw


def _npm_pack(package: str, cache: Path) -> Path:
    name, _, version = package.rpartition("@")
    tarball = cache / f"{name}-{version}.tgz"
    if tarball.is_file():
        return tarball
    cache.mkdir(parents=True, exist_ok=True)
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError(f"npm is needed once to fetch {package} (the editors' drawing tools); "
                         "install Node.js and npm, then run `python -m view.assets`")
    done = subprocess.run([npm, "pack", package, "--silent"], cwd=cache, capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0 or not tarball.is_file():
        raise AssetError(f"`npm pack {package}` failed: {done.stderr.strip() or done.stdout.strip()}")
    return tarball


def main() -> int:
    """Copy Leaflet/jQuery and fetch Leaflet.draw once, at install time (`python -m view.assets`)."""
    print(f"vendor files in {ensure_vendor_files()}")
    print(f"Leaflet.draw in {ensure_leaflet_draw()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
