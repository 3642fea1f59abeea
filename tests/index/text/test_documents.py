"""read_document and read_or_skip: a real file becomes a Document, or a skip with a reason.

The text is decoded and normalised, titled and dated; special files are refused, never read.
"""

from __future__ import annotations

import hashlib
import os
import socket
import unicodedata
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.results import SkippedFile
from index.text.documents import MAX_FILE_BYTES, Document, read_document, read_or_skip, read_text
from tests.conftest import LUONG_CUONG
from tests.index.text.legacy_fixtures import encode_tcvn3

ARTICLE = "Lũ lụt ở miền Trung\r\n01/10/2024\r\nNgười\u00a0dân sơ\u200btán."


def test_a_file_becomes_a_document_of_normalised_text(tmp_path: Path) -> None:
    path = tmp_path / "lu-lut.txt"
    data = unicodedata.normalize("NFD", ARTICLE).encode("utf-8")
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == "Lũ lụt ở miền Trung\n01/10/2024\nNgười dân sơtán."
    assert unicodedata.is_normalized("NFC", doc.text)
    assert (doc.title, doc.date, doc.date_key) == ("Lũ lụt ở miền Trung", "01/10/2024", "20241001")
    assert doc.path == str(path) and doc.encoding == "utf-8"
    assert doc.size == len(data) == path.stat().st_size
    assert doc.mtime == path.stat().st_mtime
    assert doc.content_hash == hashlib.blake2b(data, digest_size=16).hexdigest()


def test_the_content_hash_follows_the_bytes_not_the_name(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Hà Nội mùa thu", encoding="utf-8")
    second.write_text("Hà Nội mùa thu", encoding="utf-8")
    assert read_document(first).content_hash == read_document(second).content_hash
    second.write_text("Hà Nội mùa đông", encoding="utf-8")
    assert read_document(first).content_hash != read_document(second).content_hash


def test_a_seed_article_reads_with_its_title_and_date() -> None:
    doc = read_document(LUONG_CUONG)
    assert doc.title.startswith("Việt Nam coi Nga là một trong những ưu tiên")
    assert doc.date and len(doc.date_key) == 8 and doc.date_key.isdigit()


def test_a_document_without_a_date_has_an_empty_date_key(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.txt"
    path.write_text("Ghi chú\nkhông có ngày tháng.", encoding="utf-8")
    doc = read_document(path)
    assert (doc.date, doc.date_key) == ("", "")


def test_read_text_is_what_the_index_saw(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(encode_tcvn3("Người dân Hà Nội\r\nvui mừng."))
    text = read_text(path)
    assert text.text == read_document(path).text == "Người dân Hà Nội\nvui mừng."
    assert text.encoding == "tcvn3"


def test_a_binary_file_is_skipped_with_the_decoders_reason(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert read_or_skip(str(path)) == SkippedFile(str(path), "binary file (contains NUL bytes)")
    with pytest.raises(UndecodableFile):
        read_document(path)


def test_a_missing_file_is_skipped_with_the_systems_reason(tmp_path: Path) -> None:
    path = tmp_path / "da-xoa.txt"
    assert read_or_skip(str(path)) == SkippedFile(str(path), os.strerror(2))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_special_files_are_skipped_without_being_read(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)  # a plain read would wait for ever for a writer
    folder = tmp_path / "thu-muc.txt"
    folder.mkdir()
    sock_path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        skipped = [read_or_skip(str(path)) for path in (fifo, folder, sock_path)]
    assert [skip.reason for skip in skipped if isinstance(skip, SkippedFile)] == [
        "a named pipe, not a file",
        "a folder, not a file",
        "a socket, not a file",
    ]


def test_a_file_over_the_size_cap_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    with open(path, "wb") as file:
        file.truncate(MAX_FILE_BYTES + 1024 * 1024)  # sparse: costs no disk
    skipped = read_or_skip(str(path))
    assert isinstance(skipped, SkippedFile)
    assert skipped.reason == "too large (65 MB, the limit is 64 MB)"


def test_a_readable_file_is_returned_as_a_document_by_read_or_skip(tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text("Tin tức\n05/06/2025\nNội dung.", encoding="utf-8")
    read = read_or_skip(str(path))
    assert isinstance(read, Document)
    assert read == read_document(path)
