"""PDF files: the text of each page with pdfium, title and date from the document's metadata.

Encrypted, damaged and scanned (no text layer) files are refused with the reason; pages in
legacy Vietnamese fonts are decoded by index.text.formats.pdf_fonts.
"""

from __future__ import annotations

import re
import threading

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from index.errors import UndecodableFile
from index.text.formats.extracted import Extracted
from index.text.formats.limits import MAX_PARTS, Deadline, TextBudget
from index.text.formats.pdf_fonts import LegacyPages, legacy_font_on
from index.text.formats.pdf_text import clean_page_text

__all__ = ["PDFIUM_LOCK", "pdf_date", "pdf_title", "read_pdf"]

# pdfium is not thread-safe: every call into it, process-wide, holds this lock (the window
# indexes from a thread while the reader may open a PDF on the GUI thread).
PDFIUM_LOCK = threading.Lock()

_HEADER_BYTES = 1024  # readers accept "%PDF-" anywhere in the first kilobyte
_TAIL_BYTES = 2048  # and "%%EOF" within the last ones (some writers append junk)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
# Word's PDF printer titles a file "Microsoft Word - bao-cao.doc": the file name, not a title.
_PRINTER_TITLE = re.compile(r"^Microsoft (?:Word|Excel|PowerPoint) - ", re.IGNORECASE)
_FILE_NAME_TITLE = re.compile(r"\.(?:docx?|rtf|odt|xlsx?|pptx?|txt|pdf)$|^untitled$", re.I)


def pdf_title(value: str) -> str:
    """The document's title from its metadata, or '' when it names a file rather than a title."""
    title = _PRINTER_TITLE.sub("", value.strip()).strip()
    return "" if _FILE_NAME_TITLE.search(title) else title


def pdf_date(value: str) -> str:
    """`dd/mm/yyyy` from a PDF date (`D:20251026093000+07'00'`), or '' if it is not one."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return ""
    year, month, day = (int(group) for group in match.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1800 <= year <= 2200):
        return ""
    return f"{day:02d}/{month:02d}/{year:04d}"


def _check_envelope(data: bytes) -> None:
    """Refuse bytes that are not a PDF, or a PDF cut off before its end (a broken download)."""
    if b"%PDF-" not in data[:_HEADER_BYTES]:
        raise UndecodableFile("not a PDF file")
    if b"%%EOF" not in data[-_TAIL_BYTES:]:
        raise UndecodableFile("damaged file: the PDF is cut off before its end")


def _open(data: bytes) -> pdfium.PdfDocument:
    """The document pdfium makes of `data`, or the reason it cannot."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UndecodableFile("encrypted: the PDF needs a password") from error
        if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise UndecodableFile("encrypted with a method this program cannot open") from error
        raise UndecodableFile(f"damaged file: {error}") from error


def _page_text(document: pdfium.PdfDocument, index: int, legacy: LegacyPages) -> tuple[str, str]:
    """Page `index` as text, and the legacy encoding it was typed in ('' if none)."""
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return "", ""  # a page a repaired file lost: the others still read
    try:
        textpage = page.get_textpage()
        try:
            font = legacy_font_on(page)
            if font is None:
                return clean_page_text(textpage.get_text_range()), ""
            return clean_page_text(legacy.text(index, textpage)), font.value
        finally:
            textpage.close()
    finally:
        page.close()


def _read(document: pdfium.PdfDocument, data: bytes, deadline: Deadline) -> Extracted:
    """The pages and metadata of an open document, within the caps."""
    count = len(document)
    if count == 0:
        raise UndecodableFile("damaged file: the PDF has no pages")
    legacy = LegacyPages(data)
    budget = TextBudget()
    parts: list[str] = []
    encodings: list[str] = []
    for index in range(min(count, MAX_PARTS)):
        deadline.check()
        text, encoding = _page_text(document, index, legacy)
        parts.append(budget.take(text))
        if encoding and encoding not in encodings:
            encodings.append(encoding)
        if budget.spent:
            break
    if not any(part.strip() for part in parts):
        raise UndecodableFile("scanned, no text")
    metadata = document.get_metadata_dict(skip_empty=True)
    return Extracted(
        tuple(parts),
        "+".join(["pdf", *encodings]),
        paged=True,
        title=pdf_title(metadata.get("Title", "")),
        date=pdf_date(metadata.get("CreationDate", "")),
    )


def read_pdf(data: bytes, deadline: Deadline) -> Extracted:
    """The text of a PDF, one part per page (at most MAX_PARTS), with its title and date.

    Raises UndecodableFile for an encrypted, damaged or scanned (image only) file."""
    _check_envelope(data)
    with PDFIUM_LOCK:
        document = _open(data)
        try:
            return _read(document, data, deadline)
        finally:
            document.close()
