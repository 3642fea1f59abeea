"""Encoders that write Vietnamese the way old files hold it: 1258, TCVN3, VNI, VIQR, mojibake.

Test-only, and written apart from index/text/legacy_encodings.py so a round trip checks its tables.
"""

from __future__ import annotations

import re
import unicodedata

GRAVE, ACUTE, TILDE, HOOK, DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONES = (GRAVE, ACUTE, TILDE, HOOK, DOT)
VOWELS = "aăâeêioôơuưy"

# Every vowel with every tone, in real syllables, then the same in capitals.
SYLLABLE_PANGRAMS = (
    "Ba bà bá bả bã bạ; săn bằng bắn thẳng hẵng mặn.",
    "Cân cần cấm cẩn lẫn cận; em mè mé kẻ kẽ mẹ.",
    "Bên bền bến để mễ Việt; tin tìm tím tỉ tĩnh tịt.",
    "Cô tồn tốt tổ mỗi tộc; to tò có cỏ cõi cọ.",
    "Mơ mờ mới mở mỡ mợ; tu tù tú tủ vũ tụ.",
    "Tư từ tứ tử những tự; y ỳ ý kỷ kỹ kỵ; đi Đà.",
)
UPPER_PANGRAMS = tuple(line.upper() for line in SYLLABLE_PANGRAMS)
# Prose that reads like Vietnamese, with capitals at the start of words.
PROSE_PANGRAMS = (
    "Thuở nhỏ đứa bé ấy ngồi học chữ quốc ngữ, viết nắn nót từng nét.",
    "Gió đưa cành trúc la đà, tiếng chuông Trấn Vũ canh gà Thọ Xương.",
    "Bữa ấy, ông Kỷ dặn cậu Ẩn: “Hãy giữ lời hứa với Ỷ Lan và Đức.”",
    "Trăm năm trong cõi người ta, chữ tài chữ mệnh khéo là ghét nhau.",
    "Ở Ấn Độ, Ủy ban Ảnh Ý Ơn Ưng Ắt Ặc Ằm: những đóa sen hồng nở rộ…",
)
PANGRAMS = SYLLABLE_PANGRAMS + UPPER_PANGRAMS + PROSE_PANGRAMS


def split_letter(ch: str) -> tuple[str, str, str]:
    """(base letter, quality mark, tone mark) of one NFC character; marks may be empty."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    tone = "".join(m for m in marks if m in TONES)
    shape = "".join(m for m in marks if m not in TONES)
    return base, shape, tone


# --- Windows-1258 ------------------------------------------------------------------------------


def encode_cp1258(text: str, *, precomposed: bool = True) -> bytes:
    """Windows-1258: precomposed letters where the code page has them, else base + tone byte."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if precomposed or not split_letter(ch)[2]:
            try:
                out += ch.encode("cp1258")
                continue
            except UnicodeEncodeError:
                pass
        base, shape, tone = split_letter(ch)
        out += unicodedata.normalize("NFC", base + shape).encode("cp1258")
        out += tone.encode("cp1258")
    return bytes(out)


# --- TCVN3 (ABC) -------------------------------------------------------------------------------

# One row per tone, one column per vowel in VOWELS order (transposed from the decoder's table).
TCVN3_TONED = {
    GRAVE: b"\xb5\xbb\xc7\xcc\xd2\xd7\xdf\xe5\xea\xef\xf5\xfa",
    HOOK: b"\xb6\xbc\xc8\xce\xd3\xd8\xe1\xe6\xeb\xf1\xf6\xfb",
    TILDE: b"\xb7\xbd\xc9\xcf\xd4\xdc\xe2\xe7\xec\xf2\xf7\xfc",
    ACUTE: b"\xb8\xbe\xca\xd0\xd5\xdd\xe3\xe8\xed\xf3\xf8\xfd",
    DOT: b"\xb9\xc6\xcb\xd1\xd6\xde\xe4\xe9\xee\xf4\xf9\xfe",
}
TCVN3_PLAIN = dict(zip("ĂÂÊÔƠƯĐăâêôơưđ", range(0xA1, 0xAF), strict=True))


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 as an ABC typist wrote it: accented capitals take the lowercase code (.VnTimeH)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in TCVN3_PLAIN:
            out.append(TCVN3_PLAIN[ch])
            continue
        base, shape, tone = split_letter(ch.lower())
        vowel = unicodedata.normalize("NFC", base + shape)
        if tone and vowel in VOWELS:
            out.append(TCVN3_TONED[tone][VOWELS.index(vowel)])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def tcvn3_expected(text: str) -> str:
    """What TCVN3 keeps of `text`: accented capitals come back lowercase unless their word is
    otherwise all capitals, with at least two that TCVN3 can write ("VIỆT", "ĐỨC", not "HỒ")."""

    def word(match: re.Match[str]) -> str:
        lowered = "".join(
            ch.lower() if ch.isupper() and ch not in TCVN3_PLAIN and split_letter(ch)[2] else ch
            for ch in match.group()
        )
        kept_caps = sum(ch.isupper() for ch in lowered)
        lowered_toned = any(ch.islower() and split_letter(ch)[2] for ch in lowered)
        plain_lower = any(ch.islower() and not split_letter(ch)[2] for ch in lowered)
        if lowered_toned and kept_caps >= 2 and not plain_lower:
            return lowered.upper()
        return lowered

    return re.sub(r"[^\W\d_]+", word, unicodedata.normalize("NFC", text))


# --- VNI-Windows -------------------------------------------------------------------------------

VNI_TONE = {ACUTE: "ù", GRAVE: "ø", HOOK: "û", TILDE: "õ", DOT: "ï"}
VNI_CIRCUMFLEX = {"": "â", ACUTE: "á", GRAVE: "à", HOOK: "å", TILDE: "ã", DOT: "ä"}
VNI_BREVE = {"": "ê", ACUTE: "é", GRAVE: "è", HOOK: "ú", TILDE: "ü", DOT: "ë"}
VNI_I = {ACUTE: "í", GRAVE: "ì", HOOK: "æ", TILDE: "ó", DOT: "ò"}


def _vni_letter(ch: str) -> str:
    if ch.lower() == "đ":
        return "ñ" if ch == "đ" else "Ñ"
    base, shape, tone = split_letter(ch)
    upper = base.isupper()
    low = base.lower()
    if low == "i" and tone:
        mark = VNI_I[tone]
        return mark.upper() if upper else mark
    if low == "y" and tone == DOT:
        return "Î" if upper else "î"
    if shape == HORN:
        head, mark = ("ô" if low == "o" else "ö"), VNI_TONE.get(tone, "")
    elif shape == CIRCUMFLEX:
        head, mark = low, VNI_CIRCUMFLEX[tone]
    elif shape == BREVE:
        head, mark = low, VNI_BREVE[tone]
    else:
        head, mark = low, VNI_TONE.get(tone, "")
    glyphs = head + mark
    return glyphs.upper() if upper else glyphs


def encode_vni(text: str) -> bytes:
    """VNI-Windows: base letter then a mark byte, single bytes for đ, ơ, ư and toned i."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        base = split_letter(ch)[0]
        is_letter = ch.lower() == "đ" or (base.isascii() and base.isalpha() and base != ch)
        out.append(_vni_letter(ch) if is_letter else ch)
    return "".join(out).encode("cp1252")


# --- VIQR --------------------------------------------------------------------------------------

VIQR_SHAPE = {CIRCUMFLEX: "^", BREVE: "(", HORN: "+"}
VIQR_TONE = {ACUTE: "'", GRAVE: "`", HOOK: "?", TILDE: "~", DOT: "."}
VIQR_MARKS = "(^+'`?~.\\"


def encode_viqr(text: str, *, escape: bool = True) -> str:
    """VIQR (RFC 1456): "Vie^.t Nam"; a literal mark right after a vowel is escaped with "\\"."""
    out: list[str] = []
    attachable = False  # whether a mark written now would attach to the letter before it
    for ch in unicodedata.normalize("NFC", text):
        if ch in ("đ", "Đ"):
            out.append("dd" if ch == "đ" else "DD")
            attachable = False
            continue
        base, shape, tone = split_letter(ch)
        if base.isascii() and base.isalpha():
            out.append(base + VIQR_SHAPE.get(shape, "") + VIQR_TONE.get(tone, ""))
            attachable = base.lower() in "aeiouy" and not tone
            continue
        if escape and ch in VIQR_MARKS and (attachable or ch == "\\"):
            out.append("\\")
        out.append(ch)
        attachable = False
    return "".join(out)


# --- mojibake ----------------------------------------------------------------------------------


def mis_decode(text: str, codec: str = "cp1252", times: int = 1) -> str:
    """UTF-8 read as `codec` byte by byte (undefined bytes kept as C1 controls), `times` times."""
    for _ in range(times):
        text = "".join(
            b.decode(codec, errors="replace").replace("\ufffd", chr(b[0]))
            for b in (bytes([x]) for x in text.encode("utf-8"))
        )
    return text
