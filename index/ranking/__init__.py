"""A query plan → the top documents: BM25F scoring, the fast ranker and its tier selection.

The fast ranker answers from the postings copy; Whoosh's matchers answer the rest.
"""

from index.ranking.cancellable_collector import CancellableCollector
from index.ranking.fast_rank import FastRanker
from index.ranking.scoring import ranking_weighting

__all__ = ["CancellableCollector", "FastRanker", "ranking_weighting"]
