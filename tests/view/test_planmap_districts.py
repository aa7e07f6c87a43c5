"""The planner map's district labels and filter come from the plan catalog, not a list in the code."""

from __future__ import annotations

import view.planmap as planmap
from layers.plans import plan_districts


def test_the_shipped_catalog_gives_jiangbei_and_yinzhou_in_both_languages():
    assert planmap.district_labels("zh") == {"330205": "江北区", "330212": "鄞州区"}
    assert planmap.district_labels("en") == {"330205": "Jiangbei", "330212": "Yinzhou"}


def test_a_district_added_to_the_catalog_gets_its_label_from_the_boundary_data(monkeypatch):
    catalogued = {**plan_districts(), "330203": "宁波市海曙区", "500105": "重庆市江北区"}
    monkeypatch.setattr(planmap, "plan_districts", lambda: catalogued)
    assert planmap.district_labels("zh") == {"330205": "江北区", "330212": "鄞州区", "330203": "海曙区",
                                             "500105": "江北区"}
    assert planmap.district_labels("en")["330203"] == "Haishu"
