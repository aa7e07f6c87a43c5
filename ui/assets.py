"""`python -m ui.assets`, the install step `make run`/`make test` and the README name.

The code lives in `view.assets` (Streamlit-free, so `view/` and the tour export
can use it); this module keeps the command and the old import path working.
"""

from __future__ import annotations

from view.assets import (STATIC_DIR, STATIC_URL, VENDOR_DIR, AssetError, ensure_leaflet_draw,  # noqa: F401
                         ensure_vendor_files, inline_assets_html, leaflet_draw_ready, main, use_leaflet_draw,
                         use_local_assets)

if __name__ == "__main__":
    raise SystemExit(main())
