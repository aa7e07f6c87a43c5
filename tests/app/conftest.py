import pytest

from layers.build import build
from layers.settings import LAYERS_GPKG
from view.assets import ensure_vendor_files


@pytest.fixture(scope="session", autouse=True)
def built_app_data():
    """The app reads the built store and the vendored Leaflet; make both exist."""
    if not LAYERS_GPKG.exists():
        build()
    ensure_vendor_files()


@pytest.fixture
def nearby_heading():
    """The near-me answer's heading for an origin, "<origin> — 2 公里内有 …".

    A project's own line reads "<name> — <summary>" too, so matching on the
    origin and the dash alone can find two elements once a project shares
    the origin's name.
    """
    import re

    def heading(page, origin: str):
        return page.get_by_text(re.compile(rf"^{re.escape(origin)} — .*(?:米|公里)内有 \d+ 个项目"))
    return heading
