"""Benchmark: match a 50,000-feature place layer against the whole gazetteer.

The layer is synthetic and built outside the timed part: one feature in ten
carries a gazetteer name or alias (so that matching has real work: homonyms,
kind and district checks), the rest made-up names no entry has; every point is
drawn at random inside 江北区 or 鄞州区 (seeded). It is served by an in-memory
source indexed by normalised name, as an imported layer would be. The timed
part is `geo.sources.matching.suggest_all` over every gazetteer entry. Prints
one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict

import numpy as np
import shapely


from geo.boundaries import unit_geometry
from geo.gazetteer import load_gazetteer
from geo.sources.base import Candidate, PlaceSource
from geo.sources.matching import normalise, suggest_all

N_FEATURES = 50_000
NAMED_SHARE = 0.1
RUNS = 3
SEED = 13


class _LayerSource(PlaceSource):
    key = "bench-layer"
    title = "synthetic benchmark layer"
    licence = "test data"

    def __init__(self, features: list[Candidate]) -> None:
        self._index: dict[str, list[Candidate]] = defaultdict(list)
        for feature in features:
            self._index[normalise(feature.name)].append(feature)

    def candidates(self, name: str, *, district: str | None = None) -> list[Candidate]:
        return list(self._index.get(normalise(name), ()))


def _layer(gazetteer, rng: np.random.Generator) -> list[Candidate]:
    names = sorted({n for e in gazetteer for n in e.names})
    area = shapely.union_all([unit_geometry("330205"), unit_geometry("330212")])
    minx, miny, maxx, maxy = area.bounds
    xs, ys = [], []
    while len(xs) < N_FEATURES:
        x = rng.uniform(minx, maxx, N_FEATURES)
        y = rng.uniform(miny, maxy, N_FEATURES)
        inside = shapely.contains_xy(area, x, y)
        xs.extend(x[inside])
        ys.extend(y[inside])
    kinds = ["school", "hospital", "commercial", None]
    features = []
    for i in range(N_FEATURES):
        named = rng.random() < NAMED_SHARE
        name = names[int(rng.integers(len(names)))] if named else f"合成地点{i}"
        kind = kinds[i % len(kinds)]
        features.append(Candidate(
            name=name, geometry=shapely.Point(xs[i], ys[i]), precision="exact", source=f"bench feature {i}",
            licence="test data", datum="wgs84", matched="exact name", source_key="bench-layer",
            feature_id=str(i), extra={"kind": kind} if kind else {},
        ))
    return features


def main() -> None:
    gazetteer = load_gazetteer()
    source = _LayerSource(_layer(gazetteer, np.random.default_rng(SEED)))
    timings, suggestions = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        suggestions = suggest_all(gazetteer, source)
        timings.append(time.perf_counter() - started)
    statuses = {s: sum(x.status == s for x in suggestions) for s in ("unambiguous", "ambiguous", "rejected")}
    print(json.dumps({
        "name": "match_layer_against_gazetteer", "n": N_FEATURES, "entries": len(gazetteer),
        "median_s": round(statistics.median(timings), 3), "runs": RUNS, "suggestions": len(suggestions),
        **statuses,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
