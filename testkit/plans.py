"""Copies of the plan folder and an environment to add, replace and remove plans on them.

`layers add/replace/remove` write the catalog, the texts and the layer store;
tests point them at copies (PLANMAP_PLANS_DIR, PLANMAP_LAYERS,
PLANMAP_GAZETTEER_DIR) so the repository's data never changes.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from layers.settings import PLANS_DIR

#: Real public texts of 海曙区 (sources in the folder's README).
HAISHU_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "plans" / "haishu"
HAISHU_PRESS = HAISHU_DIR / "haishu-2024-projects-press.txt"
HAISHU_REPORT = HAISHU_DIR / "haishu-2023-government-work-report.txt"


def copy_plans(target: Path) -> Path:
    """The repository's plan texts and catalog copied into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for path in PLANS_DIR.iterdir():
        if path.is_file() and not path.name.startswith("."):
            shutil.copyfile(path, target / path.name)
    return target


def plans_env(plans_dir: Path, store: Path, gazetteer_dir: Path) -> dict[str, str]:
    """Environment pointing every writer at the copies."""
    return {"PLANMAP_PLANS_DIR": str(plans_dir), "PLANMAP_LAYERS": str(store),
            "PLANMAP_GAZETTEER_DIR": str(gazetteer_dir)}


def digests(*folders: Path) -> dict[str, str]:
    """SHA-256 of every file (lock files aside) under `folders`: to show that nothing changed."""
    out = {}
    for folder in folders:
        paths = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file())
        for path in paths:
            if not path.name.endswith(".lock"):
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
