"""Planners' corrections to the gazetteer, with a full history.

- `store`: `CurationStore`, reading, saving, undoing, exporting (`entries.csv` +
  `history.jsonl`, crash-safe and locked).
- `history`: history lines (`Change`) and replaying them into curated rows.
- `checks`: what a curated row may hold (plain text, a geometry inside 宁波市).
- `formats`: `entries.csv`, the CSV and GeoJSON exports, reading an upload.
- `imports`: applying a reviewed export, row by row, with the reasons for rejects.

Callers import from here: `from geo.curation import CurationStore, BASE_REVISION`.
"""

from geo.curation.checks import geometry_problem, text_problem, to_wkt
from geo.curation.history import ACTIONS, BASE_REVISION, HISTORY_KEYS, Change
from geo.curation.imports import MAX_IMPORT_BYTES, ImportReport, Rejected
from geo.curation.store import GEOMETRY_COLUMNS, CurationStore

__all__ = [
    "ACTIONS", "BASE_REVISION", "GEOMETRY_COLUMNS", "HISTORY_KEYS", "MAX_IMPORT_BYTES", "Change",
    "CurationStore", "ImportReport", "Rejected", "geometry_problem", "text_problem", "to_wkt",
]
