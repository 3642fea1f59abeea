"""Looking documents up in a sorted posting array: positions found, or -1 where absent.

Checked on small hand-made arrays and against a brute-force reference with hypothesis.
"""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.ranking.sorted_lookup import positions_in, search_pays


@pytest.mark.parametrize(
    ("ids", "docs", "positions"),
    [
        ([2, 5, 9], [5, 2, 9], [1, 0, 2]),
        ([2, 5, 9], [0, 3, 10], [-1, -1, -1]),
        ([2, 5, 9], [], []),
        ([], [1], [-1]),
        ([7], [7, 7], [0, 0]),
    ],
)
def test_positions_of_documents_in_sorted_ids(
    ids: list[int], docs: list[int], positions: list[int]
) -> None:
    assert positions_in(ids, docs) == positions
    assert positions_in(array("I", ids), docs) == positions  # the postings copy's arrays


@pytest.mark.parametrize(
    ("docs", "postings", "pays"),
    [
        (1, 1000, True),  # one document in a long list: look it up
        (3, 10_000, True),
        (500, 1000, False),  # half the list: one pass is cheaper
        (1000, 1000, False),
        (1, 1, False),
        (0, 10, True),
    ],
)
def test_binary_search_pays_only_for_few_documents_in_many_postings(
    docs: int, postings: int, pays: bool
) -> None:
    assert search_pays(range(postings), set(range(docs))) is pays


@given(
    st.sets(st.integers(0, 300), max_size=80),
    st.lists(st.integers(-5, 310), max_size=40),
)
def test_positions_match_a_brute_force_search(ids_set: set[int], docs: list[int]) -> None:
    ids = sorted(ids_set)
    expected = [ids.index(doc) if doc in ids_set else -1 for doc in docs]
    assert positions_in(ids, docs) == expected
