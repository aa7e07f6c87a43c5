"""Which plan records relate to each other: they name the same place.

A structure part (姚江新区 in "三城") and the projects whose text names 姚江新区
belong together on the planner's map. The link is only what the plans say: a
shared gazetteer place, never nearness on the map (most projects are known
only by district). Places as wide as a city or a district are left out, since
every record of a plan names its own district.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from geo.precision import TOO_WIDE_TYPES

#: Sharing one of these says nothing about two records.
TOO_WIDE = TOO_WIDE_TYPES


def related_records(records: pd.DataFrame, places: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """For each record id, the other records naming a place it names, as (id, place name).

    Parameters
    ----------
    records
        Projects and structure parts together: `id` and `place_ids`
        (`|`-separated gazetteer ids, as the layers store them).
    places
        The `places` layer (or the gazetteer): `id`, `name` and `type`.

    Records are listed in the order of `records`, each once, with the first
    shared place by that order; a record is never related to itself.
    """
    wide = set(places.loc[places["type"].isin(TOO_WIDE), "id"])
    names = dict(zip(places["id"], places["name"]))
    by_place: dict[str, list[str]] = defaultdict(list)
    named: dict[str, list[str]] = {}
    for record_id, ids in zip(records["id"], records["place_ids"].fillna("").astype(str)):
        named[record_id] = [p for p in dict.fromkeys(ids.split("|")) if p and p not in wide]
        for place_id in named[record_id]:
            by_place[place_id].append(record_id)
    related: dict[str, list[tuple[str, str]]] = {}
    for record_id, place_ids in named.items():
        seen: dict[str, str] = {}
        for place_id in place_ids:
            for other in by_place[place_id]:
                if other != record_id and other not in seen:
                    seen[other] = names.get(place_id, place_id)
        if seen:
            related[record_id] = list(seen.items())
    return related
