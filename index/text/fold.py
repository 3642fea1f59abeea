"""Folding for accent-insensitive matching: lowercase, every mark stripped, đ to d, y to i.

One character in, one character out, so offsets in folded text are offsets in the original.
"""

from __future__ import annotations

import codecs
import unicodedata

from index.text.computed_dict import ComputedDict
from index.text.syllables import canonical_i_in_text

_D_LETTERS = "đĐðÐ"


def _fold_once(char: str) -> str:
    if char in _D_LETTERS:
        return "d"
    lowered = char.lower()
    if len(lowered) != 1:  # 'İ'.lower() is two characters: keep the 1:1 promise
        lowered = char
    base = "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))
    return base if len(base) == 1 else lowered


def fold_char(char: str) -> str:
    """The folded form of one character; applying it again changes nothing."""
    folded = _fold_once(char)
    for _ in range(3):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


def _lower_char(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


# `str.translate` tables, each character's mapping computed on first use.
_FOLD: ComputedDict[int, str] = ComputedDict(lambda code: fold_char(chr(code)))
_LOWER: ComputedDict[int, str] = ComputedDict(lambda code: _lower_char(chr(code)))


def _vietnamese_letters() -> str:
    """Every accented Vietnamese letter and đ, in both cases."""
    lower = {
        unicodedata.normalize("NFC", vowel + tone)
        for vowel in "aăâeêioôơuưy"
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    } | {"đ"}
    both = lower | {letter.upper() for letter in lower}
    return "".join(sorted(letter for letter in both if not letter.isascii()))


# str.translate looks every character up in a dict, slow on a whole article.  The characters
# Vietnamese prose is made of fit a charmap codec's 256 codes (NUL first, or the codec falls back
# to a dict), which maps them in C: encode to codes, fold the codes, decode.  Others go slowly.
_FAST_CHARS = (
    "\x00\t\n\v\f\r"
    + "".join(map(chr, range(0x20, 0x7F)))
    + _vietnamese_letters()
    + "“”‘’–—…•°·«»€×÷²³½©®™"
)
_FAST_ENCODE = codecs.charmap_build(_FAST_CHARS.ljust(256, "\ufffe"))
_FOLDED_CODES = bytes(_FAST_CHARS.index(fold_char(c)) for c in _FAST_CHARS).ljust(256, b"\x00")
_SLOW_RUNS = 8  # past this many runs of other characters, translate the rest in one go


def _fold_fast(text: str) -> str:
    codes = codecs.charmap_encode(text, "strict", _FAST_ENCODE)[0]
    return codecs.charmap_decode(codes.translate(_FOLDED_CODES), "strict", _FAST_CHARS)[0]


def fold(text: str) -> str:
    """Accent-insensitive form of NFC `text`, the same length as `text`.

    Spelling variants fold alike too: `ky` (kỹ) and `ki` (kĩ) both fold to `ki`."""
    try:
        folded = _fold_fast(text)
    except UnicodeEncodeError as error:
        folded = _fold_mixed(text, error)
    return canonical_i_in_text(folded)


def _fold_mixed(text: str, error: UnicodeEncodeError) -> str:
    """`fold` of text with runs of characters outside _FAST_CHARS; `error` found the first."""
    pieces: list[str] = []
    for _ in range(_SLOW_RUNS):
        pieces.append(_fold_fast(text[: error.start]))
        pieces.append(text[error.start : error.end].translate(_FOLD))
        text = text[error.end :]
        try:
            pieces.append(_fold_fast(text))
            return "".join(pieces)
        except UnicodeEncodeError as next_error:
            error = next_error
    pieces.append(text.translate(_FOLD))
    return "".join(pieces)


def lower_exact(text: str) -> str:
    """Lowercase keeping every accent, the same length as `text` (unlike `str.lower`)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_LOWER)


def has_marks(word: str) -> bool:
    """True when `word` carries any accent or đ that folding would remove."""
    return fold(word) != lower_exact(word)
