"""Which documents can still reach the page by their ranking tiers alone, on hand-made tiers.

A document left out must provably stay below the page: checked against brute force.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.query.plan import EXACT_SCORE, PARTIAL_SCORE, SHINGLE_SCORE, TITLE_SCORE
from index.ranking.doc_masks import ids_array
from index.ranking.tier_selection import SegmentTiers, candidates, tier_values

SIZE = 25  # document numbers of every hand-made segment
HandTier = list[tuple[float, list[int]]]


def exact_tier(exact: list[int], partial: tuple[int, ...] | list[int] = ()) -> HandTier:
    """The accents-as-typed tier of one word: a DisjunctionMax of its exact and partial forms."""
    return [(EXACT_SCORE, exact), (PARTIAL_SCORE, list(partial))]


def segment_of(docs: set[int], tiers: list[HandTier]) -> SegmentTiers:
    """A segment of `SIZE` numbers whose matching `docs` hold the tiers as listed."""
    return SegmentTiers(
        ids_array(sorted(docs)),
        [[(boost, ids_array(sorted(set(ids)))) for boost, ids in tier] for tier in tiers],
        SIZE,
    )


def chosen(segments: list[SegmentTiers], limit: int, bound: float) -> list[set[int]]:
    """The candidates of each segment, as sets (checked ascending and unrepeated)."""
    kept = candidates(segments, limit, bound)
    for ids in kept:
        assert ids.tolist() == sorted(set(ids.tolist()))
    return [set(ids.tolist()) for ids in kept]


def test_without_tiers_every_matching_document_is_a_candidate() -> None:
    segments = [segment_of({1, 2, 3}, []), segment_of({0}, [])]
    assert chosen(segments, limit=1, bound=100.0) == [{1, 2, 3}, {0}]


def test_documents_with_the_words_as_typed_fill_the_page_alone() -> None:
    segment = segment_of(set(range(6)), [exact_tier([0, 1], [2]), [(TITLE_SCORE, [3, 4])]])
    assert chosen([segment], limit=2, bound=500.0) == [{0, 1}]
    assert chosen([segment], limit=3, bound=500.0) == [{0, 1, 2}]
    # The fourth place is tied between two title hits: both must be scored in full.
    assert chosen([segment], limit=4, bound=500.0) == [{0, 1, 2, 3, 4}]


def test_a_page_longer_than_the_matches_keeps_them_all() -> None:
    segment = segment_of({0, 1, 2}, [exact_tier([0])])
    assert chosen([segment], limit=10, bound=500.0) == [{0, 1, 2}]


def test_the_page_is_shared_between_segments() -> None:
    first = segment_of({0, 1}, [exact_tier([]), [(SHINGLE_SCORE, [1])]])
    second = segment_of({0, 1}, [exact_tier([0]), [(SHINGLE_SCORE, [])]])
    assert chosen([first, second], limit=1, bound=500.0) == [set(), {0}]
    assert chosen([first, second], limit=2, bound=500.0) == [{1}, {0}]


def test_tiers_that_do_not_dominate_keep_everything_within_bound_of_the_page() -> None:
    # Boosts of 3 and 2 are not a tier above a non-tier part that may add 2.
    segment = segment_of({0, 1, 2}, [[(3.0, [0])], [(2.0, [1])]])
    assert chosen([segment], limit=1, bound=2.0) == [{0, 1}]
    assert chosen([segment], limit=1, bound=0.5) == [{0}]


def test_a_disjunction_tier_gives_its_largest_held_boost() -> None:
    segment = segment_of({0, 1, 2, 3}, [exact_tier([0, 1], [1, 2]), [(TITLE_SCORE, [1, 9])]])
    values = tier_values(segment, ids_array([0, 1, 2, 3]))
    assert values.tolist() == [EXACT_SCORE, EXACT_SCORE + TITLE_SCORE, PARTIAL_SCORE, 0.0]


def brute_values(segment: SegmentTiers) -> dict[int, float]:
    return {
        doc: sum(
            max((b for b, ids in tier if doc in ids.tolist()), default=0.0)
            for tier in segment.tiers
        )
        for doc in segment.docs.tolist()
    }


def holders() -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, 24), max_size=20).map(lambda ids: sorted(set(ids)))


# The tiers a plan makes (accents as typed, shingles, titles), or small arbitrary boosts.
PLAN_TIERS = st.lists(
    st.sampled_from(
        [(EXACT_SCORE, PARTIAL_SCORE), (EXACT_SCORE,), (SHINGLE_SCORE,), (TITLE_SCORE,)]
    ),
    min_size=1,
    max_size=5,
)
SMALL_TIERS = st.lists(
    st.lists(st.integers(1, 12).map(float), min_size=1, max_size=3).map(tuple),
    min_size=1,
    max_size=4,
)


@st.composite
def selections(draw: st.DrawFn) -> tuple[list[SegmentTiers], int, float]:
    if draw(st.booleans()):
        boosts, bound = draw(PLAN_TIERS), float(draw(st.integers(0, 999)))
    else:
        boosts, bound = draw(SMALL_TIERS), float(draw(st.integers(0, 15)))
    segments = []
    for _ in range(draw(st.integers(1, 3))):
        docs = set(draw(st.lists(st.integers(0, 19), max_size=20)))
        tiers = [[(boost, draw(holders())) for boost in tier] for tier in boosts]
        segments.append(segment_of(docs, tiers))
    return segments, draw(st.integers(1, 8)), bound


@settings(max_examples=300, deadline=None)
@given(selections())
def test_a_document_left_out_can_never_reach_the_page(
    selection: tuple[list[SegmentTiers], int, float],
) -> None:
    segments, limit, bound = selection
    kept = chosen(segments, limit, bound)
    values = [brute_values(segment) for segment in segments]
    everyone = [value for per_segment in values for value in per_segment.values()]
    for segment, picked, per_segment in zip(segments, kept, values, strict=True):
        docs = set(segment.docs.tolist())
        assert picked <= docs
        for doc in docs - picked:
            # Even with the most the rest of the score can add, `limit` documents beat it.
            beaten_by = sum(1 for other in everyone if other > per_segment[doc] + bound)
            assert beaten_by >= limit, (doc, per_segment[doc])


@given(selections())
def test_tier_values_are_each_tiers_best_boost_summed(
    selection: tuple[list[SegmentTiers], int, float],
) -> None:
    for segment in selection[0]:
        summed = tier_values(segment, segment.docs).tolist()
        values = dict(zip(segment.docs.tolist(), summed, strict=True))
        assert values == pytest.approx(brute_values(segment))
