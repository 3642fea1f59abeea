"""The accent-exact words an index holds, grouped by their folded form, with document counts.

Answers "which accented forms of `ban` exist, and how often" without touching postings.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from index.fold import fold


class Vocabulary:
    """Exact syllables of one index generation, keyed by folded form."""

    def __init__(self, forms_by_fold: dict[str, list[tuple[str, int]]]) -> None:
        self._forms = forms_by_fold

    @classmethod
    def from_reader(cls, reader: Any, field_name: str = "body_exact") -> Vocabulary:
        grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for term, info in reader.iter_field(field_name):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            grouped[fold(text)].append((text, info.doc_frequency()))
        for forms in grouped.values():
            forms.sort(key=lambda pair: (-pair[1], pair[0]))
        return cls(dict(grouped))

    def forms_of(self, folded: str) -> list[tuple[str, int]]:
        """Exact forms sharing `folded`, most frequent first."""
        return self._forms.get(folded, [])

    def __contains__(self, folded: str) -> bool:
        return folded in self._forms

    def folded_words(self) -> list[str]:
        """Every folded form the index holds."""
        return list(self._forms)
