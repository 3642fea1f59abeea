"""Telex and VNI typed as plain ASCII: tables of keystrokes and the syllable they mean.

Also that a conversion is offered only when it yields a valid syllable with a diacritic.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.text.input_methods import convert_typed_word, telex_to_vietnamese, vni_to_vietnamese
from index.text.syllables import attested_syllables, canonical_tone, parse_syllable, strip_tone


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("vieejt", "việt"),
        ("vieetj", "việt"),
        ("vietej", "việt"),  # the circumflex key after the coda
        ("dduowngf", "đường"),
        ("dduwowngf", "đường"),
        ("duongwf", "dường"),
        ("nguwowif", "người"),
        ("nguowif", "người"),
        ("trwowngf", "trường"),
        ("thuowr", "thuở"),  # open ươ is no rhyme: the horn goes on o alone
        ("huow", "huơ"),
        ("muwa", "mưa"),
        ("mwa", "mưa"),  # w alone is ư
        ("nhw", "như"),
        ("gwir", "gửi"),
        ("luuw", "lưu"),
        ("hoawcj", "hoặc"),
        ("hoacwj", "hoặc"),
        ("quawn", "quăn"),
        ("aan", "ân"),
        ("quoocs", "quốc"),
        ("khuyeenr", "khuyển"),
        ("tieengs", "tiếng"),
        ("hoaf", "hòa"),
        ("thuyr", "thủy"),
        ("khoer", "khỏe"),
        ("quys", "quý"),
        ("gif", "gì"),
        ("giaf", "già"),
        ("ddi", "đi"),
        ("Vieejt", "Việt"),
        ("VIEEJT", "VIỆT"),
        ("DDUOWNGF", "ĐƯỜNG"),
        ("tieengsz", "tiêng"),  # z clears the tone
        ("tieesng", "tiếng"),  # tone key mid-word
        ("tisenge", "tiếng"),  # tone key before the circumflex
        ("xoong", "xông"),
        ("the", "the"),
        ("viet", "viet"),
    ],
)
def test_telex(typed: str, word: str) -> None:
    assert telex_to_vietnamese(typed) == word


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("vie65t", "việt"),
        ("vie6t5", "việt"),
        ("d9uong72", "đường"),
        ("d9u7o7ng2", "đường"),
        ("ngu7o7i2", "người"),
        ("ngu7o72i", "người"),
        ("thuo73", "thuở"),
        ("hoa8c5", "hoặc"),
        ("qua6n1", "quấn"),
        ("quy1", "quý"),
        ("hoa2", "hòa"),
        ("mu7a", "mưa"),
        ("d9i", "đi"),
        ("a1", "á"),
        ("tie6ng10", "tiêng"),  # 0 clears the tone
        ("Vie65t", "Việt"),
        ("VIE65T", "VIỆT"),
    ],
)
def test_vni(typed: str, word: str) -> None:
    assert vni_to_vietnamese(typed) == word


@pytest.mark.parametrize(
    ("typed", "converted"),
    [
        ("vieejt", "việt"),
        ("dduowngf", "đường"),
        ("nguwowif", "người"),
        ("vie65t", "việt"),
        ("d9uong72", "đường"),
        ("Hoaf", "Hòa"),
        ("this", "thí"),  # a real syllable: the engine converts only words without hits
        ("ross", "ró"),
        ("the", None),  # nothing to convert
        ("viet", None),
        ("book", None),  # bôk is no syllable
        ("viet5", None),  # nặng on a coda-less ie is no syllable
        ("d9", None),
        ("hoa9", None),  # 9 needs a leading d, so it stays a digit
        ("baz", None),  # dropping a z adds no diacritic
        ("việt", None),  # already Vietnamese
        ("vie-65t", None),
        ("", None),
    ],
)
def test_convert_typed_word(typed: str, converted: str | None) -> None:
    assert convert_typed_word(typed) == converted


TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
TELEX_LETTERS = {"ă": "aw", "â": "aa", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
VNI_LETTERS = {"ă": "a8", "â": "a6", "ê": "e6", "ô": "o6", "ơ": "o7", "ư": "u7", "đ": "d9"}


def _typed(word: str, letters: dict[str, str], tones: dict[str, str]) -> str:
    """How a word is typed key by key: each letter's keys, then the tone key at the end."""
    syllable = parse_syllable(word)
    assert syllable is not None
    keys = "".join(letters.get(letter, letter) for letter in syllable.bare)
    return keys + tones.get(syllable.tone.value, "")


# Telex reads a repeated a/e/o in one syllable as a circumflex key (`khoeo` is `khôe`, as in
# Unikey), so words spelling one of those letters twice cannot be typed letter by letter.
NATIVE = sorted(
    word for word in attested_syllables() if all(strip_tone(word).count(v) < 2 for v in "aeo")
)


@given(st.sampled_from(NATIVE))
def test_every_attested_syllable_round_trips_through_telex(word: str) -> None:
    typed = _typed(word, TELEX_LETTERS, TELEX_TONES)
    assert telex_to_vietnamese(typed) == canonical_tone(word)


@given(st.sampled_from(NATIVE))
def test_every_attested_syllable_round_trips_through_vni(word: str) -> None:
    typed = _typed(word, VNI_LETTERS, VNI_TONES)
    assert vni_to_vietnamese(typed) == canonical_tone(word)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
def test_conversions_are_valid_and_differ(typed: str) -> None:
    converted = convert_typed_word(typed)
    if converted is not None:
        assert converted != typed
        assert not converted.isascii()
        assert canonical_tone(converted) == converted
