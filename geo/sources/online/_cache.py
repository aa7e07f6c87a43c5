"""Answers of online geocoders kept on disk, so that a rerun asks nothing twice.

One JSON file per question (provider, endpoint and parameters, the key left
out), written by atomic replace. Only real answers are stored: an error, a
timeout or an unreadable reply never is, so the next run asks again.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


class AnswerCache:
    """A folder of cached answers; `get` returns (answer, date asked) or None."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def get(self, provider: str, endpoint: str, params: Mapping[str, str]) -> tuple[Any, str] | None:
        path = self._path(provider, endpoint, params)
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        return saved["answer"], saved["asked"]

    def put(self, provider: str, endpoint: str, params: Mapping[str, str], answer: Any) -> str:
        """Store `answer`; returns the UTC date it was asked (YYYY-MM-DD)."""
        asked = datetime.now(UTC).date().isoformat()
        path = self._path(provider, endpoint, params)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        record = {"provider": provider, "endpoint": endpoint, "params": dict(params), "asked": asked, "answer": answer}
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        return asked

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*/*.json")) if self.folder.is_dir() else 0

    def _path(self, provider: str, endpoint: str, params: Mapping[str, str]) -> Path:
        question = json.dumps([provider, endpoint, sorted(params.items())], ensure_ascii=False)
        return self.folder / provider / f"{hashlib.sha256(question.encode()).hexdigest()[:32]}.json"
