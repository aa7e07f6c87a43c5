"""A damaged or empty layer store gives every page a clear message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from geo.settings import ROOT

PAGES = ["overview.py", "nearby.py", "tours.py", "source.py", "indicators.py", "curation.py"]
#: Runs one page with AppTest in a fresh process, so the store path (read at import) is the broken one.
_RUN = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120)
at.query_params["place"] = "慈城"
at.run()
errors = " | ".join(str(e.value) for e in at.error)
print("EXCEPTION" if at.exception else "OK", errors.replace(chr(10), " "))
"""


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\\x00" + b"\\x13" * 4000], ids=["zero-length", "corrupt"])
@pytest.mark.parametrize("page", PAGES)
def test_a_damaged_store_is_reported_in_words_on_every_page(tmp_path, page, content):
    broken = tmp_path / "planmap.gpkg"
    broken.write_bytes(content)
    env = {**os.environ, "PLANMAP_LAYERS": str(broken)}
    out = subprocess.run([sys.executable, "-c", _RUN, str(ROOT / "pages" / page)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    status, _, errors = out.stdout.strip().splitlines()[-1].partition(" ")
    assert status == "OK", out.stdout[-2000:]
    if page != "source.py":  # the source page shows plan text, not layers: it just works
        assert "damaged or empty" in errors
    assert "DataSourceError" not in errors and str(tmp_path) not in errors
