"""Old Vietnamese files: each legacy encoding round-trips under its name; nothing else is touched.

Fixtures are real Vietnamese (seeds, pangrams) encoded by tests/index/text/legacy_fixtures.py.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.text import legacy_encodings as legacy_encodings
from index.text.legacy_encodings import decode_legacy, repair_decoded
from index.text.syllables import is_valid_syllable
from tests.index.text.legacy_fixtures import (
    PANGRAMS,
    PROSE_PANGRAMS,
    SYLLABLE_PANGRAMS,
    TCVN3_PLAIN,
    TCVN3_TONED,
    VOWELS,
    encode_cp1258,
    encode_tcvn3,
    encode_viqr,
    encode_vni,
    mis_decode,
    tcvn3_expected,
)

SEEDS = sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt"))
SEED_TEXTS = [unicodedata.normalize("NFC", path.read_text(encoding="utf-8")) for path in SEEDS]
TEXTS = [*PANGRAMS, *SEED_TEXTS]
TEXT_IDS = [f"pangram{i}" for i in range(len(PANGRAMS))] + [path.stem for path in SEEDS]


def _same(text: str) -> str:
    return text


def _cp1258_decomposed(text: str) -> bytes:
    return encode_cp1258(text, precomposed=False)


# --- decode_legacy: bytes that are not UTF-8 ---------------------------------------------------

LEGACY: list[tuple[str, Callable[[str], bytes], Callable[[str], str]]] = [
    # label           encoder              what comes back
    ("windows-1258", encode_cp1258, _same),
    ("windows-1258", _cp1258_decomposed, _same),
    ("tcvn3", encode_tcvn3, tcvn3_expected),
    ("vni-windows", encode_vni, _same),
]


@pytest.mark.parametrize("text", TEXTS, ids=TEXT_IDS)
@pytest.mark.parametrize(
    ("label", "encode", "expected"), LEGACY, ids=["1258", "1258-nfd", "tcvn3", "vni"]
)
def test_legacy_bytes_round_trip_with_their_label(
    text: str, label: str, encode: Callable[[str], bytes], expected: Callable[[str], str]
) -> None:
    assert decode_legacy(encode(text)) == (expected(text), label)


@pytest.mark.parametrize(
    ("data", "text", "label"),
    [
        ("Vieät Nam".encode("cp1252"), "Việt Nam", "vni-windows"),
        ("Tieáng Vieät".encode("cp1252"), "Tiếng Việt", "vni-windows"),
        ("Xin chaøo caùc baïn".encode("cp1252"), "Xin chào các bạn", "vni-windows"),
        (
            "Ñaûng vaø ngöôøi daân Haø Noäi".encode("cp1252"),
            "Đảng và người dân Hà Nội",
            "vni-windows",
        ),
        ("VIEÄT NAM ÑÖÔØNG".encode("cp1252"), "VIỆT NAM ĐƯỜNG", "vni-windows"),
        ("ViÖt Nam".encode("cp1252"), "Việt Nam", "tcvn3"),
        ("Hµ Néi lµ thñ ®«".encode("cp1252"), "Hà Nội là thủ đô", "tcvn3"),
        (b"Vi\xea\xf2t Nam", "Việt Nam", "windows-1258"),
        (b"H\xe0 N\xf4\xf2i la\xcc thu\xd2 \xf0\xf4", "Hà Nội là thủ đô", "windows-1258"),
    ],
)
def test_known_legacy_spellings(data: bytes, text: str, label: str) -> None:
    assert decode_legacy(data) == (text, label)


@pytest.mark.parametrize(
    ("text", "comes_back"),
    [
        ("Ảnh: TTXVN", "ảnh: TTXVN"),  # a lone accented capital: TCVN3 has no code for it
        ("Ủy ban Ấn Độ", "ủy ban ấn Độ"),
        ("HỒ Gươm", "Hồ Gươm"),  # one capital left to vouch for the word: not enough
        ("VIỆT NAM", "VIỆT NAM"),  # all capitals: the shared code is read as a capital
        ("ĐỨC và CỦA", "ĐỨC và CỦA"),
        ("Ăn Âu Êm Ôm Ơn Ưng Đi", "Ăn Âu Êm Ôm Ơn Ưng Đi"),  # the seven capitals TCVN3 does have
        ("Đà Nẵng", "Đà Nẵng"),
    ],
)
def test_tcvn3_loses_accented_capitals_except_in_all_caps_words(text: str, comes_back: str) -> None:
    assert tcvn3_expected(text) == comes_back
    assert decode_legacy(encode_tcvn3(text)) == (comes_back, "tcvn3")


def test_tcvn3_tables_match_the_system_iconv() -> None:
    """The fixture encoder's TCVN3 table against glibc's TCVN5712-1, an independent source."""
    if shutil.which("iconv") is None:
        pytest.skip("no iconv")
    letters = "".join(TCVN3_PLAIN) + "".join(
        unicodedata.normalize("NFC", v + t) for t in TCVN3_TONED for v in VOWELS
    )
    data = bytes(TCVN3_PLAIN.values()) + b"".join(TCVN3_TONED.values())
    run = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=False
    )
    if run.returncode:
        pytest.skip("iconv without TCVN5712-1")
    assert unicodedata.normalize("NFC", run.stdout.decode("utf-8")) == letters


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            "Naïve café, résumé — “quoted” text…".encode("cp1252"),
            "Naïve café, résumé — “quoted” text…",
        ),
        (
            "Le déjà vu à Paris, où l'été dure.".encode("latin-1"),
            "Le déjà vu à Paris, où l'été dure.",
        ),
        (b"Plain ASCII with one odd byte \x85 in it.", "Plain ASCII with one odd byte … in it."),
    ],
)
def test_western_prose_falls_back_to_cp1252(data: bytes, text: str) -> None:
    assert decode_legacy(data) == (text, "cp1252")


_RANDOM = random.Random(5)


@pytest.mark.parametrize(
    "data",
    [
        bytes(_RANDOM.randrange(256) for _ in range(4096)),  # with NULs
        bytes(_RANDOM.randrange(0x20, 0x100) for _ in range(4096)),  # no controls, half high
        bytes(_RANDOM.randrange(0x80, 0x100) for _ in range(64)),
        b"\x01\x02\x03\x04 some text \x05\x06\x07\x08\x0e\x0f\x10\xff",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5U0#\xf4\x00\x00\x00L\x02",
    ],
    ids=["random", "random-high", "short-high", "controls", "zip-header"],
)
def test_binary_is_none(data: bytes) -> None:
    assert decode_legacy(data) is None


# --- repair_decoded: UTF-8 that holds mojibake or VIQR -----------------------------------------

REPAIRS: list[tuple[str, Callable[[str], str]]] = [
    # label                                   how the text was spoiled
    ("utf-8 (mis-decoded as cp1252)", mis_decode),
    ("utf-8 (mis-decoded twice as cp1252)", lambda t: mis_decode(t, times=2)),
    ("utf-8 (mis-decoded as windows-1258)", lambda t: mis_decode(t, "cp1258")),
    ("viqr", encode_viqr),
]


@pytest.mark.parametrize("text", TEXTS, ids=TEXT_IDS)
@pytest.mark.parametrize(("label", "spoil"), REPAIRS, ids=["cp1252", "cp1252x2", "cp1258", "viqr"])
def test_spoiled_text_is_repaired_with_its_label(
    text: str, label: str, spoil: Callable[[str], str]
) -> None:
    assert repair_decoded(spoil(text)) == (text, label)


@pytest.mark.parametrize(
    ("spoiled", "text", "label"),
    [
        ("Viá»‡t Nam", "Việt Nam", "utf-8 (mis-decoded as cp1252)"),
        (
            "Chá»§ tá»‹ch nÆ°á»›c LÆ°Æ¡ng CÆ°á»\x9dng",
            "Chủ tịch nước Lương Cường",
            "utf-8 (mis-decoded as cp1252)",
        ),
        ("Vi\xe1\xbb\x87t Nam", "Việt Nam", "utf-8 (mis-decoded as latin-1)"),
        (
            "HÃ  Ná»™i, lÃ m viá»‡c",
            "Hà Nội, làm việc",
            "utf-8 (mis-decoded as cp1252)",
        ),  # NBSP lost
        ("donâ€™t â€œquoteâ€\x9d", "don’t “quote”", "utf-8 (mis-decoded as cp1252)"),
        ("Vie^.t Nam", "Việt Nam", "viqr"),
        ("VIE^.T NAM DDA^'T NU+O+'C", "VIỆT NAM ĐẤT NƯỚC", "viqr"),
        ("Ha` No^.i.", "Hà Nội.", "viqr"),  # an unescaped full stop after a toned word
        ("Ho^m nay tro+`i dde.p.", "Hôm nay trời đẹp.", "viqr"),
        ("Ho^m nay tro+`i dde^'n ga\\.", "Hôm nay trời đến ga.", "viqr"),  # escaped full stop
    ],
)
def test_known_repairs(spoiled: str, text: str, label: str) -> None:
    assert repair_decoded(spoiled) == (text, label)


def test_latin1_mojibake_is_named_latin1() -> None:
    text = SEED_TEXTS[0]
    assert repair_decoded(mis_decode(text, "latin-1")) == (text, "utf-8 (mis-decoded as latin-1)")


@pytest.mark.parametrize(
    "text",
    [
        *SEED_TEXTS,
        *PANGRAMS,
        unicodedata.normalize("NFD", SEED_TEXTS[0]),
        "The quick brown fox jumps over the lazy dog.",
        "I'm sure you're right, e.g. today. Where do you want to go? So? No.",
        "Naïve café, résumé — “quoted” text… déjà vu, Ångström, Æsir, São Paulo.",
        "def f(a, b):\n    return a^b + (c or d)  # o^ e^ a( u+\n",
        "TRÊN SÔNG: “BÀI CA CỦA TÔ”",  # "Ô”" is the bytes D4 94, which decode as "Ԕ"
        "Con cá” bơi, chữ Â và Ê« Ô”",
        "C:\\Users\\Ha\\Documents\\a.txt, ~/notes, x + y ^ 2",
        "",
    ],
)
def test_genuine_text_is_left_alone(text: str) -> None:
    assert repair_decoded(text) is None


@pytest.mark.parametrize("text", SEED_TEXTS, ids=[path.stem for path in SEEDS])
def test_seed_articles_take_the_cheap_path(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Normal Vietnamese never reaches the expensive repairs: the pre-checks turn it away."""

    def expensive(*_: object) -> None:
        raise AssertionError("expensive repair attempted on genuine text")

    monkeypatch.setattr(legacy_encodings, "_repair_mojibake", expensive)
    monkeypatch.setattr(legacy_encodings, "_viqr_convert", expensive)
    assert repair_decoded(text) is None


# Characters that mis-decoded UTF-8 shows, and the ASCII of VIQR.
HINT_CHARACTERS = sorted({ch for undo in legacy_encodings._UNDO.values() for ch in undo})
HINT_CHARACTERS += list("aeoyAUxZ(^+`'?~. ")


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(HINT_CHARACTERS)))
def test_one_scan_turns_text_away_only_when_neither_hint_fires(text: str) -> None:
    hints = (legacy_encodings._MOJIBAKE_HINT, legacy_encodings._VIQR_HINT)
    either = any(hint.search(text) for hint in hints)
    assert bool(legacy_encodings._ANY_HINT.search(text)) == either


# --- the committed sample files (tools/make_encoding_fixtures.py) -----------------------------

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "encodings"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("windows1258.txt", "windows-1258"),
        ("tcvn3.txt", "tcvn3"),
        ("vni.txt", "vni-windows"),
    ],
)
def test_sample_legacy_files_read_as_the_utf8_one(name: str, label: str) -> None:
    expected = (SAMPLES / "utf8.txt").read_text(encoding="utf-8")
    assert "Chủ tịch nước Lương Cường" in expected
    assert decode_legacy((SAMPLES / name).read_bytes()) == (expected, label)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("viqr.txt", "viqr"),
        ("mojibake.txt", "utf-8 (mis-decoded as cp1252)"),
    ],
)
def test_sample_spoiled_files_repair_to_the_utf8_one(name: str, label: str) -> None:
    expected = (SAMPLES / "utf8.txt").read_text(encoding="utf-8")
    assert repair_decoded((SAMPLES / name).read_text(encoding="utf-8")) == (expected, label)


@pytest.mark.parametrize("name", ["utf8.txt", "utf8_bom.txt", "utf16.txt"])
def test_sample_unicode_files_need_no_repair(name: str) -> None:
    encoding = "utf-16" if name == "utf16.txt" else "utf-8-sig"
    assert repair_decoded((SAMPLES / name).read_text(encoding=encoding)) is None


def test_sample_binary_file_is_none() -> None:
    assert decode_legacy((SAMPLES / "binary.bin.txt").read_bytes()) is None


# --- properties --------------------------------------------------------------------------------

WORDS = sorted(
    {w.strip(".,;:“”…!?") for line in SYLLABLE_PANGRAMS + PROSE_PANGRAMS for w in line.split()}
)
# Not all ASCII: such bytes are UTF-8 and never reach decode_legacy.
sentences = (
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=30)
    .map(" ".join)
    .filter(lambda text: not text.isascii())
)


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_genuine_sentences_stay_and_mojibake_of_them_is_repaired(text: str) -> None:
    assert repair_decoded(text) is None
    assert repair_decoded(mis_decode(text)) == (text, "utf-8 (mis-decoded as cp1252)")


@settings(max_examples=60, deadline=None)
@given(sentences, st.sampled_from(LEGACY))
def test_legacy_reading_is_right_or_as_good(
    text: str, case: tuple[str, Callable[[str], bytes], Callable[[str], str]]
) -> None:
    """A few words can read as Vietnamese in two encodings ("Mơ" in VNI is "Mô" in 1258);
    then any reading whose words are all syllables is fair.  Long texts settle it."""
    label, encode, expected = case
    result = decode_legacy(encode(text))
    assert result is not None
    if result != (expected(text), label):
        assert all(is_valid_syllable(word) for word in result[0].split())
