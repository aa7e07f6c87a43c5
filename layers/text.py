"""Small text helpers shared by the extractors: lines with offsets, noise, numbers.

Every helper works on offsets into the original plan text, so a record can
always quote `text[start:end]` exactly; noise such as `[bookmark: _Toc10559]`
is only hidden when a quote is displayed (`display_text`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Columns every record carries so it can be traced to the plan's exact words: its id,
#: document, section path, character offsets and the quote `text[start:end]`.
PROVENANCE_COLUMNS: tuple[str, ...] = ("id", "doc_id", "section_path", "start", "end", "quote")

#: Word-export artefacts that carry no plan content.
NOISE_RE = re.compile(r"\[(?:bookmark|image)\s*:[^\]\n]*\]")
_SPACE_RE = re.compile(r"[ \t\u00a0\u3000\r\n]+")
_NUMBER_RE = re.compile(r"[-+]?\d+(?:\.\d+)?")

#: Characters that close a span before a record's quote is cut (never inside it).
_EDGE = " \t\r\n\u00a0\u3000"


@dataclass(frozen=True)
class Problem:
    """Something an extractor could not read: kept with its text, never dropped."""

    doc_id: str
    start: int
    end: int
    quote: str
    reason: str


@dataclass(frozen=True)
class Line:
    """One line of a plan: its offsets and its text without the newline."""

    start: int
    end: int
    raw: str

    @property
    def clean(self) -> str:
        """The line with noise removed and outer whitespace stripped."""
        return NOISE_RE.sub("", self.raw).strip(_EDGE)

    @property
    def content_start(self) -> int:
        """Offset of the first character that is neither space nor noise."""
        return trim_span(self.raw, 0, len(self.raw))[0] + self.start


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """The lines of `text[start:end]` with absolute offsets."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        yield Line(pos, stop, text[pos:stop])
        pos = stop + 1


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink `[start, end)` past outer whitespace and noise markers."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE:
            start += 1
            changed = True
        m = NOISE_RE.match(text, start, end)
        if m:
            start = m.end()
            changed = True
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def display_text(quote: str) -> str:
    """A quote as a reader should see it: noise hidden, whitespace collapsed."""
    return _SPACE_RE.sub(" ", NOISE_RE.sub("", quote)).strip()


def hide_noise(text: str) -> str:
    """Text with conversion noise (`[bookmark: …]`) hidden but line breaks kept."""
    return NOISE_RE.sub("", text)


def squash(quote: str) -> str:
    """Like `display_text` but without any whitespace (for table cells split over lines)."""
    return _SPACE_RE.sub("", NOISE_RE.sub("", quote))


def plain_number(value: str) -> float:
    """The number in `value` when it is a plain (or bracketed) number, else NaN."""
    s = value.strip().strip("*").strip()
    if s.startswith("[") and s.endswith("]"):
        s = s[1:-1]
    s = s.rstrip("%％")
    if _NUMBER_RE.fullmatch(s):
        return float(s)
    return math.nan


def split_top_level(text: str, seps: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of `text` separated by any char of `seps`, ignoring separators in brackets.

    Offsets are relative to `text` plus `start`. Empty pieces are dropped.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    piece = 0
    for i, ch in enumerate(text):
        if ch in "(（[【“《":
            depth += 1
        elif ch in ")）]】”》" and depth > 0:
            depth -= 1
        elif ch in seps and depth == 0:
            spans.append((piece, i))
            piece = i + 1
    spans.append((piece, len(text)))
    out = []
    for a, b in spans:
        a2, b2 = trim_span(text, a, b)
        if b2 > a2:
            out.append((a2 + start, b2 + start))
    return out
