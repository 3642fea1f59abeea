"""A segment's sets of documents as numpy arrays: masks to combine, sorted numbers to look up.

The fast ranker and tier selection decide what matches with whole-array operations over masks
the size of the segment (in C), and look the few candidates up in posting arrays by binary search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

Mask = NDArray[np.bool_]  # one flag per document number of a segment
Ids = NDArray[np.intp]  # document numbers, ascending
Values = NDArray[np.float64]


def ids_array(values: Sequence[int]) -> Ids:
    """Document numbers (a posting array, a list) as the array masks are indexed with."""
    return np.asarray(values, dtype=np.intp)


def empty_mask(size: int) -> Mask:
    """No document of a segment of `size` numbers."""
    return np.zeros(size, dtype=np.bool_)


def mask_of(ids: Ids, size: int) -> Mask:
    """The documents `ids` of a segment of `size` numbers, as a mask."""
    mask = empty_mask(size)
    mask[ids] = True
    return mask


def union_of(masks: Iterable[Mask], size: int) -> Mask:
    """The documents in any of `masks` (none if there are none)."""
    result = empty_mask(size)
    for mask in masks:
        result |= mask
    return result


def members(mask: Mask) -> Ids:
    """The documents of `mask`, ascending."""
    return np.flatnonzero(mask)


def held(ids: Ids, docs: Ids) -> Mask:
    """Which of `docs` the sorted `ids` hold, by binary search (cheap when `docs` are few)."""
    if not len(ids):
        return np.zeros(len(docs), dtype=np.bool_)
    at = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
    found: Mask = ids[at] == docs
    return found


def weights_at(ids: Ids, weights: Values, docs: Ids) -> Values:
    """Each of `docs`' weight in a posting list (0.0 where the list does not hold it)."""
    if not len(ids):
        return np.zeros(len(docs))
    at = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
    found: Values = np.where(ids[at] == docs, weights[at], 0.0)
    return found
