"""Figures the plan text states for one place, e.g. 慈城古县城 "到2025年,年接待游客人次超300万人".

One clear pattern, kept deliberately narrow so that a figure is never pinned on
the wrong place: a sentence (cut at 。；; or a line break) that sets a year
("到2025年,"/"至2025年，") and whose subject is a gazetteer place, written either
at the start of the sentence or right after the year. Each clause after the year
that holds a number with a unit is one figure, quoted exactly with its offsets.
Districts and cities are not subjects (their figures are the indicator tables),
and places the gazetteer cannot locate are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from geo.precision import TOO_WIDE_TYPES, Precision
from layers.plans import Plan, load_catalog, read_plan_text
from layers.text import trim_span

PLACE_FIGURE_COLUMNS: list[str] = [
    "id", "doc_id", "place_id", "place_name", "precision", "year", "measure", "value",
    "value_num", "unit", "quote", "start", "end", "sentence_start", "sentence_end",
]

#: The stored `place_figures` table: the figures and their subject place's point (NaN when unlocated).
PLACE_FIGURES_TABLE_COLUMNS: list[str] = [*PLACE_FIGURE_COLUMNS, "rep_lon", "rep_lat"]

_SENTENCE_RE = re.compile(r"[^。；;\n]+")
_YEAR_RE = re.compile(r"(?:到|至)(20\d\d)年[,，]")
_CLAUSE_RE = re.compile(r"[^,，、]+")
_LEAD = " \t\u3000◆●·-—"
_FIGURE_RE = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万人次|人次|万人|亿元|万元|万平方米|平方米|平方公里|公里|万吨|万标箱|家|个|%)"
)


def place_figures_from_plan(*, plan_id: str, text: str, places: pd.DataFrame) -> pd.DataFrame:
    """Every place-level figure of one plan (see the module docstring for the pattern).

    Parameters
    ----------
    plan_id
        The document's id; `start`/`end` index `text`.
    places
        The `places` layer (id, name, aliases separated by "|", type, precision).
    """
    names = _subject_names(places)
    rows: list[dict] = []
    if not names:
        return pd.DataFrame(rows, columns=PLACE_FIGURE_COLUMNS)
    subject_re = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    for sentence in _SENTENCE_RE.finditer(text):
        year = _YEAR_RE.search(text, sentence.start(), sentence.end())
        if year is None:
            continue
        lead = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip(_LEAD))
        subject = subject_re.match(text, lead) or subject_re.match(text, year.end())
        if subject is None:
            continue
        place = names[subject.group()]
        for clause in _CLAUSE_RE.finditer(text, year.end(), sentence.end()):
            figure = _FIGURE_RE.search(clause.group())
            if figure is None:
                continue
            start, end = trim_span(text, clause.start(), clause.end())
            measure_start = subject.end() if start == subject.start() else start
            rows.append({
                "id": f"{plan_id}/{start}", "doc_id": plan_id,
                "place_id": place["id"], "place_name": place["name"], "precision": place["precision"],
                "year": year.group(1),
                "measure": text[measure_start:clause.start() + figure.start()].strip(),
                "value": figure.group("value"), "value_num": float(figure.group("value")),
                "unit": figure.group("unit"), "quote": text[start:end], "start": start, "end": end,
                "sentence_start": sentence.start(), "sentence_end": sentence.end(),
            })
    return pd.DataFrame(rows, columns=PLACE_FIGURE_COLUMNS)


def place_figures_table(places: pd.DataFrame, *, plans: Iterable[Plan] | None = None) -> pd.DataFrame:
    """The place figures of every catalogued plan, with the point of the place each is pinned to.

    Built into the store (table `place_figures`) so that the indicators page
    reads a layer instead of running the extraction over plan text itself.

    Parameters
    ----------
    places
        The `places` layer as stored (id, name, aliases, type, precision, rep_lon, rep_lat).
    plans
        The plans to read; the catalog by default.
    """
    frames = [place_figures_from_plan(plan_id=p.id, text=read_plan_text(p.id), places=places)
              for p in (load_catalog() if plans is None else plans)]
    figures = (pd.concat(frames, ignore_index=True) if frames
               else pd.DataFrame(columns=PLACE_FIGURE_COLUMNS))
    points = places.set_index("id")[["rep_lon", "rep_lat"]]
    # Plans without figures give empty, untyped frames: without this, offsets would be stored as text.
    return figures.infer_objects().join(points, on="place_id").reindex(columns=PLACE_FIGURES_TABLE_COLUMNS)


def _subject_names(places: pd.DataFrame) -> dict[str, dict]:
    """Name or alias → place record, for located places that are not whole districts."""
    names: dict[str, dict] = {}
    for place in places.to_dict("records"):
        if place.get("type") in TOO_WIDE_TYPES or place.get("precision") in ("", Precision.UNLOCATED, None):
            continue
        aliases = str(place.get("aliases") or "").split("|")
        for name in (place["name"], *aliases):
            if len(name) >= 2:
                names.setdefault(name, place)
    return names
