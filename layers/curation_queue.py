"""What planners should fix first: places and records the map can only show roughly or not at all.

`curation_queue` ranks every gazetteer place that is unlocated, approximate or
known only by district, worst first: unlocated before approximate before
district-only, then by how many project/structure records depend on it plus
how often the plans name it. `records_queue` lists the projects and structures
drawn only approximately or not at all, with the places they depend on.
`mention_contexts` gives the plan's exact words around each mention of a place.

The records come from the built layer store (`stored_records`): the build
and every rebuild after a curation save locate them with the curated
gazetteer, so the app never re-extracts the plans to rank the queue.
`extracted_records` locates a fresh extraction instead, to check that the
store says the same.

Districts and cities are left out (their polygon *is* the place), and so are
places outside 宁波市: the curation store only accepts geometry inside Ningbo.
"""

from __future__ import annotations

import weakref
from functools import lru_cache
from pathlib import Path

import pandas as pd

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geoparse import find_places
from geo.precision import TOO_WIDE_TYPES, Precision, rank
from layers.extract import Extraction, extract_all
from layers.locate import locate_records
from layers.plans import load_catalog, read_plan_text
from layers.settings import LAYERS_GPKG
from layers.store import read_layer

#: Precisions a planner can improve, worst first.
QUEUE_PRECISIONS = (Precision.UNLOCATED, Precision.APPROXIMATE, Precision.DISTRICT)
QUEUE_COLUMNS = ["id", "name", "type", "precision", "mentions", "documents", "projects", "adcode", "note"]
RECORD_COLUMNS = ["id", "kind", "name", "doc_id", "start", "end", "precision", "place_ids", "place_names",
                  "location_note"]
#: The record layers the queue counts, as stored.
RECORD_KINDS = ("projects", "structures")
#: Mentions per gazetteer object, so one page view parses the plans once.
_MENTIONS: weakref.WeakKeyDictionary[Gazetteer, pd.DataFrame] = weakref.WeakKeyDictionary()


def curation_queue(*, gazetteer: Gazetteer | None = None, records: pd.DataFrame | None = None,
                   path: Path = LAYERS_GPKG) -> pd.DataFrame:
    """Every place worth fixing, worst first.

    Parameters
    ----------
    gazetteer
        The places to rank and find in the plans (the deployment's, curated, by default).
    records
        Located projects and structures (`stored_records(path=path)` by default).
    path
        The layer store the records are read from.

    Returns
    -------
    DataFrame with columns id, name, type, precision, mentions (times the plans
    name it), documents (plans naming it), projects (project and structure
    records whose location depends on it), adcode and note; ranked unlocated,
    approximate, district, then by projects + mentions (most first), then id.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    mentions = plan_mentions(gaz)
    counts = mentions.groupby("id").agg(mentions=("start", "size"), documents=("doc_id", "nunique"))
    located = records if records is not None else stored_records(path=path)
    depending = located["place_ids"].str.split("|").explode()
    projects = depending[depending != ""].value_counts()
    rows = []
    for entry in gaz:
        if entry.precision not in QUEUE_PRECISIONS or entry.type in TOO_WIDE_TYPES:
            continue
        if entry.adcode and not entry.adcode.startswith("3302"):
            continue
        rows.append({
            "id": entry.id, "name": entry.name, "type": entry.type, "precision": entry.precision,
            "mentions": int(counts["mentions"].get(entry.id, 0)),
            "documents": int(counts["documents"].get(entry.id, 0)),
            "projects": int(projects.get(entry.id, 0)), "adcode": entry.adcode, "note": entry.note,
        })
    queue = pd.DataFrame(rows, columns=QUEUE_COLUMNS)
    queue["_rank"] = queue["precision"].map(QUEUE_PRECISIONS.index)
    queue["_weight"] = queue["projects"] + queue["mentions"]
    queue = queue.sort_values(["_rank", "_weight", "id"], ascending=[True, False, True])
    return queue.drop(columns=["_rank", "_weight"]).reset_index(drop=True)


def records_queue(*, gazetteer: Gazetteer | None = None, records: pd.DataFrame | None = None,
                  path: Path = LAYERS_GPKG) -> pd.DataFrame:
    """Projects and structures drawn only approximately or not at all, worst first.

    `records` and `path` as for `curation_queue`; `gazetteer` gives the place names.

    Returns
    -------
    DataFrame with columns id, kind ("projects" or "structures"), name, doc_id,
    start, end, precision, place_ids and place_names (`|`-separated, the
    places its location depends on) and location_note; district-only records
    first, then approximate ones, each by document and offset.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    if records is None:
        records = stored_records(path=path)
    weak = records[records["precision"].isin(QUEUE_PRECISIONS)].copy()
    names = {e.id: e.name for e in gaz}
    weak["place_names"] = weak["place_ids"].map(
        lambda ids: "|".join(names.get(i, i) for i in str(ids).split("|") if i))
    weak["_rank"] = weak["precision"].map(lambda p: -rank(p))
    weak = weak.sort_values(["_rank", "doc_id", "start"])
    return weak[RECORD_COLUMNS].reset_index(drop=True)


def mention_contexts(place_id: str, *, width: int = 60, gazetteer: Gazetteer | None = None) -> list[dict]:
    """Each mention of a place in the plans, with the exact text around it.

    Returns
    -------
    One dict per mention, in document order: doc_id, title, start, end, name
    (as written, `text[start:end]`), before and after (up to `width`
    characters of the plan text on each side). The UI links each to the plan
    text page with `view.links.source_link(doc_id, start=, end=)`.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    gaz.get(place_id)  # an unknown id raises UnknownPlaceError naming close ids
    titles = {plan.id: plan.title for plan in load_catalog()}
    mentions = plan_mentions(gaz)
    out = []
    for m in mentions[mentions["id"] == place_id].itertuples():
        text = read_plan_text(m.doc_id)
        out.append({
            "doc_id": m.doc_id, "title": titles[m.doc_id], "start": int(m.start), "end": int(m.end),
            "name": text[m.start:m.end],
            "before": text[max(0, m.start - width):m.start], "after": text[m.end:m.end + width],
        })
    return out


def plan_mentions(gazetteer: Gazetteer) -> pd.DataFrame:
    """Every gazetteer name found in every catalogued plan: id, name, doc_id, start, end."""
    if gazetteer in _MENTIONS:
        return _MENTIONS[gazetteer]
    rows = []
    for plan in load_catalog():
        for m in find_places(read_plan_text(plan.id), gazetteer=gazetteer, district=plan.adcode):
            rows.append({"id": m.id, "name": m.name, "doc_id": plan.id, "start": m.start, "end": m.end})
    frame = pd.DataFrame(rows, columns=["id", "name", "doc_id", "start", "end"])
    _MENTIONS[gazetteer] = frame
    return frame


def stored_records(*, path: Path = LAYERS_GPKG) -> pd.DataFrame:
    """The located projects and structures of the layer store, one frame with a `kind` column.

    What the map shows: the build, and the rebuild after every curation save,
    located them with the curated gazetteer. Read again whenever the store
    file changes; `LayerStoreError` (saying how to rebuild) when it is missing.
    """
    path = Path(path)
    stat = path.stat() if path.exists() else None  # no store: `read_layer` says how to build one
    return _stored_records(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


def extracted_records(gazetteer: Gazetteer, *, extraction: Extraction | None = None) -> pd.DataFrame:
    """Projects and structures from a fresh extraction of every plan, located with `gazetteer`.

    What a build from this gazetteer stores, worked out again: slow (it reads
    and extracts every plan unless given `extraction`), so only for checking
    `stored_records` and for the benchmark.
    """
    extraction = extraction if extraction is not None else extract_all()
    parts = []
    for kind in RECORD_KINDS:
        located = locate_records(getattr(extraction, kind), gazetteer=gazetteer, kind=kind)
        parts.append(pd.DataFrame(located.drop(columns="geometry")).assign(kind=kind))
    return _with_place_ids(pd.concat(parts, ignore_index=True))


@lru_cache(maxsize=2)
def _stored_records(path: Path, mtime_ns: int, size: int) -> pd.DataFrame:
    """The records of one version of the store (the key holds its modification time and size)."""
    parts = [pd.DataFrame(read_layer(kind, path=path).drop(columns="geometry")).assign(kind=kind)
             for kind in RECORD_KINDS]
    return _with_place_ids(pd.concat(parts, ignore_index=True))


def _with_place_ids(frame: pd.DataFrame) -> pd.DataFrame:
    frame["place_ids"] = frame["place_ids"].fillna("").astype(str)
    return frame


UNKNOWN_COLUMNS = ["kind", "name", "mentions", "documents", "doc_id", "start", "end", "quote"]


def unknown_names_queue(*, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Place-like names the plans use that the gazetteer lacks: entries of kind "unknown name".

    One row per name, most mentioned first: how often and in how many plans it
    is named, and its first mention (doc_id, start, end, the words around it),
    so a planner can read it and add the place. See `layers.unknown_places`.
    """
    from layers.unknown_places import gazetteer_names, unknown_names

    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    texts = {plan.id: read_plan_text(plan.id) for plan in load_catalog()}
    rows = []
    for u in unknown_names(texts, gazetteer_names(gaz)):
        first = u.mentions[0]
        rows.append({"kind": "unknown name", "name": u.name, "mentions": u.count,
                     "documents": len({m["doc_id"] for m in u.mentions}),
                     "doc_id": first["doc_id"], "start": first["start"], "end": first["end"],
                     "quote": first["quote"]})
    return pd.DataFrame(rows, columns=UNKNOWN_COLUMNS)
