import json
import os
import subprocess
import sys

from geo.settings import DATA_DIR, ROOT

PROBE = """
import json
from geo.settings import GAZETTEER_DIR, CURATION_DIR
from layers.settings import LAYERS_GPKG
from ui.data import store_version
print(json.dumps({"gazetteer": str(GAZETTEER_DIR), "curation": str(CURATION_DIR),
                  "layers": str(LAYERS_GPKG), "version": store_version()}))
"""


def probe(env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PLANMAP_")}
    result = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env}, cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_data_paths_default_to_the_repository():
    got = probe({})
    assert got["gazetteer"] == str(DATA_DIR / "gazetteer")
    assert got["curation"] == str(DATA_DIR / "gazetteer" / "curation")
    assert got["layers"] == str(DATA_DIR / "layers" / "planmap.gpkg")


def test_environment_points_the_app_at_copies_and_the_store_version_follows(tmp_path):
    store = tmp_path / "copy.gpkg"
    store.write_bytes(b"")
    os.utime(store, (1_000_000_000, 1_000_000_000))
    got = probe({"PLANMAP_GAZETTEER_DIR": str(tmp_path / "gaz"), "PLANMAP_LAYERS": str(store)})
    assert got["gazetteer"] == str(tmp_path / "gaz")
    assert got["curation"] == str(tmp_path / "gaz" / "curation")
    assert got["layers"] == str(store)
    assert got["version"] == 1_000_000_000.0
