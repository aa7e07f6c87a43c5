"""Text from a URL, a file or the data, made safe to pass to `st.markdown`, `st.error` and friends.

Those functions read Markdown: `![t](http://…)` in a `?doc=` link would make
the browser fetch an outside image, and `[点此登录](http://…)` in a curated
name would become a live link. CommonMark lets any ASCII punctuation be
escaped with a backslash (spec 0.31, "Backslash escapes",
https://spec.commonmark.org/0.31.2/#backslash-escapes), so escaping all of it
leaves the text exactly as typed, shown as text.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used, so that md_text stays light
    import pandas as pd

_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}
# Line breaks would start a new block (a heading, a list); shown as spaces instead.
_ESCAPES |= {ord("\n"): " ", ord("\r"): " "}


def md_text(value: object) -> str:
    """`value` as text that Markdown shows literally: no link, image, emphasis, HTML or heading."""
    return str(value).translate(_ESCAPES)


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells open as text in a spreadsheet (OWASP CSV injection guidance):
    a cell starting with = + - @ tab or CR gets a leading `'`. Numbers stay numbers."""
    import pandas as pd

    from geo.curation.formats import spreadsheet_cell

    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].map(spreadsheet_cell)
    return out
