"""The curation queue: worst places first, and the plan's exact words around each mention."""

from pathlib import Path

import pytest

from geo.errors import UnknownPlaceError
from geo.gazetteer import load_gazetteer
from layers.curation_queue import QUEUE_PRECISIONS, curation_queue, mention_contexts, records_queue
from layers.plans import load_catalog, read_plan_text

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "gazetteer"


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


def test_contexts_quote_the_plan_exactly_and_link_to_the_passage(fixture_gazetteer):
    contexts = mention_contexts("jb-yaojiang-new-area", width=30, gazetteer=fixture_gazetteer)
    assert contexts
    for c in contexts:
        text = read_plan_text(c["doc_id"])
        assert text[c["start"]:c["end"]] == c["name"] == "姚江新区"
        assert c["before"] == text[max(0, c["start"] - 30):c["start"]]
        assert c["after"] == text[c["end"]:c["end"] + 30]
        assert c["link"] == f"/source?doc={c['doc_id']}&start={c['start']}&end={c['end']}"
        assert c["title"]
    starts = [(c["doc_id"], c["start"]) for c in contexts]
    assert len(set(starts)) == len(starts)


def test_contexts_of_an_unknown_place_raise_with_close_ids(fixture_gazetteer):
    with pytest.raises(UnknownPlaceError, match="jb-yaojiang-new-area"):
        mention_contexts("jb-yaojiang-new-aera", gazetteer=fixture_gazetteer)
