"""Whoosh field types fed by one analysis pass per document instead of one per field.

Indexing speed: the text is folded and split once, then each field takes its terms from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.fields import TEXT
from whoosh.formats import Existence, Positions
from whoosh.system import pack_uint

from index.analysis import (
    EXACT,
    FOLDED,
    SHINGLE,
    SyllableTokenizer,
    exact_form,
    exact_forms,
    shingle_terms,
    syllable_spans,
    syllables,
)
from index.fold import fold


@dataclass(frozen=True)
class DocumentTerms:
    """Every term form of one text: folded and exact syllables in order, folded shingles."""

    folded: list[str]
    exact: list[str]
    shingles: list[str]


_last: tuple[str, DocumentTerms] | None = None


def _exact_syllables(text: str, folded_text: str, folded: list[str]) -> list[str]:
    """The exact syllables at the folded ones' places.  Folding keeps a letter a letter, so
    the original text's syllables sit at the same places; the slicing of the whole text's
    exact form stays for any text where they would not (and Greek final sigmas)."""
    exact = exact_forms(syllables(text))
    if len(exact) == len(folded) and fold("".join(exact)) == "".join(folded):
        return exact
    exact_text = exact_form(text)
    return [exact_text[start:end] for start, end in syllable_spans(folded_text)]


def document_terms(text: str) -> DocumentTerms:
    """Analyse `text` once; the fields of the same document reuse the result."""
    global _last
    cached = _last
    if cached is not None and cached[0] is text:
        return cached[1]
    folded_text = fold(text)
    folded = syllables(folded_text)
    terms = DocumentTerms(
        folded=folded,
        exact=_exact_syllables(text, folded_text, folded),
        shingles=shingle_terms(folded_text),
    )
    _last = (text, terms)
    return terms


_POSITIONS = Positions()


def _positions_value(positions: list[int]) -> bytes:
    """The posting value Whoosh's Positions format decodes (count, then pickled deltas)."""
    return _POSITIONS.encode(positions)


class SyllableField(TEXT):  # type: ignore[misc]
    """A TEXT field of one term `form`, indexed from the shared per-document analysis.

    An unweighted field only records which documents hold a term (Whoosh's Existence format,
    no lengths): the ranking tiers need nothing more, and it is cheaper to write.
    """

    def __init__(
        self, form: str, *, phrase: bool, weighted: bool = True, stored: bool = False
    ) -> None:
        super().__init__(analyzer=SyllableTokenizer(form), phrase=phrase, stored=stored)
        self.form = form
        if not weighted and not phrase:
            self.format = Existence()
            self.scorable = False

    def _terms(self, value: str) -> list[str]:
        analysed = document_terms(value)
        if self.form == FOLDED:
            return analysed.folded
        if self.form == EXACT:
            return analysed.exact
        if self.form == SHINGLE:
            return analysed.shingles
        raise ValueError(f"unknown term form {self.form!r}")

    def distinct_terms(self, value: str) -> Collection[str]:
        """The distinct terms of `value`: with their counts when the field is weighted."""
        terms = self._terms(value)
        return set(terms) if isinstance(self.format, Existence) else Counter(terms)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        boost = self.format.field_boost
        terms = self._terms(value)
        if isinstance(self.format, Positions):
            positions: dict[str, list[int]] = {}
            for position, term in enumerate(terms):
                positions.setdefault(term, []).append(position)
            for term, where in positions.items():
                yield term.encode("utf-8"), len(where), len(where) * boost, _positions_value(where)
            return
        if isinstance(self.format, Existence):
            for term in dict.fromkeys(terms):
                yield term.encode("utf-8"), 1, boost, b""
            return
        for term, count in Counter(terms).items():
            yield term.encode("utf-8"), count, count * boost, pack_uint(count)
