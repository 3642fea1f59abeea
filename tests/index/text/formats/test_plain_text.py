"""Plain `.txt` files: the bytes of a real file in any known encoding read as Vietnamese text.

Through read_plain_text and through read_format, which picks the reader by the file's suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.formats import Deadline, Extracted, is_readable_name, read_format
from index.text.formats.plain_text import read_plain_text
from tests.index.text.legacy_fixtures import encode_tcvn3, encode_vni

TEXT = "Hạn hán ở miền Trung\n02/04/2024\nNgười dân miền Trung thiếu nước."


def _utf16(text: str) -> bytes:
    return text.encode("utf-16")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [(_utf8, "utf-8"), (_utf16, "utf-16"), (encode_tcvn3, "tcvn3"), (encode_vni, "vni-windows")],
)
def test_a_txt_file_reads_as_its_vietnamese_text(
    tmp_path: Path, encode: Callable[[str], bytes], encoding: str
) -> None:
    path = tmp_path / "han-han.txt"
    path.write_bytes(encode(TEXT))
    extracted = read_plain_text(path.read_bytes(), Deadline())
    assert extracted == Extracted((TEXT,), encoding)
    assert read_format(path, path.read_bytes()) == extracted


@pytest.mark.parametrize("name", ["ghi-chu.TXT", "bai-viet", "du-lieu.log"])
def test_other_names_are_read_as_plain_text_too(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(encode_tcvn3(TEXT))
    assert read_format(path, path.read_bytes()).parts == (TEXT,)


def test_a_binary_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UndecodableFile, match="binary file"):
        read_plain_text(path.read_bytes(), Deadline())


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("tin.txt", True),
        ("TIN.TXT", True),
        ("tin.Txt", True),
        ("tin.txt.bak", False),
        ("tin.md", True),
        ("txt", False),
    ],
)
def test_txt_names_are_the_readable_ones(name: str, readable: bool) -> None:
    assert is_readable_name(name) is readable
