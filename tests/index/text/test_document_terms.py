"""Indexing analysis in C passes finds the same terms as the span-by-span analysis queries use.

A document and a query must agree on every syllable, accented form and shingle, or searches miss.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import index.text.document_terms
from index.text.document_terms import counted_terms, document_terms
from index.text.fold import fold
from index.text.terms import exact_form, shingles, syllable_spans

# Vietnamese letters in both cases and old tone placements, digits, the separators analysis
# cares about, and characters whose case or folding is unusual (İ, Σ, ß, combining marks).
_ALPHABET = st.sampled_from(
    list("aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐhnkgtcHNKGTC")
    + list("àáảãạòóỏõọùúủũụỳýỷỹỵÀÁẢÃẠÒÓỎÕỌỦỤỲ")
    + list("oàoáoẻuỷ")
    + list("0123456789")
    + [" ", " ", "\t", "\n", ",", ".", "-", "_", "'"]
    + ["İ", "Σ", "ς", "ß", "ǅ", "\u0301", "\u0323", "²", "Ð", "ð"]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


def _by_spans(text: str) -> tuple[list[str], list[str], list[str]]:
    folded_text = fold(text)
    spans = syllable_spans(folded_text)
    exact_text = exact_form(text)
    return (
        [folded_text[start:end] for start, end in spans],
        [exact_text[start:end] for start, end in spans],
        [term for _, _, term in shingles(folded_text, spans)],
    )


def _analysed(text: str) -> tuple[list[str], list[str], list[str]]:
    index.text.document_terms._last = None
    terms = document_terms(text)
    return terms.folded, terms.exact, terms.shingles


@settings(max_examples=400)
@given(_TEXT)
def test_indexing_finds_the_terms_a_query_would(text: str) -> None:
    assert _analysed(text) == _by_spans(text)


# Without the two characters whose forms look past a syllable's edge, texts are cut into
# syllables as written (the quick path): the same terms again.
_TEXT_CUT_AS_WRITTEN = _TEXT.filter(lambda text: "_" not in text and "Σ" not in text)


@settings(max_examples=400)
@given(_TEXT_CUT_AS_WRITTEN)
def test_cutting_the_written_text_finds_the_terms_a_query_would(text: str) -> None:
    assert _analysed(text) == _by_spans(text)


def test_vietnamese_prose_is_cut_as_written_and_odd_texts_as_folded() -> None:
    prose = "Chủ tịch nước Lương Cường dự lễ kỷ niệm, “Hoà bình” 26/10/2025 (TP.HCM)."
    assert index.text.document_terms._by_syllables(prose) is not None
    assert index.text.document_terms._by_syllables("İstanbul ca\u0301 phe") is not None
    # An underscore keeps `ky` after it from being spelled `ki`; Σ lowercases by what is before.
    for odd in ("ky_ky", "ΟΔΟΣ a.Σ"):
        assert index.text.document_terms._by_syllables(odd) is None
        assert _analysed(odd) == _by_spans(odd)


def test_old_and_new_tone_placement_index_the_same_exact_syllables() -> None:
    folded, exact, pairs = _analysed("Hoà bình, HOÀ BÌNH và hòa thuỷ khoẻ")
    assert exact == ["hòa", "bình", "hòa", "bình", "và", "hòa", "thủy", "khỏe"]
    assert folded[:2] == ["hoa", "binh"]
    assert pairs == ["hoa binh", "hoa binh", "binh va", "va hoa", "hoa thuy", "thuy khoe"]


def test_the_fields_of_one_document_share_one_analysis() -> None:
    text = "Chủ tịch nước Lương Cường"
    first = document_terms(text)
    assert document_terms(text) is first  # the same text object: not analysed again
    other = document_terms("Hà Nội")
    assert other.folded == ["ha", "noi"] and document_terms(text) == first


def test_a_capital_sigma_lowercases_by_what_stands_before_it() -> None:
    # Σ lowercases to ς at the end of a word, σ elsewhere: the whole-text form decides.
    assert _analysed("ΟΔΟΣ a.Σ") == _by_spans("ΟΔΟΣ a.Σ")
    assert _analysed("ΟΔΟΣ a.Σ")[1] == ["οδος", "a", "ς"]


@settings(max_examples=200, deadline=None)
@given(_TEXT.filter(lambda text: "Σ" not in text), st.integers(min_value=3, max_value=40))
def test_a_long_text_counted_in_pieces_has_the_terms_of_the_whole(text: str, chunk: int) -> None:
    # A 50 MB single-line file is counted a piece at a time (CHUNK_CHARS, here made tiny so
    # that short texts are cut): the counts must be those of one pass over the whole text.
    # (Σ is left out: its lowercase depends on what stands before it, across a cut too.)
    text = text * 5
    index.text.document_terms._last = None
    whole = document_terms(text)
    saved = index.text.document_terms.CHUNK_CHARS
    index.text.document_terms.CHUNK_CHARS = chunk
    try:
        index.text.document_terms._last = None
        index.text.document_terms._last_counted = None
        counted = counted_terms(text)
    finally:
        index.text.document_terms.CHUNK_CHARS = saved
        index.text.document_terms._last_counted = None
    assert counted.folded == Counter(whole.folded)
    assert counted.exact == Counter(whole.exact)
    assert counted.shingles == Counter(whole.shingles)
