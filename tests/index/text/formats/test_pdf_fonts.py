"""Legacy Vietnamese fonts in PDFs: which pages use them, and spans decoded font by font.

Real pages from hand-written PDFs; the pdfium fallback is used when pypdf cannot read a file.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from index.text.formats import Deadline
from index.text.formats.pdf import read_pdf
from index.text.formats.pdf_fonts import LegacyPages, decode_spans, legacy_font_on
from index.text.legacy_fonts import LegacyFont
from tests.index.text.formats.pdf_files import Font, raw_pdf, write_pdf
from tests.index.text.legacy_fixtures import encode_tcvn3, encode_vni


@pytest.mark.parametrize(
    ("font", "legacy"), [("tcvn3", LegacyFont.TCVN3), ("vni", LegacyFont.VNI), ("unicode", None)]
)
def test_the_legacy_font_of_a_page_is_found(
    tmp_path: Path, font: Font, legacy: LegacyFont | None
) -> None:
    path = write_pdf(tmp_path / "tin.pdf", ["Hợp đồng lao động"], font=font)
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        assert legacy_font_on(document[0]) is legacy
    finally:
        document.close()


def test_each_span_is_decoded_in_its_own_font() -> None:
    data = raw_pdf(
        [
            [
                ("tcvn3", "Hợp đồng của người lao động"),
                ("helvetica", "Résumé café – naïve"),
                ("vni", "Người dân miền Trung"),
            ]
        ]
    )
    (page,) = read_pdf(data, Deadline()).parts
    assert page.split("\n")[:3] == [
        "Hợp đồng của người lao động",
        "Résumé café – naïve",
        "Người dân miền Trung",
    ]


@pytest.mark.parametrize(
    ("spans", "text"),
    [
        ([(encode_tcvn3("Hợp đồng").decode("latin-1"), "/.VnTime")], "Hợp đồng"),
        ([(encode_tcvn3("Hợp đồng").decode("latin-1"), "/ABCDEF+.VnTimeH")], "Hợp đồng"),
        ([(encode_vni("Việt Nam").decode("cp1252"), "/VNI-Times,Bold")], "Việt Nam"),
        ([("Hợp đồng", "/.VnTime")], "Hợp đồng"),  # a ToUnicode map made it Unicode already
        (
            [("café ", "/Helvetica"), (encode_tcvn3("người").decode("latin-1"), "/.VnTime")],
            "café người",
        ),
        ([("plain", "")], "plain"),
    ],
)
def test_spans_in_legacy_fonts_are_decoded(spans: list[tuple[str, str]], text: str) -> None:
    assert decode_spans(spans) == text


def test_pdfium_characters_are_decoded_when_pypdf_cannot_read_the_file(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "tin.pdf", ["Hợp đồng lao động ở miền Trung"], font="tcvn3")
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        page = document[0]
        textpage = page.get_textpage()
        text = LegacyPages(b"not a pdf").text(0, textpage)
        textpage.close()
        page.close()
    finally:
        document.close()
    assert text.strip() == "Hợp đồng lao động ở miền Trung"
