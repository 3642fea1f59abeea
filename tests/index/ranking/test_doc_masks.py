"""A segment's document sets as arrays: masks and lookups agree with plain Python sets.

Checked on random sets against brute force, and on the empty cases a segment often has.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.ranking.doc_masks import (
    empty_mask,
    held,
    ids_array,
    mask_of,
    members,
    union_of,
    weights_at,
)

SIZE = 40
DOC_SETS = st.sets(st.integers(0, SIZE - 1), max_size=SIZE)


@given(DOC_SETS, DOC_SETS)
def test_masks_combine_like_sets(first: set[int], second: set[int]) -> None:
    one, other = mask_of(ids_array(sorted(first)), SIZE), mask_of(ids_array(sorted(second)), SIZE)
    assert members(one).tolist() == sorted(first)
    assert members(union_of([one, other], SIZE)).tolist() == sorted(first | second)
    assert members(one & other).tolist() == sorted(first & second)


def test_no_masks_unite_into_no_documents() -> None:
    assert members(union_of([], SIZE)).tolist() == []
    assert members(empty_mask(SIZE)).tolist() == []


@given(DOC_SETS, DOC_SETS)
def test_lookups_find_exactly_the_documents_a_posting_list_holds(
    posting: set[int], asked: set[int]
) -> None:
    ids, docs = ids_array(sorted(posting)), ids_array(sorted(asked))
    assert held(ids, docs).tolist() == [doc in posting for doc in sorted(asked)]
    weights = ids.astype(float) + 0.5  # a distinct weight per document
    expected = [doc + 0.5 if doc in posting else 0.0 for doc in sorted(asked)]
    assert weights_at(ids, weights, docs).tolist() == expected
