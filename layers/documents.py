"""Read a plan document someone brings: plain text, Word, PDF or HTML → one text.

Each format is read by a well-kept library: python-docx (`.docx`), pypdf
(`.pdf` with a text layer), BeautifulSoup with lxml (`.html`, visible text
only), and charset-normalizer to tell apart the encodings of plain text when
the bytes are neither UTF-8 nor marked by a byte-order mark. The result is the
text as extracted; `layers.plan_edit` stores it as UTF-8 and never rewrites it
(the one exception, on request only, is Big5's traditional characters turned
into simplified ones, which the catalog then says).

Anything that is not a readable document is refused with a `DocumentError`
naming the file and what to do: a file over `MAX_BYTES`, a binary file, a
scanned PDF without a text layer, an encoding that is not detected.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from layers.errors import DocumentError

#: Largest document accepted, in bytes. The longest shipped plan is ~140 kB of
#: text; 50 MB leaves room for a PDF with images while keeping one upload from
#: filling the server's memory.
MAX_BYTES = 50 * 1024 * 1024
#: A PDF page yielding fewer characters than this on average is taken as scanned.
MIN_PDF_CHARS_PER_PAGE = 20
#: Encodings of plain text told apart by detection, in the names Python uses.
#: Big5 is here so that traditional-character text is recognised as what it is,
#: not decoded as GB18030 (which accepts most Big5 byte pairs) into nonsense.
DETECTED_ENCODINGS = ("gb18030", "big5", "utf_16_le", "utf_16_be")
FORMATS = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
#: Control characters that never occur in a text document (all C0 but tab,
#: line feed, form feed and carriage return, plus DEL); their presence means binary.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Document:
    """The text of one document and how it was read."""

    text: str
    #: "text", "docx", "pdf" or "html".
    format: str
    #: The plain-text encoding (utf-8, gb18030, big5, utf-16 …); "" for other formats.
    encoding: str = ""

    @property
    def is_traditional(self) -> bool:
        """Whether the text came as Big5 (traditional characters)."""
        return self.encoding == "big5"


def read_document(path: Path) -> Document:
    """Read a document file, choosing the reader by its suffix (`FORMATS`).

    Raises
    ------
    DocumentError
        The file is too large, of an unknown format, binary, scanned, or empty.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror or exc})", code="unreadable") from exc
    _check_size(size, name=path.name)
    return read_document_bytes(path.read_bytes(), name=path.name)


def read_document_bytes(raw: bytes, *, name: str) -> Document:
    """Read a document given as bytes (an upload); `name`'s suffix chooses the reader."""
    _check_size(len(raw), name=name)
    suffix = Path(name).suffix.lower()
    kind = FORMATS.get(suffix)
    if kind is None:
        known = ", ".join(sorted(FORMATS))
        raise DocumentError(f"{name}: unknown format {suffix or '(no suffix)'!r}; accepted: {known}", code="format")
    if not raw.strip():
        raise DocumentError(f"{name}: the file is empty", code="empty")
    if kind == "text":
        text, encoding = decode_text(raw, name=name)
        document = Document(text, "text", encoding)
    elif kind == "docx":
        document = Document(docx_text(raw, name=name), "docx")
    elif kind == "pdf":
        document = Document(pdf_text(raw, name=name), "pdf")
    else:
        text, encoding = decode_text(raw, name=name)
        document = Document(html_text(text), "html", encoding)
    if not _HAN_RE.search(document.text):
        raise DocumentError(f"{name}: no Chinese text found; a plan document is expected", code="no_chinese")
    return document


def decode_text(raw: bytes, *, name: str = "document") -> tuple[str, str]:
    """Decode plain text: a byte-order mark, else UTF-8, else detected GB18030, Big5 or UTF-16.

    Line endings and every character are kept, so offsets index what the file
    says. Returns the text and the encoding's name.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_decode(raw, encoding, name=name), name=name), encoding.removesuffix("-sig")
    try:
        return _checked(raw.decode("utf-8"), name=name), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported here: only legacy encodings need it

    best = from_bytes(raw, cp_isolation=list(DETECTED_ENCODINGS)).best()
    if best is None:
        if b"\x00" in raw[:65536] or len(_CONTROL_RE.findall(raw[:65536].decode("latin-1"))) > 8:
            raise DocumentError(f"{name}: looks like a binary file, not text; "
                                "add the plan as text, .docx, .pdf or .html", code="binary")
        raise DocumentError(
            f"{name}: the encoding is not recognised (tried UTF-8, GB18030, Big5, UTF-16); "
            "save it as UTF-8 text and add it again", code="encoding")
    encoding = "big5" if best.encoding.startswith("big5") else best.encoding
    return _checked(_decode(raw, encoding, name=name), name=name), encoding.replace("_", "-")


def docx_text(raw: bytes, *, name: str = "document.docx") -> str:
    """The paragraphs and table cells of a Word document, in document order, one per line."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{name}: not a readable .docx file ({exc}); save it again from Word as .docx",
                            code="docx") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                # Merged cells repeat in python-docx; keep each cell once.
                cells = list(dict.fromkeys(cell._tc for cell in row.cells))
                lines.append("\t".join(_cell_text(c) for c in cells))
    return _checked("\n".join(lines).strip("\n") + "\n", name=name)


def pdf_text(raw: bytes, *, name: str = "document.pdf") -> str:
    """The text layer of a PDF, page after page; a PDF without one (scanned) is refused."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name}: the PDF is password-protected; save an unprotected copy and add it again",
                                code="protected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"{name}: not a readable PDF ({exc})", code="pdf") from exc
    text = "\n".join(p.rstrip("\n") for p in pages)
    if len(text.strip()) < MIN_PDF_CHARS_PER_PAGE * max(1, len(pages)) or not _HAN_RE.search(text):
        raise DocumentError(
            f"{name}: the PDF has no text layer ({len(pages)} page(s), {len(text.strip())} characters of text): "
            "it looks scanned. Run it through OCR, or add the plan's text as .txt or .docx", code="scanned")
    return _checked(text + "\n", name=name)


def html_text(markup: str) -> str:
    """The text a browser shows of an HTML page: no scripts, styles or tags, one block per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for hidden in soup(["script", "style", "noscript", "template", "head", "iframe", "object"]):
        hidden.decompose()
    root = soup.body or soup
    text = root.get_text("\n")
    lines = [re.sub(r"[ \t\u3000]+$", "", line) for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip()) + "\n"


def _check_size(size: int, *, name: str) -> None:
    if size > MAX_BYTES:
        raise DocumentError(
            f"{name}: {size / 1024 / 1024:.1f} MB is larger than the {MAX_BYTES // 1024 // 1024} MB limit; "
            "add the plan's text alone (.txt or .docx)", code="too_large")


def _decode(raw: bytes, encoding: str, *, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: not valid {encoding} text at byte {exc.start}; save it as UTF-8 and add it again",
            code="encoding") from exc


def _checked(text: str, *, name: str) -> str:
    """Refuse text that is really binary: NUL or other control characters, or unassigned code points."""
    bad = _CONTROL_RE.search(text)
    if bad:
        raise DocumentError(
            f"{name}: looks like a binary file (control character U+{ord(bad.group(0)):04X} at character "
            f"{bad.start()}); add the plan as text, .docx, .pdf or .html", code="binary")
    unassigned = sum(1 for ch in text[:20000] if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    if unassigned > 3:
        raise DocumentError(f"{name}: {unassigned} unassigned or private characters: not a text document "
                            "in a supported encoding; save it as UTF-8 and add it again", code="binary")
    return text


def _cell_text(tc) -> str:  # noqa: ANN001 - python-docx's CT_Tc has no public type
    return "".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t"))
