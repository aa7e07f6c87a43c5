"""Links into the app's own pages, built in one place so every page links alike.

The plan-text page (`pages/source.py`) is opened as `/source?doc=<plan id>`,
and with `&start=<n>&end=<n>` (character offsets into the document, as every
record stores them) it highlights that passage and scrolls to it. The query is
urlencoded, so a document id with any character survives Streamlit's
`st.query_params` (which reads it back with `urllib.parse.parse_qs`).
"""

from __future__ import annotations

from urllib.parse import urlencode

#: The plan-text page's path in the app (its file is `pages/source.py`).
SOURCE_PATH = "/source"


def source_link(doc_id: str, *, start: int | None = None, end: int | None = None) -> str:
    """`/source?doc=…`, with `&start=…&end=…` when a passage `[start, end)` is given.

    Parameters
    ----------
    doc_id
        The plan's id in the catalog.
    start, end
        Character offsets of the passage to highlight; both or neither. Values
        read from a table (numpy integers, floats such as 12.0) are written as
        whole numbers.

    Raises
    ------
    ValueError
        Only one of `start` and `end` is given, or `doc_id` is empty.
    """
    if not doc_id:
        raise ValueError("a source link needs a document id")
    if (start is None) != (end is None):
        raise ValueError(f"give both start and end of the passage in {doc_id!r}, or neither (got {start}, {end})")
    query: dict[str, str | int] = {"doc": doc_id}
    if start is not None and end is not None:
        query |= {"start": int(start), "end": int(end)}
    return f"{SOURCE_PATH}?{urlencode(query)}"
