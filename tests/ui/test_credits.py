"""Licence credits appear only when GeoNames or OpenStreetMap data is used."""

from geo.sources.credits import credits_for


def test_credits_name_each_dataset_used_and_nothing_else():
    assert credits_for(["https://www.geonames.org/1797479 (GeoNames cities500 seat)"]) == ["GeoNames (CC BY 4.0)"]
    assert credits_for(["source:osm:r2"]) == ["© OpenStreetMap contributors (ODbL)"]
    assert credits_for(["https://de.zxc.wiki/wiki/Ashoka-Tempel", None, float("nan")]) == []


def test_the_curation_geojson_export_carries_the_credits_of_its_rows(tmp_path):
    import json

    from geo.curation import CurationStore
    from geo.sources.public import OsmSource
    from geo.sources.suggestions import SuggestionStore
    from testkit.curation import copy_gazetteer, login

    gaz = copy_gazetteer(tmp_path / "g")
    store = CurationStore(gaz / "curation", gazetteer_dir=gaz)
    assert "credits" not in json.loads(store.export_geojson())
    suggestions = SuggestionStore(gaz, curation=store)
    suggestions.refresh(OsmSource(), store.gazetteer())
    suggestions.accept(login("wang"), OsmSource(), store.gazetteer(), [("jb-mixc", "r2")])
    assert json.loads(store.export_geojson())["credits"] == ["© OpenStreetMap contributors (ODbL)"]


def test_the_tour_export_carries_the_credits_in_its_map_payload():
    from layers.tours import list_tours
    from view.tours_export import export_tour_html

    page = export_tour_html(list_tours()[0])
    assert '"credits":["GeoNames (CC BY 4.0)","© OpenStreetMap contributors (ODbL)"]' in page
    assert "map.attributionControl.addAttribution" in page  # planmap.js inlined, which shows them
