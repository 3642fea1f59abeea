"""Folding and normalisation: the table, the properties, and offsets that survive folding.

Folding must be 1:1 per character so offsets in folded text point into the original.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.text.fold import fold, fold_char, has_marks, lower_exact
from index.text.normalize import normalize_text
from index.text.syllables import canonical_i_in_text

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Chủ tịch nước", "chu tich nuoc"),
        ("Đắk Lắk", "dak lak"),
        ("ĐƯỜNG", "duong"),
        ("nghĩa", "nghia"),
        ("Người dân", "nguoi dan"),
        ("Ðà Nẵng", "da nang"),  # eth, as old files typed Đ
        ("hoà hòa", "hoa hoa"),
        ("Việt Nam 2025", "viet nam 2025"),
        ("café naïve", "cafe naive"),
    ],
)
def test_fold_table(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("letter", list(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper()))
def test_every_vietnamese_letter_folds_to_its_ascii_base(letter: str) -> None:
    base = unicodedata.normalize("NFD", letter.lower())[0]
    expected = "d" if letter in "đĐ" else base
    assert fold(letter) == expected
    assert fold(letter).isascii()


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_preserves_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(lower_exact(text)) == len(text)


# Mostly Vietnamese, with runs of any other character between.
MIXED = st.sampled_from(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " .") | st.characters()


@given(st.text(MIXED))
def test_a_text_folds_as_its_characters_do_one_by_one(text: str) -> None:
    # One by one, then the spelling of i/y (`KY` → `ki`), which needs the whole syllable.
    assert fold(text) == canonical_i_in_text("".join(map(fold_char, text)))
    assert len(fold(text)) == len(text)


def test_every_character_folds_the_same_alone_and_in_a_text() -> None:
    text = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    expected = "".join(map(fold_char, text))
    assert fold(text) == expected
    assert "".join(map(fold, text)) == expected


@given(st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " ,.\n"))
def test_folded_vietnamese_is_ascii(text: str) -> None:
    assert fold(text).isascii()


@given(st.text(alphabet=VIETNAMESE_LETTERS + " "), st.data())
def test_offsets_in_folded_text_point_at_the_original(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fold(text)[start:end] == fold(text[start:end])


def test_nfd_input_is_normalised_before_folding() -> None:
    nfd = unicodedata.normalize("NFD", "nghĩa Đường")
    normalised = normalize_text(nfd)
    assert normalised == "nghĩa Đường"
    assert fold(normalised) == "nghia duong"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Hà\u00a0Nội", "Hà Nội"),
        ("Việt\u00adNam", "ViệtNam"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ufeffBOM inside", "BOM inside"),
        ("Ðà Nẵng ðường", "Đà Nẵng đường"),
        ("line\r\nbreak\rold mac", "line\nbreak\nold mac"),
    ],
)
def test_normalize_text(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_has_marks() -> None:
    assert has_marks("bạn")
    assert has_marks("đi")
    assert not has_marks("ban")
    assert not has_marks("Ban")
