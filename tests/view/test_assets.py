"""Leaflet.draw for the editors' drawing tools: served locally, checked before use."""

import hashlib
import io
import tarfile

import pytest
from folium.plugins import Draw

from view import assets


def _tarball(path, files):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_tarball_with_another_checksum_is_refused(tmp_path):
    bad = _tarball(tmp_path / "leaflet-draw-1.0.4.tgz", {"package/dist/leaflet.draw.js": b"alert(1)"})
    with pytest.raises(assets.AssetError, match="SHA-256"):
        assets.ensure_leaflet_draw(tmp_path / "vendor", tarball=bad)
    assert not assets.leaflet_draw_ready(tmp_path / "vendor")


def test_only_dist_files_are_unpacked_and_never_outside_the_folder(tmp_path, monkeypatch):
    files = {
        "package/dist/leaflet.draw.js": b"// draw",
        "package/dist/leaflet.draw.css": b"/* css */",
        "package/dist/images/spritesheet.svg": b"<svg/>",
        "package/src/Control.Draw.js": b"// source, not served",
        "package/dist/../../escape.js": b"// must not be written",
    }
    tgz = _tarball(tmp_path / "pkg.tgz", files)
    monkeypatch.setattr(assets, "LEAFLET_DRAW_SHA256", hashlib.sha256(tgz.read_bytes()).hexdigest())
    vendor = tmp_path / "vendor"
    out = assets.ensure_leaflet_draw(vendor, tarball=tgz)
    assert assets.leaflet_draw_ready(vendor)
    assert (out / "images" / "spritesheet.svg").read_bytes() == b"<svg/>"
    assert not (out / "Control.Draw.js").exists()
    assert not list(tmp_path.rglob("escape.js"))


def test_the_draw_control_points_at_the_local_copy():
    draw = assets.use_leaflet_draw(Draw(), base_url="/app/static")
    urls = [url for _, url in (*draw.default_js, *draw.default_css)]
    assert urls == ["/app/static/vendor/leaflet-draw/leaflet.draw.js",
                    "/app/static/vendor/leaflet-draw/leaflet.draw.css"]


def test_the_set_up_put_leaflet_draw_in_place():
    # `make test` runs `python -m view.assets` first; without it editors get no drawing tools.
    assert assets.leaflet_draw_ready(), "run `python -m view.assets`"
    js = (assets.VENDOR_DIR / assets.LEAFLET_DRAW_JS[1]).read_text(encoding="utf-8")
    assert "L.Control.Draw" in js and "1.0.4" in js
