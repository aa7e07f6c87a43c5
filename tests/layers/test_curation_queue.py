"""The curation queue: worst places first, and the plan's exact words around each mention."""

from pathlib import Path

import pandas as pd
import pytest
from shapely.geometry import Point

import layers.curation_queue as curation_queue_module
from geo.curation import BASE_REVISION, CurationStore
from geo.errors import UnknownPlaceError
from geo.gazetteer import load_gazetteer
from layers.build import build
from layers.curation_queue import (
    QUEUE_PRECISIONS, curation_queue, extracted_records, mention_contexts, records_queue, stored_records,
)
from layers.errors import LayerStoreError
from layers.plans import load_catalog, read_plan_text
from layers.rebuild import rebuild_for_places
from layers.settings import LAYERS_GPKG
from testkit.curation import copy_gazetteer, login

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
#: A point in 江北区 (near 老外滩), WGS84, as in tests/layers/test_rebuild.py.
JIANGBEI = Point(121.5560, 29.8850)


@pytest.fixture(scope="module", autouse=True)
def layer_store():
    """The queue counts the records of the built store; make sure there is one."""
    if not LAYERS_GPKG.exists():
        build()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """A store built now from a copy of the shipped gazetteer, and that copy."""
    root = tmp_path_factory.mktemp("shipped")
    gazetteer_dir = copy_gazetteer(root / "gazetteer")
    build(path=root / "planmap.gpkg", gazetteer_dir=gazetteer_dir)
    return gazetteer_dir, root / "planmap.gpkg"


@pytest.fixture(scope="module")
def fixture_gazetteer():
    return load_gazetteer(FIXTURE)


@pytest.fixture(scope="module")
def real_queue():
    return curation_queue()


def test_queue_holds_exactly_the_improvable_ningbo_places_of_the_fixture(fixture_gazetteer):
    queue = curation_queue(gazetteer=fixture_gazetteer)
    expected = {e.id for e in fixture_gazetteer
                if e.precision in QUEUE_PRECISIONS and e.type not in ("district", "city")
                and (not e.adcode or e.adcode.startswith("3302"))}
    assert set(queue["id"]) == expected
    # Districts are their own polygon; exact places need no fixing.
    assert "yz-yinzhou-district" not in set(queue["id"])
    assert "jb-lao-waitan" not in set(queue["id"])
    assert queue.iloc[0]["id"] == "jb-yaojiang-new-area"  # the fixture's only unlocated place


def test_queue_is_ranked_by_precision_then_dependents_and_mentions(real_queue):
    ranks = [QUEUE_PRECISIONS.index(p) for p in real_queue["precision"]]
    assert ranks == sorted(ranks)
    assert set(real_queue["precision"]) == set(QUEUE_PRECISIONS)
    for _, group in real_queue.groupby("precision"):
        weights = list(group["projects"] + group["mentions"])
        assert weights == sorted(weights, reverse=True)
    assert not real_queue["type"].isin(["district", "city"]).any()


def test_mentions_count_every_occurrence_in_the_plans(fixture_gazetteer):
    queue = curation_queue(gazetteer=fixture_gazetteer).set_index("id")
    texts = [read_plan_text(p.id) for p in load_catalog()]
    # 姚江新区 is no part of a longer fixture name, so plain counting must agree.
    assert queue.loc["jb-yaojiang-new-area", "mentions"] == sum(t.count("姚江新区") for t in texts) > 0
    assert queue.loc["jb-yaojiang-new-area", "documents"] == sum("姚江新区" in t for t in texts)


def test_projects_count_records_that_depend_on_the_place(real_queue):
    records = records_queue()
    top = real_queue[real_queue["projects"] > 0].iloc[0]
    depending = records[records["place_ids"].str.split("|").map(lambda ids: top["id"] in ids)]
    # An unlocated place cannot locate anything, so every record depending on it is weak.
    assert top["precision"] == "unlocated"
    assert len(depending) == top["projects"]
    assert all(top["name"] in names.split("|") for names in depending["place_names"])


def test_records_queue_lists_district_only_records_before_approximate_ones():
    records = records_queue()
    assert set(records["precision"]) <= {"district", "approximate"}
    order = list(records["precision"])
    assert order.index("approximate") > len(order) - 1 - order[::-1].index("district")
    assert set(records["kind"]) == {"projects", "structures"}


def test_contexts_quote_the_plan_exactly_with_their_offsets(fixture_gazetteer):
    contexts = mention_contexts("jb-yaojiang-new-area", width=30, gazetteer=fixture_gazetteer)
    assert contexts
    for c in contexts:
        text = read_plan_text(c["doc_id"])
        assert text[c["start"]:c["end"]] == c["name"] == "姚江新区"
        assert c["before"] == text[max(0, c["start"] - 30):c["start"]]
        assert c["after"] == text[c["end"]:c["end"] + 30]
        assert c["title"]
    starts = [(c["doc_id"], c["start"]) for c in contexts]
    assert len(set(starts)) == len(starts)


def test_contexts_of_an_unknown_place_raise_with_close_ids(fixture_gazetteer):
    with pytest.raises(UnknownPlaceError, match="jb-yaojiang-new-area"):
        mention_contexts("jb-yaojiang-new-aera", gazetteer=fixture_gazetteer)


def test_queue_from_the_store_has_the_rows_and_order_of_a_fresh_extraction(shipped):
    gazetteer_dir, store = shipped
    gazetteer = load_gazetteer(gazetteer_dir)
    fresh = extracted_records(gazetteer)
    from_store = curation_queue(gazetteer=gazetteer, path=store)
    pd.testing.assert_frame_equal(from_store, curation_queue(gazetteer=gazetteer, records=fresh))
    assert len(from_store) > 100 and from_store["projects"].sum() > 0  # a real queue, not two empty ones
    records = records_queue(gazetteer=gazetteer, path=store)
    pd.testing.assert_frame_equal(records, records_queue(gazetteer=gazetteer, records=fresh))
    assert set(records["kind"]) == {"projects", "structures"}


def test_the_queue_reads_the_store_and_never_extracts_the_plans(shipped, monkeypatch):
    gazetteer_dir, store = shipped

    def no_extraction():
        raise AssertionError("the queue extracted the plans again")
    monkeypatch.setattr(curation_queue_module, "extract_all", no_extraction)
    gazetteer = load_gazetteer(gazetteer_dir)
    assert len(curation_queue(gazetteer=gazetteer, path=store)) > 0
    assert len(records_queue(gazetteer=gazetteer, path=store)) > 0


def test_after_a_save_and_its_rebuild_the_stored_queue_still_equals_a_fresh_one(shipped, tmp_path):
    gazetteer_dir = copy_gazetteer(tmp_path / "gazetteer")
    store = tmp_path / "planmap.gpkg"
    store.write_bytes(shipped[1].read_bytes())
    before = curation_queue(gazetteer=load_gazetteer(gazetteer_dir), path=store)
    place = str(before[(before["precision"] == "unlocated") & (before["projects"] > 0)].iloc[0]["id"])
    curation = CurationStore(gazetteer_dir / "curation", gazetteer_dir=gazetteer_dir)
    curation.save(login(), place, geometry=JIANGBEI, precision="approximate", source="test",
                  expected_revision=BASE_REVISION)
    rebuild_for_places([place], path=store, gazetteer_dir=gazetteer_dir)
    gazetteer = load_gazetteer(gazetteer_dir)
    after = curation_queue(gazetteer=gazetteer, path=store)
    pd.testing.assert_frame_equal(after, curation_queue(gazetteer=gazetteer, records=extracted_records(gazetteer)))
    assert after.set_index("id").loc[place, "precision"] == "approximate"
    assert not after.equals(before)


def test_stored_records_are_read_again_when_the_store_changes(shipped, tmp_path):
    store = tmp_path / "planmap.gpkg"
    store.write_bytes(shipped[1].read_bytes())
    first = stored_records(path=store)
    assert stored_records(path=store) is first  # one read per version of the store
    build(path=store, gazetteer_dir=shipped[0])
    assert stored_records(path=store) is not first


def test_a_queue_without_a_layer_store_says_how_to_build_one(tmp_path):
    with pytest.raises(LayerStoreError, match="python -m layers build"):
        curation_queue(gazetteer=load_gazetteer(FIXTURE), path=tmp_path / "missing.gpkg")
