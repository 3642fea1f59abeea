"""Syllable analysis of index.text.terms: spans, exact forms and shingles a query is cut into.

Spans found in folded text must point into the original, and shingles never cross punctuation.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.text.fold import fold
from index.text.terms import (
    EXACT,
    FOLDED,
    SHINGLE,
    SYLLABLE,
    TermForm,
    exact_form,
    exact_syllables,
    iter_terms,
    shingles,
    syllable_spans,
)


@pytest.mark.parametrize(
    ("text", "syllables"),
    [
        ("Chủ tịch nước", ["chu", "tich", "nuoc"]),
        ("Hà Nội, 25/10/2025", ["ha", "noi", "25", "10", "2025"]),
        ("nuoc_ha", ["nuoc", "ha"]),  # underscore separates syllables
        ("A.V. Gutsan", ["a", "v", "gutsan"]),
        ("  \n", []),
    ],
)
def test_syllables_of_a_text(text: str, syllables: list[str]) -> None:
    folded = fold(text)
    assert [folded[start:end] for start, end in syllable_spans(folded)] == syllables


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("HOÀ Bình", "hòa bình"),  # new tone placement to the canonical one, lowercase
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Việt Nam", "việt nam"),
    ],
)
def test_exact_form_is_lowercase_with_canonical_tones_and_the_same_length(
    text: str, exact: str
) -> None:
    assert exact_form(text) == exact
    assert len(exact_form(text)) == len(text)


def test_exact_syllables_of_a_query() -> None:
    assert exact_syllables("Hoà bình!") == ["hòa", "bình"]
    assert exact_syllables("Đắk Lắk") == ["đắk", "lắk"]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("chủ tịch nước", ["chu tich", "tich nuoc"]),
        ("chủ  tịch\tnước", ["chu tich", "tich nuoc"]),  # spaces and tabs join
        ("chủ tịch, nước", ["chu tich"]),  # punctuation breaks the phrase
        ("Hà\nNội", []),  # so does a line break
        ("một", []),
    ],
)
def test_shingles_join_neighbours_separated_only_by_spaces(text: str, pairs: list[str]) -> None:
    folded = fold(text)
    assert [term for _, _, term in shingles(folded, syllable_spans(folded))] == pairs


def test_iter_terms_gives_each_form_with_offsets_into_the_original() -> None:
    text = "Chủ tịch  nước."
    assert list(iter_terms(text, FOLDED)) == [(0, 3, "chu"), (4, 8, "tich"), (10, 14, "nuoc")]
    assert list(iter_terms(text, EXACT)) == [(0, 3, "chủ"), (4, 8, "tịch"), (10, 14, "nước")]
    assert list(iter_terms(text, SHINGLE)) == [(0, 8, "chu tich"), (4, 14, "tich nuoc")]
    assert text[4:14] == "tịch  nước"


def test_an_unknown_form_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown term form"):
        list(iter_terms("chủ tịch", "accented"))  # type: ignore[arg-type]
    assert [form.value for form in TermForm] == ["folded", "exact", "shingle"]


_TEXT = st.text(
    st.sampled_from([*"aăâđeêoơưhnAĐ àáạảãềếệọờở,.\n\t_-", "\u0301", "ß", "İ"]), max_size=40
)


@given(_TEXT, st.sampled_from(list(TermForm)))
def test_offsets_stay_inside_the_text_and_fold_to_the_term(text: str, form: TermForm) -> None:
    for start, end, term in iter_terms(text, form):
        assert 0 <= start < end <= len(text)
        if form != SHINGLE:
            assert fold(text[start:end]) == fold(term)
        else:
            assert term.split(" ") == [fold(part) for part in SYLLABLE.findall(text[start:end])]
