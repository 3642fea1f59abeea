"""Turning a file's bytes into text: UTF-8, UTF-16, and old Vietnamese encodings.

Binary or undecodable bytes raise `UndecodableFile` with a reason a person can read.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from index.errors import UndecodableFile
from index.text.legacy_encodings import decode_legacy, repair_decoded

# Past this share of control characters a file is data, not prose.
_MAX_CONTROL_SHARE = 0.01
_CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\n\r\t\f\v")
_CONTROL = re.compile(f"[{re.escape(_CONTROLS)}]")
_CONTROL_BYTES = _CONTROLS.encode("ascii")
# A UTF-8 text may hold this many broken sequences (or one per 1,000 bytes) and still be read.
_MAX_BROKEN_BYTES = 16


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and the encoding it was read as."""

    text: str
    encoding: str


def _checked(text: str, encoding: str, controls: int | None = None) -> DecodedText:
    """`text` unless too much of it is control characters (`controls` counts them, if known)."""
    if controls is None:
        controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise UndecodableFile(f"binary data (control characters after decoding as {encoding})")
    return DecodedText(text, encoding)


def _decode_bom(data: bytes) -> DecodedText | None:
    for bom, encoding, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8 (BOM)"),
        (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), label)
            except UnicodeDecodeError as error:
                raise UndecodableFile(f"invalid {label} at byte {error.start}") from error
    return None


def _looks_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a text file's bytes, or raise `UndecodableFile` saying why not."""
    if not data.strip():
        raise UndecodableFile("empty file")
    decoded = _decode_bom(data)
    if decoded is not None:
        return decoded
    if b"\x00" in data:
        utf16 = _looks_utf16_without_bom(data)
        if utf16 is not None:
            try:
                return _checked(data.decode(utf16), utf16)
            except UnicodeDecodeError:
                pass
        raise UndecodableFile("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _mostly_utf8(data) or _decode_legacy(data, error)
    repaired = repair_decoded(text)  # mojibake (`Viá»‡t`) or VIQR (`Vie^.t`) saved as UTF-8
    if repaired is not None:
        return _checked(*repaired)
    # In UTF-8 a byte below 0x80 is always that ASCII character: count controls in the bytes.
    return _checked(text, "utf-8", len(data) - len(data.translate(None, _CONTROL_BYTES)))


def _mostly_utf8(data: bytes) -> DecodedText | None:
    """UTF-8 text with a few broken bytes (a bad copy, a cut download): each is replaced by
    U+FFFD, which no word holds, and the encoding says how many.  Legacy encodings break UTF-8
    at nearly every accented letter, so they never pass for this."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))  # counted in C, not per char
    accented = non_ascii - text.count("\ufffd")
    if broken > max(_MAX_BROKEN_BYTES, len(data) // 1000) or accented < broken:
        return None
    plural = "s" if broken > 1 else ""
    return _checked(text, f"utf-8 ({broken} invalid byte{plural} replaced)")


def _decode_legacy(data: bytes, error: UnicodeDecodeError) -> DecodedText:
    """Bytes that are not UTF-8: Windows-1258, TCVN3, VNI, or plain cp1252 prose."""
    legacy = decode_legacy(data)
    if legacy is None:
        raise UndecodableFile(
            f"not UTF-8 (invalid byte 0x{data[error.start]:02x} at {error.start}) "
            "and not a known Vietnamese encoding"
        )
    return _checked(*legacy)
