"""A dict that computes a missing value on first use and keeps it.

Serves `str.translate` tables and per-syllable caches: after the first lookup, lookups stay in C.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class ComputedDict(dict[K, V]):
    """`compute(key)` for each missing key, kept; all forgotten once `limit` keys are held."""

    def __init__(self, compute: Callable[[K], V], *, limit: int | None = None) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: K) -> V:
        if self._limit is not None and len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value
