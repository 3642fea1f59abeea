"""Syllable analysis shared by indexing and querying: spans, folded and exact forms, shingles.

One syllable pattern and one shingle gap serve every module that cuts text into syllables.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from enum import StrEnum

from index.text.fold import fold, lower_exact
from index.text.syllables import canonical_i_in_text, canonical_tones_in_text

# A syllable is a run of letters, digits or marks; underscore is not a letter here.
WORD_CHAR = r"[^\W_]"
SYLLABLE_PATTERN = WORD_CHAR + "+"
SYLLABLE = re.compile(SYLLABLE_PATTERN)
BETWEEN_SYLLABLES = re.compile(r"[\W_]+")  # what is not a syllable: spaces, punctuation
# Shingles join syllables separated by plain spaces, or by one mark inside a written word
# (`26/10/2025`, `A.V`, `TP.HCM`, `ASEAN-Nga`, `COVID-19`, `3,5`): never across a line,
# brackets or a sentence's end.  Queries are cut by the same rule (one tokenisation).
SHINGLE_GAP = re.compile(r"[ \t]+|[-./,:'’–&+]")


class TermForm(StrEnum):
    """The forms a syllable is indexed and searched in."""

    FOLDED = "folded"  # lowercase, no marks, đ → d: what matches
    EXACT = "exact"  # lowercase with its marks, canonical tone placement: what ranks
    SHINGLE = "shingle"  # two neighbouring folded syllables: phrase precision


FOLDED = TermForm.FOLDED
EXACT = TermForm.EXACT
SHINGLE = TermForm.SHINGLE


def syllable_spans(folded_text: str) -> list[tuple[int, int]]:
    """Character spans of every syllable in already folded (or any 1:1-mapped) text."""
    return [match.span() for match in SYLLABLE.finditer(folded_text)]


def exact_form(text: str) -> str:
    """The accent-exact matching form: canonical tone placement and i/y, lowercase, same
    length (`hoà` and `hòa` are one form, `kỹ` and `kĩ` another)."""
    return lower_exact(canonical_i_in_text(canonical_tones_in_text(text)))


def exact_syllables(text: str) -> list[str]:
    """The accent-exact syllables of `text`, in order (used for query words)."""
    exact = exact_form(text)
    return [exact[start:end] for start, end in syllable_spans(fold(text))]


def shingles(folded_text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """Folded syllable bigrams `"chu tich"` for neighbours separated only by spaces."""
    for (start, end), (next_start, next_end) in itertools.pairwise(spans):
        if SHINGLE_GAP.fullmatch(folded_text, end, next_start):
            yield start, next_end, f"{folded_text[start:end]} {folded_text[next_start:next_end]}"


def iter_terms(text: str, form: TermForm) -> Iterator[tuple[int, int, str]]:
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
