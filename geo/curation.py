"""Planners' corrections to the gazetteer, with a full history.

Two files under `data/gazetteer/curation/` (format in data/gazetteer/README.md):

- `entries.csv`: one row per curated place, the gazetteer's own columns,
  sorted by id; a row whose id is in the base gazetteer replaces that row
  when `geo.gazetteer.load_gazetteer` reads it. The base files are never
  rewritten.
- `history.jsonl`: one JSON object per change, appended, never rewritten.

Crash safety. History is the log and `entries.csv` follows from it: the
effective curated row of a place is the `after` of its last change. A write
holds an exclusive `flock` on `curation/.lock`, appends its history line(s)
(one `write`, then `fsync`), then replaces `entries.csv` (temporary file,
`fsync`, `os.replace`, directory `fsync`). A crash before the history line is
complete leaves the old state (a torn last line is ignored and cut off by the
next writer); a crash after it leaves a history one step ahead of
`entries.csv`, which the next store access rolls forward under the lock. So
the files are always old or new, never broken.

Concurrency. Every read-check-write happens under the lock, and a change
names the revision the editor loaded (`expected_revision`); if the place
changed since, the second editor gets `ConflictError` and must reload.

Writing functions require an `Editor` from `geo.editors.authenticate`. They do
not rebuild the layers: callers run `layers.rebuild.rebuild_for_places`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import shapely

from geo.editors import Editor
from geo.settings import GAZETTEER_DIR

#: What a history line may say was done.
ACTIONS = ("set", "undo", "import")
#: Keys of a history line, in file order.
HISTORY_KEYS = ("change_id", "place_id", "editor", "time", "action", "before", "after", "reason", "source", "undoes")
#: Largest import accepted; a reviewed file of every place is far smaller.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
#: Revision token of a place nobody has changed.
BASE_REVISION = "base"


@dataclass(frozen=True)
class Change:
    """One line of `history.jsonl`.

    `before` is the effective row before the change (None when an import
    created the place); `after` the row after it (None only when undoing the
    creation of a place). `time` is ISO-8601 UTC.
    """

    change_id: str
    place_id: str
    editor: str
    time: str
    action: str
    before: dict[str, str] | None
    after: dict[str, str] | None
    reason: str
    source: str
    undoes: str | None


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

    def entry(self, place_id: str) -> dict[str, str]:
        """The effective row of a place (curated if any, else base); `UnknownEntryError` if unknown."""
        raise NotImplementedError

    def revision(self, place_id: str) -> str:
        """Opaque token of the place's state: its last change id, or `BASE_REVISION`."""
        raise NotImplementedError

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
        raise NotImplementedError

    def undo(self, editor: Editor, change_id: str, *, reason: str = "", expected_revision: str) -> Change:
        """Restore what a change replaced, as a new change with action "undo".

        Only the latest change of a place can be undone (undo newer ones first);
        `expected_revision` is that place's revision as loaded.
        """
        raise NotImplementedError

    def history(self, place_id: str | None = None) -> list[Change]:
        """Changes of one place (or all), newest first."""
        raise NotImplementedError

    def curated_ids(self) -> list[str]:
        """Ids with a row in `entries.csv`, sorted."""
        raise NotImplementedError

    def export_geojson(self, path_or_buffer: Path | str | IO[Any]) -> None:
        """Write the curated entries as a GeoJSON FeatureCollection (CRS84)."""
        raise NotImplementedError

    def export_csv(self, path_or_buffer: Path | str | IO[Any]) -> None:
        """Write the curated entries as CSV: gazetteer columns plus last change."""
        raise NotImplementedError

    def import_file(self, editor: Editor, data: bytes, *, filename: str) -> ImportReport:
        """Validate a reviewed GeoJSON or CSV export and apply its good rows.

        Every row is checked (WGS84 only, valid geometry inside Ningbo, known
        type and precision, known id or a proper id prefix, a source, not
        changed since export); good rows become changes with action "import",
        the others are reported with the reason.
        """
        raise NotImplementedError
