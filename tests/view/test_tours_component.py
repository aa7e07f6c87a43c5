"""The tour page's component data: the planner map's data plus the tour, versioned so a rerun keeps the step."""

from __future__ import annotations

import pytest

from layers.build import build
from layers.settings import LAYERS_GPKG
from layers.store import read_layer
from layers.tours import load_tour
from ui.map_component import basemap_data, map_data
from ui.tour_component import tour_data
from view.planmap import plan_payload

TOUR = "jiangbei-structure"


@pytest.fixture(scope="module")
def planner() -> dict:
    if not LAYERS_GPKG.exists():
        build()
    frames = {name: read_layer(name) for name in ("projects", "structures", "places", "districts")}
    return map_data(plan_payload(**frames, lang="zh"), basemap_data(frames["districts"]))


def test_the_tour_rides_on_the_planner_maps_own_data(planner):
    data = tour_data(load_tour(TOUR), planner, lang="zh", start_step=3)
    assert data["payload"] is planner["payload"] and data["base"] is planner["base"]
    assert data["tour"]["id"] == TOUR and data["tour"]["start_step"] == 3
    assert len(data["tour"]["steps"]) == len(load_tour(TOUR).steps)


def test_where_a_tour_starts_does_not_change_its_version_but_another_tour_or_language_does(planner):
    tour = load_tour(TOUR)
    first = tour_data(tour, planner, lang="zh", start_step=1)
    assert tour_data(tour, planner, lang="zh", start_step=5, presenter=True)["version"] == first["version"]
    assert tour_data(load_tour("yinzhou-key-blocks"), planner, lang="zh")["version"] != first["version"]
    assert tour_data(tour, planner, lang="en")["version"] != first["version"]
    assert first["version"] != planner["version"]
