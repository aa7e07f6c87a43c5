"""What an editor is told when adding a plan is refused: the reason in their language, then the details."""

from __future__ import annotations

from geo.errors import UnknownDistrictError
from layers.errors import CatalogEditError, DocumentError
from ui.plan_upload import as_text, refusal


def test_each_refusal_reason_is_said_in_the_users_language():
    assert "扫描件" in refusal(DocumentError("scan.pdf: no text layer", code="scanned"), "zh")
    assert "scan" in refusal(DocumentError("scan.pdf: no text layer", code="scanned"), "en")
    assert "50 MB" in refusal(DocumentError("huge.txt: 51.0 MB", code="too_large"), "zh")
    said = refusal(UnknownDistrictError("'鼓楼区' names several", code="ambiguous_district"), "zh")
    assert "有多个同名区县" in said and "鼓楼区" in said
    assert "演示路线" in refusal(CatalogEditError("the tour x would break", code="tour"), "zh")
    assert "磁盘" in refusal(OSError(28, "No space left on device"), "zh")


def test_file_names_and_details_show_as_written_not_as_markdown():
    shown = as_text("![t](http://evil.example/x.png) [点此](http://evil.example)")
    assert "\\!\\[t\\]\\(" in shown and "\\[点此\\]\\(" in shown
    assert "\\!\\[t\\]" in refusal(DocumentError("![t](http://evil.example/x.png): empty", code="empty"), "zh")
