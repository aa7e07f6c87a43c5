"""The curation store: planners' corrections to the gazetteer, with a full history.

Two files under `data/gazetteer/curation/` (format in data/gazetteer/README.md):

- `entries.csv`: one row per curated place, the gazetteer's own columns,
  sorted by id; a row whose id is in the base gazetteer replaces that row
  when `geo.gazetteer.load_gazetteer` reads it. The base files are never
  rewritten.
- `history.jsonl`: one JSON object per change, appended, never rewritten.

Crash safety. History is the log and `entries.csv` follows from it: replaying
the history (a "set" or "import" puts its `after` row, an "undo" restores the
state before the change it undoes) gives exactly the rows of `entries.csv`.
A write holds an exclusive `flock` on `curation/.lock` (`geo.access.files`),
appends its history line(s) in one `write` + `fsync`, then replaces
`entries.csv` (temporary file, `fsync`, `os.replace`, directory `fsync`). A crash before the history lines are
complete leaves the old state (a torn last line is ignored, and cut off by
the next writer); a crash after them leaves the history a step ahead of
`entries.csv`, which the next access of the store rolls forward under the
lock. So the files are always the old state or the new one. An `entries.csv`
that the history cannot explain (edited by hand) is reported, never overwritten.

Concurrency. Every read-check-write happens under the lock, and a change
names the revision the editor loaded (`expected_revision`); if the place
changed since, the second editor gets `ConflictError` and must reload.

Writing functions require an `Editor` from `geo.access.editors.authenticate`.
They do not rebuild the layers: callers run `layers.rebuild.rebuild_for_places`.
What a row may hold is `geo.curation.checks`; reading a reviewed file and
checking its rows is `geo.curation.imports`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Literal, overload

import shapely

from geo.access import files
from geo.access.editors import Editor, require_editor
from geo.curation.checks import gazetteer_problems, geometry_problem, one_line, text_problem, to_wkt
from geo.curation.formats import csv_bytes, entries_bytes, geojson_bytes, parse_import
from geo.curation.history import (
    BASE_REVISION,
    Change,
    Replay,
    explained_by_a_prefix,
    read_entries,
    read_history,
    replay,
)
from geo.curation.imports import MAX_IMPORT_BYTES, ImportPlan, ImportReport
from geo.errors import ConflictError, CurationError, GazetteerFormatError, NotWritableError, UnknownEntryError
from geo.gazetteer import (
    COLUMNS,
    CURATION_ENTRIES,
    PRECISIONS,
    Gazetteer,
    gazetteer_from_rows,
    load_gazetteer,
    overlay_rows,
)
from geo.precision import DRAWN
from geo.settings import GAZETTEER_DIR

_log = logging.getLogger(__name__)

#: Columns that say where a place is; a change sets them all together.
GEOMETRY_COLUMNS = ("lon", "lat", "crs", "radius_m", "derive", "wkt")


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
            From `geo.access.editors.authenticate`; anything else raises `PermissionDenied`.
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
        source, reason = one_line(source), one_line(reason)
        problem = text_problem({"source": source, "reason": reason, "same_as": same_as or ""})
        if problem:
            raise CurationError(problem)
        if not source:
            raise CurationError("A change needs a source: where the location comes from (a page, a map, a document)")
        if precision not in PRECISIONS:
            raise CurationError(f"Unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
        needs_shape = precision in DRAWN
        given = (geometry is not None) + (same_as is not None and bool(same_as.strip()))
        if needs_shape and given != 1:
            raise CurationError(f"A place of precision {precision} needs exactly one of a geometry or 'same as' an entry")
        if not needs_shape and given:
            raise CurationError(f"A place of precision {precision} has no geometry of its own; leave it out")
        if geometry is not None:
            problem = geometry_problem(geometry)
            if problem:
                raise CurationError(problem)
        with self._writing():
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
        with self._writing():
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
                reason=one_line(reason), source=f"undo of {change_id}", undoes=change_id,
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
        rows = parse_import(data, filename=filename)
        with self._writing():
            state = self._recovered()
            plan = ImportPlan(self, state, editor.name, filename)
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
        data = geojson_bytes(self._export_rows(state), gazetteer)
        return _write(path_or_buffer, data)

    def export_csv(self, path_or_buffer: Path | str | IO[Any] | None = None) -> bytes:
        """The curated entries as CSV: gazetteer columns plus the last change; written to the target if given."""
        return _write(path_or_buffer, csv_bytes(self._export_rows(self._read())))

    # ------------------------------------------------------------------ internals

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """The exclusive lock of the curation folder; a folder that cannot be written is a refused change.

        A lock not got in time raises `LockTimeout` (a `TimeoutError`), as for
        any other writer of a data folder; only the folder being unwritable is
        this store's own `CurationError` ("Not saved: …").
        """
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(files.locked(self._lock_path))
            except NotWritableError as exc:
                raise CurationError(str(exc)) from None
            yield

    def _export_rows(self, state: Replay) -> list[dict[str, str]]:
        out = []
        for place_id in sorted(state.curated):
            last = state.last[place_id]
            out.append({**state.curated[place_id], "revision": last.change_id, "changed_by": last.editor,
                        "changed_at": last.time, "reason": last.reason})
        return out

    def _read(self) -> Replay:
        """Both files under a shared lock; rolled forward first if a crash left history ahead."""
        with files.locked(self._lock_path, shared=True):
            state, consistent = self._load()
        if consistent:
            return state
        with self._writing():
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
            raise CurationError(f"This change would break the gazetteer: {gazetteer_problems(exc)}") from None
        # The new entries are written first, so a full or read-only disk is found
        # before the history (which commits the change) is touched; a failed
        # history append is cut off again. Then the save either happened or not.
        try:
            tmp = files.prepare(self.entries_path, entries_bytes(new_state.curated))
        except OSError as exc:
            raise CurationError(f"Not saved: {files.disk_problem(exc)}. Nothing was changed") from None
        try:
            files.append_lines(self.history_path, "".join(c.to_json() + "\n" for c in changes).encode("utf-8"))
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise CurationError(f"Not saved: {files.disk_problem(exc)}. Nothing was changed") from None
            raise
        try:
            files.install(tmp, self.entries_path)
        except OSError:
            # The history holds the change, so it is saved: the next access
            # rolls `entries.csv` forward from the history under the lock.
            _log.warning("curation: entries.csv not replaced after a committed change; rolled forward on next read",
                         exc_info=True)

    def _write_entries(self, curated: dict[str, dict[str, str]]) -> None:
        files.replace_atomically(self.entries_path, entries_bytes(curated))

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
        if target["precision"] not in DRAWN:
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


@lru_cache(maxsize=4)
def _base_rows(directory: Path, mtimes: tuple) -> dict[str, dict[str, str]]:
    """Base rows by id, read again whenever a base file changes (the key holds their mtimes)."""
    return {row["id"]: row for row in load_gazetteer(directory, curated=False).rows()}


def _mtimes(directory: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.csv")))


def _appended_note(note: str, editor: str, reason: str) -> str:
    day = datetime.now(UTC).date().isoformat()
    return "; ".join(part for part in (note, f"curated by {editor} on {day}: {reason}") if part)


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



