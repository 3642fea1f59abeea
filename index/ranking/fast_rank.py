"""Ranking from the postings files: Whoosh's scores for our query plans, from flat arrays.

Masks of document numbers decide what matches (whole-array operations in numpy); the ranking
tiers single out the few documents that can still reach the page, and only those are scored
with BM25, a vector at a time.  A query this
module cannot read (prefixes, title phrases, …) returns None and Whoosh's matchers rank it.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh import query as wq

from index.errors import SearchCancelled
from index.log import logger
from index.progress import CancelCheck
from index.ranking.doc_masks import (
    Ids,
    Mask,
    Values,
    empty_mask,
    held,
    ids_array,
    mask_of,
    members,
    union_of,
    weights_at,
)
from index.ranking.scoring import BM25_B, BM25_K1, field_lengths
from index.ranking.tier_selection import SegmentTiers, Tier, candidates, tier_values
from index.storage.postings_file import PostingsFile
from index.storage.postings_terms import postings_of
from index.storage.schema import SCORED_FIELDS, TIER_FIELDS
from index.storage.whoosh_types import WhooshReader, WhooshSearcher

log = logger(__name__)

_PRESENCE_FIELDS = frozenset(TIER_FIELDS)
_BM25_FIELDS = frozenset(SCORED_FIELDS)
# Whoosh's inverse matcher (a `NOT` clause inside `AND`) scores every document it passes 1.
_NOT_SCORE = 1.0
# Bounds get this much headroom so that rounding never drops a document that ties.
_BOUND_SLACK = 1.0 + 1e-9


class Unsupported(Exception):
    """A query node the fast ranker does not evaluate: Whoosh ranks the query instead."""


@dataclass(frozen=True)
class Ranked:
    """The exact number of matching documents and the best `limit` as (score, docnum)."""

    total: int
    top: list[tuple[float, int]]


@dataclass(frozen=True)
class _Arrays:
    """One term's postings in a segment as arrays: its documents, and their counts if any."""

    ids: Ids
    weights: Values | None


_NO_POSTINGS = _Arrays(ids_array(()), None)


@dataclass
class _Segment:
    """One Whoosh segment as the ranker sees it: its postings file, offset and deletions."""

    copy: PostingsFile
    offset: int
    size: int  # document numbers, deleted ones included: offset + size starts the next
    live: Mask | None  # None when nothing is deleted
    norms: Values
    cache: dict[tuple[str, str], _Arrays] = field(default_factory=dict)

    def postings(self, field_name: str, text: str, key: bytes) -> _Arrays:
        found = self.cache.get((field_name, text))
        if found is None:
            postings = self.copy.postings(field_name, key)
            if postings is None:
                found = _NO_POSTINGS
            else:
                weights = postings.weights
                found = _Arrays(
                    ids_array(postings.ids),
                    None if weights is None else np.asarray(weights, dtype=np.float64),
                )
            self.cache[(field_name, text)] = found
        return found


class FastRanker:
    """Ranks and counts plans over a searcher, from the postings files its segments read."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._norms: dict[tuple[str, float], Values] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Forget what this ranker keeps (the postings files are the searcher's)."""
        with self._lock:
            self._norms.clear()

    def rank(
        self,
        searcher: WhooshSearcher,
        query: wq.Query,
        limit: int,
        cancelled: Callable[[], bool] | None = None,
        allowed: Collection[int] | None = None,
    ) -> Ranked | None:
        """The top `limit` documents for `query` with Whoosh's scores, or None if unsupported.

        With `allowed` (global document numbers) only those documents match, and count."""
        segments = self._segments(searcher)
        if segments is None:
            return None
        try:
            return _Evaluation(searcher, segments, cancelled, allowed).rank(query, limit)
        except Unsupported as reason:
            log.debug("fast ranking does not read %r (%s): Whoosh ranks it", query, reason)
            return None

    def count(
        self, searcher: WhooshSearcher, query: wq.Query, allowed: Collection[int] | None = None
    ) -> int | None:
        """How many documents (of `allowed`, if given) match `query`, or None if unsupported."""
        segments = self._segments(searcher)
        if segments is None:
            return None
        try:
            return _Evaluation(searcher, segments, None, allowed).count(query)
        except Unsupported:
            return None

    def _segments(self, searcher: WhooshSearcher) -> list[_Segment] | None:
        avgfl = searcher.avg_field_length("body") or 1
        segments = []
        with self._lock:
            live: set[str] = set()
            for leaf, offset in searcher.leaf_searchers():
                reader = leaf.reader()
                segment = reader.segment() if hasattr(reader, "segment") else None
                if segment is None:
                    return None
                segment_id = segment.segment_id()
                live.add(segment_id)
                copy = postings_of(reader)
                doc_count = reader.doc_count_all()
                if copy is None or copy.doc_count > doc_count:
                    return None
                undeleted = None
                if reader.has_deletions():
                    undeleted = ~mask_of(ids_array(sorted(segment.deleted_docs())), doc_count)
                norms = self._norms_for(reader, segment_id, avgfl)
                segments.append(_Segment(copy, offset, doc_count, undeleted, norms))
            self._forget_except(live)
        return segments

    def _norms_for(self, reader: WhooshReader, segment_id: str, avgfl: float) -> Values:
        """Per document, the length part of BM25's denominator (Whoosh's very expression)."""
        key = (segment_id, avgfl)
        norms = self._norms.get(key)
        if norms is None:
            k1, b = BM25_K1, BM25_B
            lengths = field_lengths(reader, "body")
            norms = np.array([k1 * ((1 - b) + b * fl / avgfl) for fl in lengths], dtype=np.float64)
            self._norms[key] = norms
        return norms

    def _forget_except(self, live: set[str]) -> None:
        self._norms = {key: value for key, value in self._norms.items() if key[0] in live}


class _Evaluation:
    """One query evaluated segment by segment over the postings files."""

    def __init__(
        self,
        searcher: WhooshSearcher,
        segments: list[_Segment],
        cancelled: CancelCheck | None,
        allowed: Collection[int] | None = None,
    ) -> None:
        self.searcher = searcher
        self.segments = segments
        self.cancelled = cancelled
        self.allowed = ids_array(sorted(allowed)) if allowed is not None else None
        self._keys: dict[str, bytes] = {}
        self._idf: dict[str, float] = {}

    def _check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise SearchCancelled()

    def key(self, text: str) -> bytes:
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = text.encode("utf-8")
        return found

    def idf(self, text: str) -> float:
        found = self._idf.get(text)
        if found is None:
            found = self._idf[text] = float(self.searcher.idf("body", text))
        return found

    def count(self, query: wq.Query) -> int:
        total = 0
        for segment in self.segments:
            self._check()
            total += int(np.count_nonzero(_SegmentEvaluation(self, segment).matching(query)))
        return total

    def rank(self, query: wq.Query, limit: int) -> Ranked:
        match, tiers = _split_tiers(query)
        evaluations = [_SegmentEvaluation(self, segment) for segment in self.segments]
        held_tiers = []
        for evaluation in evaluations:
            self._check()
            docs = members(evaluation.matching(match))
            tier_ids = [evaluation.tier(node) for node in tiers]
            held_tiers.append(SegmentTiers(docs, tier_ids, evaluation.segment.size))
        total = sum(len(segment.docs) for segment in held_tiers)
        chosen = candidates(held_tiers, limit, self.bound(match))
        best: list[tuple[float, int]] = []
        for evaluation, segment, docs in zip(evaluations, held_tiers, chosen, strict=True):
            self._check()
            if not len(docs):
                continue
            scores = evaluation.scores(match, docs) + tier_values(segment, docs)
            if len(docs) > limit:  # the segment's best, ties by document number
                order = np.lexsort((docs, -scores))[:limit]
                docs, scores = docs[order], scores[order]
            offset = evaluation.segment.offset
            scored = zip((-scores).tolist(), (docs + offset).tolist(), strict=True)
            best = heapq.nsmallest(limit, [*best, *scored])
        return Ranked(total, [(-negated, docnum) for negated, docnum in best])

    def bound(self, node: wq.Query) -> float:
        """The most `node` can add to a document's score."""
        if node is wq.NullQuery:
            return 0.0
        boost = float(getattr(node, "boost", 1.0))
        if isinstance(node, wq.Term):
            if node.fieldname in _BM25_FIELDS:
                return self.idf(str(node.text)) * (BM25_K1 + 1) * boost * _BOUND_SLACK
            return boost
        if isinstance(node, wq.AndMaybe):
            return (self.bound(node.a) + self.bound(node.b)) * boost
        if isinstance(node, wq.AndNot):
            return self.bound(node.a) * boost
        if isinstance(node, wq.Not):
            return _NOT_SCORE
        if isinstance(node, wq.DisjunctionMax):
            return max((self.bound(child) for child in node.subqueries), default=0.0) * boost
        if isinstance(node, (wq.And, wq.Or)):
            return sum(self.bound(child) for child in node.subqueries) * boost
        raise Unsupported(type(node).__name__)


def _split_tiers(query: wq.Query) -> tuple[wq.Query, list[wq.Query]]:
    """(what must match, the presence tiers) of a plan's `AndMaybe(match, Or(tiers))`."""
    if isinstance(query, wq.AndMaybe) and query.boost == 1.0:
        tiers = query.b
        children = list(tiers.subqueries) if isinstance(tiers, wq.Or) else [tiers]
        if tiers.boost == 1.0 and all(_is_presence_tier(child) for child in children):
            return query.a, children
    return query, []


def _is_presence_tier(node: wq.Query) -> bool:
    if isinstance(node, wq.Term):
        return node.fieldname in _PRESENCE_FIELDS
    if isinstance(node, wq.DisjunctionMax):
        return (
            node.boost == 1.0
            and getattr(node, "tiebreak", 0.0) == 0.0
            and all(
                isinstance(child, wq.Term) and child.fieldname in _PRESENCE_FIELDS
                for child in node.subqueries
            )
        )
    return False


class _SegmentEvaluation:
    """A query's masks and scores within one segment (local document numbers)."""

    def __init__(self, evaluation: _Evaluation, segment: _Segment) -> None:
        self.evaluation = evaluation
        self.segment = segment
        self._masks: dict[int, Mask] = {}
        self._among: dict[int, Mask] = {}
        self.allowed: Mask | None = None
        if evaluation.allowed is not None:  # the filter's documents, in local numbers
            ids, start = evaluation.allowed, segment.offset
            low, high = np.searchsorted(ids, (start, start + segment.size))
            self.allowed = mask_of(ids[low:high] - start, segment.size)

    def matching(self, node: wq.Query) -> Mask:
        """The live documents matching `node` that the filter allows.  The masks of its parts
        are forgotten: a pasted page has hundreds, each the size of the segment."""
        found = self.mask(node)
        self._masks.clear()
        if self.segment.live is not None:
            found = found & self.segment.live
        return found if self.allowed is None else found & self.allowed

    def postings(self, node: wq.Term) -> _Arrays:
        field_name, text = node.fieldname, str(node.text)
        if field_name not in _PRESENCE_FIELDS and field_name not in _BM25_FIELDS:
            raise Unsupported(f"field {field_name}")
        return self.segment.postings(field_name, text, self.evaluation.key(text))

    def mask(self, node: wq.Query) -> Mask:
        """The documents matching `node`, deleted ones included (never changed in place)."""
        found = self._masks.get(id(node))
        if found is None:
            found = self._masks[id(node)] = self._evaluate(node)
        return found

    def _evaluate(self, node: wq.Query) -> Mask:
        size = self.segment.size
        if node is wq.NullQuery:
            return empty_mask(size)
        if isinstance(node, wq.Term):
            return mask_of(self.postings(node).ids, size)
        if isinstance(node, wq.AndNot):
            return self.mask(node.a) & ~self.mask(node.b)
        if isinstance(node, wq.AndMaybe):
            return self.mask(node.a)
        if isinstance(node, wq.And):
            positive, negative = _split_negative(node)
            result = self.mask(positive[0]).copy()
            for child in positive[1:]:
                result &= self.mask(child)
            for child in negative:
                result &= ~self.mask(child)
            return result
        if isinstance(node, (wq.Or, wq.DisjunctionMax)):
            if any(isinstance(child, wq.Not) for child in node.subqueries):
                raise Unsupported("negative clause in a disjunction")
            return union_of((self.mask(child) for child in node.subqueries), size)
        raise Unsupported(type(node).__name__)

    def among(self, node: wq.Query, docs: Ids) -> Mask:
        """Which of the live `docs` match `node`, by looking them up (they are few)."""
        found = self._among.get(id(node))
        if found is None:
            found = self._among[id(node)] = self._among_of(node, docs)
        return found

    def _among_of(self, node: wq.Query, docs: Ids) -> Mask:
        if node is wq.NullQuery:
            return np.zeros(len(docs), dtype=np.bool_)
        if isinstance(node, wq.Term):
            return held(self.postings(node).ids, docs)
        if isinstance(node, wq.AndNot):
            return self.among(node.a, docs) & ~self.among(node.b, docs)
        if isinstance(node, wq.AndMaybe):
            return self.among(node.a, docs)
        if isinstance(node, wq.And):
            positive, negative = _split_negative(node)
            result = self.among(positive[0], docs).copy()
            for child in positive[1:]:
                result &= self.among(child, docs)
            for child in negative:
                result &= ~self.among(child, docs)
            return result
        if isinstance(node, (wq.Or, wq.DisjunctionMax)):
            result = np.zeros(len(docs), dtype=np.bool_)
            for child in node.subqueries:
                result |= self.among(child, docs)
            return result
        raise Unsupported(type(node).__name__)

    def tier(self, node: wq.Query) -> Tier:
        """A presence tier's boosts, each with the sorted documents holding it."""
        terms = node.subqueries if isinstance(node, wq.DisjunctionMax) else [node]
        return [(float(term.boost), self.postings(term).ids) for term in terms]

    def scores(self, node: wq.Query, docs: Ids) -> Values:
        """`node`'s score for each of `docs` (zero where it does not match), as Whoosh sums."""
        scores = self._scores(node, docs)
        boost = float(getattr(node, "boost", 1.0))
        if boost != 1.0 and not isinstance(node, wq.Term):
            scores = scores * boost
        return scores

    def _scores(self, node: wq.Query, docs: Ids) -> Values:
        if node is wq.NullQuery:
            return np.zeros(len(docs))
        if isinstance(node, wq.Term):
            return self._term_scores(node, docs)
        if isinstance(node, wq.AndMaybe):
            return self.scores(node.a, docs) + self.scores(node.b, docs)
        if isinstance(node, wq.AndNot):
            return self._gated(node, docs, self.scores(node.a, docs))
        if isinstance(node, wq.DisjunctionMax):
            parts = [self.scores(child, docs) for child in node.subqueries]
            return np.maximum.reduce(parts) if parts else np.zeros(len(docs))
        if isinstance(node, (wq.And, wq.Or)):
            parts = [
                self.scores(child, docs)
                for child in node.subqueries
                if not isinstance(child, wq.Not)
            ]
            summed = parts[0]
            for part in parts[1:]:
                summed = summed + part
            if not isinstance(node, wq.And):
                return summed
            # Whoosh intersects with an inverse matcher per `NOT` clause, which scores 1.
            nots = sum(isinstance(child, wq.Not) for child in node.subqueries)
            if nots:
                summed = summed + _NOT_SCORE * nots
            return self._gated(node, docs, summed)
        raise Unsupported(type(node).__name__)

    def _gated(self, node: wq.Query, docs: Ids, scores: Values) -> Values:
        gated: Values = np.where(self.among(node, docs), scores, 0.0)
        return gated

    def _term_scores(self, node: wq.Term, docs: Ids) -> Values:
        postings = self.postings(node)
        boost = float(node.boost)
        if node.fieldname in _PRESENCE_FIELDS:
            present: Values = np.where(self.among(node, docs), boost, 0.0)
            return present
        weights = postings.weights
        if weights is None:
            if not len(postings.ids):
                return np.zeros(len(docs))
            raise Unsupported(f"no weights for {node.fieldname}")
        idf = self.evaluation.idf(str(node.text))
        tf = weights_at(postings.ids, weights, docs)
        norms = self.segment.norms[docs]
        # Whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        scores: Values = np.where(tf != 0, idf * ((tf * (BM25_K1 + 1)) / (tf + norms)), 0.0)
        if boost != 1.0:
            scores = scores * boost
        return scores


def _split_negative(node: wq.And) -> tuple[list[wq.Query], list[wq.Query]]:
    """An intersection's positive clauses, and the queries its `NOT` clauses exclude."""
    positive = [child for child in node.subqueries if not isinstance(child, wq.Not)]
    negative = [child.query for child in node.subqueries if isinstance(child, wq.Not)]
    if not positive:
        raise Unsupported("only negative clauses")
    return positive, negative
