"""Looking documents up in a sorted posting array: binary search when they are few.

Shared by tier selection (who holds a tier) and the ranker (each document's term weight).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence

_SEARCH_FACTOR = 16  # binary search pays while documents × this < postings


def search_pays(ids: Sequence[int], docs: Collection[int]) -> bool:
    """Whether looking `docs` up one by one beats a pass over all of `ids`."""
    return len(docs) * _SEARCH_FACTOR < len(ids)


def positions_in(ids: Sequence[int], docs: Iterable[int]) -> list[int]:
    """Where each of `docs` stands in the sorted `ids`, or -1 where it is absent."""
    count = len(ids)
    positions = []
    for doc in docs:
        at = bisect_left(ids, doc)
        positions.append(at if at < count and ids[at] == doc else -1)
    return positions
