"""Set-up for curation tests and benchmarks: copies of the data, editor logins.

Tests write only into temporary folders; the repository's data files are
never touched. A test server pointed at the copies needs the environment of
`data_env` (PLANMAP_GAZETTEER_DIR, PLANMAP_LAYERS, PLANMAP_EDITORS).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from geo.access.editors import ENV_VAR, authenticate, hash_password
from geo.settings import GAZETTEER_DIR
from layers.settings import LAYERS_GPKG

#: Cheap hashes keep the tests fast; the work factor is not what they test.
TEST_ITERATIONS = 1000
PASSWORD = "correct horse"


def copy_gazetteer(target: Path, *, with_curation: bool = False) -> Path:
    """The repository's gazetteer files copied into `target`; its curation files too if asked."""
    target.mkdir(parents=True, exist_ok=True)
    for path in GAZETTEER_DIR.glob("*.csv"):
        shutil.copyfile(path, target / path.name)
    if with_curation:
        (target / "curation").mkdir(exist_ok=True)
        for name in ("entries.csv", "history.jsonl"):
            if (GAZETTEER_DIR / "curation" / name).exists():
                shutil.copyfile(GAZETTEER_DIR / "curation" / name, target / "curation" / name)
    return target


def copy_store(target: Path) -> Path:
    """A copy of the built layer store at `target` (build it first with `python -m layers build`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LAYERS_GPKG, target)
    return target


def data_env(gazetteer_dir: Path, store: Path, *, editor_names: tuple[str, ...] = ("editor",)) -> dict[str, str]:
    """Environment for a server on the copies, with editors who log in with `PASSWORD`."""
    value = ",".join(f"{name}:{hashed}" for name, hashed in editors(*editor_names).items())
    return {"PLANMAP_GAZETTEER_DIR": str(gazetteer_dir), "PLANMAP_LAYERS": str(store), ENV_VAR: value}


def editors(*names: str) -> dict[str, str]:
    """name → HASH of `PASSWORD` for each name, as the deployment would configure them."""
    return {name: hash_password(PASSWORD, iterations=TEST_ITERATIONS) for name in names}


def login(name: str = "wang"):
    """An `Editor` of this process, logged in against a fresh configuration."""
    return authenticate(name, PASSWORD, editors=editors(name))
