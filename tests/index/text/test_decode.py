"""decode_bytes: a file's bytes in any encoding old or new Vietnamese files use come back as text.

Binary or undecodable bytes raise UndecodableFile whose reason says what is wrong with the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.errors import TimTinError, UndecodableFile
from index.text.decode import decode_bytes
from tests.index.text.legacy_fixtures import (
    encode_cp1258,
    encode_tcvn3,
    encode_viqr,
    encode_vni,
    mis_decode,
)

ARTICLE = (
    "Chủ tịch nước Lương Cường tiếp đoàn đại biểu Nga.\n"
    "Người dân Hà Nội vui mừng đón chào; ông khẳng định sự ủng hộ quý báu."
)


def _viqr(text: str) -> bytes:
    return encode_viqr(text).encode("ascii")


def _mojibake(text: str) -> bytes:
    return mis_decode(text).encode("utf-8")


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (encode_tcvn3, "tcvn3"),
        (encode_vni, "vni-windows"),
        (encode_cp1258, "windows-1258"),
        (_viqr, "viqr"),
        (_mojibake, "utf-8 (mis-decoded as cp1252)"),
    ],
    ids=["tcvn3", "vni", "windows-1258", "viqr", "mojibake"],
)
def test_an_old_vietnamese_encoding_decodes_to_the_article(
    encode: Callable[[str], bytes], encoding: str
) -> None:
    data = encode(ARTICLE)
    assert data != ARTICLE.encode("utf-8")  # the fixture really is in another encoding
    decoded = decode_bytes(data)
    assert decoded.text == ARTICLE
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8 (BOM)"),
        (ARTICLE.encode("utf-16"), "utf-16"),  # with a BOM
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: told by its NUL bytes
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-32"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "utf32"],
)
def test_unicode_encodings_decode_with_or_without_a_byte_order_mark(
    data: bytes, encoding: str
) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == ARTICLE
    assert decoded.encoding == encoding


def test_a_few_broken_bytes_in_utf8_are_replaced_and_counted() -> None:
    data = ARTICLE.encode("utf-8")
    damaged = data[:20] + b"\xff" + data[20:40] + b"\xfe" + data[40:]
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "utf-8 (2 invalid bytes replaced)"
    assert decoded.text.count("\ufffd") == 2
    assert decoded.text.replace("\ufffd", "") == ARTICLE
    one = decode_bytes(data[:20] + b"\xff" + data[20:])
    assert one.encoding == "utf-8 (1 invalid byte replaced)"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (contains NUL"),
        (b"PK\x03\x04" + bytes(range(256)) * 2, "binary file (contains NUL bytes)"),
        (b"abc\x01\x02\x03\x04 text" * 10, "binary data (control characters after decoding"),
        (b"\x00\x01\x02\x03" * 50, "binary data (control characters after decoding as utf-16"),
        ("Việt Nam".encode("utf-16")[:-1], "invalid utf-16 at byte"),
        (bytes(range(0x80, 0x100)) * 4, "not UTF-8 (invalid byte 0x80 at 0)"),
    ],
    ids=["empty", "blank", "png", "zip", "controls", "nul-controls", "cut-utf16", "high-bytes"],
)
def test_bytes_that_are_not_text_raise_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableFile) as raised:
        decode_bytes(data)
    assert raised.value.reason.startswith(reason)
    assert isinstance(raised.value, TimTinError)


def test_plain_western_text_in_cp1252_is_still_read() -> None:
    decoded = decode_bytes("Café crème, naïve façade".encode("cp1252"))
    assert decoded.text == "Café crème, naïve façade"
    assert decoded.encoding == "cp1252"


_PROSE = st.text(
    st.sampled_from([*"aàáảãạăắâấđeéêếiíoóôốơớuúưứyýbcghklmnqrstvx ,.\n", "Đ", "Ư"]),
    min_size=1,
    max_size=80,
).filter(str.strip)


@given(_PROSE)
def test_vietnamese_saved_as_utf8_or_utf16_reads_back_unchanged(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).text == text
    assert decode_bytes(text.encode("utf-16")).text == text
