"""A whole document's terms for indexing, found in a few C passes instead of syllable by syllable.

The same terms index.text.terms gives a query (tests/index/text/test_document_terms.py holds
them equal): folded syllables, accent-exact syllables and folded shingles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, compress, pairwise

from index.text.computed_dict import ComputedDict
from index.text.fold import fold
from index.text.terms import (
    BETWEEN_SYLLABLES,
    SHINGLE_GAP,
    SYLLABLE,
    SYLLABLE_PATTERN,
    exact_form,
    syllable_spans,
)

# Splitting on syllables keeps them and what lies between: [gap, syllable, gap, ..., gap].
_SYLLABLES_KEPT = re.compile(f"({SYLLABLE_PATTERN})")
_MAX_CACHED = 500_000
_SEARCH_WINDOW = 4096


@dataclass(frozen=True)
class DocumentTerms:
    """Every term form of one text: folded and exact syllables in order, folded shingles."""

    folded: list[str]
    exact: list[str]
    shingles: list[str]


_NOT_A_SYLLABLE = ""  # a syllable's folded form, when folding would not keep it one syllable
_NOT_A_GAP = None  # a gap's shingle verdict, when folding would put a letter in it


def _folded_syllable(syllable: str) -> str:
    """`syllable` folded, if it folds to one syllable whose exact form folds the same."""
    folded = fold(syllable)
    if SYLLABLE.fullmatch(folded) is None or fold(exact_form(syllable)) != folded:
        return _NOT_A_SYLLABLE
    return folded


def _gap_joins(gap: str) -> bool | None:
    """Whether the gap `gap` (as written) joins its syllables into a shingle; None if its
    folded form holds a letter."""
    folded = fold(gap)
    if folded and BETWEEN_SYLLABLES.fullmatch(folded) is None:
        return _NOT_A_GAP
    return SHINGLE_GAP.fullmatch(folded) is not None


# Tone placement, case and folding never reach across a syllable's edge (but see _by_syllables),
# so a syllable's forms are its forms in any text: each is computed once, as is each of the
# few distinct gaps between syllables.
_exact_forms = ComputedDict(exact_form, limit=_MAX_CACHED)
_folded_forms = ComputedDict(_folded_syllable, limit=_MAX_CACHED)
_gap_verdicts: ComputedDict[str, bool | None] = ComputedDict(_gap_joins, limit=_MAX_CACHED)
_joins_a_shingle: ComputedDict[str, bool] = ComputedDict(
    lambda gap: SHINGLE_GAP.fullmatch(gap) is not None, limit=_MAX_CACHED
)
# Where a syllable's forms depend on what stands around it: lowercase capital sigma looks
# across punctuation (`a.Σ` → `a.ς`), and i/y spelling looks past an underscore.
_CONTEXT_CHARS = ("Σ", "_")

_last: tuple[str, DocumentTerms] | None = None
_last_counted: tuple[str, CountedTerms] | None = None

# Past this many characters a text is counted a piece at a time: a 50 MB single-line file
# made ~16 million syllable strings at once (1.9 GB); pieces keep memory to a few copies of
# the text.  Below it, one pass over the whole text is fastest.  Pieces stay small because
# the counters' keys, a few from each piece, pin the allocator's arenas of that piece's
# strings: 1 MB pieces kept a 34 MB text's indexing at 1 GB, 64 KB pieces at 230 MB.
CHUNK_CHARS = 1 << 16


@dataclass(frozen=True)
class CountedTerms:
    """Every term form of one text, counted: what an index field stores of a document."""

    folded: Counter[str]
    exact: Counter[str]
    shingles: Counter[str]


def document_terms(text: str) -> DocumentTerms:
    """Analyse normalised `text` once; the fields of the same document reuse the result."""
    global _last
    cached = _last
    if cached is not None and cached[0] is text:
        return cached[1]
    terms = _by_syllables(text) or _by_folded_text(text)
    _last = (text, terms)
    return terms


def _by_syllables(text: str) -> DocumentTerms | None:
    """The terms from `text` cut into syllables as written, each looked up in the caches; None
    when a syllable or gap would fold otherwise alone than in the text (then _by_folded_text).

    Cutting the written text is cutting the folded one when each piece folds to its kind."""
    if any(char in text for char in _CONTEXT_CHARS):
        return None
    pieces = _SYLLABLES_KEPT.split(text)
    written = pieces[1::2]
    folded = list(map(_folded_forms.__getitem__, written))
    joins = list(map(_gap_verdicts.__getitem__, pieces[2:-1:2]))
    if (
        _NOT_A_SYLLABLE in folded
        or _NOT_A_GAP in joins
        or _gap_verdicts[pieces[0]] is _NOT_A_GAP
        or _gap_verdicts[pieces[-1]] is _NOT_A_GAP
    ):
        return None
    return DocumentTerms(
        folded=folded,
        exact=list(map(_exact_forms.__getitem__, written)),
        shingles=list(map(" ".join, compress(pairwise(folded), joins))),
    )


def _by_folded_text(text: str) -> DocumentTerms:
    """The terms from the folded text cut into syllables, the exact ones cut where they lie."""
    folded_text = fold(text)
    pieces = _SYLLABLES_KEPT.split(folded_text)
    folded = pieces[1::2]
    gaps = pieces[2:-1:2]  # between each syllable and the next
    pairs = compress(pairwise(folded), map(_joins_a_shingle.__getitem__, gaps))
    return DocumentTerms(
        folded=folded,
        exact=_exact_syllables(text, folded_text, pieces, folded),
        shingles=list(map(" ".join, pairs)),
    )


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


def counted_terms(text: str) -> CountedTerms:
    """The terms of normalised `text` with their counts, the same as counting document_terms,
    but a piece at a time for a long text, so memory does not grow with its syllables."""
    global _last_counted
    cached = _last_counted
    if cached is not None and cached[0] is text:
        return cached[1]
    counted = CountedTerms(Counter(), Counter(), Counter())
    for piece, overlaps in _pieces(text):
        terms = document_terms(piece)
        skip = 1 if overlaps else 0  # the overlapped syllable was counted with the piece before
        counted.folded.update(terms.folded[skip:])
        counted.exact.update(terms.exact[skip:])
        counted.shingles.update(terms.shingles)
    _last_counted = (text, counted)
    return counted


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """`text` in pieces of about CHUNK_CHARS cut in a gap between syllables; each piece after
    the first starts with the previous piece's last syllable, so the shingle across the cut
    is found (and True says so).  A piece holds at least two syllables, so each one ends
    further on than it began."""
    start, overlap = 0, False
    while len(text) - start > CHUNK_CHARS:
        cut = _cut_after(text, start + CHUNK_CHARS)
        last = _last_syllable_start(text, start, cut) if cut is not None else None
        while cut is not None and last is not None and last <= start:
            cut = _cut_after(text, cut)  # one syllable more
            last = _last_syllable_start(text, start, cut) if cut is not None else None
        if cut is None:
            break
        yield text[start:cut], overlap
        # A last syllable longer than the search window is not found: the next piece then
        # starts after it, and only the pair across that cut goes uncounted.
        start, overlap = (last, True) if last is not None else (cut, False)
    yield text[start:], overlap


def _cut_after(text: str, position: int) -> int | None:
    """The end of the first gap between syllables at or after `position` (found in folded
    text, as syllables are), or None if the next few thousand characters hold none."""
    gap = BETWEEN_SYLLABLES.search(fold(text[position : position + _SEARCH_WINDOW]))
    return position + gap.end() if gap is not None else None


def _last_syllable_start(text: str, start: int, end: int) -> int | None:
    """Where the last syllable of `text[start:end]` begins, if one begins in the last few
    thousand characters."""
    window = max(start, end - _SEARCH_WINDOW)
    found = None
    for match in SYLLABLE.finditer(fold(text[window:end])):
        found = window + match.start()
    if found == window and window > start and SYLLABLE.match(fold(text[window - 1])):
        return None  # it began before the window
    return found
