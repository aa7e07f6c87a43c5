"""`python -m layers report`: what the extractors read from the plans, and what they could not.

The report is a list of sections (`REPORT_SECTIONS`), each a function from an
`Extraction` to printable lines, so later parts (e.g. the gazetteer) can append
their own section without touching these.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from geo.geocode import default_gazetteer
from geo.precision import DRAWN, PRECISIONS
from layers.extract import Extraction, extract_all
from layers.locate import locate_records, mentioned_places
from layers.text import display_text

ReportSection = Callable[[Extraction], list[str]]


def main(argv: list[str] | None = None) -> int:
    """Print the extraction report; returns 0 (problems are listed, not fatal)."""
    parser = argparse.ArgumentParser(prog="python -m layers report",
                                     description="Counts of what was read from each plan.")
    parser.add_argument("--plan", action="append", dest="plans", metavar="PLAN_ID",
                        help="only this plan (repeatable); default: all catalogued plans")
    args = parser.parse_args(argv or [])
    extraction = extract_all(args.plans)
    for section in REPORT_SECTIONS:
        for line in section(extraction):
            print(line)
        print()
    return 0


def report_documents(ex: Extraction) -> list[str]:
    """Records per document."""
    lines = ["== Records per document =="]
    frames = {"sections": ex.sections, "projects": ex.projects,
              "structures": ex.structures, "indicators": ex.indicators}
    docs = list(dict.fromkeys(d for f in frames.values() for d in f["doc_id"]))
    header = f"{'document':40} " + " ".join(f"{k:>10}" for k in frames)
    lines.append(header)
    for doc in docs:
        counts = " ".join(f"{int((f['doc_id'] == doc).sum()):>10}" for f in frames.values())
        lines.append(f"{doc:40} {counts}")
    totals = " ".join(f"{len(f):>10}" for f in frames.values())
    lines.append(f"{'total':40} {totals}")
    return lines


def report_boxes(ex: Extraction) -> list[str]:
    """Projects per 专栏 box / 一览表 table / body text, and indicator rows per table."""
    lines = ["== Projects per box / table =="]
    if len(ex.projects):
        grouped = ex.projects.groupby(["doc_id", "box"], sort=False).size()
        for (doc, box), n in grouped.items():
            lines.append(f"{doc:40} {box:8} {n:>4}")
    lines.append("== Indicator rows per table ==")
    if len(ex.indicators):
        for (doc, table), n in ex.indicators.groupby(["doc_id", "table"], sort=False).size().items():
            lines.append(f"{doc:40} {table:8} {n:>4}")
    return lines


def report_categories(ex: Extraction) -> list[str]:
    """Projects per category, and structures per structure."""
    lines = ["== Projects per category =="]
    if len(ex.projects):
        for cat, n in ex.projects["category"].value_counts().items():
            lines.append(f"{cat:24} {n:>4}")
    lines.append("== Structures ==")
    if len(ex.structures):
        grouped = ex.structures.groupby(["doc_id", "structure", "spelled_out"], sort=False).size()
        for (doc, structure, spelled), n in grouped.items():
            note = "" if spelled else "  (named, parts not spelled out)"
            lines.append(f"{doc:40} {structure:16} {n:>4}{note}")
    return lines


def report_problems(ex: Extraction) -> list[str]:
    """Everything the extractors could not read, with its text."""
    lines = [f"== Could not parse ({len(ex.problems)}) =="]
    for p in ex.problems:
        quote = display_text(p.quote)
        quote = quote if len(quote) <= 80 else quote[:77] + "…"
        lines.append(f"{p.doc_id} @{p.start}-{p.end}: {p.reason}" + (f" | {quote}" if quote else ""))
    flagged = ex.indicators[ex.indicators["flags"].str.contains("check failed|unparsed", na=False)]
    lines.append(f"== Indicator rows with a failed check ({len(flagged)}) ==")
    for row in flagged.itertuples():
        lines.append(f"{row.id}: {row.flags}")
    return lines


def report_timing(ex: Extraction) -> list[str]:
    """How long the extraction took."""
    return [f"== Parse time == {ex.seconds:.3f} s"]


def report_places(ex: Extraction) -> list[str]:
    """The places the documents name and how well each is located."""
    gazetteer = default_gazetteer()
    named = mentioned_places(gazetteer=gazetteer)
    lines = [f"== Places named in the documents == {len(named)} distinct gazetteer places"]
    for precision in PRECISIONS:
        lines.append(f"{precision:>12}: {int((named['precision'] == precision).sum())}")
    unlocated = named[named["precision"] == "unlocated"]
    lines.append(f"-- unlocated ({len(unlocated)}), most mentioned first --")
    for row in unlocated.sort_values("mentions", ascending=False).itertuples():
        note = gazetteer.get(row.id).note
        lines.append(f"  {row.name} ×{row.mentions}: {note[:90]}")
    lines.append(f"-- gazetteer: {len(gazetteer)} entries; "
                 + ", ".join(f"{p} {sum(e.precision == p for e in gazetteer)}" for p in PRECISIONS))
    return lines


def report_located_records(ex: Extraction) -> list[str]:
    """How precisely projects and structures could be placed on the map."""
    gazetteer = default_gazetteer()
    lines = ["== Records on the map =="]
    for kind, frame in (("projects", ex.projects), ("structures", ex.structures)):
        located = locate_records(frame, gazetteer=gazetteer, kind=kind)
        counts = located["precision"].value_counts()
        lines.append(f"{kind:>12}: " + ", ".join(f"{p} {int(counts.get(p, 0))}" for p in PRECISIONS))
    return lines


def report_sources(ex: Extraction) -> list[str]:
    """Located places per source, suggestions waiting for review, and the credits the data needs."""
    from geo.sources.credits import credits_for
    from geo.sources.suggestions import SuggestionStore

    gazetteer = default_gazetteer()
    located = [e for e in gazetteer if e.precision in DRAWN]
    families = {"GeoNames": ("geonames.org",), "OpenStreetMap": ("OpenStreetMap",),
                "metro list (metromancn)": ("metromancn",)}
    lines = ["== Located places per source =="]
    counted = 0
    for family, markers in families.items():
        n = sum(any(m in e.source for m in markers) for e in located)
        counted += n
        lines.append(f"{family:>24}: {n}")
    lines.append(f"{'other (pages, derivations)':>24}: {len(located) - counted}")
    store = SuggestionStore()
    waiting = store.waiting()
    by_source = {k: sum(r["source_key"] == k for r in waiting) for k in store.keys()}  # noqa: SIM118 (a SuggestionStore, not a dict)
    lines.append(f"== Suggestions waiting == {len(waiting)} ("
                 + ", ".join(f"{k} {n}" for k, n in by_source.items()) + ")")
    from geo.sources.public import metro_crosscheck

    moves = metro_crosscheck(gazetteer)
    if moves:
        far = [f"{gazetteer.get(i).name} {m:.0f} m" for i, m in moves if m > 100]
        lines.append(f"-- stations vs the pinned metro list: {len(moves)} compared, "
                     f"{len(far)} over 100 m" + (f" ({', '.join(far)})" if far else ""))
    credits = credits_for(e.source for e in located)
    lines.append("== Credits == " + ("; ".join(credits) if credits else "none needed"))
    return lines


def report_per_document(ex: Extraction) -> list[str]:
    """Per document: boxes found/read, items, tables and rows, structures and parts, time."""
    from layers.plans import read_plan_text
    from layers.projects import find_boxes
    from layers.sections import find_tables

    lines = ["== What was read, per document ==",
             f"{'document':40} {'boxes':>9} {'items':>6} {'tables':>9} {'rows':>5} "
             f"{'codes':>9} {'parts':>6} {'problems':>8} {'ms':>6}"]
    for doc in ex.doc_seconds or dict.fromkeys(ex.sections["doc_id"]):
        text = read_plan_text(doc)
        projects = ex.projects[ex.projects["doc_id"] == doc]
        indicators = ex.indicators[ex.indicators["doc_id"] == doc]
        structures = ex.structures[ex.structures["doc_id"] == doc]
        boxes = find_boxes(text)
        tables = find_tables(text)
        read_boxes = sum(1 for b in boxes if (projects["box"] == b.label).any())
        read_tables = sum(1 for t in tables if (projects["box"] == t.label).any()
                          or (indicators["table"] == t.label).any())
        table_rows = int(projects["box"].isin([t.label for t in tables]).sum()) + len(indicators)
        items = int(projects["box"].str.startswith("专栏").sum())
        codes = structures["structure"].nunique()
        spelled = structures[structures["spelled_out"].astype(bool)]["structure"].nunique()
        n_problems = sum(1 for p in ex.problems if p.doc_id == doc)
        ms = ex.doc_seconds.get(doc, float("nan")) * 1000
        lines.append(f"{doc:40} {f'{read_boxes}/{len(boxes)}':>9} {items:>6} "
                     f"{f'{read_tables}/{len(tables)}':>9} {table_rows:>5} "
                     f"{f'{spelled}/{codes}':>9} {int(structures['spelled_out'].astype(bool).sum()):>6} "
                     f"{n_problems:>8} {ms:>6.0f}")
    lines.append("(boxes, tables: read/found; codes: spelled out/named; parts: structure parts)")
    return lines


def report_unknown_names(ex: Extraction) -> list[str]:
    """Place-like names the documents use that the gazetteer does not know, with a mention each."""
    from layers.plans import read_plan_text
    from layers.unknown_places import gazetteer_names, unknown_names

    docs = list(ex.doc_seconds or dict.fromkeys(ex.sections["doc_id"]))
    found = unknown_names({d: read_plan_text(d) for d in docs}, gazetteer_names(default_gazetteer()))
    lines = [f"== Place names not in the gazetteer == {len(found)}"]
    for u in found:
        m = u.mentions[0]
        lines.append(f"  {u.name} ×{u.count} ({m['doc_id']} @{m['start']}): {m['quote'][:60]}")
    return lines


#: Printed in order; append a function here to add a section to the report.
REPORT_SECTIONS: list[ReportSection] = [
    report_documents, report_per_document, report_boxes, report_categories, report_problems,
    report_places, report_unknown_names, report_located_records, report_sources, report_timing,
]
