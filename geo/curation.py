"""Planners' corrections to the gazetteer, with a full history.

Two files under `data/gazetteer/curation/` (format in data/gazetteer/README.md):

- `entries.csv`: one row per curated place, the gazetteer's own columns,
  sorted by id; a row whose id is in the base gazetteer replaces that row
  when `geo.gazetteer.load_gazetteer` reads it. The base files are never
  rewritten.
- `history.jsonl`: one JSON object per change, appended, never rewritten.

Crash safety. History is the log and `entries.csv` follows from it: replaying
the history (a "set" or "import" puts its `after` row, an "undo" restores the
state before the change it undoes) gives exactly the rows of `entries.csv`.
A write holds an exclusive `flock` on `curation/.lock`, appends its history
line(s) in one `write` + `fsync`, then replaces `entries.csv` (temporary file,
`fsync`, `os.replace`, directory `fsync`). A crash before the history lines are
complete leaves the old state (a torn last line is ignored, and cut off by
the next writer); a crash after them leaves the history a step ahead of
`entries.csv`, which the next access of the store rolls forward under the
lock. So the files are always the old state or the new one. An `entries.csv`
that the history cannot explain (edited by hand) is reported, never overwritten.

Concurrency. Every read-check-write happens under the lock, and a change
names the revision the editor loaded (`expected_revision`); if the place
changed since, the second editor gets `ConflictError` and must reload.

Writing functions require an `Editor` from `geo.editors.authenticate`. They do
not rebuild the layers: callers run `layers.rebuild.rebuild_for_places`.
"""

from __future__ import annotations

import io
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal, overload

import shapely

from geo import _atomic, curation_io
from geo.boundaries import unit_geometry
from geo.curation_history import (  # noqa: F401 (ACTIONS, HISTORY_KEYS: part of this module's interface)
    ACTIONS, HISTORY_KEYS, Change, Replay, explained_by_a_prefix, read_entries, read_history, replay,
)
from geo.editors import Editor, require_editor
from geo.errors import ConflictError, CurationError, GazetteerFormatError, GeoError, UnknownEntryError
from geo.gazetteer import (
    COLUMNS, CURATION_ENTRIES, PRECISIONS, TYPES, Gazetteer, gazetteer_from_rows, load_gazetteer,
    overlay_rows, row_problem,
)
from geo.settings import GAZETTEER_DIR, NINGBO_ADCODE

_log = logging.getLogger(__name__)

#: Largest import accepted; a reviewed file of every place is far smaller.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
#: Revision token of a place nobody has changed.
BASE_REVISION = "base"
#: How far (degrees, ~2 km) outside 宁波市's land outline a geometry may reach:
#: ports, piers and sea bridges lie just off the land polygon.
NINGBO_TOLERANCE_DEG = 0.02
#: Columns that say where a place is; a change sets them all together.
GEOMETRY_COLUMNS = ("lon", "lat", "crs", "radius_m", "derive", "wkt")
#: Decimals kept in a digitized WKT: 1e-7° ≈ 1 cm, finer than any drawing.
WKT_DECIMALS = 7


@dataclass(frozen=True)
class Rejected:
    """An import row that was not applied: its CSV line number or 1-based feature number."""

    row: int
    place_id: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did: changes applied, rows rejected with why, ids already as in the file."""

    accepted: list[Change]
    rejected: list[Rejected]
    unchanged: list[str] = field(default_factory=list)


class CurationStore:
    """The curated entries and their history in one folder.

    Parameters
    ----------
    directory
        The curation folder (`entries.csv`, `history.jsonl`); created when missing.
    gazetteer_dir
        The base gazetteer the entries apply over.
    """

    def __init__(self, directory: Path = GAZETTEER_DIR / "curation", *, gazetteer_dir: Path = GAZETTEER_DIR) -> None:
        self.directory = Path(directory)
        self.gazetteer_dir = Path(gazetteer_dir)
        self.entries_path = self.directory / "entries.csv"
        self.history_path = self.directory / "history.jsonl"
        self._lock_path = self.directory / ".lock"

    # ------------------------------------------------------------------ reading

    def entry(self, place_id: str) -> dict[str, str]:
        """The effective row of a place (curated if any, else base); `UnknownEntryError` if unknown."""
        return self._effective(self._read(), place_id)

    def revision(self, place_id: str) -> str:
        """Opaque token of the place's state: its last change id, or `BASE_REVISION`."""
        last = self._read().last.get(place_id)
        return last.change_id if last is not None else BASE_REVISION

    def history(self, place_id: str | None = None) -> list[Change]:
        """Changes of one place (or all), newest first."""
        changes = self._read().changes
        return [c for c in reversed(changes) if place_id is None or c.place_id == place_id]

    def curated_ids(self) -> list[str]:
        """Ids with a row in `entries.csv`, sorted."""
        return sorted(self._read().curated)

    def gazetteer(self) -> Gazetteer:
        """The gazetteer with the curated rows applied, as the layers will see it."""
        return gazetteer_from_rows(self._rows_with(self._read().curated), label=str(self.directory))

    # ------------------------------------------------------------------ writing

    def save(
        self,
        editor: Editor,
        place_id: str,
        *,
        geometry: shapely.Geometry | None = None,
        same_as: str | None = None,
        precision: str,
        source: str,
        reason: str = "",
        expected_revision: str,
    ) -> Change:
        """Set where a place is; returns the recorded change.

        Parameters
        ----------
        editor
            From `geo.editors.authenticate`; anything else raises `PermissionDenied`.
        geometry
            A drawn or typed point, line or polygon in WGS84 (lon, lat), stored as
            `wkt` with method `digitized`.
        same_as
            Id of an existing located entry this place is (stored as `derive`
            `same:ID`, method `computed_members`).
        precision
            `exact`, `approximate`, `district` or `unlocated`. Exactly one of
            `geometry`/`same_as` is needed unless it is `district` or `unlocated`,
            which take neither.
        source
            Where the location comes from; required.
        reason
            Why; recorded in the history and appended to `note`.
        expected_revision
            `revision(place_id)` as the editor loaded it.

        Raises `CurationError` (invalid input, outside Ningbo, no source),
        `ConflictError` (changed since loaded), `PermissionDenied`.
        """
        editor = require_editor(editor)
        source, reason = _text(source), _text(reason)
        problem = text_problem({"source": source, "reason": reason, "same_as": same_as or ""})
        if problem:
            raise CurationError(problem)
        if not source:
            raise CurationError("A change needs a source: where the location comes from (a page, a map, a document)")
        if precision not in PRECISIONS:
            raise CurationError(f"Unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
        needs_shape = precision in ("exact", "approximate")
        given = (geometry is not None) + (same_as is not None and bool(same_as.strip()))
        if needs_shape and given != 1:
            raise CurationError(f"A place of precision {precision} needs exactly one of a geometry or 'same as' an entry")
        if not needs_shape and given:
            raise CurationError(f"A place of precision {precision} has no geometry of its own; leave it out")
        if geometry is not None:
            problem = geometry_problem(geometry)
            if problem:
                raise CurationError(problem)
        with _atomic.locked(self._lock_path):
            state = self._recovered()
            current = self._effective(state, place_id)
            self._check_revision(state, place_id, expected_revision)
            if same_as is not None:
                same_as = same_as.strip()
                self._check_same_as(state, place_id, same_as)
            after = dict(current)
            after.update({c: "" for c in GEOMETRY_COLUMNS})
            after["precision"], after["source"] = precision, source
            if geometry is not None:
                after["wkt"], after["method"] = to_wkt(geometry), "digitized"
            elif same_as is not None:
                after["derive"], after["method"] = f"same:{same_as}", "computed_members"
            else:
                after["method"] = "district_only" if precision == "district" else "none"
            if reason:
                after["note"] = _appended_note(current["note"], editor.name, reason)
            if {**after, "note": ""} == {**current, "note": ""}:
                raise CurationError(f"Nothing to save: {place_id} already has this location, precision and source")
            change = self._change(editor.name, place_id, "set", current, after, reason=reason, source=source)
            self._commit(state, [change])
        return change

    def undo(self, editor: Editor, change_id: str, *, reason: str = "", expected_revision: str) -> Change:
        """Restore what a change replaced, as a new change with action "undo".

        Only the latest change of a place can be undone (undo newer ones first);
        `expected_revision` is that place's revision as loaded.
        """
        editor = require_editor(editor)
        with _atomic.locked(self._lock_path):
            state = self._recovered()
            target = next((c for c in state.changes if c.change_id == change_id), None)
            if target is None:
                raise CurationError(f"No change {change_id!r} in {self.history_path.name}")
            place_id = target.place_id
            self._check_revision(state, place_id, expected_revision)
            if state.last[place_id].change_id != change_id:
                raise CurationError(
                    f"{change_id} is not the latest change of {place_id}; undo "
                    f"{state.last[place_id].change_id} first"
                )
            restored = state.prestate[change_id]
            before = self._effective(state, place_id, missing_ok=True)
            after = dict(restored) if isinstance(restored, dict) else self._base_rows().get(place_id)
            after = {c: after[c] for c in COLUMNS} if after is not None else None
            change = self._change(
                editor.name, place_id, "undo", before, after,
                reason=_text(reason), source=f"undo of {change_id}", undoes=change_id,
            )
            self._commit(state, [change])
        return change

    def import_file(self, editor: Editor, data: bytes, *, filename: str) -> ImportReport:
        """Validate a reviewed GeoJSON or CSV export and apply its good rows.

        Every row is checked (WGS84 only, valid geometry inside Ningbo, known
        type and precision, known id or a proper id prefix, a source, not
        changed since export); good rows become changes with action "import",
        the others are reported with the reason. A file that cannot be read at
        all (not UTF-8, not JSON, a declared CRS other than WGS84, too large)
        raises `CurationError` and changes nothing.
        """
        editor = require_editor(editor)
        if len(data) > MAX_IMPORT_BYTES:
            raise CurationError(f"{filename} is {len(data) / 1e6:.1f} MB; imports are limited to {MAX_IMPORT_BYTES / 1e6:.0f} MB")
        rows = curation_io.parse_import(data, filename=filename)
        with _atomic.locked(self._lock_path):
            state = self._recovered()
            plan = _ImportPlan(self, state, editor.name, filename)
            for row in rows:
                plan.consider(row)
            changes = plan.settle()
            if changes:
                self._commit(state, changes, checked=True)
        return ImportReport(accepted=changes, rejected=sorted(plan.rejected, key=lambda r: r.row), unchanged=plan.unchanged)

    # ------------------------------------------------------------------ export

    def export_geojson(self, path_or_buffer: Path | str | IO[Any] | None = None) -> bytes:
        """The curated entries as a GeoJSON FeatureCollection (CRS84); written to the target if given."""
        state = self._read()
        gazetteer = gazetteer_from_rows(self._rows_with(state.curated), label=str(self.directory))
        data = curation_io.geojson_bytes(self._export_rows(state), gazetteer)
        return _write(path_or_buffer, data)

    def export_csv(self, path_or_buffer: Path | str | IO[Any] | None = None) -> bytes:
        """The curated entries as CSV: gazetteer columns plus the last change; written to the target if given."""
        return _write(path_or_buffer, curation_io.csv_bytes(self._export_rows(self._read())))

    # ------------------------------------------------------------------ internals

    def _export_rows(self, state: Replay) -> list[dict[str, str]]:
        out = []
        for place_id in sorted(state.curated):
            last = state.last[place_id]
            out.append({**state.curated[place_id], "revision": last.change_id, "changed_by": last.editor,
                        "changed_at": last.time, "reason": last.reason})
        return out

    def _read(self) -> Replay:
        """Both files under a shared lock; rolled forward first if a crash left history ahead."""
        with _atomic.locked(self._lock_path, shared=True):
            state, consistent = self._load()
        if consistent:
            return state
        with _atomic.locked(self._lock_path):
            return self._recovered()

    def _recovered(self) -> Replay:
        """State under the exclusive lock, with `entries.csv` rolled forward if needed."""
        state, consistent = self._load()
        if not consistent:
            self._write_entries(state.curated)
        for stale in self.directory.glob(".*.tmp"):
            stale.unlink(missing_ok=True)  # left by a writer that died; none is running now
        return state

    def _load(self) -> tuple[Replay, bool]:
        changes = read_history(self.history_path)
        state = replay(changes)
        actual = read_entries(self.entries_path)
        if actual == state.curated:
            return state, True
        # Only a crash between the history append and the entries replace is
        # repaired: some shorter history must explain the file exactly.
        if explained_by_a_prefix(changes, actual):
            return state, False
        differ = sorted(k for k in set(actual) | set(state.curated) if actual.get(k) != state.curated.get(k))
        raise CurationError(
            f"{self.entries_path} does not follow from {self.history_path.name} for {', '.join(differ[:10])}: "
            "it was edited outside the app. Restore it from git, or make the change in the app or by import"
        )

    def _commit(self, state: Replay, changes: list[Change], *, checked: bool = False) -> None:
        """Check the gazetteer still loads (unless `checked` under this lock), then append the history and replace the entries."""
        new_state = replay([*state.changes, *changes])
        try:
            if not checked:
                gazetteer_from_rows(self._rows_with(new_state.curated), label=str(self.directory))
        except GazetteerFormatError as exc:
            raise CurationError(f"This change would break the gazetteer: {_problems(exc)}") from None
        # The new entries are written first, so a full or read-only disk is found
        # before the history (which commits the change) is touched; a failed
        # history append is cut off again. Then the save either happened or not.
        try:
            tmp = _atomic.prepare(self.entries_path, curation_io.entries_bytes(new_state.curated))
        except OSError as exc:
            raise CurationError(f"Not saved: {_atomic.disk_problem(exc)}. Nothing was changed") from None
        try:
            _atomic.append_lines(self.history_path, "".join(c.to_json() + "\n" for c in changes).encode("utf-8"))
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise CurationError(f"Not saved: {_atomic.disk_problem(exc)}. Nothing was changed") from None
            raise
        try:
            _atomic.install(tmp, self.entries_path)
        except OSError:
            # The history holds the change, so it is saved: the next access
            # rolls `entries.csv` forward from the history under the lock.
            _log.warning("curation: entries.csv not replaced after a committed change; rolled forward on next read",
                         exc_info=True)

    def _write_entries(self, curated: dict[str, dict[str, str]]) -> None:
        _atomic.replace_atomically(self.entries_path, curation_io.entries_bytes(curated))

    def _rows_with(self, curated: dict[str, dict[str, str]]) -> list[dict[str, str]]:
        overrides = [
            {**curated[k], "file": str(CURATION_ENTRIES), "line": str(i + 2)} for i, k in enumerate(sorted(curated))
        ]
        return overlay_rows(list(self._base_rows().values()), overrides)

    def _base_rows(self) -> dict[str, dict[str, str]]:
        return _base_rows(self.gazetteer_dir, _mtimes(self.gazetteer_dir))

    @overload
    def _effective(self, state: Replay, place_id: str, *, missing_ok: Literal[False] = False) -> dict[str, str]: ...
    @overload
    def _effective(self, state: Replay, place_id: str, *, missing_ok: bool) -> dict[str, str] | None: ...
    def _effective(self, state: Replay, place_id: str, *, missing_ok: bool = False) -> dict[str, str] | None:
        row = state.curated.get(place_id)
        if row is None:
            base = self._base_rows().get(place_id)
            row = {c: base[c] for c in COLUMNS} if base is not None else None
        if row is None and not missing_ok:
            raise UnknownEntryError(f"No gazetteer place {place_id!r} (neither curated nor in {self.gazetteer_dir})")
        return dict(row) if row is not None else None

    def _check_revision(self, state: Replay, place_id: str, expected: str) -> None:
        last = state.last.get(place_id)
        current = last.change_id if last is not None else BASE_REVISION
        if expected != current:
            who = f" by {last.editor} at {last.time}" if last is not None else ""
            raise ConflictError(f"{place_id} was changed{who} since you loaded it; reload to see the change")

    def _check_same_as(self, state: Replay, place_id: str, same_as: str) -> None:
        if same_as == place_id:
            raise CurationError(f"{place_id} cannot be 'the same as' itself")
        target = self._effective(state, same_as, missing_ok=True)
        if target is None:
            raise CurationError(f"'Same as' names no gazetteer place {same_as!r}")
        if target["precision"] not in ("exact", "approximate"):
            raise CurationError(f"'Same as' {same_as} ({target['name']}) is {target['precision']}, not located")
        geometry = gazetteer_from_rows(self._rows_with(state.curated)).get(same_as).geometry
        problem = geometry_problem(geometry)
        if problem:
            raise CurationError(f"'Same as' {same_as} ({target['name']}): {problem}")

    def _change(self, editor: str, place_id: str, action: str, before: dict | None, after: dict | None,
                *, reason: str, source: str, undoes: str | None = None) -> Change:
        now = datetime.now(UTC)
        return Change(
            change_id=f"{now:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}",
            place_id=place_id, editor=editor, time=now.isoformat(timespec="seconds"), action=action,
            before=before, after=after, reason=reason, source=source, undoes=undoes,
        )


class _ImportPlan:
    """The rows of one import, checked one by one against the store and each other."""

    def __init__(self, store: CurationStore, state: Replay, editor: str, filename: str) -> None:
        self.store, self.state, self.editor, self.filename = store, state, editor, filename
        self.rejected: list[Rejected] = []
        self.unchanged: list[str] = []
        self.pending: list[tuple[int, Change]] = []
        self.seen: dict[str, int] = {}
        self.gazetteer = gazetteer_from_rows(store._rows_with(state.curated))
        self._tried: dict[tuple[str, ...], Any] = {}

    def consider(self, row: curation_io.ImportRow) -> None:
        place_id = row.values.get("id", "")
        if row.error:
            self.rejected.append(Rejected(row.number, place_id, row.error))
            return
        try:
            change = self._change_for(row)
        except (GeoError, ValueError, shapely.errors.ShapelyError) as exc:
            self.rejected.append(Rejected(row.number, place_id, str(exc)))
            return
        if change is None:
            self.unchanged.append(place_id)
        else:
            self.pending.append((row.number, change))

    def settle(self) -> list[Change]:
        """The pending changes that keep the gazetteer loadable and every located place inside 宁波市.

        All rows are tried at once; only when that fails are they added one
        by one, so the row to blame is the one reported.
        """
        pending = self.pending
        while True:
            kept = pending if self._loads([c for _, c in pending]) is None else self._loadable(pending)
            gazetteer = self._loads([c for _, c in kept], keep=True)
            outside = []
            for number, change in kept:
                if change.after is None or change.after["precision"] not in ("exact", "approximate"):
                    continue
                problem = geometry_problem(gazetteer.get(change.place_id).geometry)
                if problem:
                    outside.append(number)
                    self.rejected.append(Rejected(number, change.place_id, problem))
            if not outside:
                return [c for _, c in kept]
            pending = [(n, c) for n, c in kept if n not in outside]

    def _loadable(self, pending: list[tuple[int, Change]],
                  kept: tuple[tuple[int, Change], ...] = ()) -> list[tuple[int, Change]]:
        """The rows that load, as if added one by one, found by halving.

        A half that loads with what is kept so far is kept whole; one that does
        not is split again, so one bad row among n costs about 2·log2(n) gazetteer
        loads instead of n (the lock is held meanwhile).
        """
        if not pending:
            return []
        problem = self._loads([c for _, c in (*kept, *pending)])
        if problem is None:
            return list(pending)
        # The loader names the rows it failed on: try without those first.
        suspects = [(n, c) for n, c in pending if f"({c.place_id})" in problem]
        if suspects and len(suspects) < len(pending):
            rest = [(n, c) for n, c in pending if (n, c) not in suspects]
            if self._loads([c for _, c in (*kept, *rest)]) is None:
                return rest + self._loadable(suspects, (*kept, *rest)) if len(suspects) > 1 else \
                    rest + self._one(suspects[0], (*kept, *rest))
        if len(pending) == 1:
            number, change = pending[0]
            problem = self._loads([c for _, c in (*kept, *pending)])
            self.rejected.append(Rejected(number, change.place_id, f"would break the gazetteer: {problem}"))
            return []
        middle = len(pending) // 2
        left = self._loadable(pending[:middle], kept)
        return left + self._loadable(pending[middle:], (*kept, *left))

    def _one(self, item: tuple[int, Change], kept: tuple[tuple[int, Change], ...]) -> list[tuple[int, Change]]:
        """The row kept if it loads on top of `kept`, else rejected with the loader's reason."""
        problem = self._loads([c for _, c in (*kept, item)])
        if problem is None:
            return [item]
        self.rejected.append(Rejected(item[0], item[1].place_id, f"would break the gazetteer: {problem}"))
        return []

    def _loads(self, changes: list[Change], *, keep: bool = False) -> Any:
        """None (or the gazetteer, with `keep`) when the changes load; else the loader's complaint.

        Remembered per set of changes: `settle` asks about the same set more than once.
        """
        key = tuple(c.change_id for c in changes)
        if key not in self._tried:
            try:
                self._tried[key] = gazetteer_from_rows(
                    self.store._rows_with(replay([*self.state.changes, *changes]).curated))
            except GazetteerFormatError as exc:
                self._tried[key] = _problems(exc)
        result = self._tried[key]
        if isinstance(result, str):
            return result
        return result if keep else None

    def _change_for(self, row: curation_io.ImportRow) -> Change | None:
        values = row.values
        place_id = values.get("id", "")
        if not place_id:
            raise CurationError("row has no id")
        if place_id in self.seen:
            raise CurationError(f"id {place_id} already given in row {self.seen[place_id]}")
        self.seen[place_id] = row.number
        current = self.store._effective(self.state, place_id, missing_ok=True)
        revision = values.get("revision", "")
        last = self.state.last.get(place_id)
        if revision and revision != (last.change_id if last else BASE_REVISION):
            who = f" by {last.editor} at {last.time}" if last else ""
            raise ConflictError(f"changed{who} since this file was exported; export again and redo the review")
        entry_geometry = None
        if current is not None and place_id in self.gazetteer:
            entry_geometry = self.gazetteer.get(place_id).geometry
        candidate = curation_io.candidate_row(row, current, entry_geometry)
        problem = text_problem(candidate)
        if problem:
            raise CurationError(problem)
        problem = row_problem(candidate, curated=True)
        if problem:
            raise CurationError(problem)
        if candidate["type"] not in TYPES:
            raise CurationError(f"unknown type {candidate['type']!r}")
        if not candidate["source"]:
            raise CurationError("source is empty: say where the location comes from")
        if current is None and not candidate["name"]:
            raise CurationError("a new place needs a name")
        if row.geometry is not None or candidate["wkt"]:
            shape = row.geometry if row.geometry is not None else _wkt(candidate["wkt"])
            problem = geometry_problem(shape)
            if problem:
                raise CurationError(problem)
        if current is not None and candidate == current:
            return None
        reason = _text(values.get("reason", "")) or f"import of {self.filename}"
        return self.store._change(self.editor, place_id, "import", current, candidate,
                                  reason=reason, source=candidate["source"])


#: Markup a place name never needs, and that a page could read as HTML or Markdown:
#: a tag, an entity, a Markdown link or image, a code span.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&#?\w+;|\]\(|`")


def text_problem(values: dict[str, str]) -> str | None:
    """Why the text of a row cannot be stored (a control character anywhere, markup in a name), or None.

    A control character (NUL included) would make git treat `entries.csv` as
    binary and shows as nothing; names are shown on every map and page.
    """
    for column, value in values.items():
        bad = next((ch for ch in str(value or "") if unicodedata.category(ch) == "Cc"), None)
        if bad is not None:
            return f"{column} contains the control character U+{ord(bad):04X}; remove it"
    name = str(values.get("name") or "")
    if _MARKUP.search(name):
        return f"name {name!r} contains markup (<…>, &…;, ](, `); a place name is plain text"
    return None


def geometry_problem(geometry: object) -> str | None:
    """Why a geometry cannot be stored (not a shape, empty, invalid, outside 宁波市), or None."""
    if not isinstance(geometry, shapely.Geometry):
        return f"not a geometry: {type(geometry).__name__}"
    if geometry.is_empty:
        return "the geometry is empty"
    if geometry.geom_type not in ("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"):
        return f"a {geometry.geom_type} cannot be stored; draw a point, line or polygon"
    if not geometry.is_valid:
        return f"the geometry is not valid: {shapely.is_valid_reason(geometry)}"
    minx, miny, maxx, maxy = geometry.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        return "coordinates are not longitude/latitude in degrees (WGS84, longitude first)"
    if not _ningbo_area().covers(geometry):
        return (f"the geometry is not inside 宁波市 (lon {minx:.4f}…{maxx:.4f}, lat {miny:.4f}…{maxy:.4f}); "
                "check that longitude comes first and the datum is WGS84")
    return None


def _wkt(text: str) -> shapely.Geometry:
    try:
        return shapely.from_wkt(text)
    except shapely.errors.ShapelyError as exc:
        raise CurationError(f"wkt does not parse: {exc}") from None


def to_wkt(geometry: shapely.Geometry) -> str:
    """WKT of a WGS84 geometry as stored in the gazetteer (longitude first, 7 decimals)."""
    return shapely.to_wkt(geometry, rounding_precision=WKT_DECIMALS, trim=True)


@lru_cache(maxsize=1)
def _ningbo_area() -> shapely.Geometry:
    area = unit_geometry(NINGBO_ADCODE).buffer(NINGBO_TOLERANCE_DEG)
    shapely.prepare(area)
    return area


@lru_cache(maxsize=4)
def _base_rows(directory: Path, mtimes: tuple) -> dict[str, dict[str, str]]:
    """Base rows by id, read again whenever a base file changes (the key holds their mtimes)."""
    return {row["id"]: row for row in load_gazetteer(directory, curated=False).rows()}


def _mtimes(directory: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.csv")))


def _problems(exc: GazetteerFormatError) -> str:
    """The loader's list of problems without its heading (which names a folder, not the change)."""
    lines = str(exc).splitlines()
    return "; ".join(line.strip() for line in lines[1:]) or str(exc)


def _appended_note(note: str, editor: str, reason: str) -> str:
    day = datetime.now(UTC).date().isoformat()
    return "; ".join(part for part in (note, f"curated by {editor} on {day}: {reason}") if part)


def _text(value: object) -> str:
    """Free text as stored: stripped, one line (a CSV field stays on one line and diffs cleanly)."""
    return " ".join(str(value or "").split())


def _write(target: Path | str | IO[Any] | None, data: bytes) -> bytes:
    if target is None:
        return data
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    elif isinstance(target, io.TextIOBase):
        target.write(data.decode("utf-8"))
    else:
        target.write(data)
    return data


