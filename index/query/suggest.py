"""What the engine tells a reader about their query words beyond the hits.

Accented variants of unaccented words, Telex/VNI typed without an input method, and
"did you mean" for a word the index does not hold.
"""

from __future__ import annotations

import re
import string

from index.query.parse import OPERATORS
from index.query.vocabulary import Vocabulary
from index.results import Variant
from index.text.fold import fold
from index.text.input_methods import convert_typed_word
from index.text.marks import has_any_mark
from index.text.terms import SYLLABLE_PATTERN

MAX_VARIANTS_PER_WORD = 8
# Longer than any syllable typed in Telex or VNI (`nghieeengx` is 10) and than most words in
# a Vietnamese text: a longer token gets no suggestion.  Its edits grow with its length times
# the alphabet, so a pasted 10,000-character token once cost 29 s and 7 GB here.
MAX_SUGGESTED_CHARS = 24
_WORD = re.compile(rf"(?<![\w:]){SYLLABLE_PATTERN}(?![\w:])")
_LETTERS = string.ascii_lowercase + string.digits


def variants_of(words: list[str], vocabulary: Vocabulary) -> list[Variant]:
    """For each unaccented word, the accented forms the index holds and in how many documents."""
    variants: list[Variant] = []
    seen: set[str] = set()
    for word in words:
        if has_any_mark(word) or word in seen:
            continue
        seen.add(word)
        forms = [(form, count) for form, count in vocabulary.forms_of(fold(word)) if form != word]
        variants.extend(Variant(word, form, count) for form, count in forms[:MAX_VARIANTS_PER_WORD])
    return variants


def _replace_words(query: str, replace: dict[str, str]) -> str:
    return _WORD.sub(lambda m: replace.get(m.group(0), m.group(0)), query)


def _query_words(query: str) -> list[str]:
    return [w for w in _WORD.findall(query) if w not in OPERATORS and len(w) <= MAX_SUGGESTED_CHARS]


def typed_without_input_method(query: str, vocabulary: Vocabulary) -> str:
    """The query with Telex/VNI words converted, when a raw word has no hits and its
    conversion does; '' when nothing needed converting.  Words with hits are never touched."""
    replace: dict[str, str] = {}
    for word in _query_words(query):
        if fold(word) in vocabulary:
            continue
        converted = convert_typed_word(word)
        if converted and fold(converted) in vocabulary:
            replace[word] = converted
    return _replace_words(query, replace) if replace else ""


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | transposes | replaces | inserts


def _closest(word: str, vocabulary: Vocabulary) -> str:
    folded = fold(word)
    if len(folded) < 3:
        return ""
    candidates = [c for c in _edits(folded) if c in vocabulary]
    if not candidates:
        return ""
    best = max(candidates, key=lambda c: (vocabulary.forms_of(c)[0][1], c))
    return vocabulary.forms_of(best)[0][0]


def did_you_mean(query: str, vocabulary: Vocabulary) -> str:
    """The query with each unknown word replaced by its most frequent close neighbour, or ''."""
    replace = {}
    for word in _query_words(query):
        if fold(word) not in vocabulary:
            closest = _closest(word, vocabulary)
            if closest:
                replace[word] = closest
    return _replace_words(query, replace) if replace else ""
