"""A plan document as escaped, wrapping HTML text with one passage marked.

Why not `st.markdown`: Markdown reads a line indented by four spaces (common in
专栏 boxes and tables) as a code block, which shows the `<mark>` literally and
scrolls sideways. `st.html` takes the HTML as it is, so the only markup on the
page is the one `<mark>` this module writes; every character of the plan is
escaped.
"""

from __future__ import annotations

import html

import streamlit as st

from layers.text import hide_noise

#: The element id the highlighted passage carries (links and tests look for it).
PASSAGE_ID = "passage"

_STYLE = ("white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;line-height:1.7;"
          "font-family:inherit;font-size:1rem;margin:0")


def passage_html(text: str, *, start: int | None, end: int | None) -> str:
    """The whole document, escaped, with `text[start:end]` in `<mark id="passage">`.

    Offsets are character offsets into `text` as stored in every record;
    conversion noise is hidden in each part separately so they stay exact.
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        return f"<div class='plan-text' style='{_STYLE}'>{html.escape(hide_noise(text))}</div>"
    before, passage, after = text[:start], text[start:end], text[end:]
    return (f"<div class='plan-text' style='{_STYLE}'>{html.escape(hide_noise(before))}"
            f"<mark id='{PASSAGE_ID}' style='background:#fde68a;padding:0 .1em'>{html.escape(hide_noise(passage))}"
            f"</mark>{html.escape(hide_noise(after))}</div>")


def scroll_to_passage() -> None:
    """Scroll the page (and the text's box) so the passage is in view on arrival.

    A one-pixel frame runs the script (a constant script, no data in it); it reaches the page it sits in
    (same origin) and retries for a few seconds while Streamlit draws.
    """
    st.iframe(
        f"""<script>
        (function () {{
          let tries = 0;
          function go() {{
            const doc = window.parent.document;
            const mark = doc.getElementById({PASSAGE_ID!r});
            if (mark) {{ mark.scrollIntoView({{block: "center"}}); return; }}
            if (++tries < 50) setTimeout(go, 100);
          }}
          go();
        }})();
        </script>""",
        height=1,
    )
