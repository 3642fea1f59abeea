"""The repairs pdfium's page text needs before it reads as words: line ends, hyphen markers,
ligatures, control characters and combining marks set apart from their letters.
"""

from __future__ import annotations

import re
import unicodedata

from index.text.syllables import is_valid_syllable

__all__ = ["clean_page_text"]

# pdfium writes U+FFFE (U+0002 per character) where a line ended in a hyphen it took for a
# word break, and drops that line break; a soft hyphen can end a line too.
_BREAK_HYPHEN = re.compile(r"(\w*)(?:[\ufffe\x02]|\u00ad\n)(\w*)")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
    | {"\ufb05": "st", "\ufb06": "st"}
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A mark pdfium set apart by a space still belongs to the letter before it.
_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\W\d_]|[\u0300-\u036f])[ \t]+(?=[\u0300-\u036f])")


def _rejoin(match: re.Match[str]) -> str:
    """One word broken at a line end, or two syllables joined by a real hyphen.

    Vietnamese words are syllables: "kinh tế-xã hội" keeps its hyphen, "informa-tion" is one
    word again."""
    before, after = match.group(1), match.group(2)
    if before and after and is_valid_syllable(before) and is_valid_syllable(after):
        return f"{before}-{after}"
    return before + after


def clean_page_text(text: str) -> str:
    """A page's text from pdfium with `\\n` line ends, whole words and marks on their letters,
    and no blank end (pdfium ends some pages with a line break, pypdf all of them)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _SPACE_BEFORE_MARK.sub("", text))
    if not text.isascii() or "\x02" in text:
        text = text.translate(_LIGATURES)
        text = _BREAK_HYPHEN.sub(_rejoin, text)
    return _CONTROLS.sub("", text).rstrip()
