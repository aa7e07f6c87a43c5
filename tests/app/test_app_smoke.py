from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")

# The map page reads the GeoPackage and renders folium: slower than the 3 s default.
TIMEOUT_S = 60


def test_app_opens_on_the_overview_in_chinese_without_errors():
    app = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not app.exception
    assert "规划地图" in app.subheader[0].value
    assert not app.error


def test_switching_to_english_translates_the_page():
    app = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    # The sidebar's language link to English, as its URL would run the page.
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    assert "Plan map" in app.subheader[0].value
