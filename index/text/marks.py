"""Which accented forms a typed word stands for, letter by letter and tone by tone.

A word typed with any mark is taken as written, except that a missing tone leaves the tone free.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from index.text.fold import fold, lower_exact

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_STROKED_D = frozenset("đĐ")


@lru_cache(maxsize=65536)
def split_marks(word: str) -> tuple[tuple[str, ...], str]:
    """Per letter, its non-tone marks (circumflex, breve, horn, stroke); and the word's tone."""
    shapes: list[str] = []
    tone = ""
    for char in lower_exact(word):
        if char in _STROKED_D:
            shapes.append("đ")
            continue
        marks = [c for c in unicodedata.normalize("NFD", char) if unicodedata.combining(c)]
        tone = next((m for m in marks if m in TONE_MARKS), tone)
        shapes.append("".join(m for m in marks if m not in TONE_MARKS))
    return tuple(shapes), tone


def has_any_mark(word: str) -> bool:
    """True when the user typed some accent or đ in `word`."""
    return fold(word) != lower_exact(word)


def stands_for(typed: str, form: str, *, exact: bool) -> bool:
    """Does the indexed accent-exact `form` match the word the user `typed`?

    Both are lowercase exact forms with canonical tone placement.  In exact mode a word typed
    without marks stands only for itself; in ranking, such a word has no preferred form.
    """
    if len(typed) != len(form) or fold(typed) != fold(form):
        return False
    if not has_any_mark(typed):
        return exact and typed == form
    typed_shapes, typed_tone = split_marks(typed)
    form_shapes, form_tone = split_marks(form)
    return typed_shapes == form_shapes and (not typed_tone or typed_tone == form_tone)
