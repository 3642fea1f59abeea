"""Reading of old Vietnamese files: Windows-1258, TCVN3, VNI-Windows, VIQR and UTF-8 mojibake.

Each candidate reading is scored by how many of its words are valid Vietnamese syllables.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from index.text.syllables import is_attested_syllable, is_valid_syllable

_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

# Known limits: TCVN3 loses the case of most accented capitals (see _TCVN3_PLAIN); a short
# text can read as Vietnamese in two encodings ("Mơ" in VNI is "Mô" in 1258), and then
# Windows-1258 wins; VN1-only TCVN 5712 capitals in control bytes are not read.

# Scoring looks at the start of a file only; the winner then decodes the whole of it.
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_CHARS = 32 * 1024
_WORD = re.compile(r"[^\W\d_]+")
# Files repeat their words; scoring asks about each one many times.
_is_syllable = functools.lru_cache(maxsize=1 << 16)(is_valid_syllable)
_is_attested = functools.lru_cache(maxsize=1 << 16)(is_attested_syllable)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- single-byte bases -------------------------------------------------------------------------

# cp1252 leaves five bytes undefined; tools that decode it anyway (browsers, editors) keep them as
# the C1 controls latin-1 gives, so both readings are one table.
_CP1252: dict[int, str] = {
    b: ch
    for b in range(0x80, 0xA0)
    if (ch := bytes([b]).decode("cp1252", errors="replace")) != "\ufffd"
}
_CP1258: dict[int, str] = {
    b: ch
    for b in range(0x80, 0x100)
    if (ch := bytes([b]).decode("cp1258", errors="replace")) != "\ufffd"
}


def _decode_cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_CP1252)


# --- TCVN3 (ABC) -------------------------------------------------------------------------------

# TCVN3 is the ABC fonts' layout of TCVN 5712: lowercase letters only, plus seven capitals.
# A capital accented letter was typed with the lowercase code in an all-caps font (.VnTimeH),
# so the bytes cannot tell "Ảnh" from "ảnh"; see _tcvn3_recase for what is recovered.
_TCVN3_PLAIN = dict(zip(range(0xA1, 0xAF), "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))
# Per lowercase vowel: the bytes for grave, hook, tilde, acute and dot below, in that order.
_TCVN3_TONED_ROWS = {
    "a": "b5 b6 b7 b8 b9",
    "ă": "bb bc bd be c6",
    "â": "c7 c8 c9 ca cb",
    "e": "cc ce cf d0 d1",
    "ê": "d2 d3 d4 d5 d6",
    "i": "d7 d8 dc dd de",
    "o": "df e1 e2 e3 e4",
    "ô": "e5 e6 e7 e8 e9",
    "ơ": "ea eb ec ed ee",
    "u": "ef f1 f2 f3 f4",
    "ư": "f5 f6 f7 f8 f9",
    "y": "fa fb fc fd fe",
}
# The full TCVN 5712 (VN1) fills some gaps the ABC fonts leave with capitals; reading them costs
# nothing.  Its capitals in C0 controls and 0x80-0x9F are not read: ABC files hold cp1252
# punctuation (curly quotes, dashes) there, and control bytes mark a file as binary.
_TCVN1_CAPITALS = {
    0xAF: "Ặ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}  # fmt: skip


def _tcvn3_table() -> dict[int, str]:
    table = dict(_CP1252)
    table.update(_TCVN3_PLAIN)
    for vowel, row in _TCVN3_TONED_ROWS.items():
        for code, tone in zip(row.split(), (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT), strict=True):
            table[int(code, 16)] = _nfc(vowel + tone)
    table.update(_TCVN1_CAPITALS)
    return table


_TCVN3 = _tcvn3_table()
_TCVN3_SHARED = frozenset(
    _nfc(v + t) for v in _TCVN3_TONED_ROWS for t in (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)
)
_TCVN3_CAPITALS = "".join(
    sorted({ch for ch in _TCVN3.values() if ch.isupper()} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
)
_TCVN3_CAPITAL_WORD = re.compile(r"[^\W\d_]*[" + _TCVN3_CAPITALS + r"][^\W\d_]*")


def _tcvn3_recase(match: re.Match[str]) -> str:
    """Capitalise a shared-code letter inside an all-caps word ("VIệT" -> "VIỆT")."""
    word = match.group()
    if sum(ch.isupper() for ch in word) < 2:
        return word
    if any(ch.islower() and ch not in _TCVN3_SHARED for ch in word):
        return word
    return word.upper()


def _decode_tcvn3(data: bytes) -> str:
    return _TCVN3_CAPITAL_WORD.sub(_tcvn3_recase, data.decode("latin-1").translate(_TCVN3))


# --- VNI-Windows -------------------------------------------------------------------------------

# VNI writes an accented vowel as the base letter followed by a mark byte (two bytes), except for
# i/y with some tones, đ, ơ and ư, which have bytes of their own.  Shown as cp1252 characters.
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ",
    "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ", "ÿ": "ỵ", "Ÿ": "Ỵ",
}  # fmt: skip
_VNI_SINGLE_TABLE = {ord(k): v for k, v in _VNI_SINGLE.items()}
# Mark byte (lowercase form; the capital form is the same letter upper-cased) -> marks it adds.
_VNI_MARKS = {
    "â": _CIRCUMFLEX, "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK, "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
}  # fmt: skip


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for mark, marks in _VNI_MARKS.items():
        if marks.startswith(_CIRCUMFLEX):
            bases = "aeo"
        elif marks.startswith(_BREVE):
            bases = "a"
        else:
            bases = "aeiouyơư"
        for base in bases:
            letter = _nfc(base + marks)
            for b, m in ((base, mark), (base.upper(), mark.upper())):
                # Mark bytes of either case are seen after either case of letter.
                pairs[b + m] = letter if b.islower() else letter.upper()
                pairs[b + m.swapcase()] = letter if b.islower() else letter.upper()
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_PAIR = re.compile("|".join(sorted(_VNI_PAIRS, key=len, reverse=True)))


def _decode_vni(data: bytes) -> str:
    text = _decode_cp1252(data).translate(_VNI_SINGLE_TABLE)
    return _VNI_PAIR.sub(lambda m: _VNI_PAIRS[m.group()], text)


def _decode_cp1258(data: bytes) -> str:
    return _nfc(data.decode("cp1258", errors="replace"))


# --- choosing a legacy decoding ----------------------------------------------------------------

_CONTROLS = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_DECODERS: tuple[tuple[str, Callable[[bytes], str]], ...] = (
    ("windows-1258", _decode_cp1258),
    ("tcvn3", _decode_tcvn3),
    ("vni-windows", _decode_vni),
)


# A word for scoring takes in the Latin-1 symbols a wrong code page leaves among letters
# ("Ó®" is TCVN3 "để" read as 1258); quotes, degrees and the middle dot stay outside.
_SCORED_WORD = re.compile(r"(?:[^\W\d_]|[\xa2-\xaa\xac-\xaf\xb1-\xb6\xb8-\xba\xbc-\xbf])+")


def _score(text: str) -> tuple[int, int]:
    """(merit, invalid) over the words that are not plain ASCII: a valid syllable earns a point,
    one in the bundled word list a second ("tìm" beats "tỡm"); a word cased like "tƯm" is
    invalid, as only lower, Title and ALL CAPS occur."""
    merit = invalid = 0
    for match in _SCORED_WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        cased = word.islower() or word.istitle() or word.isupper()
        if cased and _is_syllable(word):
            merit += 1 + _is_attested(word)
        else:
            invalid += 1
    return merit, invalid + text.count("\ufffd")


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """For bytes that are NOT valid UTF-8/UTF-16: try Windows-1258, TCVN3, VNI-Windows (and
    cp1252/latin-1 as a last plain option only if the text scores as Vietnamese or plain
    ASCII-ish prose); return (text in NFC, encoding label) for the best-scoring candidate, or
    None if none fits."""
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample or len(_CONTROLS.findall(sample)) * 100 > len(sample):
        return None
    best: tuple[int, int, str, Callable[[bytes], str]] | None = None
    for rank, (label, decode) in enumerate(_DECODERS):
        merit, invalid = _score(decode(sample))
        if merit and merit >= 4 * invalid:
            key = (merit - 2 * invalid, -rank)
            if best is None or key > best[:2]:
                best = (*key, label, decode)
    if best is not None:
        return _nfc(best[3](data)), best[2]
    # Western prose has a few accented letters; random bytes are half high bytes.
    if len(_NON_ASCII.findall(sample)) * 4 <= len(sample):
        return _nfc(_decode_cp1252(data)), "cp1252"
    return None


# --- UTF-8 mojibake ----------------------------------------------------------------------------

# Reverse tables for re-encoding a run of mis-decoded characters to the bytes they came from.
_UNDO: dict[str, dict[str, int]] = {
    "cp1252": {**{chr(b): b for b in range(0x80, 0x100)}, **{ch: b for b, ch in _CP1252.items()}},
    "windows-1258": {
        **{chr(b): b for b in range(0x80, 0xA0)},
        **{ch: b for b, ch in _CP1258.items()},
    },
}


def _undoable(codec: str, lo: int, hi: int) -> str:
    """A character class of what bytes lo..hi look like once mis-decoded as `codec`."""
    found = sorted(ch for ch, b in _UNDO[codec].items() if lo <= b <= hi)
    return "[" + re.escape("".join(found)) + "]"


# A UTF-8 lead byte (C2-F4) followed by a continuation byte (80-BF), as each code page shows it.
_PAIR = {codec: _undoable(codec, 0xC2, 0xF4) + _undoable(codec, 0x80, 0xBF) for codec in _UNDO}
_ANY = {codec: _undoable(codec, 0x80, 0xFF) for codec in _UNDO}
# A run of mis-decoded characters from such a pair on (a sequence starts with its lead byte);
# in cp1252 also "Ã"/"Æ" and the space an editor made of the no-break space after them.
_RUNS = {
    "cp1252": re.compile(f"(?:{_PAIR['cp1252']}{_ANY['cp1252']}*|[ÃÆ]) ?"),
    "windows-1258": re.compile(f"{_PAIR['windows-1258']}{_ANY['windows-1258']}*"),
}
_MOJIBAKE_HINT = re.compile("|".join(_PAIR.values()))


_CP1252_SPECIALS = frozenset(_CP1252.values())
_CP1252_UNDEFINED = frozenset("\x81\x8d\x8f\x90\x9d")


def _plausible(ch: str) -> bool:
    """Whether a character repaired from mojibake is one a Vietnamese or Western text holds, or
    one a first mis-decoding leaves for a second to mangle (ƒ, a C1 control)."""
    cp = ord(ch)
    return (
        0x80 <= cp <= 0x17F
        or ch in _CP1252_SPECIALS
        or ch in "ƠơƯư\ufeff"
        or ch in "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"
        or 0x1EA0 <= cp <= 0x1EF9
        or 0x2010 <= cp <= 0x205E
        or 0x20A0 <= cp <= 0x20C0
        or 0x2100 <= cp <= 0x2122
    )


def _utf8_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


class _Tally:
    """What one repair pass did: sequences repaired, and whether they held C1 controls that
    only latin-1 gives (cp1252 leaves five bytes undefined, which tools keep as C1 too)."""

    def __init__(self) -> None:
        self.fixed = 0
        self.c1 = False


def _repair_run(run: str, raw: bytes, tally: _Tally) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        size = _utf8_length(raw[i])
        if size and i + size <= len(raw):
            try:
                ch = raw[i : i + size].decode("utf-8")
            except UnicodeDecodeError:
                ch = ""
            # Only letters and punctuation a text holds count: genuine "Ô”" is D4 94, i.e. "Ԕ".
            if ch and _plausible(ch):
                out.append(ch)
                # A C1 control is only a step towards a repair, never evidence of one.
                tally.fixed += not 0x80 <= ord(ch) <= 0x9F
                tally.c1 |= any(
                    0x80 <= ord(c) <= 0x9F and c not in _CP1252_UNDEFINED for c in run[i : i + size]
                )
                i += size
                continue
        out.append(run[i])
        i += 1
    return "".join(out)


def _unmojibake(text: str, codec: str) -> tuple[str, _Tally]:
    undo, tally = _UNDO[codec], _Tally()
    # Runs repeat ("á»‡" for every "ệ"): repair each distinct one once.
    done: dict[str, tuple[str, _Tally]] = {}

    def repair(run: str) -> tuple[str, _Tally]:
        one = _Tally()
        core = run.rstrip(" ")
        raw = bytes(undo[ch] for ch in core)
        # "à" is C3 A0 and "Ơ" C6 A0: an editor that made the no-break space a space broke them.
        if core != run and codec == "cp1252" and raw[-1] in (0xC3, 0xC6):
            return _repair_run(run, raw + b"\xa0", one), one
        return _repair_run(core, raw, one) + run[len(core) :], one

    def fix(match: re.Match[str]) -> str:
        run = match.group()
        if run not in done:
            done[run] = repair(run)
        repaired, one = done[run]
        tally.fixed += one.fixed
        tally.c1 |= one.c1
        return repaired

    return _RUNS[codec].sub(fix, text), tally


def _repair_mojibake(text: str) -> tuple[str, str] | None:
    """Undo up to three rounds of mis-decoding, in whichever code page repairs the most."""
    best: tuple[int, str, str] | None = None
    for codec in _UNDO:
        current, passes, fixed, c1 = text, 0, 0, False
        while passes < 3 and _MOJIBAKE_HINT.search(current):
            repaired, tally = _unmojibake(current, codec)
            # Genuine text never yields a plausible repair (see _plausible), so one is enough.
            if not tally.fixed:
                break
            current, passes = repaired, passes + 1
            fixed, c1 = fixed + tally.fixed, c1 or tally.c1
        if passes and (best is None or fixed > best[0]):
            name = "latin-1" if codec == "cp1252" and c1 else codec
            times = "" if passes == 1 else " twice" if passes == 2 else f" {passes} times"
            best = (fixed, _nfc(current), f"utf-8 (mis-decoded{times} as {name})")
        if passes and not _MOJIBAKE_HINT.search(current):
            break  # nothing left that another code page could repair better
    return None if best is None else best[1:]


# --- VIQR --------------------------------------------------------------------------------------

# VIQR (RFC 1456) spells marks in ASCII after the vowel: a( a^ e^ o^ o+ u+, then ' ` ? ~ . for
# the tones, and dd for đ.  A full stop, question mark or apostrophe right after a vowel is
# ambiguous; RFC 1456 escapes the punctuation ("No^.i\."), and unescaped ones are read as a
# tone only when that makes a syllable ("cho+." is "chợ", "Hello." stays "Hello.").

_VIQR_SHAPES = {
    ("a", "("): _BREVE, ("a", "^"): _CIRCUMFLEX, ("e", "^"): _CIRCUMFLEX,
    ("o", "^"): _CIRCUMFLEX, ("o", "+"): _HORN, ("u", "+"): _HORN,
}  # fmt: skip
_VIQR_TONES = {"'": _ACUTE, "`": _GRAVE, "?": _HOOK, "~": _TILDE, ".": _DOT}
_VIQR_ESCAPABLE = "(^+'`?~.\\"
_VIQR_VOWELS = "aeiouyAEIOUY"
# A vowel with a shape mark, or with a tone mark inside a word: rare outside VIQR.
_VIQR_HINT = re.compile(r"[aeiouyAEIOUY](?:[(^+]|[`'?~.][a-zA-Z])")

# Either hint, in one pass for the usual text that has neither.  Anchored on the hints' second
# character (a continuation character, a VIQR mark), which prose has few of, so `re` skips fast.
_CONTINUATIONS = {ch for undo in _UNDO.values() for ch, b in undo.items() if 0x80 <= b <= 0xBF}
_ANY_HINT = re.compile(
    f"[{re.escape(''.join(sorted(_CONTINUATIONS)))}(^+`'?~.]"
    f"(?:(?<={'|'.join(_PAIR.values())})"
    f"|(?<=[{_VIQR_VOWELS}][(^+])|(?<=[{_VIQR_VOWELS}][`'?~.])[a-zA-Z])"
)


class _ViqrWord:
    """One word read from VIQR: its Unicode parts and what marks it used."""

    def __init__(self, end: int) -> None:
        self.end = end
        self.parts: list[str] = []
        self.stroked = False  # dd -> đ
        self.shaped = False  # a breve, circumflex or horn
        self.toned = False
        self.final_tone: str | None = None


def _read_viqr_word(text: str, start: int) -> _ViqrWord:
    word = _ViqrWord(start)
    i, n = start, len(text)
    if text[i : i + 2] in ("dd", "DD", "Dd"):
        word.parts.append("đ" if text[i] == "d" else "Đ")
        word.stroked = True
        i += 2
    while i < n and text[i].isascii() and text[i].isalpha():
        ch = text[i]
        word.parts.append(ch)
        i += 1
        if ch not in _VIQR_VOWELS:
            continue
        if i < n and (ch.lower(), text[i]) in _VIQR_SHAPES:
            word.parts.append(_VIQR_SHAPES[ch.lower(), text[i]])
            word.shaped = True
            i += 1
        if i < n and text[i] in _VIQR_TONES and not word.toned:
            word.toned = True
            word.parts.append(_VIQR_TONES[text[i]])
            if i + 1 >= n or not (text[i + 1].isascii() and text[i + 1].isalpha()):
                word.final_tone = text[i]
            i += 1
    word.end = i
    return word


def _viqr_convert(text: str) -> tuple[str, int, int, int]:
    """(converted text, valid marked words, invalid marked words, valid words marked mid-word)."""
    out: list[str] = []
    valid = invalid = strong = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _VIQR_ESCAPABLE:
            out.append(text[i + 1])
            i += 2
            continue
        if not (ch.isascii() and ch.isalpha()) or (i and text[i - 1].isalpha()):
            out.append(ch)
            i += 1
            continue
        word = _read_viqr_word(text, i)
        source = text[i : word.end]
        if not (word.stroked or word.shaped or word.toned):
            out.append(source)
        else:
            converted = _nfc("".join(word.parts))
            if _is_syllable(converted):
                valid += 1
                strong += word.final_tone is None or word.shaped or word.stroked
                out.append(converted)
            elif word.final_tone and _is_syllable(_nfc("".join(word.parts[:-1]))):
                # "Ha` No^.i." style ambiguity: a final mark that spoils the word is punctuation.
                out.append(_nfc("".join(word.parts[:-1])) + word.final_tone)
            elif word.shaped:
                invalid += 1
                out.append(converted)
            else:
                invalid += 1
                out.append(source)
        i = word.end
    return "".join(out), valid, invalid, strong


def _repair_viqr(text: str) -> tuple[str, str] | None:
    # Decide on a sample so that prose full of "you're" and "e.g." costs little.
    sample = text[:_SAMPLE_CHARS]
    if len(_VIQR_HINT.findall(sample)) * 60 < len(sample):
        return None
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    converted, valid, invalid, strong = _viqr_convert(sample)
    words = len(_WORD.findall(converted))
    if not (strong and valid >= 3 * invalid and valid * 5 >= words and non_ascii <= valid):
        return None
    if len(sample) < len(text):
        converted = _viqr_convert(text)[0]
    return _nfc(converted), "viqr"


def repair_decoded(text: str) -> tuple[str, str] | None:
    """For text that decoded fine as UTF-8 but is really mojibake (UTF-8 read as cp1252/latin-1,
    possibly twice) or VIQR: return (repaired NFC text, label such as
    "utf-8 (mis-decoded as cp1252)" or "viqr"), or None when the text is fine as it is."""
    if not _ANY_HINT.search(text):
        return None
    if _MOJIBAKE_HINT.search(text):
        repaired = _repair_mojibake(text)
        if repaired is not None:
            return repaired
    if _VIQR_HINT.search(text):
        return _repair_viqr(text)
    return None


def decode_tcvn3(data: bytes) -> str:
    """Bytes in TCVN3 (ABC), as plain text files and `.Vn*` fonts hold them, as Unicode."""
    return _decode_tcvn3(data)


def decode_vni(data: bytes) -> str:
    """Bytes in VNI-Windows, as plain text files and `VNI-*` fonts hold them, as Unicode."""
    return _decode_vni(data)
