"""Run every extractor over the plans: sections, projects, structures, indicators.

`extract_all()` reads the catalogued plans; `extract_plan(plan_id=…, text=…)`
reads any text (an upload, a test fixture). An extractor that fails on a
document is reported as a problem for that document; the others still run, so
a document with an unknown layout still yields its sections and whatever else
can be read.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

import pandas as pd

from layers.indicators import INDICATOR_COLUMNS, indicators_from_plan
from layers.plans import get_plan, load_catalog, read_plan_text
from layers.projects import PROJECT_COLUMNS, projects_from_plan
from layers.sections import SECTION_COLUMNS, sections_from_text
from layers.structures import STRUCTURE_COLUMNS, structures_from_plan
from layers.text import Problem


_HTML_RE = re.compile(r"</?(?:script|style|iframe|[a-z][a-z0-9]{0,9})(?:\s[^<>]*)?>", re.I)


@dataclass
class Extraction:
    """Records of one or more plans, one DataFrame per kind, and what could not be read."""

    sections: pd.DataFrame
    projects: pd.DataFrame
    structures: pd.DataFrame
    indicators: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    #: Wall-clock seconds the extraction took.
    seconds: float = 0.0
    #: Seconds per document (doc_id → seconds), for the report.
    doc_seconds: dict[str, float] = field(default_factory=dict)

    def problems_frame(self) -> pd.DataFrame:
        """The problems as a DataFrame (doc_id, start, end, quote, reason)."""
        return pd.DataFrame([vars(p) for p in self.problems],
                            columns=["doc_id", "start", "end", "quote", "reason"])


def extract_all(plan_ids: Iterable[str] | None = None) -> Extraction:
    """Extract every catalogued plan (or those in `plan_ids`, in that order)."""
    started = time.perf_counter()
    ids = [p.id for p in load_catalog()] if plan_ids is None else list(plan_ids)
    parts = [extract_plan(plan_id=pid, text=read_plan_text(pid), adcode=get_plan(pid).adcode)
             for pid in ids]
    result = _concat(parts)
    result.seconds = time.perf_counter() - started
    result.doc_seconds = {pid: part.seconds for pid, part in zip(ids, parts, strict=True)}
    return result


def extract_plan(*, plan_id: str, text: str, adcode: str | None = None) -> Extraction:
    """Extract one plan text; `adcode` defaults to the catalog's, else ""."""
    started = time.perf_counter()
    if adcode is None:
        adcode = _catalog_adcode(plan_id)
    problems: list[Problem] = []
    sections = _guard(problems, plan_id, "sections", SECTION_COLUMNS,
                      lambda: sections_from_text(text, doc_id=plan_id))
    if len(sections) and set(sections["kind"]) == {"title"}:
        start, end = int(sections["start"].iloc[0]), int(sections["end"].iloc[0])
        problems.append(Problem(plan_id, start, end, text[start:end],
                                "no numbered headings (第…章/节, 一、, （一）…); "
                                "the document is read as one section"))
    html = _HTML_RE.search(text)
    if html:
        problems.append(Problem(plan_id, html.start(), html.end(), html.group(0),
                                "HTML markup in the text; kept verbatim as text, "
                                "so whoever displays it must escape it"))
    frames: dict[str, pd.DataFrame] = {}
    for name, columns, func in (
        ("projects", PROJECT_COLUMNS, projects_from_plan),
        ("structures", STRUCTURE_COLUMNS, structures_from_plan),
        ("indicators", INDICATOR_COLUMNS, indicators_from_plan),
    ):
        frames[name] = _guard(
            problems, plan_id, name, columns,
            partial(func, plan_id=plan_id, text=text, adcode=adcode, sections=sections, problems=problems),
        )
    problems.extend(_unread_tables(plan_id, text, frames))
    return Extraction(sections, frames["projects"], frames["structures"], frames["indicators"],
                      problems, time.perf_counter() - started)


def _unread_tables(plan_id: str, text: str, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every 表 found whose rows went into no record: never silently skipped."""
    from layers.sections import find_tables

    read = set(frames["projects"]["box"]) | set(frames["indicators"]["table"])
    out = []
    for table in find_tables(text):
        if table.label not in read:
            out.append(Problem(plan_id, table.title_start, table.title_end,
                               text[table.title_start:table.title_end],
                               f"{table.label} found but no rows read: neither a project list "
                               "nor an indicator table the rules recognise"))
    return out


def _guard(problems: list[Problem], plan_id: str, what: str, columns: list[str],
           func: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    try:
        return func()
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the others
        problems.append(Problem(plan_id, 0, 0, "", f"{what} extractor failed: {exc!r}"))
        return pd.DataFrame(columns=columns)


def _concat(parts: list[Extraction]) -> Extraction:
    def cat(attr: str, columns: list[str]) -> pd.DataFrame:
        frames = [getattr(p, attr) for p in parts if len(getattr(p, attr))]
        if not frames:
            return pd.DataFrame(columns=columns)
        return pd.concat(frames, ignore_index=True)

    return Extraction(
        cat("sections", SECTION_COLUMNS), cat("projects", PROJECT_COLUMNS),
        cat("structures", STRUCTURE_COLUMNS), cat("indicators", INDICATOR_COLUMNS),
        [p for part in parts for p in part.problems],
    )


def _catalog_adcode(plan_id: str) -> str:
    for plan in load_catalog():
        if plan.id == plan_id:
            return plan.adcode
    return ""
