"""Syllable analysis shared by indexing and querying: spans, folded and exact forms, shingles.

The Whoosh tokenizers live here, in an importable module, because the schema pickles them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from index.fold import fold, lower_exact
from index.syllables import canonical_tones_in_text

# A syllable is a run of letters, digits or marks; underscore is not a letter here.
_SYLLABLE = re.compile(r"[^\W_]+")
# Shingles join syllables separated by plain spaces only: never across punctuation or lines.
_SHINGLE_GAP = re.compile(r"[ \t]+")

FOLDED = "folded"
EXACT = "exact"
SHINGLE = "shingle"


def syllable_spans(folded_text: str) -> list[tuple[int, int]]:
    """Character spans of every syllable in already folded (or any 1:1-mapped) text."""
    return [match.span() for match in _SYLLABLE.finditer(folded_text)]


def exact_form(text: str) -> str:
    """The accent-exact matching form: canonical tone placement, lowercase, same length."""
    return lower_exact(canonical_tones_in_text(text))


def exact_syllables(text: str) -> list[str]:
    """The accent-exact syllables of `text`, in order (used for query words)."""
    exact = exact_form(text)
    return [exact[start:end] for start, end in syllable_spans(fold(text))]


def shingles(folded_text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """Folded syllable bigrams `"chu tich"` for neighbours separated only by spaces."""
    for (start, end), (next_start, next_end) in itertools.pairwise(spans):
        if _SHINGLE_GAP.fullmatch(folded_text, end, next_start):
            yield start, next_end, f"{folded_text[start:end]} {folded_text[next_start:next_end]}"


def iter_terms(text: str, form: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) for every term of `form` in normalised `text`."""
    folded = fold(text)
    spans = syllable_spans(folded)
    if form == FOLDED:
        for start, end in spans:
            yield start, end, folded[start:end]
    elif form == EXACT:
        exact = exact_form(text)
        for start, end in spans:
            yield start, end, exact[start:end]
    elif form == SHINGLE:
        yield from shingles(folded, spans)
    else:
        raise ValueError(f"unknown term form {form!r}")


class SyllableTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer emitting one `form` of every syllable, with positions and offsets."""

    def __init__(self, form: str = FOLDED) -> None:
        self.form = form

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, (start, end, term) in enumerate(iter_terms(value, self.form)):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token
