"""Ranking from the postings files: Whoosh's scores for our query plans, from flat arrays.

Sets of document numbers decide what matches (in C); the ranking tiers single out the few
documents that can still reach the page, and only those are scored with BM25.  A query this
module cannot read (prefixes, title phrases, …) returns None and Whoosh's matchers rank it.
"""

from __future__ import annotations

import heapq
import threading
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import query as wq

from index.errors import SearchCancelled
from index.log import logger
from index.progress import CancelCheck
from index.ranking.scoring import BM25_B, BM25_K1, field_lengths
from index.ranking.sorted_lookup import positions_in, search_pays
from index.ranking.tier_selection import SegmentTiers, Tier, candidates, tier_values
from index.storage.postings_file import Postings, PostingsFile
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


@dataclass
class _Segment:
    """One Whoosh segment as the ranker sees it: its postings file, offset and deletions."""

    copy: PostingsFile
    offset: int
    size: int  # document numbers, deleted ones included: offset + size starts the next
    deleted: frozenset[int]
    norms: list[float]
    cache: dict[tuple[str, str], Postings | None] = field(default_factory=dict)

    def postings(self, field_name: str, text: str, key: bytes) -> Postings | None:
        found = self.cache.get((field_name, text), _MISSING)
        if found is _MISSING:
            found = self.copy.postings(field_name, key)
            self.cache[(field_name, text)] = found
        return found  # type: ignore[return-value]


_MISSING = object()


class FastRanker:
    """Ranks and counts plans over a searcher, from the postings files its segments read."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._norms: dict[tuple[str, float], list[float]] = {}
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
                deleted = frozenset(segment.deleted_docs()) if reader.has_deletions() else None
                norms = self._norms_for(reader, segment_id, avgfl)
                segments.append(_Segment(copy, offset, doc_count, deleted or frozenset(), norms))
            self._forget_except(live)
        return segments

    def _norms_for(self, reader: WhooshReader, segment_id: str, avgfl: float) -> list[float]:
        """Per document, the length part of BM25's denominator (Whoosh's very expression)."""
        key = (segment_id, avgfl)
        norms = self._norms.get(key)
        if norms is None:
            k1, b = BM25_K1, BM25_B
            norms = [k1 * ((1 - b) + b * fl / avgfl) for fl in field_lengths(reader, "body")]
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
        self.allowed = sorted(allowed) if allowed is not None else None
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
            total += len(_SegmentEvaluation(self, segment).matching(query))
        return total

    def rank(self, query: wq.Query, limit: int) -> Ranked:
        match, tiers = _split_tiers(query)
        evaluations = [_SegmentEvaluation(self, segment) for segment in self.segments]
        held = []
        for evaluation in evaluations:
            self._check()
            docs = evaluation.matching(match)
            held.append(SegmentTiers(docs, [evaluation.tier(node) for node in tiers]))
        total = sum(len(segment.docs) for segment in held)
        chosen = candidates(held, limit, self.bound(match))
        best: list[tuple[float, int]] = []
        for evaluation, segment, docs in zip(evaluations, held, chosen, strict=True):
            self._check()
            if not docs:
                continue
            ordered = sorted(docs)
            scores = evaluation.scores(match, ordered)
            tier_of = tier_values(segment, ordered)
            offset = evaluation.segment.offset
            scored = [
                (-(score + tier_of[doc]), offset + doc)
                for score, doc in zip(scores, ordered, strict=True)
            ]
            best = heapq.nsmallest(limit, best + heapq.nsmallest(limit, scored))
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
    """A query's sets and scores within one segment (local document numbers)."""

    def __init__(self, evaluation: _Evaluation, segment: _Segment) -> None:
        self.evaluation = evaluation
        self.segment = segment
        self._docs: dict[int, set[int]] = {}
        self.allowed: set[int] | None = None
        if evaluation.allowed is not None:  # the filter's documents, in local numbers
            ids, start = evaluation.allowed, segment.offset
            low, high = bisect_left(ids, start), bisect_left(ids, start + segment.size)
            self.allowed = {doc - start for doc in ids[low:high]}

    def matching(self, node: wq.Query) -> set[int]:
        """The live documents matching `node` that the filter allows."""
        found = self.docs(node)
        return found if self.allowed is None else found & self.allowed

    def postings(self, node: wq.Term) -> Postings | None:
        field_name, text = node.fieldname, str(node.text)
        if field_name not in _PRESENCE_FIELDS and field_name not in _BM25_FIELDS:
            raise Unsupported(f"field {field_name}")
        return self.segment.postings(field_name, text, self.evaluation.key(text))

    def docs(self, node: wq.Query) -> set[int]:
        """The live documents matching `node`."""
        found = self._docs.get(id(node))
        if found is None:
            found = self._evaluate(node)
            if self.segment.deleted:
                found -= self.segment.deleted
            self._docs[id(node)] = found
        return found

    def _members(self, node: wq.Query) -> Collection[int]:
        """`node`'s documents as cheaply as set operations take them: a term's own array."""
        if isinstance(node, wq.Term) and id(node) not in self._docs:
            return self._ids(node)
        return self.docs(node)

    def _evaluate(self, node: wq.Query) -> set[int]:
        if node is wq.NullQuery:
            return set()
        if isinstance(node, wq.Term):
            return set(self._ids(node))
        if isinstance(node, (wq.AndMaybe, wq.AndNot)):
            base = set(self.docs(node.a))
            return base.difference(self._members(node.b)) if isinstance(node, wq.AndNot) else base
        if isinstance(node, wq.And):
            positive = [c for c in node.subqueries if not isinstance(c, wq.Not)]
            negative = [c.query for c in node.subqueries if isinstance(c, wq.Not)]
            if not positive:
                raise Unsupported("only negative clauses")
            # The smallest becomes a set; the rest are only iterated (arrays, in C).
            parts = sorted((self._members(child) for child in positive), key=len)
            result = set(parts[0]).intersection(*parts[1:])
            return result.difference(*(self._members(child) for child in negative))
        if isinstance(node, (wq.Or, wq.DisjunctionMax)):
            if any(isinstance(child, wq.Not) for child in node.subqueries):
                raise Unsupported("negative clause in a disjunction")
            return set().union(*(self._members(child) for child in node.subqueries))
        raise Unsupported(type(node).__name__)

    def tier(self, node: wq.Query) -> Tier:
        """A presence tier's boosts, each with the sorted documents holding it."""
        terms = node.subqueries if isinstance(node, wq.DisjunctionMax) else [node]
        return [(float(term.boost), self._ids(term)) for term in terms]

    def _ids(self, node: wq.Term) -> Sequence[int]:
        postings = self.postings(node)
        return postings.ids if postings is not None else ()

    def scores(self, node: wq.Query, docs: list[int]) -> list[float]:
        """`node`'s score for each of `docs` (zero where it does not match), as Whoosh sums."""
        scores = self._scores(node, docs)
        boost = float(getattr(node, "boost", 1.0))
        if boost != 1.0 and not isinstance(node, wq.Term):
            scores = [score * boost for score in scores]
        return scores

    def _scores(self, node: wq.Query, docs: list[int]) -> list[float]:
        if node is wq.NullQuery:
            return [0.0] * len(docs)
        if isinstance(node, wq.Term):
            return self._term_scores(node, docs)
        if isinstance(node, wq.AndMaybe):
            return _add(self.scores(node.a, docs), self.scores(node.b, docs))
        if isinstance(node, wq.AndNot):
            return self._gated(node, docs, self.scores(node.a, docs))
        if isinstance(node, wq.DisjunctionMax):
            parts = [self.scores(child, docs) for child in node.subqueries]
            return [max(values) for values in zip(*parts, strict=True)]
        if isinstance(node, (wq.And, wq.Or)):
            parts = [
                self.scores(child, docs)
                for child in node.subqueries
                if not isinstance(child, wq.Not)
            ]
            summed = parts[0]
            for part in parts[1:]:
                summed = _add(summed, part)
            if not isinstance(node, wq.And):
                return summed
            # Whoosh intersects with an inverse matcher per `NOT` clause, which scores 1.
            nots = sum(isinstance(child, wq.Not) for child in node.subqueries)
            if nots:
                summed = [score + _NOT_SCORE * nots for score in summed]
            return self._gated(node, docs, summed)
        raise Unsupported(type(node).__name__)

    def _gated(self, node: wq.Query, docs: list[int], scores: list[float]) -> list[float]:
        matching = self.docs(node)
        return [score if doc in matching else 0.0 for score, doc in zip(scores, docs, strict=True)]

    def _term_scores(self, node: wq.Term, docs: list[int]) -> list[float]:
        postings = self.postings(node)
        if postings is None:
            return [0.0] * len(docs)
        boost = float(node.boost)
        if node.fieldname in _PRESENCE_FIELDS:
            holders = self.docs(node)
            return [boost if doc in holders else 0.0 for doc in docs]
        weights = postings.weights
        if weights is None:
            raise Unsupported(f"no weights for {node.fieldname}")
        idf = self.evaluation.idf(str(node.text))
        k1_plus_1 = BM25_K1 + 1
        norms = self.segment.norms
        scores = []
        for doc, tf in zip(docs, _weights_of(postings.ids, weights, docs), strict=True):
            # Whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
            scores.append(idf * ((tf * k1_plus_1) / (tf + norms[doc])) if tf else 0.0)
        if boost != 1.0:
            scores = [score * boost for score in scores]
        return scores


def _add(left: list[float], right: list[float]) -> list[float]:
    return [a + b for a, b in zip(left, right, strict=True)]


def _weights_of(ids: Sequence[int], weights: Sequence[float], docs: list[int]) -> list[float]:
    """Each of `docs`' weight in a posting list (0.0 if absent)."""
    if search_pays(ids, docs):
        return [weights[at] if at >= 0 else 0.0 for at in positions_in(ids, docs)]
    weight_of = dict(zip(ids, weights, strict=True)).get
    return [weight_of(doc, 0.0) for doc in docs]
