"""Read a word typed in Telex or VNI without an input method as the syllable it meant.

``vieejt`` and ``vie65t`` become ``việt``; tone marks land where canonical_tone puts them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from index.text.syllables import Tone, is_attested_syllable, is_valid_syllable, with_tone

__all__ = ["convert_typed_word", "telex_to_vietnamese", "vni_to_vietnamese"]

_VOWELS = "aăâeêioôơuưy"
_TELEX_TONES = {"s": Tone.SAC, "f": Tone.HUYEN, "r": Tone.HOI, "x": Tone.NGA, "j": Tone.NANG}
_TELEX_TONES["z"] = Tone.NGANG
_VNI_TONES = {"1": Tone.SAC, "2": Tone.HUYEN, "3": Tone.HOI, "4": Tone.NGA, "5": Tone.NANG}
_VNI_TONES["0"] = Tone.NGANG
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_MAX_READINGS = 32


@dataclass(frozen=True)
class _Typing:
    """One reading of the keys so far: letters (lowercase, marks applied), case, tone."""

    letters: tuple[str, ...] = ()
    upper: tuple[bool, ...] = ()
    tone: Tone = Tone.NGANG

    def append(self, letter: str, upper: bool) -> _Typing:
        return replace(self, letters=(*self.letters, letter), upper=(*self.upper, upper))

    def has_vowel(self) -> bool:
        return any(letter in _VOWELS for letter in self.letters)

    def cluster(self) -> range:
        """Indices of the last run of vowels (empty if there is none)."""
        end = len(self.letters)
        while end and self.letters[end - 1] not in _VOWELS:
            end -= 1
        start = end
        while start and self.letters[start - 1] in _VOWELS:
            start -= 1
        return range(start, end)

    def _swap(self, changes: dict[int, str]) -> _Typing:
        letters = list(self.letters)
        for index, letter in changes.items():
            letters[index] = letter
        return replace(self, letters=tuple(letters))

    def _mark(self, marked: dict[str, str], skip_qu: bool = False) -> list[_Typing]:
        """One reading per letter of the vowel run that can take the mark, last first."""
        run = self.cluster()
        found = []
        for index in reversed(run):
            if skip_qu and index == run.start and self.letters[index - 1 : index] == ("q",):
                continue
            if self.letters[index] in marked:
                found.append(self._swap({index: marked[self.letters[index]]}))
        return found

    def circumflex(self, only: str = "aeo") -> list[_Typing]:
        return self._mark({letter: _CIRCUMFLEX[letter] for letter in only})

    def breve(self) -> list[_Typing]:
        return self._mark({"a": "ă"})

    def horn(self) -> list[_Typing]:
        """Readings with a horn: ươ for a u+o pair first, then on o, then on u."""
        run, letters = self.cluster(), self.letters
        found = [
            self._swap({index: "ư", index + 1: "ơ"})
            for index in run[:-1]
            if letters[index] in "uư"
            and letters[index + 1] in "oơ"
            and (letters[index], letters[index + 1]) != ("ư", "ơ")
        ]
        found += self._mark({"o": "ơ"})
        found += reversed(self._mark({"u": "ư"}, skip_qu=True))
        return found

    def stroke(self) -> list[_Typing]:
        """Turn a leading d into đ."""
        return [self._swap({0: "đ"})] if self.letters[:1] == ("d",) else []

    def bare(self) -> str:
        return "".join(
            letter.upper() if upper else letter
            for letter, upper in zip(self.letters, self.upper, strict=True)
        )


def _type(word: str, keys: Callable[[str, bool, _Typing], list[_Typing] | None]) -> str:
    """Feed a word key by key, keeping every reading; the first attested, else valid, wins."""
    readings = [_Typing()]
    for char in word:
        key, upper = char.lower(), char.isupper()
        following: list[_Typing] = []
        for reading in readings:
            acted = keys(key, upper, reading)
            following += acted if acted else [reading.append(key, upper)]
        readings = list(dict.fromkeys(following))[:_MAX_READINGS]
    toned = [t for r in readings if (t := with_tone(r.bare(), r.tone)) is not None]
    # Keys like the second `o` in `khoeo` may modify or append: a real word beats a mere syllable.
    for word_read in toned:
        if is_attested_syllable(word_read):
            return word_read
    if toned:
        return toned[0]
    return _rough_tone(readings[0].bare(), readings[0].tone)


def _rough_tone(bare: str, tone: Tone) -> str:
    """Mark a tone on a word that is no syllable: on its first vowel, or drop it."""
    if tone is Tone.NGANG:
        return bare
    for index, char in enumerate(bare):
        if char.lower() in _VOWELS:
            toned = with_tone(char.lower(), tone) or char
            toned = toned.upper() if char.isupper() else toned
            return bare[:index] + toned + bare[index + 1 :]
    return bare


def telex_to_vietnamese(word: str) -> str:
    """Apply Telex keys typed as plain letters: ``vieejt`` -> ``việt``.

    aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, w alone ư, dd đ; tone keys s f r x j
    (z clears) count once a vowel is typed and may come mid-word or at the end.
    The result need not be a syllable; see :func:`convert_typed_word`.
    """
    return _type(word, _telex_key)


def _telex_key(key: str, upper: bool, reading: _Typing) -> list[_Typing] | None:
    """What one Telex key does to a reading; None if it is just a letter."""
    if key in _TELEX_TONES and reading.has_vowel():
        return [replace(reading, tone=_TELEX_TONES[key])]
    if key == "w":
        return reading.horn() + reading.breve() or [reading.append("ư", upper)]
    if key in _CIRCUMFLEX:
        return reading.circumflex(key)
    if key == "d":
        return reading.stroke()
    return None


def vni_to_vietnamese(word: str) -> str:
    """Apply VNI digits typed after letters: ``vie65t`` -> ``việt``.

    1-5 sắc huyền hỏi ngã nặng (0 clears), 6 â ê ô, 7 ơ ư (ươ for u+o), 8 ă, 9 đ.
    A digit that has nothing to act on stays in the word.
    """
    return _type(word, _vni_key)


def _vni_key(key: str, upper: bool, reading: _Typing) -> list[_Typing] | None:
    """What one VNI key does to a reading; None if it is just a letter."""
    if key in _VNI_TONES and reading.has_vowel():
        return [replace(reading, tone=_VNI_TONES[key])]
    actions: dict[str, Callable[[], list[_Typing]]] = {
        "6": reading.circumflex,
        "7": reading.horn,
        "8": reading.breve,
        "9": reading.stroke,
    }
    action = actions.get(key)
    return action() if action else None


def convert_typed_word(word: str) -> str | None:
    """The syllable an ASCII word typed in VNI (has digits) or Telex stands for.

    None unless the conversion adds a diacritic and gives a valid syllable.  Many
    English words convert too (``this`` -> ``thí``), so a caller should only use this
    for a word that finds nothing as typed.
    """
    if not word.isascii() or not word.isalnum():
        return None
    if any(char.isdigit() for char in word):
        converted = vni_to_vietnamese(word)
    else:
        converted = telex_to_vietnamese(word)
    if converted.isascii() or not converted.isalpha() or not is_valid_syllable(converted):
        return None
    return converted
