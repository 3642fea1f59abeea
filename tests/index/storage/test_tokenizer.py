"""SyllableTokenizer: one term form per syllable, with positions and offsets into the original.

Whoosh cuts highlights by those offsets, so a folded match shows the accented text it came from.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh.analysis import LowercaseFilter
from whoosh.highlight import UppercaseFormatter, WholeFragmenter, highlight

from index.storage.tokenizer import SyllableTokenizer
from index.text.fold import fold
from index.text.terms import EXACT, FOLDED, SHINGLE, TermForm

TEXT = "Chủ tịch nước  Lương Cường."


def _tokens(tokenizer: SyllableTokenizer, text: str, **options: object) -> list[tuple]:
    return [
        (token.text, token.pos, token.startchar, token.endchar)
        for token in tokenizer(text, positions=True, chars=True, **options)
    ]


@pytest.mark.parametrize(
    ("form", "texts"),
    [
        (FOLDED, ["chu", "tich", "nuoc", "luong", "cuong"]),
        (EXACT, ["chủ", "tịch", "nước", "lương", "cường"]),
        (SHINGLE, ["chu tich", "tich nuoc", "nuoc luong", "luong cuong"]),
    ],
)
def test_each_form_of_every_syllable(form: TermForm, texts: list[str]) -> None:
    assert [token.text for token in SyllableTokenizer(form)(TEXT)] == texts


def test_positions_and_offsets_point_into_the_original() -> None:
    tokens = _tokens(SyllableTokenizer(FOLDED), TEXT)
    assert [pos for _, pos, _, _ in tokens] == [0, 1, 2, 3, 4]
    assert [TEXT[start:end] for _, _, start, end in tokens] == [
        "Chủ",
        "tịch",
        "nước",
        "Lương",
        "Cường",
    ]


def test_start_offsets_and_original_text_are_honoured() -> None:
    tokenizer = SyllableTokenizer(EXACT)
    tokens = tokenizer(
        "Hoà bình", positions=True, chars=True, keeporiginal=True, start_pos=10, start_char=100
    )
    # Whoosh tokenizers reuse one Token: read each as it comes.
    assert [(t.text, t.original, t.pos, t.startchar, t.endchar) for t in tokens] == [
        ("hòa", "Hoà", 10, 100, 103),
        ("bình", "bình", 11, 104, 108),
    ]


def test_whoosh_highlights_a_folded_match_in_the_accented_original() -> None:
    found = highlight(
        TEXT,
        frozenset(["nuoc"]),
        SyllableTokenizer(FOLDED),
        WholeFragmenter(),
        UppercaseFormatter(),
    )
    assert found == "Chủ tịch NƯỚC  Lương Cường."


def test_it_composes_with_whoosh_filters() -> None:
    analyzer = SyllableTokenizer(FOLDED) | LowercaseFilter()
    assert [token.text for token in analyzer("ĐÀ NẴNG")] == ["da", "nang"]


def test_it_survives_the_pickling_into_an_index() -> None:
    tokenizer = pickle.loads(pickle.dumps(SyllableTokenizer(SHINGLE)))
    assert tokenizer.form is SHINGLE
    assert [token.text for token in tokenizer("Hà Nội")] == ["ha noi"]


_TEXT = st.text(
    st.sampled_from([*"aăâđeêoơưhnAĐ àáạảãềếệọờở,.\n\t_-", "\u0301", "ß", "İ"]), max_size=40
)


@given(_TEXT, st.sampled_from([FOLDED, EXACT]))
def test_offsets_stay_inside_the_text_and_fold_to_the_token(text: str, form: TermForm) -> None:
    positions = []
    for token in SyllableTokenizer(form)(text, positions=True, chars=True):
        assert 0 <= token.startchar < token.endchar <= len(text)
        assert fold(text[token.startchar : token.endchar]) == fold(token.text)
        positions.append(token.pos)
    assert positions == list(range(len(positions)))
