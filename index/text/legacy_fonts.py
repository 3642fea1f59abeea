"""Text typed in a legacy Vietnamese font (`.VnTime`, `VNI-Times`) inside Word and PDF files.

The characters are the legacy bytes shown as cp1252 glyphs; the TCVN3 and VNI decoders of
`index.text.legacy_encodings` turn them back into Unicode, the same decoders plain text uses.
"""

from __future__ import annotations

import re
from enum import StrEnum

from index.text.legacy_encodings import decode_tcvn3, decode_vni

__all__ = ["LegacyFont", "decode_font_text", "legacy_font_of"]


class LegacyFont(StrEnum):
    """The legacy encodings fonts were made for; the value names the encoding in reports."""

    TCVN3 = "tcvn3"
    VNI = "vni-windows"


# `.VnTime`, `.VnArialH`, `VnTimes` (ABC/TCVN3 families); `VNI-Times`, `VNI-Helve` (VNI).
# PDF font names may carry a subset prefix (`ABCDEF+.VnTime`) or a style (`VNI-Times,Bold`).
_TCVN3_FONT = re.compile(r"^(?:[A-Z]{6}\+)?\.?vn[a-z]", re.IGNORECASE)
_VNI_FONT = re.compile(r"^(?:[A-Z]{6}\+)?vni[-_ ]", re.IGNORECASE)
_SYMBOL_AREA = 0xF000  # Word stores a symbol font's bytes as U+F000 + byte


def legacy_font_of(font_name: str) -> LegacyFont | None:
    """The legacy encoding a font's text is in, by the font's name, or None for a Unicode font."""
    name = font_name.strip()
    if _VNI_FONT.match(name):
        return LegacyFont.VNI
    if _TCVN3_FONT.match(name):
        return LegacyFont.TCVN3
    return None


def _legacy_bytes(text: str) -> bytes:
    """The bytes a legacy font's characters stand for: a Latin-1 code, a symbol-area code or
    a cp1252 glyph; a character none of these can hold becomes `?`."""
    try:
        return text.encode("latin-1")  # the common case, in C
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(code)
        elif _SYMBOL_AREA <= code <= _SYMBOL_AREA + 0xFF:
            out.append(code - _SYMBOL_AREA)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                out += b"?"
    return bytes(out)


def decode_font_text(text: str, font: LegacyFont) -> str:
    """Unicode for `text` typed in a font of the legacy encoding `font`."""
    data = _legacy_bytes(text)
    return decode_tcvn3(data) if font is LegacyFont.TCVN3 else decode_vni(data)
