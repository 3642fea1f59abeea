"""The repairs to pdfium's page text: words stay whole and marks stay on their letters.

A table of pdfium's oddities, then real PDFs whose lines end in hyphens.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.text.formats import Deadline
from index.text.formats.pdf import read_pdf
from index.text.formats.pdf_text import clean_page_text
from tests.index.text.formats.pdf_files import write_lines_pdf, write_pdf


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Hạn hán\r\nmiền Trung\r\n", "Hạn hán\nmiền Trung"),
        ("Vie\u0302\u0323t Nam", "Việt Nam"),
        ("Vie\u0302 \u0323t Nam", "Việt Nam"),  # a mark pdfium set apart by a space
        ("Ngu\u031b\u0300 \u01a1i", "Ngừ ơi"),  # a space before a letter stays
        ("informa\ufffetion", "information"),
        ("kinh te\u0302\u0301\ufffexa\u0303 ho\u0323\u0302i", "kinh tế-xã hội"),
        ("kinh tin\x02hoc", "kinh tin-hoc"),
        ("con\u00ad\ntent", "content"),
        ("\ufb01le \ufb02ow o\ufb03ce", "file flow office"),
        ("a\x00b\x07c\td", "abc\td"),
        ("Đà Nẵng - Huế", "Đà Nẵng - Huế"),
    ],
)
def test_page_text_is_repaired(raw: str, clean: str) -> None:
    assert clean_page_text(raw) == clean


def test_a_word_broken_at_a_line_end_is_whole_again(tmp_path: Path) -> None:
    path = write_lines_pdf(
        tmp_path / "gach.pdf",
        [[("helvetica", "the information is in the informa-"), ("helvetica", "tion desk")]],
    )
    (page,) = read_pdf(path.read_bytes(), Deadline()).parts
    assert "information desk" in page


def test_two_syllables_joined_at_a_line_end_keep_their_hyphen(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "gach.pdf", ["Phát triển kinh tế-\nxã hội ổn định"])
    (page,) = read_pdf(path.read_bytes(), Deadline()).parts
    assert page == "Phát triển kinh tế-xã hội ổn định"
