"""Text typed in legacy Vietnamese fonts: which fonts are legacy, and their glyphs decoded.

The characters Word and PDF files hold for `.VnTime` and `VNI-Times` text, made from real text.
"""

from __future__ import annotations

import pytest

from index.text.legacy_fonts import LegacyFont, decode_font_text, legacy_font_of
from tests.index.text.legacy_fixtures import encode_tcvn3, encode_vni

TEXT = "Hợp đồng lao động giữa Công ty Việt Nam và người lao động"


@pytest.mark.parametrize(
    ("name", "font"),
    [
        (".VnTime", LegacyFont.TCVN3),
        (".VnTimeH", LegacyFont.TCVN3),
        (".VnArial", LegacyFont.TCVN3),
        ("ABCDEF+.VnTime", LegacyFont.TCVN3),  # a PDF's subset prefix
        ("VNI-Times", LegacyFont.VNI),
        ("VNI-Helve,Bold", LegacyFont.VNI),
        ("Times New Roman", None),
        ("Arial", None),
        ("Verdana", None),
    ],
)
def test_fonts_are_told_by_their_names(name: str, font: LegacyFont | None) -> None:
    assert legacy_font_of(name) is font


def test_tcvn3_glyphs_read_as_vietnamese() -> None:
    glyphs = encode_tcvn3(TEXT).decode("latin-1")
    assert glyphs.startswith("Hîp ®ång")  # what a .VnTime run holds
    assert decode_font_text(glyphs, LegacyFont.TCVN3) == TEXT


def test_vni_glyphs_read_as_vietnamese_whether_stored_as_cp1252_or_latin1() -> None:
    data = encode_vni(TEXT)
    for glyphs in (data.decode("cp1252", errors="replace"), data.decode("latin-1")):
        assert decode_font_text(glyphs, LegacyFont.VNI) == TEXT


def test_symbol_area_characters_are_the_legacy_bytes() -> None:
    glyphs = "".join(chr(0xF000 + byte) for byte in encode_tcvn3("Hà Nội"))
    assert decode_font_text(glyphs, LegacyFont.TCVN3) == "Hà Nội"
