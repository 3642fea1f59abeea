"""Hits in an order other than relevance: Whoosh sort facets for dates and file names.

By date, undated documents come last either way; by name, file names compare as a reader
would look them up: accents and case aside first (`Ánh` beside `anh`), then as written.
"""

from __future__ import annotations

import ntpath
import threading

from whoosh import sorting

from index.results import SortOrder
from index.storage.whoosh_types import WhooshSearcher
from index.text.fold import fold

NameKey = tuple[str, str, str]


def name_key(path: str) -> NameKey:
    """How a file sorts by name: its name folded (no accents, lower case), the name in lower
    case, then the whole path, so that equal names keep one order."""
    name = ntpath.basename(path)  # splits at "/" and "\\" alike
    return fold(name).casefold(), name.casefold(), path


class NameKeys:
    """Each document's name key, read from its stored path once per index generation."""

    def __init__(self) -> None:
        self._keys: dict[int, NameKey] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget every key (the index changed: document numbers mean other documents)."""
        with self._lock:
            self._keys.clear()

    def __call__(self, searcher: WhooshSearcher, docnum: int) -> NameKey:
        """The name key of document `docnum` (global), as Whoosh's FunctionFacet asks."""
        key = self._keys.get(docnum)
        if key is None:
            key = name_key(str(searcher.stored_fields(docnum).get("path", "")))
            with self._lock:
                self._keys[docnum] = key
        return key


def _undated_last(date_key: str) -> tuple[bool, str]:
    return not date_key, date_key


def sort_facet(sort: SortOrder, names: NameKeys) -> tuple[sorting.FacetType, bool]:
    """The Whoosh facet that orders hits by `sort` (not RELEVANCE), and whether reversed."""
    if sort is SortOrder.DATE:  # the empty key of an undated document sorts last reversed
        return sorting.FieldFacet("date_key"), True
    if sort is SortOrder.OLDEST:
        return sorting.TranslateFacet(_undated_last, sorting.FieldFacet("date_key")), False
    if sort is SortOrder.NAME:
        return sorting.FunctionFacet(names), False
    raise ValueError(f"{sort} is ranked, not sorted")
