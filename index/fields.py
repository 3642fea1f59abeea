"""Whoosh field types fed by one analysis pass per document instead of one per field.

Indexing speed: the text is folded and split once, then each field takes its terms from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.system import pack_uint

from index.analysis import (
    EXACT,
    FOLDED,
    SHINGLE,
    SyllableTokenizer,
    exact_form,
    shingles,
    syllable_spans,
)
from index.fold import fold


@dataclass(frozen=True)
class DocumentTerms:
    """Every term form of one text: folded and exact syllables in order, folded shingles."""

    folded: list[str]
    exact: list[str]
    shingles: list[str]


_last: tuple[str, DocumentTerms] | None = None


def document_terms(text: str) -> DocumentTerms:
    """Analyse `text` once; the fields of the same document reuse the result."""
    global _last
    cached = _last
    if cached is not None and cached[0] is text:
        return cached[1]
    folded_text = fold(text)
    spans = syllable_spans(folded_text)
    exact_text = exact_form(text)
    terms = DocumentTerms(
        folded=[folded_text[start:end] for start, end in spans],
        exact=[exact_text[start:end] for start, end in spans],
        shingles=[term for _, _, term in shingles(folded_text, spans)],
    )
    _last = (text, terms)
    return terms


_POSITIONS = Positions()


def _positions_value(positions: list[int]) -> bytes:
    """The posting value Whoosh's Positions format decodes (count, then pickled deltas)."""
    return _POSITIONS.encode(positions)


class SyllableField(TEXT):  # type: ignore[misc]
    """A TEXT field of one term `form`, indexed from the shared per-document analysis."""

    def __init__(self, form: str, *, phrase: bool, stored: bool = False) -> None:
        super().__init__(analyzer=SyllableTokenizer(form), phrase=phrase, stored=stored)
        self.form = form

    def _terms(self, value: str) -> list[str]:
        analysed = document_terms(value)
        if self.form == FOLDED:
            return analysed.folded
        if self.form == EXACT:
            return analysed.exact
        if self.form == SHINGLE:
            return analysed.shingles
        raise ValueError(f"unknown term form {self.form!r}")

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
        for term, count in Counter(terms).items():
            yield term.encode("utf-8"), count, count * boost, pack_uint(count)
