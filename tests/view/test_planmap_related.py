"""The map's payload carries, for each record, the other records naming the same place."""

import pandas as pd

from layers.relations import related_records
from layers.store import read_layer
from view.planmap import plan_payload


def _decoded(related: dict) -> dict[str, list[tuple[str, str]]]:
    records, places = related["records"], related["places"]
    return {records[i][0]: [(records[j][0], places[k]) for j, k in links] for i, links in enumerate(related["links"])}


def test_the_compact_related_table_decodes_to_exactly_the_relations_of_the_layers():
    frames = {name: read_layer(name) for name in ("projects", "structures", "places", "districts")}
    payload = plan_payload(**frames)
    records = pd.concat([frames["structures"][["id", "place_ids"]], frames["projects"][["id", "place_ids"]]])
    expected = related_records(records, frames["places"])
    assert expected, "the plans relate no records: the test would prove nothing"
    assert _decoded(payload["related"]) == expected
    # Each record carries its name and which kind of document it comes from.
    assert all(len(r) == 3 and r[1] and r[2] for r in payload["related"]["records"])


def test_a_map_without_places_carries_no_relations():
    projects, districts = read_layer("projects"), read_layer("districts")
    assert plan_payload(projects=projects, districts=districts)["related"] == {"records": [], "places": [], "links": []}
