"""Suggestions waiting for review, one plain CSV per source, and accepting them through the curation store.

`data/gazetteer/suggestions/<source key>.csv` holds one row per (place,
candidate): the matching status (`unambiguous`, `ambiguous`, `rejected` with
the reason) and the editor's `decision` (`waiting`, `accepted`, `declined`;
blank for rows matching refused). Rows are sorted, `\\n` line ends, so a rerun
diffs cleanly; a rerun keeps every decision already taken.

Accepting writes through `geo.curation.CurationStore.import_file` (action
`import`, with the suggestion as reason), so every accepted suggestion is in
the curation history and can be undone there. An OSM polygon is stored as the
reference `derive` = `source:osm:<feature id>`, never as a copy (ODbL); a
GeoNames seat as its published WGS84 point.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from geo.access import files
from geo.access.editors import Editor, require_editor
from geo.curation import CurationStore, ImportReport
from geo.errors import CurationError
from geo.gazetteer import COLUMNS, Gazetteer
from geo.precision import DRAWN
from geo.settings import GAZETTEER_DIR
from geo.sources.base import Candidate, PlaceSource
from geo.sources.matching import Suggestion, suggest_all, suggest_for

COLUMNS_SUGGESTIONS = (
    "place_id", "place_name", "feature_id", "status", "decision", "reason", "candidate_name",
    "candidate_type", "precision", "lon", "lat", "matched", "source", "licence", "decided_by", "decided_at",
    "change_id",
)
DECISIONS = ("waiting", "accepted", "declined", "")
#: Decimals of the preview point: 1e-6° ≈ 0.1 m.
_DECIMALS = 6


@dataclass(frozen=True)
class Refresh:
    """What a rerun of matching did to one source's file."""

    key: str
    rows: int
    waiting: int
    unambiguous: int
    ambiguous: int
    rejected: int


class SuggestionStore:
    """The suggestion files of a gazetteer folder and the curation store they are accepted into."""

    def __init__(self, gazetteer_dir: Path = GAZETTEER_DIR, *, curation: CurationStore | None = None) -> None:
        self.gazetteer_dir = Path(gazetteer_dir)
        self.directory = self.gazetteer_dir / "suggestions"
        self.curation = curation or CurationStore(self.gazetteer_dir / "curation", gazetteer_dir=self.gazetteer_dir)

    def path(self, key: str) -> Path:
        return self.directory / f"{key}.csv"

    def keys(self) -> list[str]:
        """Source keys that have a suggestion file."""
        return sorted(p.stem for p in self.directory.glob("*.csv")) if self.directory.exists() else []

    def rows(self, key: str) -> list[dict[str, str]]:
        """The rows of one source's file (empty when it has none)."""
        path = self.path(key)
        if not path.exists():
            return []
        with path.open(encoding="utf-8", newline="") as f:
            return [dict(row) for row in csv.DictReader(f)]

    def waiting(self, key: str | None = None) -> list[dict[str, str]]:
        """Rows an editor still has to decide, with `source_key` added."""
        keys = [key] if key else self.keys()
        return [{**row, "source_key": k} for k in keys for row in self.rows(k) if row["decision"] == "waiting"]

    def refresh(self, source: PlaceSource, gazetteer: Gazetteer) -> Refresh:
        """Match the whole gazetteer against `source` and rewrite its file, keeping decisions."""
        suggestions = suggest_all(gazetteer, source)
        new = {(r["place_id"], r["feature_id"]): r for s in suggestions for r in _rows(s)}
        self.directory.mkdir(parents=True, exist_ok=True)
        with files.locked(self.directory / ".lock"):
            old = {(r["place_id"], r["feature_id"]): r for r in self.rows(source.key)}
            merged = dict(new)
            for k, row in old.items():
                if row["decision"] == "declined" or (row["decision"] == "accepted" and k not in new):
                    merged[k] = row  # an undone acceptance is offered again
            self._write(source.key, merged.values())
        rows = list(merged.values())
        return Refresh(
            key=source.key, rows=len(rows), waiting=sum(r["decision"] == "waiting" for r in rows),
            **{s: len({r["place_id"] for r in rows if r["status"] == s and r["decision"] != "accepted"})
               for s in ("unambiguous", "ambiguous", "rejected")},
        )

    def accept(self, editor: Editor, source: PlaceSource, gazetteer: Gazetteer, picks: list[tuple[str, str]],
               *, note: str = "") -> ImportReport:
        """Accept (place id, feature id) picks of `source`'s waiting suggestions in one curation import."""
        editor = require_editor(editor)
        waiting = {(r["place_id"], r["feature_id"]): r for r in self.rows(source.key) if r["decision"] == "waiting"}
        rows = []
        for place_id, feature_id in picks:
            if (place_id, feature_id) not in waiting:
                raise CurationError(f"No waiting suggestion {source.key}:{feature_id} for {place_id}; rerun suggest")
            suggestion = suggest_for(gazetteer.get(place_id), source)
            candidate = next((c for c in (suggestion.candidates if suggestion else ()) if c.feature_id == feature_id), None)
            if candidate is None or suggestion is None:
                raise CurationError(f"{source.key}:{feature_id} no longer fits {place_id}; rerun suggest")
            row = self.curation.entry(place_id)
            rows.append(curation_row(row, candidate, suggestion, revision=self.curation.revision(place_id), note=note))
        if not rows:
            return ImportReport(accepted=[], rejected=[])
        report = self.curation.import_file(editor, _csv(rows), filename=f"suggestions-{source.key}.csv")
        done = {c.place_id: c.change_id for c in report.accepted}
        self._decide(source.key, [(p, f) for p, f in picks if p in done], "accepted", editor, changes=done)
        return report

    def accept_unambiguous(self, editor: Editor, source: PlaceSource, gazetteer: Gazetteer) -> ImportReport:
        """Accept every waiting `unambiguous` suggestion of `source` at once."""
        picks = [(r["place_id"], r["feature_id"]) for r in self.rows(source.key)
                 if r["decision"] == "waiting" and r["status"] == "unambiguous"]
        return self.accept(editor, source, gazetteer, picks)

    def decline(self, editor: Editor, key: str, place_id: str, feature_id: str) -> None:
        """An editor says this candidate is not the place; it is not offered again."""
        editor = require_editor(editor)
        self._decide(key, [(place_id, feature_id)], "declined", editor, changes={})

    def _decide(self, key: str, picks: list[tuple[str, str]], decision: str, editor: Editor,
                *, changes: dict[str, str]) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with files.locked(self.directory / ".lock"):
            rows = {(r["place_id"], r["feature_id"]): r for r in self.rows(key)}
            for pick in picks:
                if pick not in rows:
                    raise CurationError(f"No suggestion {key}:{pick[1]} for {pick[0]}")
                rows[pick] |= {"decision": decision, "decided_by": editor.name, "decided_at": now,
                               "change_id": changes.get(pick[0], "")}
            self._write(key, rows.values())

    def _write(self, key: str, rows) -> None:
        ordered = sorted(rows, key=lambda r: (r["place_id"], r["feature_id"]))
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS_SUGGESTIONS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(ordered)
        files.replace_atomically(self.path(key), buffer.getvalue().encode("utf-8"))


def curation_row(current: dict[str, str], candidate: Candidate, suggestion: Suggestion, *,
                 revision: str, note: str = "") -> dict[str, str]:
    """The curation import row that puts `candidate` on the entry (geometry columns all set)."""
    row = {c: current[c] for c in COLUMNS}
    row |= {c: "" for c in ("lon", "lat", "crs", "radius_m", "derive", "wkt")}
    row["precision"], row["method"] = candidate.precision, "published"
    if candidate.source_key == "osm":
        row["derive"] = f"source:osm:{candidate.feature_id}"
    elif candidate.licence.startswith("ODbL"):
        raise CurationError(f"{candidate.source}: ODbL geometry must stay in its own shipped file; "
                            "add the extract to data/sources/ and refer to it")
    elif candidate.geometry.geom_type == "Point":
        row |= {"lon": f"{candidate.point.x:.{_DECIMALS}f}", "lat": f"{candidate.point.y:.{_DECIMALS}f}", "crs": "wgs84"}
    else:
        row["wkt"], row["method"] = candidate.geometry.wkt, "digitized"
    row["source"] = f"{candidate.source}; licence {candidate.licence}"
    what = ("seat point of the 乡镇/街道 (its seat, not its centre)" if candidate.extra.get("kind") == "seat"
            else f"{candidate.source_key} feature {candidate.feature_id} ({candidate.name})")
    # An unlocated or district-only row's note says why it was not located; keep it, marked as past.
    earlier = current["note"] if current["precision"] in DRAWN else (
        f"before: {current['note']}" if current["note"] else "")
    parts = [f"located from {what}; suggestion {suggestion.status}", note, earlier]
    row["note"] = "; ".join(p for p in parts if p)
    row["revision"] = revision
    row["reason"] = f"accepted suggestion {candidate.source_key}:{candidate.feature_id} ({suggestion.status}: {suggestion.reason})"
    return row


def _rows(suggestion: Suggestion) -> list[dict[str, str]]:
    out = []
    decision = "waiting" if suggestion.status != "rejected" else ""
    pairs = [(c, suggestion.reason) for c in suggestion.candidates] + list(suggestion.refused)
    for candidate, reason in pairs:
        refused = (candidate, reason) in suggestion.refused
        point = candidate.point
        out.append({
            "place_id": suggestion.place_id, "place_name": suggestion.place_name,
            "feature_id": candidate.feature_id, "status": "rejected" if refused else suggestion.status,
            "decision": "" if refused else decision, "reason": reason, "candidate_name": candidate.name,
            "candidate_type": candidate.extra.get("kind") or candidate.type or "",
            "precision": candidate.precision, "lon": f"{point.x:.{_DECIMALS}f}", "lat": f"{point.y:.{_DECIMALS}f}",
            "matched": candidate.matched, "source": candidate.source, "licence": candidate.licence,
            "decided_by": "", "decided_at": "", "change_id": "",
        })
    return out


def _csv(rows: list[dict[str, str]]) -> bytes:
    columns = [*COLUMNS, "revision", "reason"]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
