"""Reading the documents someone brings: encodings, Word, PDF, HTML, and what is refused."""

from __future__ import annotations

import io
from pathlib import Path

import opencc
import pytest

from layers.documents import MAX_BYTES, read_document, read_document_bytes
from layers.errors import DocumentError
from layers.plans import decode_plan_bytes
from testkit.plans import HAISHU_PRESS, HAISHU_REPORT

TEXT = HAISHU_REPORT.read_text(encoding="utf-8")
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_cjk_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-wqy-microhei (installed by `make test`) missing")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_plain_text_in_each_encoding_reads_back_character_for_character(encoding: str) -> None:
    document = read_document_bytes(TEXT.encode(encoding), name="report.txt")
    assert document.text == TEXT
    assert document.format == "text"


def test_a_short_utf16_text_without_byte_order_mark_is_detected() -> None:
    short = HAISHU_PRESS.read_text(encoding="utf-8").splitlines()[0] + "\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert read_document_bytes(short.encode(encoding), name="a.txt").text == short


def test_big5_is_recognised_as_big5_not_decoded_as_gb18030_into_nonsense() -> None:
    traditional = opencc.OpenCC("s2tw").convert(TEXT)  # Taiwan forms: all in Big5
    raw = traditional.encode("big5")
    # The trap: GB18030 accepts these bytes and yields other characters.
    assert raw.decode("gb18030") != traditional
    document = read_document_bytes(raw, name="big5.txt")
    assert document.encoding == "big5" and document.is_traditional
    assert document.text == traditional
    assert decode_plan_bytes(raw, name="big5.txt") == traditional


def test_binary_files_are_refused_as_binary() -> None:
    png = (Path(__file__).resolve().parents[2] / "docs" / "screenshot-tour.png").read_bytes()
    for raw in (png, bytes(range(256)) * 64, b"\x00\x01\x02" * 1000):
        with pytest.raises(DocumentError, match="binary"):
            read_document_bytes(raw, name="plan.txt")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk, and is never read
    with pytest.raises(DocumentError, match="50 MB"):
        read_document(big)
    with pytest.raises(DocumentError, match="50 MB"):
        read_document_bytes(b"x" * (MAX_BYTES + 1), name="huge.txt")


def test_unknown_formats_empty_files_and_texts_without_chinese_are_refused() -> None:
    with pytest.raises(DocumentError, match="unknown format"):
        read_document_bytes(TEXT.encode(), name="plan.xls")
    with pytest.raises(DocumentError, match="empty"):
        read_document_bytes(b"  \n", name="plan.txt")
    with pytest.raises(DocumentError, match="no Chinese text"):
        read_document_bytes(b"Just an English note.\n", name="plan.txt")


def test_a_word_document_gives_its_paragraphs_and_table_rows_in_order() -> None:
    import docx

    lines = TEXT.splitlines()
    document = docx.Document()
    for line in lines[:3]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["指标", "单位", "2022年"], ["一般公共预算收入", "亿元", "117.1"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(lines[3])
    buffer = io.BytesIO()
    document.save(buffer)

    text = read_document_bytes(buffer.getvalue(), name="report.docx").text
    assert text.splitlines() == [*lines[:3], "指标\t单位\t2022年", "一般公共预算收入\t亿元\t117.1", lines[3]]


def test_a_broken_word_file_is_refused_with_a_message() -> None:
    with pytest.raises(DocumentError, match="not a readable .docx"):
        read_document_bytes(b"PK\x03\x04 not really a zip", name="report.docx")


@needs_cjk_font
def test_a_pdf_with_a_text_layer_gives_its_text() -> None:
    lines = TEXT.splitlines()[:4]
    text = read_document_bytes(_pdf(lines), name="report.pdf").text
    assert [line.strip() for line in text.splitlines() if line.strip()] == lines


def test_a_scanned_pdf_without_text_is_refused_as_scanned() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(Path(__file__).resolve().parents[2] / "docs" / "screenshot-tour.png"), x=10, y=10, w=150)
    with pytest.raises(DocumentError, match="no text layer"):
        read_document_bytes(bytes(pdf.output()), name="scan.pdf")


def test_an_html_page_gives_only_its_visible_text() -> None:
    lines = TEXT.splitlines()
    markup = (
        "<html><head><title>不显示的标题</title><style>p{color:red}</style></head><body>"
        f"<h1>{lines[0]}</h1><script>alert('不显示')</script>"
        f"<p>{lines[5]}<b>{lines[6]}</b></p><noscript>不显示</noscript></body></html>"
    )
    for encoding in ("utf-8", "gb18030"):
        text = read_document_bytes(markup.encode(encoding), name="page.html").text
        assert text.splitlines() == [lines[0], lines[5], lines[6]]
        assert "不显示" not in text and "<" not in text


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("wqy", fname=str(FONT), collection_font_number=0)
    pdf.set_font("wqy", size=11)
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_each_refusal_names_its_reason_by_code() -> None:
    cases = {"format": (b"x", "a.xls"), "empty": (b" ", "a.txt"), "binary": (b"\x00\x01" * 500, "a.txt"),
             "no_chinese": (b"hello", "a.txt"), "docx": (b"PK not a zip", "a.docx"), "pdf": (b"%PDF-1.4 junk", "a.pdf")}
    for code, (raw, name) in cases.items():
        with pytest.raises(DocumentError) as caught:
            read_document_bytes(raw, name=name)
        assert caught.value.code == code, (code, str(caught.value))
