"""The map's payload tells the truth: colours, districts, what is not drawn, shared points."""

import pytest

from layers.projects import actual_projects
from layers.store import read_layer
from layers.styles import structure_part_color
from view.planmap import plan_payload


@pytest.fixture(scope="module")
def frames():
    return {name: read_layer(name) for name in ("projects", "structures", "places", "districts")}


@pytest.fixture(scope="module")
def payload(frames):
    return plan_payload(**frames)


def _colors(layer):
    return {f["properties"].get("color") or layer["color"] for f in layer["features"]["features"]}


def test_no_colour_is_drawn_in_two_layers(payload):
    owner: dict[str, str] = {}
    for layer in payload["layers"]:
        for color in _colors(layer):
            assert owner.setdefault(color, layer["id"]) == layer["id"], f"{color} in {owner[color]} and {layer['id']}"


def test_a_structures_parts_are_shades_of_its_own_hue(payload, frames):
    kinds = dict(zip(frames["structures"]["id"], frames["structures"]["kind"]))
    structures = [layer for layer in payload["layers"] if layer["id"].startswith("st-")]
    assert structures
    for layer in structures:
        for f in layer["features"]["features"]:
            assert f["properties"]["color"] == structure_part_color(layer["color"], kinds[f["properties"]["id"]])


def test_a_rail_line_is_filtered_by_the_districts_it_runs_through(payload):
    rail = {f["properties"]["id"]: f["properties"] for layer in payload["layers"] if layer["id"].startswith("rail-")
            for f in layer["features"]["features"]}
    assert rail["rail-line-2"]["district"] == "330200"  # the record carries the city's code …
    assert "330205" in rail["rail-line-2"]["districts"]  # … the geometry says it is in 江北区
    assert {"330205", "330212"} <= set(rail["rail-line-4"]["districts"])


def test_every_record_not_drawn_is_listed_with_its_words(payload, frames):
    structures, projects = frames["structures"], frames["projects"]
    undrawn = set(structures.loc[structures.geometry.isna() | structures.geometry.is_empty, "id"])
    projects = actual_projects(projects)  # targets in boxes are not projects (issue 15, item 2)
    drawn_projects = projects["precision"].isin(["exact", "approximate"]) & projects.geometry.notna()
    undrawn |= set(projects.loc[~drawn_projects, "id"])
    listed = {r["id"]: r for r in payload["unplaced"]}
    assert set(listed) == undrawn
    names = {r["structure"] for r in payload["unplaced"] if r["kind"] == "structure"}
    assert {"一核四城六空间", "一环五片", "十线", "四大核心商圈"} <= names
    assert all(r["quote"] and r["start"] < r["end"] for r in listed.values())
    # Each names its section (written once in a table) and its document (its id's first part).
    assert all(payload["unplaced_sections"][r["sec"]] for r in listed.values())
    assert all(r.get("doc_id", r["id"].split("/")[0]) in payload["docs"] for r in listed.values())


def test_projects_drawn_on_one_point_say_so_and_name_the_borrowed_place(payload):
    stacked = [f["properties"] for layer in payload["layers"] for f in layer["features"]["features"]
               if f["properties"].get("stack")]
    hospital = [p for p in stacked if p["name"] in ("鄞州人民医院医共体白鹤分院", "鄞州人民医院医共体明楼分院")]
    assert len(hospital) == 2 and hospital[0]["stack"] == hospital[1]["stack"]
    assert hospital[0]["stack_n"] >= 2 and hospital[0]["stack_place"] == "鄞州人民医院"


def test_targets_recorded_in_boxes_are_not_drawn_or_listed_as_projects(payload, frames):
    projects = frames["projects"]
    targets = set(projects.loc[projects["record_type"] == "target", "id"])
    assert targets, "the shipped plans have targets in their boxes (六倍增 …)"
    drawn = {f["properties"]["id"] for layer in payload["layers"] for f in layer["features"]["features"]}
    listed = {r["id"] for r in payload["unplaced"]}
    assert not targets & (drawn | listed)


def test_place_popups_name_the_type_and_source_in_the_readers_words():
    payload = plan_payload(projects=read_layer("projects"), districts=read_layer("districts"),
                           places=read_layer("places"), lang="zh")
    places = [f["properties"] for layer in payload["layers"] if layer["id"].startswith(("pl-", "rail-"))
              for f in layer["features"]["features"]]
    stations = [p for p in places if p.get("category_label") == "车站"]
    assert stations, "stations are labelled 车站, not the code 'station'"
    codes = ("station", "published", "computed_members", "derived_boundaries", "approximate", "http")
    assert not [p for p in places if any(c in (p.get("category_label") or "") + (p.get("location_note") or "")
                                         for c in codes)]
