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

MAX_COMPLETIONS = 12  # completions searched for one prefix
_FOLLOWING_SCANNED = 4000  # syllable pairs read for one prefix: `chu t` has a few hundred
_SHORT_PREFIX = 1  # a one-letter prefix reads as fewer words: it says little yet
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
        following = self._following(previous, folded, limit) if previous else []
        words = list(following)
        if folded in self.vocabulary and folded not in words:
            words.insert(0, folded)  # the prefix is itself a word: it is what was typed
        used = sorted(
            self.vocabulary.words_starting(folded), key=lambda w: -self.vocabulary.uses(w)
        )
        for word in used:
            if len(words) >= limit + len(following) // 2:
                break
            if word not in words:
                words.append(word)
        return Completions(words[: limit + len(following) // 2], following)

    def _following(self, previous: str, folded: str, limit: int) -> list[str]:
        """Completions seen right after `previous`, the most documents first."""
        start = f"{previous} {folded}"
        counted: list[tuple[int, str]] = []
        with self.lock:
            pairs = self.reader.iter_prefix("shingles", start)
            for raw, info in itertools.islice(pairs, _FOLLOWING_SCANNED):
                pair = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                counted.append((int(info.doc_frequency()), pair.split(" ", 1)[1]))
        counted.sort(key=lambda item: (-item[0], item[1]))
        return [word for _, word in counted[:limit]]

