"""Syllable structure: parsing, validity, canonical tone placement and the bundled list.

Tables of real syllables and junk; properties over random Vietnamese text for the offsets.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.text.syllables import (
    Syllable,
    Tone,
    attested_syllables,
    canonical_i_in_text,
    canonical_tone,
    canonical_tones_in_text,
    is_attested_syllable,
    is_valid_syllable,
    parse_syllable,
    strip_tone,
    with_tone,
)

VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
LETTERS = VOWELS + "bcdđghklmnpqrstvx"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("việt", ("v", "", "iê", "t", Tone.NANG)),
        ("quốc", ("qu", "", "ô", "c", Tone.SAC)),
        ("quý", ("qu", "", "y", "", Tone.SAC)),
        ("quyết", ("qu", "", "yê", "t", Tone.SAC)),
        ("gi", ("g", "", "i", "", Tone.NGANG)),
        ("gìn", ("g", "", "i", "n", Tone.HUYEN)),
        ("giả", ("gi", "", "a", "", Tone.HOI)),
        ("giường", ("gi", "", "ươ", "ng", Tone.HUYEN)),
        ("giếng", ("g", "", "iê", "ng", Tone.SAC)),
        ("khuya", ("kh", "u", "ya", "", Tone.NGANG)),
        ("nghiêng", ("ngh", "", "iê", "ng", Tone.NGANG)),
        ("ươn", ("", "", "ươ", "n", Tone.NGANG)),
        ("oai", ("", "o", "a", "i", Tone.NGANG)),
        ("uyên", ("", "u", "yê", "n", Tone.NGANG)),
        ("người", ("ng", "", "ươ", "i", Tone.HUYEN)),
        ("hoặc", ("h", "o", "ă", "c", Tone.NANG)),
        ("khuỷu", ("kh", "u", "y", "u", Tone.HOI)),
        ("xoong", ("x", "", "oo", "ng", Tone.NGANG)),
        ("đường", ("đ", "", "ươ", "ng", Tone.HUYEN)),
        ("thuở", ("th", "u", "ơ", "", Tone.HOI)),
        ("tòan", ("t", "o", "a", "n", Tone.HUYEN)),  # misplaced, still parsed
    ],
)
def test_parse_syllable(word: str, parts: tuple[str, str, str, str, Tone]) -> None:
    syllable = parse_syllable(word)
    assert syllable is not None
    assert (syllable.onset, syllable.medial, syllable.nucleus, syllable.final) == parts[:4]
    assert syllable.tone is parts[4]
    assert syllable.bare == strip_tone(word)


@pytest.mark.parametrize("word", ["Việt", "this", "viá»‡t", "", "tt", "việtt", "dđ"])
def test_parse_syllable_rejects(word: str) -> None:
    assert parse_syllable(word) is None


def test_parse_records_where_the_tone_was() -> None:
    assert parse_syllable("hoà") == Syllable("h", "o", "a", "", Tone.HUYEN, 2)
    assert parse_syllable("hòa") == Syllable("h", "o", "a", "", Tone.HUYEN, 1)


@pytest.mark.parametrize(
    "word",
    [
        "a", "ăn", "gi", "gì", "gìn", "giữ", "giếng", "quốc", "quý", "qui", "quyết", "quạ",
        "khuya", "khuỷu", "nghiêng", "ươn", "oai", "uyên", "giường", "người", "được",
        "nguyễn", "ngoằn", "thuở", "huơ", "xoáy", "khuấy", "ngoẹo", "uống", "yêu", "yến",
        "ỉa", "ý", "kỹ", "lý", "hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "tuýp",
        "huých", "huỳnh", "Việt", "ĐƯỜNG", "Đắk", "Lắk", "Kon", "Kạn",
        # unaccented text: some accented form is a syllable
        "viet", "duong", "nguoi", "quoc", "khuyen", "the", "can",
    ],
)  # fmt: skip
def test_valid_syllables(word: str) -> None:
    assert is_valid_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "", "this", "and", "with", "book", "for", "string", "dđ", "tt", "x", "ngi", "ge",
        "ci", "ky1", "ghe7", "gha", "ngha", "coa", "iên", "tiê", "ăn1",
        "àc", "mẻt", "hoặcc", "việtt",
        # tone on a letter no style uses
        "tòan", "qúy", "híêu", "gìa", "taì",
        # mojibake of UTF-8 read as cp1252, and of VNI / TCVN3 bytes
        "viá»‡t", "Viá»‡t", "ngÆ°á»i", "vieät", "ngöôøi",
        # rhymes that need or forbid a coda
        "tiê", "kia1", "ươ", "mưan", "thuơng", "đuờng",
    ],
)  # fmt: skip
def test_invalid_syllables(word: str) -> None:
    assert not is_valid_syllable(word)


@pytest.mark.parametrize(
    ("word", "canonical"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("uỷ", "ủy"),
        ("oà", "òa"),
        ("hòa", "hòa"),
        ("hoàn", "hoàn"),
        ("thuyền", "thuyền"),
        ("quý", "quý"),
        ("giả", "giả"),
        ("người", "người"),
        ("khoái", "khoái"),
        ("tòan", "toàn"),
        ("qúy", "quý"),
        ("qúa", "quá"),
        ("híêu", "hiếu"),
        ("gìa", "già"),
        ("taì", "tài"),
        ("đựơc", "được"),
        ("thủơ", "thuở"),
        ("HOÀ", "HÒA"),
        ("Hoà", "Hòa"),
        ("hOÀ", "hÒA"),
        ("TÒaN", "TOàN"),
        ("café", "café"),
        ("déjà", "déjà"),
        ("viá»‡t", "viá»‡t"),
        ("", ""),
    ],
)
def test_canonical_tone(word: str, canonical: str) -> None:
    assert canonical_tone(word) == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Hoà bình, THUỶ lợi và sức khoẻ.", "Hòa bình, THỦY lợi và sức khỏe."),
        ("tòan dân, qúy 2/2025", "toàn dân, quý 2/2025"),
        ("hoà_bình 3hoà hoà3", "hòa_bình 3hòa hòa3"),
        ("naïve café hoà", "naïve café hòa"),
        ("không có gì", "không có gì"),
        ("", ""),
    ],
)
def test_canonical_tones_in_text(text: str, canonical: str) -> None:
    assert canonical_tones_in_text(text) == canonical


def test_unchanged_text_is_returned_as_is() -> None:
    text = "Người dân ở nước ta hiện nay"
    assert canonical_tones_in_text(text) is text


def _old_style(word: str) -> str:
    """Move the tone of an open oa/oe/uy syllable onto its second vowel (hoà, thuỷ)."""
    syllable = parse_syllable(word)
    assert syllable is not None and syllable.tone_at is not None
    bare, second = syllable.bare, syllable.tone_at + 1
    toned = unicodedata.normalize("NFC", bare[second] + syllable.tone.value)
    return bare[:second] + toned + bare[second + 1 :]


def _open_oa_oe_uy() -> list[str]:
    found = []
    for word in sorted(attested_syllables()):
        syllable = parse_syllable(word)
        assert syllable is not None
        if (
            syllable.medial + syllable.nucleus in ("oa", "oe", "uy")
            and not syllable.final
            and syllable.tone is not Tone.NGANG
        ):
            found.append(word)
    return found


def test_both_styles_of_the_word_list_agree() -> None:
    words = _open_oa_oe_uy()
    assert len(words) > 50
    for word in words:
        old = _old_style(word)
        assert old != word
        assert len(old) == len(word)
        assert is_valid_syllable(old)
        assert canonical_tone(old) == word
        assert canonical_tone(word) == word
        assert canonical_tone(old.upper()) == word.upper()


def test_word_list_is_canonical_and_valid() -> None:
    words = attested_syllables()
    assert 5000 < len(words) < 12000
    for word in words:
        assert word == word.lower()
        assert canonical_tone(word) == word
        assert is_valid_syllable(word)


@pytest.mark.parametrize(
    ("word", "attested"),
    [
        ("việt", True),
        ("Nguyễn", True),
        ("hoà", True),
        ("hòa", True),
        ("giường", True),
        ("viet", False),
        ("the", True),
        ("this", False),
        ("kuênh", False),
    ],
)
def test_is_attested_syllable(word: str, attested: bool) -> None:
    assert is_attested_syllable(word) is attested


@pytest.mark.parametrize(
    ("word", "tone", "toned"),
    [
        ("viêt", Tone.NANG, "việt"),
        ("hoa", Tone.HUYEN, "hòa"),
        ("hoan", Tone.HUYEN, "hoàn"),
        ("Quy", Tone.SAC, "Quý"),
        ("huyên", Tone.HUYEN, "huyền"),
        ("việt", Tone.NGANG, "viêt"),
        ("viêt", Tone.HUYEN, None),  # a stop coda takes only sắc or nặng
        ("book", Tone.SAC, None),
    ],
)
def test_with_tone(word: str, tone: Tone, toned: str | None) -> None:
    assert with_tone(word, tone) == toned


@st.composite
def syllable_like(draw: st.DrawFn) -> str:
    """An onset, vowel run and coda with a tone on any vowel, in any case."""
    onset = draw(st.sampled_from(["", "b", "ch", "gi", "qu", "ngh", "th", "h", "đ", "k"]))
    vowels = draw(
        st.sampled_from(
            ["oa", "oe", "uy", "ia", "ua", "ưa", "ươ", "uô", "iê", "yê", "uyê", "oai", "ai", "a"]
        )
    )
    coda = draw(st.sampled_from(["", "n", "ng", "c", "t", "i", "u", "nh"]))
    at = draw(st.integers(0, len(vowels) - 1))
    tone = draw(st.sampled_from(list(Tone)))
    toned = unicodedata.normalize("NFC", vowels[at] + tone.value)
    word = onset + vowels[:at] + toned + vowels[at + 1 :] + coda
    upper = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c for c, up in zip(word, upper, strict=True))


vietnamese_words = st.one_of(
    st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=7), syllable_like()
)
vietnamese_text = st.lists(
    st.one_of(vietnamese_words, st.sampled_from([" ", ", ", ".\n", "2", "_", "é"])),
    max_size=30,
).map("".join)


@given(vietnamese_words)
def test_canonical_tone_is_idempotent(word: str) -> None:
    once = canonical_tone(word)
    assert canonical_tone(once) == once


@given(vietnamese_words)
def test_canonical_tone_keeps_length_case_and_letters(word: str) -> None:
    result = canonical_tone(word)
    assert len(result) == len(word)
    assert [c.isupper() for c in result] == [c.isupper() for c in word]
    assert strip_tone(result) == strip_tone(word)


@given(vietnamese_words)
def test_canonical_tone_of_a_valid_syllable_is_valid(word: str) -> None:
    if is_valid_syllable(word):
        assert is_valid_syllable(canonical_tone(word))


@given(vietnamese_text)
def test_text_matches_word_by_word(text: str) -> None:
    result = canonical_tones_in_text(text)
    assert len(result) == len(text)
    assert canonical_tones_in_text(result) == result
    assert [c.isupper() for c in result] == [c.isupper() for c in text]
    for index, char in enumerate(text):
        if char not in VOWELS + VOWELS.upper():
            assert result[index] == char


# Both spellings of one word (i/y after a consonant, open syllable), and pairs that are two words.
SAME_WORD = [
    ("kĩ", "kỹ"), ("lí", "lý"), ("tỉ", "tỷ"), ("mĩ", "mỹ"), ("hi", "hy"), ("sĩ", "sỹ"),
    ("Lí", "Lý"), ("KĨ", "KỸ"), ("thi", "thy"), ("vi", "vy"), ("kì", "kỳ"), ("mĩ", "Mỹ"),
]  # fmt: skip
TWO_WORDS = [
    ("tuy", "tui"), ("huy", "hui"), ("thủy", "thủi"), ("quý", "quí"), ("ý", "í"), ("yêu", "iêu"),
    ("tin", "tyn"), ("kim", "kym"), ("tính", "týnh"), ("gì", "gỳ"), ("ngày", "ngài"),
]  # fmt: skip


@pytest.mark.parametrize(("one", "other"), SAME_WORD)
def test_i_and_y_after_a_consonant_in_an_open_syllable_are_one_word(one: str, other: str) -> None:
    assert canonical_i_in_text(one).lower() == canonical_i_in_text(other).lower()
    assert len(canonical_i_in_text(other)) == len(other)  # offsets stay valid


@pytest.mark.parametrize(("one", "other"), TWO_WORDS)
def test_glides_diphthongs_finals_and_lone_vowels_keep_their_spelling(one: str, other: str) -> None:
    assert canonical_i_in_text(one) == one
    assert canonical_i_in_text(one) != canonical_i_in_text(other)


def test_every_attested_y_syllable_of_that_shape_has_its_i_twin_and_no_other() -> None:
    changed = {
        w: canonical_i_in_text(w) for w in attested_syllables() if canonical_i_in_text(w) != w
    }
    assert {"kỹ", "lý", "tỷ", "mỹ", "hy"} <= changed.keys()
    for word, twin in changed.items():
        parsed = parse_syllable(word)
        assert parsed is not None
        assert parsed.onset not in ("", "qu", "gi") and parsed.nucleus == "y"
        assert not parsed.medial and not parsed.final
        assert parse_syllable(twin) is not None  # the i spelling is a syllable too
        assert (
            twin
            == word[:-1] + {"y": "i", "ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"}[word[-1]]
        )


def test_in_running_text_only_those_syllables_change() -> None:
    text = "Kỹ sư Lý Thủy quý yêu Mỹ tuy vậy, tỷ lệ hy vọng"
    assert canonical_i_in_text(text) == "Kĩ sư Lí Thủy quý yêu Mĩ tuy vậy, tỉ lệ hi vọng"
