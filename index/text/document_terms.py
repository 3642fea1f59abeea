"""A whole document's terms for indexing, found in a few C passes instead of syllable by syllable.

The same terms index.text.terms gives a query (tests/index/text/test_terms.py holds them equal):
folded syllables, accent-exact syllables and folded shingles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, pairwise

from index.text.computed_dict import ComputedDict
from index.text.fold import fold
from index.text.terms import SHINGLE_GAP, SYLLABLE_PATTERN, exact_form, syllable_spans

# Splitting on syllables keeps them and what lies between: [gap, syllable, gap, ..., gap].
_SYLLABLES_KEPT = re.compile(f"({SYLLABLE_PATTERN})")
# Shingles join syllables separated by plain spaces only: never across punctuation or lines.
_MAX_CACHED = 500_000


@dataclass(frozen=True)
class DocumentTerms:
    """Every term form of one text: folded and exact syllables in order, folded shingles."""

    folded: list[str]
    exact: list[str]
    shingles: list[str]


# Tone placement and case never reach across a syllable's edge, so a syllable's exact form is
# its form in any text: each is computed once.  Few distinct gaps occur between syllables.
_exact_forms = ComputedDict(exact_form, limit=_MAX_CACHED)
_joins_a_shingle: ComputedDict[str, bool] = ComputedDict(
    lambda gap: SHINGLE_GAP.fullmatch(gap) is not None, limit=_MAX_CACHED
)

_last: tuple[str, DocumentTerms] | None = None


def document_terms(text: str) -> DocumentTerms:
    """Analyse normalised `text` once; the fields of the same document reuse the result."""
    global _last
    cached = _last
    if cached is not None and cached[0] is text:
        return cached[1]
    folded_text = fold(text)
    pieces = _SYLLABLES_KEPT.split(folded_text)
    folded = pieces[1::2]
    gaps = pieces[2:-1:2]  # between each syllable and the next
    pairs = compress(pairwise(folded), map(_joins_a_shingle.__getitem__, gaps))
    terms = DocumentTerms(
        folded=folded,
        exact=_exact_syllables(text, folded_text, pieces, folded),
        shingles=list(map(" ".join, pairs)),
    )
    _last = (text, terms)
    return terms


def _exact_syllables(
    text: str, folded_text: str, pieces: list[str], folded: list[str]
) -> list[str]:
    """Folding is one character for one, so the original syllables sit where the folded ones
    do: cut there and looked up in the cache, unless a syllable's form could differ."""
    edges = list(accumulate(map(len, pieces)))
    originals = map(text.__getitem__, map(slice, edges[0::2], edges[1::2]))
    exact = list(map(_exact_forms.__getitem__, originals))
    # Lowercasing is one character for one except for capital sigma, whose lowercase depends
    # on what stands before it even across punctuation (`a.Σ` → `a.ς`): such texts, and any
    # whose syllables would fold otherwise, take the whole-text form.
    if "Σ" not in text and fold("".join(exact)) == "".join(folded):
        return exact
    exact_text = exact_form(text)
    return [exact_text[start:end] for start, end in syllable_spans(folded_text)]
