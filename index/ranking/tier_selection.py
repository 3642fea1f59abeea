"""Which matching documents can still reach the page, judged by their ranking tiers alone.

Tier boosts dwarf everything below them (index.query.plan), so documents are sorted class by class
of tiers (accents as typed, then neighbouring syllables, then title words) with set operations
and counting in C; only the documents left tied at the page's edge are scored in full.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from index.ranking.sorted_lookup import positions_in, search_pays

# A tier is the boosts it may give, each with the sorted documents holding it: one for a
# term, several for a DisjunctionMax (a document gets the largest it holds).
Tier = list[tuple[float, Sequence[int]]]
_RATIO_TOLERANCE = 1e-9
_MAX_MULTIPLE = 16  # a boost counted as this many units at most (EXACT is 2 × PARTIAL)
_Level = TypeVar("_Level", int, float)


@dataclass
class SegmentTiers:
    """One segment's matching documents and, aligned with the query's tiers, who holds them."""

    docs: set[int]
    tiers: list[Tier]


@dataclass
class _TierClass:
    """Tiers whose boosts are multiples of `unit`, worth more than all lower classes together."""

    unit: float
    members: list[int] = field(default_factory=list)
    boosts: set[float] = field(default_factory=set)  # every boost its members may give


def candidates(segments: list[SegmentTiers], limit: int, bound: float) -> list[set[int]]:
    """Per segment, the documents that may reach the top `limit`; the rest provably cannot.

    `bound` is the most the non-tier part of the score can add to a document.
    """
    if not segments or not segments[0].tiers:
        return [segment.docs for segment in segments]
    classes = _classes([[boost for boost, _ in tier] for tier in segments[0].tiers], bound)
    if classes is None:
        return _by_tier_scores(segments, limit, bound)
    secure: list[set[int]] = [set() for _ in segments]
    tied = [segment.docs for segment in segments]
    for tier_class in classes:
        remaining = limit - sum(len(docs) for docs in secure)
        if remaining <= 0:
            return secure
        # Often enough documents hold the class's every best boost (all words as typed):
        # then they alone stay tied, found by intersections without counting anyone.
        best = [
            _holding_all_best(segment, docs, tier_class)
            for segment, docs in zip(segments, tied, strict=True)
        ]
        if sum(len(docs) for docs in best) >= remaining:
            tied = best
            continue
        counts = [
            _units(segment, docs, tier_class) for segment, docs in zip(segments, tied, strict=True)
        ]
        histogram: Counter[int] = Counter()
        for counted, docs in zip(counts, tied, strict=True):
            histogram.update(counted.values())
            histogram[0] += len(docs) - len(counted)
        edge = _edge(histogram, remaining)
        for index, counted in enumerate(counts):
            secure[index].update(doc for doc, units in counted.items() if units > edge)
            if edge:
                tied[index] = {doc for doc, units in counted.items() if units == edge}
            else:
                tied[index] = tied[index].difference(counted)
    return [held | docs for held, docs in zip(secure, tied, strict=True)]


def tier_values(segment: SegmentTiers, docs: Collection[int]) -> dict[int, float]:
    """Each of `docs`' sum of tier boosts (a DisjunctionMax tier gives its largest held)."""
    values = dict.fromkeys(docs, 0.0)
    for tier in segment.tiers:
        for boost, holders in _boosts_held(tier, docs):
            for doc in holders:
                values[doc] += boost
    return values


def _boosts_held(tier: Tier, docs: Collection[int]) -> Iterator[tuple[float, set[int]]]:
    """Each boost of `tier`, largest first, with the documents of `docs` it is the best for."""
    assigned: set[int] = set()
    for boost, ids in sorted(tier, key=lambda alternative: -alternative[0]):
        holders = _holders(ids, docs) - assigned
        assigned |= holders
        yield boost, holders


def _classes(tier_boosts: list[list[float]], bound: float) -> list[_TierClass] | None:
    """Tiers grouped into dominant classes, highest first; None if tiers do not dominate."""
    order = sorted(range(len(tier_boosts)), key=lambda index: -max(tier_boosts[index]))
    classes: list[_TierClass] = []
    for index in order:
        boosts = tier_boosts[index]
        if classes:
            # A tier joins the class above when the class's unit, or its own smaller boost
            # (a word's tone-free forms, half an exact one), counts every boost of both.
            # Checked over the class's distinct boosts: a pasted page has thousands of tiers
            # of a handful of boosts, and checking every member's made this quadratic.
            last = classes[-1]
            unit = min(last.unit, *boosts)
            together = last.boosts.union(boosts)
            if all(_units_of(boost, unit) for boost in together):
                last.unit, last.boosts = unit, together
                last.members.append(index)
                continue
        unit = min(boosts)
        if unit <= 0 or not all(_units_of(boost, unit) for boost in boosts):
            return None
        classes.append(_TierClass(unit, [index], set(boosts)))
    below = bound
    for tier_class in reversed(classes):
        if tier_class.unit <= below * (1 + _RATIO_TOLERANCE):
            return None
        below += sum(max(tier_boosts[index]) for index in tier_class.members)
    return classes


def _units_of(boost: float, unit: float) -> int:
    """How many `unit`s `boost` is, or 0 when it is not a small whole multiple."""
    ratio = boost / unit
    whole = round(ratio)
    if abs(ratio - whole) > _RATIO_TOLERANCE or not 1 <= whole <= _MAX_MULTIPLE:
        return 0
    return whole


def _units(segment: SegmentTiers, docs: set[int], tier_class: _TierClass) -> Counter[int]:
    """Each of `docs`' total in this class, in units, for the documents holding any (in C)."""
    counted: Counter[int] = Counter()
    for index in tier_class.members:
        for boost, holders in _boosts_held(segment.tiers[index], docs):
            for _ in range(_units_of(boost, tier_class.unit)):
                counted.update(holders)
    return counted


def _holding_all_best(segment: SegmentTiers, docs: set[int], tier_class: _TierClass) -> set[int]:
    """The documents of `docs` holding the largest boost of every tier in the class.

    Alternatives of a tier may tie for the largest (any completion beside the previous word):
    holding any of them is holding the best."""
    held: list[Collection[int]] = []
    for index in tier_class.members:
        tier = segment.tiers[index]
        largest = max(boost for boost, _ in tier)
        tied = [ids for boost, ids in tier if boost == largest]
        # The sorted id arrays themselves (set operations take them in C), one set if tied.
        held.append(tied[0] if len(tied) == 1 else set(tied[0]).union(*tied[1:]))
    return docs.intersection(*sorted(held, key=len))


def _edge(histogram: Counter[_Level], remaining: int) -> _Level | int:
    """The level of the `remaining`-th best document (the lowest present if fewer)."""
    seen = 0
    levels = sorted(histogram, reverse=True)
    for level in levels:
        seen += histogram[level]
        if seen >= remaining:
            return level
    return levels[-1] if levels else 0


def _by_tier_scores(segments: list[SegmentTiers], limit: int, bound: float) -> list[set[int]]:
    """Without dominant classes: every document's tier sum, kept if within `bound` of the page."""
    values = [tier_values(segment, segment.docs) for segment in segments]
    histogram: Counter[float] = Counter()
    for counted in values:
        histogram.update(counted.values())
    threshold = _edge(histogram, limit) - bound
    return [{doc for doc, value in counted.items() if value >= threshold} for counted in values]


def _holders(ids: Sequence[int], docs: Collection[int]) -> set[int]:
    """The documents of `docs` in the sorted `ids`."""
    if search_pays(ids, docs):
        return {doc for doc, at in zip(docs, positions_in(ids, docs), strict=True) if at >= 0}
    pool = docs if isinstance(docs, set) else set(docs)
    return pool.intersection(ids)
