"""Text from a link (?doc=, ?tour=, ?place=) or from the data is shown as text, never as Markdown.

A Markdown image would make the browser fetch an outside address, a link would
become clickable. With every ASCII punctuation mark backslash-escaped
(CommonMark's backslash escapes) no `](`, `![` or `<` is left unescaped.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from geo.settings import ROOT
from view.safe_text import md_text

PAYLOADS = ["![t](http://evil.example/track.png)", "[点此登录](http://evil.example/phish)",
            "<img src=x onerror=alert(1)>"]
#: Markup that is live: a `[`, `!`, `(` or `<` not preceded by a backslash.
_LIVE = re.compile(r"(?<!\\)(!\[|\]\(|<img)")


def _shown(at) -> str:
    return " ".join(str(e.value) for kind in ("error", "warning", "markdown", "caption", "info")
                    for e in getattr(at, kind))


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("page,param", [("source.py", "doc"), ("tours.py", "tour"), ("nearby.py", "place")])
def test_a_payload_in_a_link_is_shown_as_text(page, param, payload):
    at = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=120)
    at.query_params[param] = payload
    at.run()
    assert not at.exception
    shown = _shown(at)  # what Streamlit reads as Markdown
    reported = shown + " ".join(str(e.value) for e in at.text)  # st.text is never Markdown
    assert "evil" in reported or "img" in reported  # the payload is reported, as text
    assert not _LIVE.search(shown), shown


def test_md_text_escapes_every_markdown_mark_and_keeps_chinese_text():
    assert md_text("慈城古县城") == "慈城古县城"
    escaped = md_text("[点此登录](http://evil.example/phish)")
    assert escaped == r"\[点此登录\]\(http\:\/\/evil\.example\/phish\)"
    assert "\n" not in md_text("a\n# heading")


def test_indicator_csv_cells_that_a_spreadsheet_would_run_are_quoted_and_numbers_kept():
    import pandas as pd

    from view.safe_text import spreadsheet_safe

    frame = pd.DataFrame({"label": ['=HYPERLINK("http://evil.example")', "+1", "-x", "@A1", "GDP"],
                          "value": [1.5, -2.0, 3.0, 4.0, 5.0]})
    out = spreadsheet_safe(frame)
    assert list(out["label"]) == ['\'=HYPERLINK("http://evil.example")', "'+1", "'-x", "'@A1", "GDP"]
    assert list(out["value"]) == [1.5, -2.0, 3.0, 4.0, 5.0]
