"""PDF pages typed in legacy Vietnamese fonts (`.VnTime`, `VNI-Times`): which fonts a page
uses, and its text with each span in such a font decoded to Unicode.

pdfium turns the TCVN3 byte of "ư" (0xAD, WinAnsi's second hyphen) into "-", so these pages are
read with pypdf, which keeps the bytes; pdfium, character by character, is the fallback.
"""

from __future__ import annotations

import ctypes
import io
import logging
from collections.abc import Iterable, Iterator
from typing import Any

import pypdf
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from index.text.legacy_fonts import LegacyFont, decode_font_text, legacy_font_of

__all__ = ["LegacyPages", "decode_spans", "legacy_font_on"]

log = logging.getLogger("timtin.index")

_MAX_FORM_DEPTH = 8  # form XObjects nest; a hostile file nests them without end
_NAME_BYTES = 256
_LEGACY_BYTE_GLYPHS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def _font_name(font: Any, cache: dict[int, str]) -> str:
    """The base font name of a pdfium font handle, asked once per font."""
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key not in cache:
        buffer = ctypes.create_string_buffer(_NAME_BYTES)
        size = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, _NAME_BYTES)
        cache[key] = buffer.value.decode("latin-1") if size > 0 else ""
    return cache[key]


def _text_fonts(parent: Any, *, form: bool, depth: int) -> Iterator[Any]:
    """The font handles of the text objects on a page or in a form XObject, nested ones too."""
    count = (pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects)(parent)
    get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    for index in range(max(count, 0)):
        obj = get(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            if font:
                yield font
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            yield from _text_fonts(obj, form=True, depth=depth + 1)


def legacy_font_on(page: pdfium.PdfPage) -> LegacyFont | None:
    """The legacy encoding of the first text on `page` typed in a legacy font, or None."""
    names: dict[int, str] = {}
    seen: set[int] = set()
    for font in _text_fonts(page.raw, form=False, depth=0):
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key in seen:
            continue
        seen.add(key)
        legacy = legacy_font_of(_font_name(font, names))
        if legacy is not None:
            return legacy
    return None


def _reads_as_legacy(text: str) -> bool:
    """True if every character could be a legacy font's byte (Latin-1, a cp1252 glyph or the
    symbol area): a span a ToUnicode map already made Vietnamese is left as it is."""
    return all(
        ord(ch) < 0x100 or ch in _LEGACY_BYTE_GLYPHS or 0xF000 <= ord(ch) <= 0xF0FF for ch in text
    )


def decode_spans(spans: Iterable[tuple[str, str]]) -> str:
    """The text of `(text, font name)` spans, each in a legacy font decoded to Unicode."""
    out: list[str] = []
    for text, font_name in spans:
        legacy = legacy_font_of(font_name.lstrip("/")) if font_name else None
        out.append(decode_font_text(text, legacy) if legacy and _reads_as_legacy(text) else text)
    return "".join(out)


def _pdfium_spans(textpage: pdfium.PdfTextPage) -> Iterator[tuple[str, str]]:
    """The characters of a pdfium text page in runs of one font (generated spaces have none)."""
    buffer = ctypes.create_string_buffer(_NAME_BYTES)
    flags = ctypes.c_int()
    run: list[str] = []
    run_font = ""
    for index in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
        size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, _NAME_BYTES, flags)
        font = buffer.value.decode("latin-1") if size > 0 else ""
        if font != run_font and run:
            yield "".join(run), run_font
            run = []
        run_font = font
        run.append("\ufffe" if code == 2 else chr(code) if code < 0x110000 else "\ufffd")
    if run:
        yield "".join(run), run_font


class LegacyPages:
    """The text of the pages of one PDF that are typed in legacy fonts.

    pypdf opens the file the first time a page needs it; if it cannot read the file or a
    page, pdfium's characters are decoded instead (losing TCVN3's "ư" to a hyphen)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._reader: pypdf.PdfReader | None = None
        self._pypdf_failed = False

    def text(self, index: int, textpage: pdfium.PdfTextPage) -> str:
        """Page `index` (0-based) as Unicode, its pdfium text page at hand for the fallback."""
        if not self._pypdf_failed:
            try:
                return self._pypdf_text(index)
            # pypdf raises many types on a damaged file; pdfium has read this page already.
            except Exception as error:
                log.info("pypdf cannot read page %d (%s); decoding pdfium's text", index, error)
        return decode_spans(_pdfium_spans(textpage))

    def _pypdf_text(self, index: int) -> str:
        """Page `index` read by pypdf, span by span with the font each span is typed in."""
        if self._reader is None:
            try:
                self._reader = pypdf.PdfReader(io.BytesIO(self._data))
            except Exception:
                self._pypdf_failed = True
                raise
        spans: list[tuple[str, str]] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            name = font.get("/BaseFont", "") if font else ""
            spans.append((text, str(name)))

        self._reader.pages[index].extract_text(visitor_text=visit)
        return decode_spans(spans)
