"""stands_for: which indexed accented forms a typed word matches, in exact search and in ranking.

A word typed with marks is taken as written, except that a missing tone leaves the tone free.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.text.fold import fold
from index.text.marks import TONE_MARKS, has_any_mark, split_marks, stands_for
from index.text.terms import exact_form


@pytest.mark.parametrize(
    ("typed", "form", "matches"),
    [
        ("hoà", "hòa", True),  # new tone placement typed, old one indexed: the same word
        ("hòa", "hòa", True),
        ("viêt", "việt", True),  # circumflex typed, tone left out: any tone
        ("viêt", "viết", True),
        ("đan", "đàn", True),  # đ typed, tone left out
        ("dân", "dấn", True),
        ("việt", "viết", False),  # the tone typed must be the tone indexed
        ("bàn", "bán", False),
        ("hôa", "hòa", False),  # a mark typed that the form lacks
        ("hoă", "hòa", False),
        ("dân", "đân", False),  # đ is a mark like the others
        ("đan", "dân", False),
        ("ba", "bar", False),  # different words altogether
        ("bạn", "bàng", False),
    ],
)
def test_a_word_typed_with_marks(typed: str, form: str, matches: bool) -> None:
    typed_exact = exact_form(typed)  # queries arrive as exact forms, canonical tone placement
    assert stands_for(typed_exact, form, exact=True) is matches
    assert stands_for(typed_exact, form, exact=False) is matches


@pytest.mark.parametrize(
    ("typed", "form", "in_exact_mode", "in_ranking"),
    [
        ("hoa", "hoa", True, False),  # stands only for itself, and in ranking prefers nothing
        ("hoa", "hòa", False, False),
        ("viet", "việt", False, False),
        ("dan", "đàn", False, False),
    ],
)
def test_a_word_typed_without_any_mark(
    typed: str, form: str, in_exact_mode: bool, in_ranking: bool
) -> None:
    assert stands_for(typed, form, exact=True) is in_exact_mode
    assert stands_for(typed, form, exact=False) is in_ranking


@pytest.mark.parametrize(
    ("word", "marked"),
    [("hoa", False), ("Hoa", False), ("đi", True), ("Đi", True), ("hòa", True), ("ươn", True)],
)
def test_has_any_mark(word: str, marked: bool) -> None:
    assert has_any_mark(word) is marked


def test_split_marks_gives_each_letters_shape_and_the_words_tone() -> None:
    shapes, tone = split_marks("Đường")
    assert shapes == ("đ", "\u031b", "\u031b", "", "")  # stroke, horn, horn, none, none
    assert tone == "\u0300"
    assert split_marks("viêt") == (("", "", "\u0302", ""), "")
    assert split_marks("HOA") == (("", "", ""), "")


LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđbcdghnt"
_WORD = st.text(st.sampled_from(LETTERS), min_size=1, max_size=6)


@given(_WORD)
def test_a_marked_form_stands_for_itself_in_both_modes(word: str) -> None:
    form = exact_form(word)
    if has_any_mark(form):
        assert stands_for(form, form, exact=True)
        assert stands_for(form, form, exact=False)
    else:
        assert stands_for(form, form, exact=True) and not stands_for(form, form, exact=False)


@given(_WORD, _WORD)
def test_a_match_is_always_the_same_word_once_folded(typed: str, form: str) -> None:
    typed, form = exact_form(typed), exact_form(form)
    if stands_for(typed, form, exact=True) or stands_for(typed, form, exact=False):
        assert fold(typed) == fold(form)


@pytest.mark.parametrize("form", ["việt", "người", "đàn", "nước", "quốc", "đắk"])
def test_leaving_out_the_tone_still_stands_for_the_form_when_another_mark_remains(
    form: str,
) -> None:
    untoned = unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", form) if c not in TONE_MARKS)
    )
    assert untoned != form and has_any_mark(untoned)
    assert stands_for(untoned, form, exact=True)
    assert stands_for(untoned, form, exact=False)
