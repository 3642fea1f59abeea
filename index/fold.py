"""Folding for accent-insensitive matching: lowercase, every mark stripped, đ to d.

One character in, one character out, so offsets in folded text are offsets in the original.
"""

from __future__ import annotations

import unicodedata

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


class _LazyTable(dict[int, str]):
    """A `str.translate` table that computes and caches each character's mapping on first use."""

    def __init__(self, mapper: object) -> None:
        super().__init__()
        self._mapper = mapper

    def __missing__(self, code: int) -> str:
        mapped: str = self._mapper(chr(code))  # type: ignore[operator]
        self[code] = mapped
        return mapped


_FOLD = _LazyTable(fold_char)
_LOWER = _LazyTable(_lower_char)


def fold(text: str) -> str:
    """Accent-insensitive form of NFC `text`, the same length as `text`."""
    return text.translate(_FOLD)


def lower_exact(text: str) -> str:
    """Lowercase keeping every accent, the same length as `text` (unlike `str.lower`)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_LOWER)


def has_marks(word: str) -> bool:
    """True when `word` carries any accent or đ that folding would remove."""
    return fold(word) != lower_exact(word)
