"""EPUB books read chapter by chapter in reading order, each opening with its title.

Real zip files on disk; DRM-encrypted and damaged books are refused with a reason.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.documents import read_text
from index.text.formats import Deadline, read_format
from index.text.formats.epub import read_epub
from tests.index.text.formats.web_files import ARTICLE, write_article_epub, write_epub

CHAPTERS = [
    "Chương một: Làng quê\nBuổi sáng, sương còn phủ trắng cánh đồng.\nBà cụ nhóm bếp.",
    "Chương hai: Thành phố\nChuyến xe đêm đưa cậu bé lên thủ đô.",
]


def test_chapters_come_in_spine_order_with_their_titles(tmp_path: Path) -> None:
    # The files are named so that zip (and name) order is the reverse of reading order.
    path = write_epub(
        tmp_path / "sach.epub", CHAPTERS, title="Quê nhà", file_names=["z.xhtml", "a.xhtml"]
    )
    assert zipfile.ZipFile(path).namelist().index("OEBPS/Text/a.xhtml") < zipfile.ZipFile(
        path
    ).namelist().index("OEBPS/Text/z.xhtml")
    extracted = read_format(path, path.read_bytes())
    assert extracted.parts == tuple(CHAPTERS)
    assert not extracted.paged
    assert (extracted.title, extracted.date, extracted.encoding) == (
        "Quê nhà",
        "02/04/2024",
        "epub",
    )


def test_a_chapter_without_a_heading_starts_with_its_title(tmp_path: Path) -> None:
    written = write_epub(tmp_path / "co.epub", ["Tựa chương\nNội dung."])
    path = tmp_path / "khong-tieu-de.epub"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as book:
        for name in source.namelist():
            data = source.read(name)
            if name == "OEBPS/Text/chuong01.xhtml":
                data = "<html><head><title>Lời tựa</title></head><body><p>Nội dung.</p>".encode()
            book.writestr(name, data)
    assert read_epub(path.read_bytes(), Deadline()).parts == ("Lời tựa\nNội dung.",)


def test_an_epub_article_reads_as_its_text(tmp_path: Path) -> None:
    document = read_text(write_article_epub(tmp_path / "bai.epub", ARTICLE))
    assert document.text == ARTICLE
    assert document.kind == "epub"


def test_a_drm_encrypted_book_is_refused(tmp_path: Path) -> None:
    path = write_epub(tmp_path / "drm.epub", CHAPTERS, encrypted=True)
    with pytest.raises(UndecodableFile, match="encrypted"):
        read_epub(path.read_bytes(), Deadline())


def test_obfuscated_fonts_alone_are_not_drm(tmp_path: Path) -> None:
    path = write_epub(tmp_path / "font.epub", CHAPTERS)
    with zipfile.ZipFile(path, "a") as book:
        book.writestr(
            "META-INF/encryption.xml",
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
            '<enc:CipherData><enc:CipherReference URI="OEBPS/Fonts/a.otf"/></enc:CipherData>'
            "</enc:EncryptedData></encryption>",
        )
    assert read_epub(path.read_bytes(), Deadline()).parts == tuple(CHAPTERS)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "damaged"),
        (b"", "damaged"),
    ],
)
def test_a_damaged_book_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableFile, match=reason):
        read_epub(data, Deadline())


def test_a_zip_that_is_no_book_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gia.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải sách")
    with pytest.raises(UndecodableFile, match="not an EPUB"):
        read_epub(path.read_bytes(), Deadline())
