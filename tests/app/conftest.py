import pytest

from layers.build import build
from layers.settings import LAYERS_GPKG
from ui.assets import ensure_vendor_files


@pytest.fixture(scope="session", autouse=True)
def built_app_data():
    """The app reads the built store and the vendored Leaflet; make both exist."""
    if not LAYERS_GPKG.exists():
        build()
    ensure_vendor_files()
