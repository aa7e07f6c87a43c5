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

_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}
# Line breaks would start a new block (a heading, a list); shown as spaces instead.
_ESCAPES |= {ord("\n"): " ", ord("\r"): " "}


def md_text(value: object) -> str:
    """`value` as text that Markdown shows literally: no link, image, emphasis, HTML or heading."""
    return str(value).translate(_ESCAPES)
