"""Which matching documents can still reach the page, judged by their ranking tiers alone.

Tier boosts dwarf everything below them (index.query.plan), so documents are sorted class by class
of tiers (accents as typed, then neighbouring syllables, then title words) with whole-array
operations and counting in C; only the documents left tied at the page's edge are scored in full.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from index.ranking.doc_masks import Ids, Values, held

# A tier is the boosts it may give, each with the sorted documents holding it: one for a
# term, several for a DisjunctionMax (a document gets the largest it holds).
Tier = list[tuple[float, Ids]]
_RATIO_TOLERANCE = 1e-9
_MAX_MULTIPLE = 16  # a boost counted as this many units at most (EXACT is 2 × PARTIAL)
_LOOKUP_FACTOR = 4  # a tier's holders are looked up once they outnumber the tied this much
_Level = TypeVar("_Level", int, float)


@dataclass
class SegmentTiers:
    """One segment's matching documents (ascending) and, aligned with the query's tiers, who
    holds them; `size` is how many document numbers the segment has."""

    docs: Ids
    tiers: list[Tier]
    size: int


@dataclass
class _TierClass:
    """Tiers whose boosts are multiples of `unit`, worth more than all lower classes together."""

    unit: float
    members: list[int] = field(default_factory=list)
    boosts: set[float] = field(default_factory=set)  # every boost its members may give


def candidates(segments: list[SegmentTiers], limit: int, bound: float) -> list[Ids]:
    """Per segment, the documents (ascending) that may reach the top `limit`; the rest provably
    cannot.  `bound` is the most the non-tier part of the score can add to a document."""
    if not segments or not segments[0].tiers:
        return [segment.docs for segment in segments]
    classes = _classes([[boost for boost, _ in tier] for tier in segments[0].tiers], bound)
    if classes is None:
        return _by_tier_scores(segments, limit, bound)
    secure = [segment.docs[:0] for segment in segments]
    tied = [segment.docs for segment in segments]
    for tier_class in classes:
        remaining = limit - sum(len(docs) for docs in secure)
        if remaining <= 0:
            return [np.sort(docs) for docs in secure]
        # Often enough documents hold the class's every best boost (all words as typed):
        # then they alone stay tied, found by lookups without counting anyone.
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
        for counted in counts:
            for level, number in enumerate(np.bincount(counted, minlength=1).tolist()):
                histogram[level] += number
        edge = _edge(histogram, remaining)
        for index, counted in enumerate(counts):
            secure[index] = np.concatenate((secure[index], tied[index][counted > edge]))
            tied[index] = tied[index][counted == edge]
    return [np.sort(np.concatenate(parts)) for parts in zip(secure, tied, strict=True)]


def tier_values(segment: SegmentTiers, docs: Ids) -> Values:
    """Each of `docs`' sum of tier boosts (a DisjunctionMax tier gives its largest held)."""
    values = np.zeros(len(docs))
    for tier in segment.tiers:
        best = np.zeros(len(docs))
        for boost, ids in tier:
            best = np.maximum(best, np.where(held(ids, docs), boost, 0.0))
        values += best
    return values


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


def _units(segment: SegmentTiers, tied: Ids, tier_class: _TierClass) -> NDArray[np.int32]:
    """Each of the `tied` documents' total in this class, in units (a tier counts its largest
    held boost).  A tier held by few is added to an array of the segment's size, one held by
    many more than are tied is looked up for the tied alone."""
    scattered = np.zeros(segment.size, dtype=np.int32)
    looked_up = np.zeros(len(tied), dtype=np.int32)
    for index in tier_class.members:
        tier = segment.tiers[index]
        if len(tier) == 1 and len(tier[0][1]) <= _LOOKUP_FACTOR * len(tied):
            boost, ids = tier[0]
            scattered[ids] += _units_of(boost, tier_class.unit)
            continue
        best = np.zeros(len(tied), dtype=np.int32)
        for boost, ids in tier:
            best = np.maximum(best, np.where(held(ids, tied), _units_of(boost, tier_class.unit), 0))
        looked_up += best
    counted: NDArray[np.int32] = scattered[tied] + looked_up
    return counted


def _holding_all_best(segment: SegmentTiers, docs: Ids, tier_class: _TierClass) -> Ids:
    """The documents of `docs` holding the largest boost of every tier in the class.

    Alternatives of a tier may tie for the largest (any completion beside the previous word):
    holding any of them is holding the best.  Narrowed tier by tier, the rarest first, by
    looking the documents left up in each."""
    best_ids: list[list[Ids]] = []
    for index in tier_class.members:
        tier = segment.tiers[index]
        largest = max(boost for boost, _ in tier)
        best_ids.append([ids for boost, ids in tier if boost == largest])
    best_ids.sort(key=lambda alternatives: sum(len(ids) for ids in alternatives))
    left = docs
    for alternatives in best_ids:
        if not len(left):
            break
        holding = held(alternatives[0], left)
        for ids in alternatives[1:]:
            holding |= held(ids, left)
        left = left[holding]
    return left


def _edge(histogram: Counter[_Level], remaining: int) -> _Level | int:
    """The level of the `remaining`-th best document (the lowest present if fewer)."""
    seen = 0
    levels = sorted(histogram, reverse=True)
    for level in levels:
        seen += histogram[level]
        if seen >= remaining:
            return level
    return levels[-1] if levels else 0


def _by_tier_scores(segments: list[SegmentTiers], limit: int, bound: float) -> list[Ids]:
    """Without dominant classes: every document's tier sum, kept if within `bound` of the page."""
    values = [tier_values(segment, segment.docs) for segment in segments]
    histogram: Counter[float] = Counter()
    for counted in values:
        levels, numbers = np.unique(counted, return_counts=True)
        histogram.update(dict(zip(levels.tolist(), numbers.tolist(), strict=True)))
    threshold = _edge(histogram, limit) - bound
    return [
        segment.docs[counted >= threshold]
        for segment, counted in zip(segments, values, strict=True)
    ]
