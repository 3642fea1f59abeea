"""Vietnamese syllable structure: parse a syllable, judge it, place its tone mark.

Pure functions over NFC text; the engine uses them to normalise tone placement and score decodings.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Syllable",
    "Tone",
    "attested_syllables",
    "canonical_i_in_text",
    "canonical_tone",
    "canonical_tones_in_text",
    "is_attested_syllable",
    "is_valid_syllable",
    "parse_syllable",
    "strip_tone",
    "with_tone",
]


class Tone(enum.Enum):
    """The six tones; the value is the combining mark that writes it."""

    NGANG = ""
    HUYEN = "\u0300"
    SAC = "\u0301"
    HOI = "\u0309"
    NGA = "\u0303"
    NANG = "\u0323"


@dataclass(frozen=True, slots=True)
class Syllable:
    """A parsed syllable: toneless parts (quality marks kept) plus its tone.

    ``onset + medial + nucleus + final`` spells the toneless syllable, one letter per
    character, so indices into it are indices into the word.  ``qu`` and ``gi`` are
    onsets; ``final`` is a consonant coda or a semivowel (i, y, o, u).  ``tone_at`` is
    the index of the letter carrying the tone mark as written (None without one).
    """

    onset: str
    medial: str
    nucleus: str
    final: str
    tone: Tone
    tone_at: int | None

    @property
    def bare(self) -> str:
        """The syllable without its tone mark."""
        return self.onset + self.medial + self.nucleus + self.final

    @property
    def tone_index(self) -> int | None:
        """Where the canonical spelling puts the tone mark (None without a tone)."""
        if self.tone is Tone.NGANG:
            return None
        return _canonical_index(self.onset, self.medial, self.nucleus, self.final)


_BASE_VOWELS = "aăâeêioôơuưy"
_HATTED = "ăâêôơư"

# Every vowel letter, both cases, mapped to (lowercase toneless vowel, tone) and back.
_SPLIT: dict[str, tuple[str, Tone]] = {}
_JOIN: dict[tuple[str, Tone], str] = {}
for _vowel in _BASE_VOWELS:
    for _tone in Tone:
        _low = unicodedata.normalize("NFC", _vowel + _tone.value)
        _SPLIT[_low] = (_vowel, _tone)
        _SPLIT[_low.upper()] = (_vowel, _tone)
        _JOIN[(_vowel, _tone)] = _low
_CONSONANTS = "bcdđghklmnpqrstvx"
# Lowercase for exactly the letters a syllable may contain, one character to one.
_LOWER: dict[str, str] = (
    {ch: ch.lower() for ch in _SPLIT}
    | {ch: ch for ch in _CONSONANTS}
    | {ch.upper(): ch for ch in _CONSONANTS}
)

_ONSETS = (
    "ngh", "ng", "nh", "ch", "kh", "gh", "ph", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip
_CODAS = ("", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t")
_STOPS = ("c", "ch", "k", "p", "t")

# Toneless vowel clusters -> (medial, nucleus, semivowel final).
_CLUSTERS: dict[str, tuple[str, str, str]] = {v: ("", v, "") for v in _BASE_VOWELS}
_CLUSTERS |= {v: ("", v, "") for v in ("ia", "iê", "yê", "ua", "uô", "ưa", "ươ", "oo")}
_CLUSTERS |= {
    v: ("", v[:-1], v[-1])
    for v in (
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi",
        "ưu", "iêu", "yêu", "uôi", "ươi", "ươu", "yu",
    )
}  # fmt: skip
_CLUSTERS |= {
    "oa": ("o", "a", ""), "oă": ("o", "ă", ""), "oe": ("o", "e", ""),
    "oai": ("o", "a", "i"), "oay": ("o", "a", "y"), "oao": ("o", "a", "o"),
    "oeo": ("o", "e", "o"), "uâ": ("u", "â", ""), "uây": ("u", "â", "y"),
    "uê": ("u", "ê", ""), "uơ": ("u", "ơ", ""), "uy": ("u", "y", ""),
    "uya": ("u", "ya", ""), "uyê": ("u", "yê", ""), "uyu": ("u", "y", "u"),
}  # fmt: skip

_NEEDS_CODA = frozenset({"ă", "â", "iê", "yê", "uô", "ươ", "oo"})
_OPEN_ONLY = frozenset({"ia", "ua", "ưa", "ya"})
# Which nuclei each consonant coda may follow.
_BEFORE_N = frozenset(
    {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "iê", "yê", "uô", "ươ"}
)
_BEFORE_NG = _BEFORE_N - {"ê", "i", "ơ"} | {"oo"}
_CODA_AFTER: dict[str, frozenset[str]] = {
    "ch": frozenset({"a", "ê", "i", "y"}),
    "k": frozenset({"ă"}),  # Đắk Lắk
    "nh": frozenset({"a", "ê", "i", "y"}),
    "c": _BEFORE_NG,
    "ng": _BEFORE_NG,
    "m": _BEFORE_N,
    "p": _BEFORE_N | {"y"},
    "n": _BEFORE_N | {"y"},
    "t": _BEFORE_N | {"y"},
}
_FRONT = ("e", "ê", "i", "y")


def _split_rest(rest: str) -> tuple[str, str] | None:
    """Split a toneless rhyme into its vowel cluster and consonant coda."""
    end = 0
    while end < len(rest) and rest[end] in _BASE_VOWELS:
        end += 1
    cluster, coda = rest[:end], rest[end:]
    if not cluster or coda not in _CODAS:
        return None
    return cluster, coda


def _onset_of(bare: str) -> str:
    """The onset of a toneless word; ``qu`` and ``gi`` count only before a vowel."""
    if len(bare) > 2 and bare[2] in _BASE_VOWELS and bare[:2] in ("qu", "gi"):
        return bare[:2]
    for onset in _ONSETS:
        if bare.startswith(onset):
            return onset
    return ""


def _fits(onset: str, medial: str, nucleus: str, final: str) -> bool:
    """Whether the parts obey the rhyme and spelling rules of the written language."""
    coda = "" if final in ("i", "y", "o", "u") else final
    if nucleus in _NEEDS_CODA and not final:
        return False
    if nucleus in _OPEN_ONLY and final:
        return False
    if coda and nucleus not in _CODA_AFTER[coda]:
        return False
    if nucleus == "oo" and coda not in ("c", "ng"):
        return False
    if nucleus == "y" and coda and not (medial or onset == "qu"):
        return False
    if nucleus == "y" and not medial and onset in ("c", "g", "gh", "ng", "ngh", "gi"):
        return False
    if nucleus == "iê" and (not onset or onset in ("qu", "gi")):
        return False
    if nucleus == "yê" and onset and not medial and onset != "qu":
        return False
    if nucleus == "ya" and not (medial or onset == "qu"):
        return False
    if nucleus == "y" and final == "u" and not (medial or onset == "qu"):
        return False
    front = (medial or nucleus).startswith(_FRONT)
    if onset == "k" and not front:
        # Place names from minority languages: Kon Tum, Bắc Kạn.
        return not medial
    if onset in ("k", "gh", "ngh"):
        return front and not medial
    if onset in ("c", "ng"):
        return not front and not (medial and onset == "c")
    if onset == "g":
        # "gì", "gìn", "giếng": the only front rhymes written with a bare g.
        return not front or nucleus in ("i", "iê")
    if onset == "gi":
        return not medial and not nucleus.startswith(("i", "y"))
    if onset == "qu":
        return not medial and not nucleus.startswith(("u", "ư", "o")) and nucleus != "ia"
    return True


def _canonical_index(onset: str, medial: str, nucleus: str, final: str) -> int:
    """Index of the letter that carries the tone in the canonical (hòa, thủy) spelling."""
    start = len(onset) + len(medial)
    for offset in range(len(nucleus) - 1, -1, -1):
        if nucleus[offset] in _HATTED:
            return start + offset
    if final and final not in ("i", "y", "o", "u"):
        return start + len(nucleus) - 1
    if medial and not final and len(nucleus) == 1:
        return len(onset)
    return start


def _other_style_index(syllable: Syllable) -> int | None:
    """The index the other accepted style uses (hoà, thuỷ), if it differs."""
    if (
        syllable.medial
        and not syllable.final
        and len(syllable.nucleus) == 1
        and syllable.nucleus not in _HATTED
    ):
        return len(syllable.onset) + 1
    return None


def parse_syllable(word: str) -> Syllable | None:
    """Parse a lowercase NFC word into a syllable, or None if it cannot be one.

    The tone may sit on any vowel (``tòan`` parses like ``toàn``, with ``tone_at``
    saying where it was); use :func:`is_valid_syllable` to also judge its position.
    A stop coda (c, ch, p, t) takes only sắc, nặng or no tone.
    """
    return _parse(word)


@functools.lru_cache(maxsize=1 << 16)
def _parse(word: str) -> Syllable | None:
    letters: list[str] = []
    tone, tone_at = Tone.NGANG, None
    for index, char in enumerate(word):
        if char in _CONSONANTS:
            letters.append(char)
            continue
        split = _SPLIT.get(char)
        if split is None or not char.islower():
            return None
        letters.append(split[0])
        if split[1] is not Tone.NGANG:
            if tone_at is not None:
                return None
            tone, tone_at = split[1], index
    bare = "".join(letters)
    onset = _onset_of(bare)
    found = _parse_rest(onset, bare[len(onset) :], tone)
    if found is None and onset == "gi":
        # "giếng" is g + iê + ng: gi + ê cannot take that coda.
        onset = "g"
        found = _parse_rest(onset, bare[1:], tone)
    if found is None:
        return None
    return Syllable(onset, *found, tone, tone_at)


def _parse_rest(onset: str, rest: str, tone: Tone) -> tuple[str, str, str] | None:
    """Medial, nucleus and final of the rest of a toneless syllable after its onset."""
    parts = _split_rest(rest)
    if parts is None:
        return None
    cluster, coda = parts
    shape = _CLUSTERS.get(cluster)
    if shape is None:
        return None
    medial, nucleus, glide = shape
    if glide and coda:
        return None
    final = glide or coda
    if not _fits(onset, medial, nucleus, final):
        return None
    if final in _STOPS and tone not in (Tone.NGANG, Tone.SAC, Tone.NANG):
        return None
    return medial, nucleus, final


def _lower(word: str) -> str | None:
    """Lowercase letter by letter, or None if a character cannot be in a syllable."""
    try:
        return "".join(_LOWER[ch] for ch in word)
    except KeyError:
        return None


_UNACCENTED = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}


@functools.lru_cache(maxsize=1 << 16)
def _is_valid_lower(word: str) -> bool:
    syllable = _parse(word)
    if syllable is not None:
        if syllable.tone_at is None:
            return True
        return syllable.tone_at in (syllable.tone_index, _other_style_index(syllable))
    if not word.isascii() or len(word) > 8:
        return False
    # Unaccented text: valid if some way of adding the quality marks gives a syllable.
    choices = [_UNACCENTED.get(ch, ch) for ch in word]
    return any(
        _parse("".join(spelling)) is not None
        for spelling in itertools.islice(itertools.product(*choices), 1, None)
    )


def is_valid_syllable(word: str) -> bool:
    """Whether an NFC word (any case) can be a Vietnamese syllable, by structure alone.

    A tone mark must sit where either accepted style puts it (``hòa`` and ``hoà``, not
    ``tòan``).  A word without any diacritic is valid when some accented form is
    (``viet``, ``duong``), so stripped text counts too.  Rare and borrowed syllables
    that fit the structure count; see :func:`is_attested_syllable` for the word list.
    """
    lower = _lower(word)
    return lower is not None and bool(lower) and _is_valid_lower(lower)


@functools.cache
def attested_syllables() -> frozenset[str]:
    """Syllables attested in the bundled word list (lowercase, NFC, canonical tones)."""
    text = (Path(__file__).parent / "data" / "syllables.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_attested_syllable(word: str) -> bool:
    """Whether an NFC word (any case, either tone style) is in the bundled syllable list."""
    lower = _lower(word)
    return lower is not None and _canonical_lower(lower) in attested_syllables()


def _canonical_lower(word: str) -> str:
    syllable = _parse(word)
    if syllable is None or syllable.tone_at is None:
        return word
    target = syllable.tone_index
    assert target is not None
    if target == syllable.tone_at:
        return word
    letters = list(syllable.bare)
    letters[target] = _JOIN[(letters[target], syllable.tone)]
    return "".join(letters)


@functools.lru_cache(maxsize=1 << 16)
def canonical_tone(word: str) -> str:
    """Put the tone mark of an NFC syllable where the canonical spelling has it.

    Canonical is ``hòa``, ``thủy``, ``khỏe`` (tone on o/u in open oa, oe, uy) and the
    usual place elsewhere; misplaced marks are moved (``tòan`` -> ``toàn``, ``qúy`` ->
    ``quý``).  Length and the case of every position are kept.  Words that are not a
    Vietnamese syllable come back unchanged.
    """
    lower = _lower(word)
    if lower is None:
        return word
    syllable = _parse(lower)
    if syllable is None or syllable.tone_at is None:
        return word
    source, target = syllable.tone_at, syllable.tone_index
    if target is None or source == target:
        return word
    chars = list(word)
    chars[source] = _retone(chars[source], Tone.NGANG)
    chars[target] = _retone(chars[target], syllable.tone)
    return "".join(chars)


def _retone(char: str, tone: Tone) -> str:
    """The same vowel letter, same case, with another tone."""
    vowel, _ = _SPLIT[char]
    toned = _JOIN[(vowel, tone)]
    return toned.upper() if char.isupper() else toned


_ALL_VOWELS = "".join(_SPLIT)
_TONED_PLAIN = "".join(
    ch for ch, (vowel, tone) in _SPLIT.items() if tone is not Tone.NGANG and vowel in "aeiouy"
)
_TONED_U_HORN = "".join(
    ch for ch, (vowel, tone) in _SPLIT.items() if tone is not Tone.NGANG and vowel == "ư"
)
# A tone can be misplaced only where a toned vowel touches another vowel, and a mark
# on a hatted vowel is already canonical unless it is the ư of ươ.
_MOVABLE_PAIR = re.compile(
    rf"[{_TONED_PLAIN}][{_ALL_VOWELS}]|[{_ALL_VOWELS}][{_TONED_PLAIN}]|[{_TONED_U_HORN}][ơƠ]"
)


def canonical_tones_in_text(text: str) -> str:
    """Apply :func:`canonical_tone` to every word of an NFC text; offsets stay valid."""
    pieces: list[str] = []
    copied = scanned = 0
    end = len(text)
    for match in _MOVABLE_PAIR.finditer(text):
        start = match.start()
        if start < scanned:
            continue
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        stop = match.end()
        while stop < end and text[stop].isalpha():
            stop += 1
        scanned = stop
        word = text[start:stop]
        fixed = canonical_tone(word)
        if fixed != word:
            pieces += (text[copied:start], fixed)
            copied = stop
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)


def strip_tone(word: str) -> str:
    """The word with tone marks removed (quality marks and case kept)."""
    return "".join(_retone(ch, Tone.NGANG) if ch in _SPLIT else ch for ch in word)


def with_tone(word: str, tone: Tone) -> str | None:
    """Give a toneless or toned syllable this tone, canonically placed; None if invalid."""
    bare = strip_tone(word)
    lower = _lower(bare)
    if lower is None:
        return None
    syllable = _parse(lower)
    if syllable is None:
        return None
    if tone is Tone.NGANG:
        return bare
    target = _canonical_index(syllable.onset, syllable.medial, syllable.nucleus, syllable.final)
    chars = list(bare)
    chars[target] = _retone(chars[target], tone)
    result = "".join(chars)
    return result if _parse(_lower(result) or "") is not None else None


# i and y after a consonant in an open syllable are one vowel spelled two ways (kĩ/kỹ, lí/lý,
# tỉ/tỷ, hi/hy): the canonical spelling is i.  Never where y is part of a glide (uy: thủy,
# quý) or of a diphthong (yê), never before a final consonant.
_Y_TO_I = dict(zip("yýỳỷỹỵYÝỲỶỸỴ", "iíìỉĩịIÍÌỈĨỊ", strict=True))
_CONSONANT_LETTERS = frozenset(_CONSONANTS + _CONSONANTS.upper())
# Where the scan starts: a y ending a word (few in a text, found in C); the consonants before
# it are then checked one by one.
_Y_ENDING_A_WORD = re.compile(rf"[{''.join(_Y_TO_I)}](?![^\W_])")
_MAX_ONSET = 3  # ngh


@functools.lru_cache(maxsize=1 << 12)
def _spelled_with_y(word: str) -> bool:
    """Is `word` a consonant onset and a lone vowel y, no glide and no final (`kỹ`, `Lý`)?"""
    lower = _lower(word)
    syllable = _parse(lower) if lower is not None else None
    return (
        syllable is not None
        and syllable.onset not in ("", "qu", "gi")
        and not syllable.medial
        and syllable.nucleus == "y"
        and not syllable.final
    )


def _onset_start(text: str, y_at: int) -> int:
    """Where the run of consonants before the y at `y_at` starts, or -1 if the word holds
    anything else before it (a vowel, a digit) or no consonant at all."""
    start = y_at
    while start > 0 and y_at - start < _MAX_ONSET and text[start - 1] in _CONSONANT_LETTERS:
        start -= 1
    if start == y_at or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_")):
        return -1
    return start


def canonical_i_in_text(text: str) -> str:
    """Spell the vowel i/y of every open syllable after a consonant as i; offsets stay valid.

    `kỹ thuật` → `kĩ thuật`, `Lý` → `Lí`, `tỷ` → `tỉ`; `thủy`, `quý`, `yêu`, `tuy` are kept."""
    pieces: list[str] = []
    copied = 0
    for match in _Y_ENDING_A_WORD.finditer(text):
        y_at = match.start()
        start = _onset_start(text, y_at)
        if start < 0 or not _spelled_with_y(text[start : y_at + 1]):
            continue
        pieces += (text[copied:y_at], _Y_TO_I[text[y_at]])
        copied = y_at + 1
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)
