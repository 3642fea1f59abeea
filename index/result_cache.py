"""Recent answers of one index generation, so retyping or deleting a letter is instant.

Keyed by everything that shapes a result; cleared whenever the index changes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from index.results import SearchResult

MAX_RESULTS = 64


class ResultCache:
    """A small least-recently-used map from search arguments to results."""

    def __init__(self, size: int = MAX_RESULTS) -> None:
        self._size = size
        self._entries: OrderedDict[Hashable, SearchResult] = OrderedDict()

    def get(self, key: Hashable) -> SearchResult | None:
        """The result kept for `key`, now the most recently used, or None."""
        result = self._entries.get(key)
        if result is not None:
            self._entries.move_to_end(key)
        return result

    def put(self, key: Hashable, result: SearchResult) -> None:
        """Keep `result` for `key`, forgetting the least recently used past the limit."""
        self._entries[key] = result
        self._entries.move_to_end(key)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every result (the index changed)."""
        self._entries.clear()
