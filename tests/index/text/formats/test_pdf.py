"""PDF files: real PDFs (fpdf2, pypdf, raw syntax) read page by page as Vietnamese text.

Metadata, legacy fonts, refusals (scanned, encrypted, truncated) and the caps on hostile files.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.documents import read_document
from index.text.formats import Deadline, read_format
from index.text.formats.limits import MAX_PARTS, TIME_LIMIT_SECONDS
from index.text.formats.pdf import pdf_date, pdf_title, read_pdf
from tests.index.text.formats.pdf_files import (
    Font,
    raw_pdf,
    write_drawing_pdf,
    write_pdf,
    write_scanned_pdf,
)
from tests.index.text.legacy_fixtures import PROSE_PANGRAMS, tcvn3_expected

ARTICLE = (
    "Hạn hán ở miền Trung\n"
    "Người dân thiếu nước sinh hoạt, kinh tế - xã hội gặp khó khăn.\n"
    "Ông Kỷ dặn cậu Ẩn: “Hãy giữ lời hứa với Ỷ Lan và Đức.”"
)
PAGE_TWO = "Trang hai: những đóa sen hồng nở rộ ở Ấn Độ."


def _read(path: Path) -> tuple[str, ...]:
    return read_pdf(path.read_bytes(), Deadline()).parts


def test_nfd_text_reads_as_the_nfc_words(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "nfd.pdf", [ARTICLE], nfd=True)
    (page,) = _read(path)
    assert page == ARTICLE
    assert unicodedata.is_normalized("NFC", page)
    assert "Người" in page.split()


def test_a_two_page_pdf_gives_one_part_per_page(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "hai-trang.pdf", [ARTICLE, PAGE_TWO])
    extracted = read_pdf(path.read_bytes(), Deadline())
    assert extracted.paged
    assert extracted.parts == (ARTICLE, PAGE_TWO)
    assert extracted.encoding == "pdf"


def test_title_and_date_come_from_the_metadata(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "tin.pdf",
        [ARTICLE],
        title_meta="Báo cáo hạn hán 2025",
        date_meta=datetime(2025, 10, 26, 9, 30),
    )
    extracted = read_pdf(path.read_bytes(), Deadline())
    assert (extracted.title, extracted.date) == ("Báo cáo hạn hán 2025", "26/10/2025")


def test_without_metadata_the_title_and_date_are_empty(tmp_path: Path) -> None:
    extracted = read_pdf(write_pdf(tmp_path / "tin.pdf", [ARTICLE]).read_bytes(), Deadline())
    assert (extracted.title, extracted.date) == ("", "")


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("  Hạn hán ở miền Trung ", "Hạn hán ở miền Trung"),
        ("Microsoft Word - Hop dong lao dong", "Hop dong lao dong"),
        ("Microsoft Word - hop-dong.doc", ""),
        ("bao-cao.docx", ""),
        ("", ""),
    ],
)
def test_a_title_that_names_a_file_is_no_title(value: str, title: str) -> None:
    assert pdf_title(value) == title


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("D:20251026093000+07'00'", "26/10/2025"),
        ("D:19990102", "02/01/1999"),
        ("20240229120000Z", "29/02/2024"),
        ("D:20251399", ""),
        ("hôm qua", ""),
        ("", ""),
    ],
)
def test_a_pdf_date_reads_as_day_month_year(value: str, date: str) -> None:
    assert pdf_date(value) == date


@pytest.mark.parametrize(("font", "encoding"), [("tcvn3", "pdf+tcvn3"), ("vni", "pdf+vni-windows")])
def test_a_legacy_font_pdf_reads_as_vietnamese_unicode(
    tmp_path: Path, font: Font, encoding: str
) -> None:
    text = "\n".join(PROSE_PANGRAMS)
    path = write_pdf(tmp_path / f"{font}.pdf", [text, PAGE_TWO], font=font)
    extracted = read_pdf(path.read_bytes(), Deadline())
    expected = tcvn3_expected(text) if font == "tcvn3" else text
    assert extracted.parts[0].split() == expected.split()
    assert "Người" in extracted.parts[0] or "người" in extracted.parts[0]
    assert extracted.encoding == encoding
    assert len(extracted.parts) == 2


@pytest.mark.parametrize("write", [write_scanned_pdf, write_drawing_pdf])
def test_a_pdf_without_a_text_layer_is_refused_as_scanned(
    tmp_path: Path, write: Callable[[Path], Path]
) -> None:
    path = write(tmp_path / "scan.pdf")
    with pytest.raises(UndecodableFile, match=r"^scanned, no text$"):
        _read(path)


def test_an_encrypted_pdf_is_refused_as_encrypted(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "mat.pdf", [ARTICLE], encrypt_password="bímật")
    with pytest.raises(UndecodableFile, match="encrypted"):
        _read(path)


def test_a_truncated_pdf_is_refused_as_damaged(tmp_path: Path) -> None:
    whole = write_pdf(tmp_path / "tin.pdf", [ARTICLE, PAGE_TWO, ARTICLE]).read_bytes()
    half = whole[: len(whole) // 2]
    with pytest.raises(UndecodableFile, match="damaged"):
        read_pdf(half, Deadline())
    with pytest.raises(UndecodableFile, match="damaged"):  # even when it claims to end
        read_pdf(half + b"\n%%EOF\n", Deadline())


@pytest.mark.parametrize("data", [b"", b"Hello", b"%PDF-1.7\n" + bytes(range(256)) + b"%%EOF"])
def test_bytes_that_are_no_pdf_are_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(UndecodableFile) as raised:
        read_pdf(data, Deadline())
    assert raised.value.reason


def test_a_2000_page_pdf_is_read_within_the_time_limit(tmp_path: Path) -> None:
    pages = [f"Trang {n}: người dân miền Trung thiếu nước." for n in range(1, 2001)]
    path = write_pdf(tmp_path / "dai.pdf", pages)
    started = time.perf_counter()
    parts = _read(path)
    elapsed = time.perf_counter() - started
    assert parts[1999] == pages[1999]
    assert len(parts) == 2000
    assert elapsed < TIME_LIMIT_SECONDS / 3, elapsed


def test_pages_past_max_parts_are_cut(tmp_path: Path) -> None:
    data = raw_pdf([[("helvetica", f"Trang {n}")] for n in range(1, MAX_PARTS + 11)])
    parts = read_pdf(data, Deadline())
    assert len(parts.parts) == MAX_PARTS
    assert parts.parts[-1] == f"Trang {MAX_PARTS}"


def test_a_spent_deadline_stops_the_reading(tmp_path: Path) -> None:
    data = raw_pdf([[("helvetica", f"Trang {n}")] for n in range(1, 50)])
    with pytest.raises(UndecodableFile, match="longer than"):
        read_pdf(data, Deadline(seconds=-1))


def test_a_page_tree_that_loops_is_read_once(tmp_path: Path) -> None:
    data = raw_pdf([[("helvetica", "Trang mot")]])
    looping = data.replace(b"/Kids [7 0 R] /Count 1", b"/Kids [2 0 R 7 0 R 2 0 R] /Count 9999999")
    assert looping != data
    started = time.perf_counter()
    assert read_pdf(looping, Deadline()).parts == ("Trang mot",)
    assert time.perf_counter() - started < 5


def test_read_document_gives_a_pdf_document_with_its_page_starts(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "han-han.pdf", [ARTICLE, PAGE_TWO], nfd=True)
    document = read_document(path)
    assert document.kind == "pdf"
    assert document.encoding == "pdf"
    assert document.text == f"{ARTICLE}\n\n{PAGE_TWO}"
    assert document.page_starts == (0, len(ARTICLE) + 2)
    assert document.title == "Hạn hán ở miền Trung"  # no metadata: the first line
    assert read_format(path, path.read_bytes()).paged


def test_pdfs_read_from_several_threads_at_once_read_right(tmp_path: Path) -> None:
    paths = [
        write_pdf(tmp_path / "a.pdf", [ARTICLE] * 20),
        write_pdf(tmp_path / "b.pdf", [PAGE_TWO] * 20, font="vni"),
    ]
    expected = {path: _read(path) for path in paths}
    failures: list[str] = []

    def read_often() -> None:
        for _ in range(5):
            for path in paths:
                if _read(path) != expected[path]:
                    failures.append(path.name)

    threads = [threading.Thread(target=read_often) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
