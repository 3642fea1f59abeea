"""The word being typed: which whole words its prefix likely is, from the index's own words.

Pairs of syllables starting with the previous word and the prefix say which completions follow
it (`tich nu` → `tich nuoc`); the vocabulary says which completions the corpus uses most.
"""

from __future__ import annotations

import itertools
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from index.query.vocabulary import Vocabulary
from index.storage.whoosh_types import WhooshReader
from index.text.fold import fold
from index.text.terms import SHINGLE_GAP, SYLLABLE

# Completions searched for one prefix.  Measured on the keystroke workload (BENCHMARKS.md):
# 12 (4 for one letter) kept 57.4 % of keystrokes on track at 10,000 documents and 44.1 % at
# 100,000 with a p95 of 40 / 340 ms; 6 (2 for up to two letters) 60.5 % and 48.7 %, 18 / 157 ms.
MAX_COMPLETIONS = 6
_FOLLOWING_SCANNED = 4000  # syllable pairs read for one prefix: `chu t` has a few hundred
_SHORT_PREFIX = 2  # a prefix of up to two letters reads as fewer words: it says little yet
_LEAST_LIKELY = 0.5  # the weight of the least used completion; the likeliest has 1.0
_LAST_WORD = re.compile(r"(?:^|(?<=\s))([^\W_]+)$")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})


@dataclass(frozen=True)
class TypedPrefix:
    """A query being typed, cut where its last word starts: `head` is planned as whole words;
    `prefix` (as typed) is the unfinished word; `previous` its folded neighbour, if joined."""

    head: str
    prefix: str
    previous: str = ""


def split_typed(text: str) -> TypedPrefix | None:
    """The unfinished last word of `text`, or None when the text ends in a space or syntax.

    Only a plain word is a prefix: `chu tich nu` yes; `"chu tich"`, `nu*`, `-nu`, `AND` no."""
    match = _LAST_WORD.search(text)
    if match is None or match.group(1) in _OPERATORS:
        return None
    start = match.start(1)
    head = text[:start]
    previous = ""
    words = list(SYLLABLE.finditer(head))
    if words:
        last = words[-1]
        token_start = head.rfind(" ", 0, last.start()) + 1
        joined = SHINGLE_GAP.fullmatch(text, last.end(), start) is not None
        if joined and not head.startswith("-", token_start):
            previous = fold(last.group())
    return TypedPrefix(head, match.group(1), previous)


@dataclass(frozen=True)
class Completions:
    """What a prefix was read as: folded whole words, those following the previous word first,
    then the most used; `following` are the ones seen right after the previous word."""

    words: list[str]
    following: list[str]
    weights: dict[str, float]  # how likely each word is meant, 0.5 to 1.0

    def weight(self, word: str) -> float:
        """How likely `word` is what the prefix becomes (1.0: the likeliest)."""
        return self.weights.get(word, _LEAST_LIKELY)


class Completer:
    """Completes prefixes against one index generation's vocabulary and syllable pairs."""

    def __init__(
        self, vocabulary: Vocabulary, reader: WhooshReader, lock: AbstractContextManager[Any]
    ) -> None:
        self.vocabulary = vocabulary
        self.reader = reader
        self.lock = lock  # the reader's: its searcher is shared with other threads

    def complete(self, prefix: str, previous: str = "") -> Completions:
        """The likely whole words for `prefix`, at most MAX_COMPLETIONS, best first."""
        folded = fold(prefix)
        limit = MAX_COMPLETIONS // 3 if len(folded) <= _SHORT_PREFIX else MAX_COMPLETIONS
        following = self._following(previous, folded, limit) if previous else {}
        weights = _shares(following)
        if folded in self.vocabulary:
            weights[folded] = 1.0  # the prefix is itself a word: it is what was typed
        room = limit + len(following) // 2
        used = sorted(
            self.vocabulary.words_starting(folded), key=lambda w: -self.vocabulary.uses(w)
        )
        others = {word: self.vocabulary.uses(word) for word in used[:room] if word not in weights}
        for word, share in _shares(others).items():
            weights.setdefault(word, _LEAST_LIKELY + (share - _LEAST_LIKELY) / 2)
        words = sorted(weights, key=lambda w: -weights[w])[:room]
        return Completions(words, list(following), {w: weights[w] for w in words})

    def _following(self, previous: str, folded: str, limit: int) -> dict[str, int]:
        """Completions seen right after `previous`, the most documents first, with how many
        documents hold each pair."""
        start = f"{previous} {folded}"
        counted: list[tuple[int, str]] = []
        with self.lock:
            pairs = self.reader.iter_prefix("shingles", start)
            for raw, info in itertools.islice(pairs, _FOLLOWING_SCANNED):
                pair = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                counted.append((int(info.doc_frequency()), pair.split(" ", 1)[1]))
        counted.sort(key=lambda item: (-item[0], item[1]))
        return {word: count for count, word in counted[:limit]}


def _shares(counts: dict[str, int]) -> dict[str, float]:
    """Each word's weight from its count: the most used 1.0, down to _LEAST_LIKELY."""
    most = max(counts.values(), default=0)
    return {
        word: _LEAST_LIKELY + (1 - _LEAST_LIKELY) * count / most for word, count in counts.items()
    }
