"""`view/` draws and words without Streamlit or `ui/`; `layers/` never reaches up into `view/` or `ui/`."""

import ast

import pytest

from geo.settings import ROOT


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


@pytest.mark.parametrize("path", sorted((ROOT / "view").rglob("*.py")), ids=lambda p: p.name)
def test_view_imports_neither_streamlit_nor_ui(path):
    upward = [m for m in _imports(path) if m.split(".")[0] in ("streamlit", "streamlit_folium", "ui", "pages")]
    assert not upward, f"{path.name} imports {upward}"


@pytest.mark.parametrize("path", sorted((ROOT / "layers").rglob("*.py")), ids=lambda p: p.name)
def test_layers_imports_neither_view_nor_ui(path):
    upward = [m for m in _imports(path) if m.split(".")[0] in ("view", "ui", "pages", "streamlit")]
    assert not upward, f"{path.name} imports {upward}"
