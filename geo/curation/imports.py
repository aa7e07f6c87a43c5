"""Importing a reviewed GeoJSON or CSV export: every row checked, the good ones applied, the rest reported.

`CurationStore.import_file` reads the file (`geo.curation.formats.parse_import`)
and hands the rows to an `ImportPlan` under the store's lock. The plan checks
each row on its own (`geo.curation.checks`, the gazetteer's row rules, the
revision it was exported at), then all together: the rows kept must leave a
gazetteer that loads and every located place inside 宁波市; when they do not,
halving finds the row to blame in a few loads instead of one per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shapely

from geo.curation.checks import gazetteer_problems, geometry_problem, one_line, text_problem, wkt_geometry
from geo.curation.formats import ImportRow, candidate_row
from geo.curation.history import BASE_REVISION, Change, Replay, replay
from geo.errors import ConflictError, CurationError, GazetteerFormatError, GeoError
from geo.gazetteer import TYPES, gazetteer_from_rows, row_problem
from geo.precision import DRAWN

if TYPE_CHECKING:
    from geo.curation.store import CurationStore

#: Largest import accepted; a reviewed file of every place is far smaller.
MAX_IMPORT_BYTES = 5 * 1024 * 1024


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


class ImportPlan:
    """The rows of one import, checked one by one against the store and each other.

    Made by `CurationStore.import_file` while it holds the store's lock, and
    reads the store's rows through it, so what it checks cannot change under it.
    """

    def __init__(self, store: CurationStore, state: Replay, editor: str, filename: str) -> None:
        self.store, self.state, self.editor, self.filename = store, state, editor, filename
        self.rejected: list[Rejected] = []
        self.unchanged: list[str] = []
        self.pending: list[tuple[int, Change]] = []
        self.seen: dict[str, int] = {}
        self.gazetteer = gazetteer_from_rows(store._rows_with(state.curated))
        self._tried: dict[tuple[str, ...], Any] = {}

    def consider(self, row: ImportRow) -> None:
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
                if change.after is None or change.after["precision"] not in DRAWN:
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
                self._tried[key] = gazetteer_problems(exc)
        result = self._tried[key]
        if isinstance(result, str):
            return result
        return result if keep else None

    def _change_for(self, row: ImportRow) -> Change | None:
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
        candidate = candidate_row(row, current, entry_geometry)
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
            shape = row.geometry if row.geometry is not None else wkt_geometry(candidate["wkt"])
            problem = geometry_problem(shape)
            if problem:
                raise CurationError(problem)
        if current is not None and candidate == current:
            return None
        reason = one_line(values.get("reason", "")) or f"import of {self.filename}"
        return self.store._change(self.editor, place_id, "import", current, candidate,
                                  reason=reason, source=candidate["source"])
