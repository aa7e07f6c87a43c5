"""Add, replace or remove a plan: its text under `data/plans/`, its catalog row, the layers.

`python -m layers add FILE --district 330205|江北区 [--title …] [--kind …] [--date …] [--publisher …]`,
`python -m layers replace DOC_ID FILE`, `python -m layers remove DOC_ID`; the
app's page 规划文件 calls the same functions.

A change happens whole or not at all. The document is read and checked first
(`layers.documents`: size, format, encoding, text layer) and the district
resolved (`geo.boundaries.resolve_county`), before anything is written. Then,
holding the catalog's lock, the text and the catalog are replaced atomically,
every layer is built into a staging store, the tours are checked against it
(a tour citing a removed record would break), and only then is the staging
store moved over the real one. Any failure on the way puts the previous text
and catalog back and leaves the store as it was.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import secrets
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from geo.access import files
from geo.boundaries import County, resolve_county
from geo.errors import GeoError
from geo.settings import GAZETTEER_DIR
from layers.documents import Document, read_document, read_document_bytes
from layers.errors import CatalogEditError, LayersError
from layers.plans import Plan, catalog_csv, load_catalog, read_plan_text
from layers.settings import CATALOG_CSV, LAYERS_GPKG, PLANS_DIR

#: A kind is a short slug (five-year-plan, government-work-report …), also part of the id.
_KIND_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
_DATE_RE = re.compile(r"^(?:\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2})$")
#: Longest title taken from the document's first line when none is given.
_MAX_TITLE = 80
#: A full build takes about a second; a second writer waits for the first.
_LOCK_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class CatalogChange:
    """What one add, replace or remove did."""

    #: "added", "replaced" or "removed".
    action: str
    plan: Plan
    #: Rows per table of the rebuilt store.
    tables: dict[str, int]
    #: This plan's records per kind (projects, structures, indicators, sections, problems); empty after a remove.
    records: dict[str, int]
    #: Things the user should know, by code: "traditional_kept", "no_records".
    warnings: dict[str, str]
    seconds: float

    def summary(self) -> str:
        """One line for the command line or a page."""
        counts = ", ".join(f"{n} {kind}" for kind, n in self.records.items())
        what = f"{self.action} {self.plan.id} ({self.plan.district}, {self.plan.title})"
        return f"{what}: {counts or 'no records'}; layers rebuilt in {self.seconds:.1f} s"


def add_plan(
    source: Path | bytes,
    *,
    district: str,
    name: str | None = None,
    title: str = "",
    kind: str = "plan",
    date: str = "",
    publisher: str = "",
    note: str = "",
    to_simplified: bool = False,
    store: Path = LAYERS_GPKG,
    gazetteer_dir: Path = GAZETTEER_DIR,
) -> CatalogChange:
    """Add a document to the catalog and rebuild the layers.

    Parameters
    ----------
    source
        A file path, or the bytes of an upload (then `name` gives its file name and format).
    district
        Adcode (330203) or name (海曙区, 宁波市海曙区) of a county-level unit.
    kind
        Short slug of the document kind (five-year-plan, government-work-report, plan …).
    date
        YYYY, YYYY-MM or YYYY-MM-DD, or empty when the document does not say.
    to_simplified
        Big5 (traditional) text is kept as written unless this is set; then it
        is converted to simplified characters with OpenCC, and the catalog note says so.

    Raises
    ------
    DocumentError, CatalogEditError, UnknownDistrictError
        Nothing was changed.
    """
    document, file_name = _read(source, name)
    county = resolve_county(district)
    kind = _checked_kind(kind)
    date = _checked_date(date)
    text, warnings, how = _prepared(document, to_simplified=to_simplified)
    plans = load_catalog()
    _refuse_duplicate(text, plans)
    plan = Plan(
        id=_new_id(county, kind, text, plans), title=_title(title, text), district=_district_name(county),
        adcode=county.adcode, kind=kind, date=date, publisher=publisher.strip(), original_file=file_name,
        note=_joined(note, how),
    )
    return _apply("added", plan, plans, [*plans, plan], text=text, warnings=warnings, store=store,
                  gazetteer_dir=gazetteer_dir)


def replace_plan(
    doc_id: str,
    source: Path | bytes,
    *,
    name: str | None = None,
    to_simplified: bool = False,
    store: Path = LAYERS_GPKG,
    gazetteer_dir: Path = GAZETTEER_DIR,
) -> CatalogChange:
    """Replace a plan's text by a new version of the document, keeping its id and catalog details.

    Records are made again from the new text; a tour citing a record the new
    text no longer has makes the replacement fail, and nothing changes.
    """
    plans = load_catalog()
    old = _find(doc_id, plans)
    document, file_name = _read(source, name)
    text, warnings, how = _prepared(document, to_simplified=to_simplified)
    _refuse_duplicate(text, [p for p in plans if p.id != doc_id])
    if text == read_plan_text(doc_id):
        raise CatalogEditError(f"{file_name}: the text is the same as {doc_id}'s; nothing to replace", code="same_text")
    plan = replace(old, original_file=file_name, note=_joined(_without_reading_note(old.note), how))
    return _apply("replaced", plan, plans, [plan if p.id == doc_id else p for p in plans], text=text,
                  warnings=warnings, store=store, gazetteer_dir=gazetteer_dir)


def remove_plan(doc_id: str, *, store: Path = LAYERS_GPKG, gazetteer_dir: Path = GAZETTEER_DIR) -> CatalogChange:
    """Remove a plan's catalog row and text and rebuild the layers.

    Refused when a tour cites one of its records (the message names the tour):
    edit the tour first.
    """
    plans = load_catalog()
    plan = _find(doc_id, plans)
    if len(plans) == 1:
        raise CatalogEditError(f"{doc_id} is the only plan in the catalog; add another before removing it",
                               code="only_plan")
    return _apply("removed", plan, plans, [p for p in plans if p.id != doc_id], text=None, warnings={},
                  store=store, gazetteer_dir=gazetteer_dir)


# --- the one place that writes -------------------------------------------------------------


def _apply(action: str, plan: Plan, before: tuple[Plan, ...], plans: list[Plan], *, text: str | None,
           warnings: dict[str, str], store: Path, gazetteer_dir: Path) -> CatalogChange:
    """Write `plans` as the catalog (and `text` as the plan's), rebuild, check tours, swap; or undo all."""
    from layers.build import build  # imported here: reading a document needs no geopandas

    started = time.perf_counter()
    text_path = PLANS_DIR / f"{plan.id}.txt"
    with files.locked(PLANS_DIR / ".catalog.lock", timeout_s=_LOCK_TIMEOUT_S):
        if load_catalog() != before:
            raise CatalogEditError("the catalog changed while this change was prepared; try again", code="busy")
        _clean_stale_staging(store)
        old_catalog = CATALOG_CSV.read_bytes()
        old_text = text_path.read_bytes() if text_path.exists() else None
        staging = store.with_name(f".{store.name}.{os.getpid()}.{secrets.token_hex(4)}.staging.gpkg")
        try:
            if text is not None:
                files.replace_atomically(text_path, text.encode("utf-8"))
            files.replace_atomically(CATALOG_CSV, catalog_csv(plans))
            # The store's lock (the one `layers.rebuild` takes after a curation save) is held
            # from the build to the swap, so a place saved meanwhile is not lost from the store.
            with files.locked(store.with_name(f".{store.name}.lock"), timeout_s=_LOCK_TIMEOUT_S):
                tables = build(path=staging, gazetteer_dir=gazetteer_dir)
                _check_tours(staging)
                os.replace(staging, store)
        except BaseException:
            files.replace_atomically(CATALOG_CSV, old_catalog)
            if old_text is None:
                text_path.unlink(missing_ok=True)
            elif text is not None:
                files.replace_atomically(text_path, old_text)
            raise
        finally:
            staging.unlink(missing_ok=True)
            staging.with_suffix(".building.gpkg").unlink(missing_ok=True)
        if action == "removed":
            text_path.unlink(missing_ok=True)
    records = {} if action == "removed" else _record_counts(plan.id, store)
    if action != "removed" and not any(records.get(k) for k in ("projects", "structures", "indicators")):
        warnings = {**warnings, "no_records": "no projects, structures or indicators were found in this text; "
                                              "see `python -m layers report` for what was read"}
    return CatalogChange(action, plan, tables, records, warnings, time.perf_counter() - started)


def _clean_stale_staging(store: Path) -> None:
    """Remove staging stores left by a writer that was killed (its process is gone)."""
    for path in store.parent.glob(f".{store.name}.*.staging*.gpkg"):
        pid = path.name.removeprefix(f".{store.name}.").split(".")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            path.unlink(missing_ok=True)


def _check_tours(store: Path) -> None:
    from layers.tours import TOURS_DIR, TourError, load_tour_file

    for path in sorted(TOURS_DIR.glob("*.yaml")):
        try:
            load_tour_file(path, store=store)
        except TourError as exc:
            raise CatalogEditError(f"the tour {path.stem} would break: {exc}. Edit the tour first",
                                   code="tour") from exc


def _record_counts(doc_id: str, store: Path) -> dict[str, int]:
    from layers.store import read_layer

    counts = {}
    for kind in ("projects", "structures", "indicators", "sections", "problems"):
        frame = read_layer(kind, path=store)
        counts[kind] = int((frame["doc_id"] == doc_id).sum())
    return counts


# --- checks before anything is written -----------------------------------------------------


def _read(source: Path | bytes, name: str | None) -> tuple[Document, str]:
    if isinstance(source, bytes | bytearray):
        file_name = Path(name or "upload.txt").name
        return read_document_bytes(bytes(source), name=file_name), file_name
    path = Path(source)
    if not path.is_file():
        raise CatalogEditError(f"{path}: no such file", code="no_file")
    return read_document(path), path.name


def _prepared(document: Document, *, to_simplified: bool) -> tuple[str, dict[str, str], str]:
    """The text to store, warnings, and how it was read (for the catalog note)."""
    how = f"read from {document.format}" + (f" ({document.encoding})" if document.encoding else "")
    if not document.is_traditional:
        return document.text, {}, how
    if to_simplified:
        import opencc

        return (opencc.OpenCC("t2s").convert(document.text), {},
                f"{how}; traditional characters converted to simplified with OpenCC t2s")
    return document.text, {"traditional_kept": "the text is Big5 (traditional characters) and is kept as written; "
                                               "the extraction rules read simplified text, so few records may be "
                                               "found (add it with --to-simplified to convert it)"}, \
        f"{how}; traditional characters kept"


def _refuse_duplicate(text: str, plans: list[Plan] | tuple[Plan, ...]) -> None:
    digest = _digest(text)
    for plan in plans:
        if plan.path.exists() and _digest(read_plan_text(plan.id)) == digest:
            raise CatalogEditError(f"this text is already in the catalog as {plan.id} ({plan.title})", code="duplicate")


def _find(doc_id: str, plans: tuple[Plan, ...]) -> Plan:
    for plan in plans:
        if plan.id == doc_id:
            return plan
    known = ", ".join(p.id for p in plans)
    raise CatalogEditError(f"No plan {doc_id!r} in the catalog; known: {known}", code="unknown_plan")


def _new_id(county: County, kind: str, text: str, plans: tuple[Plan, ...]) -> str:
    base = f"{county.adcode}-{kind}-{_digest(text)[:8]}"
    taken = {p.id for p in plans}
    return base if base not in taken else f"{base}-{len(taken)}"


def _title(title: str, text: str) -> str:
    title = " ".join(title.split())
    if title:
        return title
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= _MAX_TITLE else first[: _MAX_TITLE - 1] + "…"


def _district_name(county: County) -> str:
    return county.name if county.city == county.name else f"{county.city}{county.name}"


def _checked_kind(kind: str) -> str:
    kind = kind.strip() or "plan"
    if not _KIND_RE.match(kind):
        raise CatalogEditError(f"kind {kind!r}: use a short slug of lower-case letters, digits and '-' "
                               "(five-year-plan, government-work-report, plan)", code="kind")
    return kind


def _checked_date(date: str) -> str:
    date = date.strip()
    if date and not _DATE_RE.match(date):
        raise CatalogEditError(f"date {date!r}: write YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty", code="date")
    return date


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _joined(*parts: str) -> str:
    return "; ".join(p.strip() for p in parts if p and p.strip())


def _without_reading_note(note: str) -> str:
    return "; ".join(p for p in note.split("; ") if not p.startswith(("read from", "traditional characters")))


# --- command line ----------------------------------------------------------------------------


def add_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers add", description="Add a plan document to the catalog.")
    parser.add_argument("file", type=Path, help=".txt (UTF-8, GB18030, UTF-16, Big5), .docx, .pdf or .html")
    parser.add_argument("--district", required=True, help="adcode or name of a county-level unit (330205, 江北区)")
    parser.add_argument("--title", default="", help="the document's title (default: its first line)")
    parser.add_argument("--kind", default="plan", help="five-year-plan, government-work-report, plan …")
    parser.add_argument("--date", default="", help="YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--publisher", default="")
    parser.add_argument("--note", default="")
    parser.add_argument("--to-simplified", action="store_true", help="convert Big5 traditional text to simplified")
    args = parser.parse_args(argv)
    return _run(lambda: add_plan(args.file, district=args.district, title=args.title, kind=args.kind,
                                 date=args.date, publisher=args.publisher, note=args.note,
                                 to_simplified=args.to_simplified))


def replace_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers replace", description="Replace a plan's text.")
    parser.add_argument("doc_id")
    parser.add_argument("file", type=Path)
    parser.add_argument("--to-simplified", action="store_true", help="convert Big5 traditional text to simplified")
    args = parser.parse_args(argv)
    return _run(lambda: replace_plan(args.doc_id, args.file, to_simplified=args.to_simplified))


def remove_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layers remove", description="Remove a plan from the catalog.")
    parser.add_argument("doc_id")
    args = parser.parse_args(argv)
    return _run(lambda: remove_plan(args.doc_id))


def _run(change) -> int:  # noqa: ANN001 - a zero-argument callable returning CatalogChange
    try:
        result = change()
    except (LayersError, GeoError, OSError) as exc:
        print(f"error: {exc}\nnothing was changed", file=sys.stderr)
        return 1
    print(result.summary())
    for warning in result.warnings.values():
        print(f"warning: {warning}", file=sys.stderr)
    return 0
