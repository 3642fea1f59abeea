"""Indexing analysis in C passes finds the same terms as the span-by-span analysis queries use.

A document and a query must agree on every syllable, accented form and shingle, or searches miss.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import index.text.document_terms
from index.text.document_terms import document_terms
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


def test_old_and_new_tone_placement_index_the_same_exact_syllables() -> None:
    folded, exact, pairs = _analysed("Hoà bình, HOÀ BÌNH và hòa thuỷ khoẻ")
    assert exact == ["hòa", "bình", "hòa", "bình", "và", "hòa", "thủy", "khỏe"]
    assert folded[:2] == ["hoa", "binh"]
    assert pairs == ["hoa binh", "hoa binh", "binh va", "va hoa", "hoa thuy", "thuy khoe"]
