"""The history of curation: `history.jsonl` lines, and replaying them into curated rows.

History is the log of every change; `entries.csv` is what replaying it gives.
`geo.curation.store` writes both and uses `explained_by_a_prefix` to tell a crash
(history a step ahead, repaired by rolling forward) from a hand edit (reported).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.errors import CurationError
from geo.gazetteer import COLUMNS

#: What a history line may say was done.
ACTIONS = ("set", "undo", "import")
#: Keys of a history line, in file order.
HISTORY_KEYS = ("change_id", "place_id", "editor", "time", "action", "before", "after", "reason", "source", "undoes")
#: Revision token of a place nobody has changed.
BASE_REVISION = "base"
UNCURATED = object()  # replay state: no curated row, the base row (if any) shows


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

    def to_json(self) -> str:
        """One history line (without the newline), keys in `HISTORY_KEYS` order."""
        return json.dumps({k: getattr(self, k) for k in HISTORY_KEYS}, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Replay:
    """A replayed history: its changes, the curated rows, each change's prior state, each place's last change."""

    changes: list[Change]
    curated: dict[str, dict[str, str]]
    prestate: dict[str, object]
    last: dict[str, Change]


def replay(changes: Iterable[Change]) -> Replay:
    """The curated rows that the history implies, each change's prior state, each place's last change."""
    ordered = list(changes)
    states: dict[str, object] = {}
    prestate: dict[str, object] = {}
    last: dict[str, Change] = {}
    for change in ordered:
        _apply(change, states, prestate)
        last[change.place_id] = change
    curated = {k: dict(v) for k, v in states.items() if isinstance(v, dict)}
    return Replay(changes=ordered, curated=curated, prestate=prestate, last=last)


def explained_by_a_prefix(changes: list[Change], actual: dict[str, dict[str, str]]) -> bool:
    """Whether replaying some proper prefix of `changes` gives exactly the rows `actual`.

    One pass: each change touches one place, so the set of places where the
    replay and the file differ is updated in constant time per change.
    """
    states: dict[str, object] = {}
    prestate: dict[str, object] = {}
    differ = set(actual)
    for change in changes[:-1]:
        if not differ:
            return True
        value = _apply(change, states, prestate)
        if (value if isinstance(value, dict) else None) == actual.get(change.place_id):
            differ.discard(change.place_id)
        else:
            differ.add(change.place_id)
    return not differ


def _apply(change: Change, states: dict[str, object], prestate: dict[str, object]) -> object:
    """One replay step: a set/import puts its `after`, an undo restores the state before its target."""
    prestate[change.change_id] = states.get(change.place_id, UNCURATED)
    if change.action == "undo":
        states[change.place_id] = prestate.get(change.undoes or "", UNCURATED)
    else:
        states[change.place_id] = change.after
    return states[change.place_id]


def read_history(path: Path) -> list[Change]:
    """Every complete line of a history file, oldest first; `CurationError` for a line that is not a change."""
    if not path.exists():
        return []
    data = path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]  # a torn last line never counted
    changes = []
    for number, line in enumerate(complete.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            changes.append(Change(**{k: raw[k] for k in HISTORY_KEYS}))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CurationError(f"{path}:{number}: not a history line ({exc}); restore the file from git") from None
    return changes


def read_entries(path: Path) -> dict[str, dict[str, str]]:
    """The rows of an `entries.csv` by id (gazetteer columns only); `CurationError` for a wrong header."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise CurationError(f"{path}: header must be {','.join(COLUMNS)}; restore the file from git")
        rows = {}
        for record in reader:
            row = {c: (record.get(c) or "").strip() for c in COLUMNS}
            if any(row.values()):
                rows[row["id"]] = row
        return rows
