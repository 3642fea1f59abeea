"""Whoosh field types fed by one analysis pass per document instead of one per field.

Indexing speed: the text is folded and split once, then each field takes its terms from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from typing import Any

from whoosh.fields import TEXT
from whoosh.formats import Existence, Positions
from whoosh.system import pack_uint

from index.storage.tokenizer import SyllableTokenizer
from index.text.document_terms import CHUNK_CHARS, counted_terms, document_terms
from index.text.terms import EXACT, FOLDED, SHINGLE, TermForm

_POSITIONS = Positions()


def _positions_value(positions: list[int]) -> bytes:
    """The posting value Whoosh's Positions format decodes (count, then pickled deltas)."""
    value: bytes = _POSITIONS.encode(positions)
    return value


class SyllableField(TEXT):  # type: ignore[misc]
    """A TEXT field of one term `form`, indexed from the shared per-document analysis.

    An unweighted field only records which documents hold a term (Whoosh's Existence format,
    no lengths): the ranking tiers need nothing more, and it is cheaper to write.
    """

    def __init__(
        self, form: TermForm, *, phrase: bool, weighted: bool = True, stored: bool = False
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
        """The distinct terms of `value`: with their counts when the field is weighted.

        A long text is counted a piece at a time (index.text.document_terms.counted_terms)."""
        if len(value) > CHUNK_CHARS:
            counted = self._counted(value)
            return set(counted) if isinstance(self.format, Existence) else counted
        terms = self._terms(value)
        return set(terms) if isinstance(self.format, Existence) else Counter(terms)

    def _counted(self, value: str) -> Counter[str]:
        counted = counted_terms(value)
        if self.form == FOLDED:
            return counted.folded
        if self.form == EXACT:
            return counted.exact
        return counted.shingles

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        """Whoosh's (term, frequency, weight, value) for each term of `value`."""
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
