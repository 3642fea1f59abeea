"""How documents are scored: BM25F over the body, presence for the ranking-tier fields.

The BM25F is Whoosh's, with each segment's field lengths read once instead of per posting.
"""

from __future__ import annotations

import threading
from typing import Any

from whoosh import columns, scoring
from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

from index.storage.schema import TIER_FIELDS
from index.storage.whoosh_types import WhooshReader

BM25_B = 0.75  # Whoosh's BM25F defaults, spelled out for the fast ranker (index.ranking.fast_rank)
BM25_K1 = 1.2

_lengths: dict[tuple[str, str, int], list[int]] = {}
_lengths_lock = threading.Lock()
_MAX_CACHED = 256


def field_lengths(reader: WhooshReader, field_name: str) -> list[int]:
    """Every document's length in `field_name` for one segment, cached: segments never change
    once written (deletions aside, which leave lengths alone)."""
    segment = getattr(reader, "segment", None)
    count = reader.doc_count_all()
    key = (segment().segment_id() if segment else f"reader-{id(reader)}", field_name, count)
    cached = _lengths.get(key)
    if cached is None:
        cached = _read_lengths(reader, field_name, count)
        if segment is None:
            return cached
        with _lengths_lock:
            if len(_lengths) >= _MAX_CACHED:
                _lengths.clear()
            _lengths[key] = cached
    return cached


# A stored length byte's length, as Whoosh's doc_field_length reads it (0 and absent: 1).
_LENGTH_OF_BYTE = [byte_to_length(byte) or 1 if byte else 1 for byte in range(256)]


def _read_lengths(reader: WhooshReader, field_name: str, count: int) -> list[int]:
    """The lengths column read whole, one byte per document; per document through Whoosh when
    the segment is not Whoosh 3's own (a wrapped or in-memory reader)."""
    perdoc = getattr(reader, "_perdoc", None)
    column = None
    if isinstance(perdoc, whoosh3.W3PerDocReader):
        column = perdoc._cached_reader(whoosh3._lenfield(field_name), whoosh3.LENGTHS_COLUMN)
        if column is None:  # no document of this segment ever had the field
            return [1] * count
    if not isinstance(column, columns.NumericColumn.Reader) or column._fixedlen != 1:
        length_of = reader.doc_field_length
        return [length_of(docnum, field_name, 1) or 1 for docnum in range(count)]
    held = min(column._count, count)  # the column stops at the last document with a length
    raw = column._dbfile.get(column._basepos, held) if held else b""
    table = _LENGTH_OF_BYTE
    return [table[byte] for byte in raw] + [1] * (count - held)


class CachedLengthBM25FScorer(scoring.BM25FScorer):  # type: ignore[misc]
    """Whoosh's BM25F scorer reading lengths from a per-segment list."""

    def __init__(
        self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, qf: int = 1
    ) -> None:
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)
        self._lengths = field_lengths(searcher.reader(), fieldname)

    def score(self, matcher: Any) -> float:
        """BM25F of the current posting, its document's length read from the list."""
        return float(self._score(matcher.weight(), self._lengths[matcher.id()]))


class CachedLengthBM25F(scoring.BM25F):  # type: ignore[misc]
    """Same ranking as `whoosh.scoring.BM25F`, faster on long posting lists."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        """Our cached-length scorer for scorable fields, Whoosh's weight scorer otherwise."""
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return CachedLengthBM25FScorer(searcher, fieldname, text, self.B, self.K1, qf=qf)


class PresenceScorer(scoring.BaseScorer):  # type: ignore[misc]
    """Scores 1 for any document holding the term: the query's boost sets the tier's size."""

    def supports_block_quality(self) -> bool:
        """Blocks can be skipped by quality: every block scores 1."""
        return True

    def max_quality(self) -> float:
        """The best score a document can get: 1."""
        return 1.0

    def block_quality(self, matcher: Any) -> float:
        """The best score in the current block: 1."""
        return 1.0

    def score(self, matcher: Any) -> float:
        """1: the document holds the term."""
        return 1.0


class Presence(scoring.WeightingModel):  # type: ignore[misc]
    """Weighting for the ranking tiers: holding an accented form, a neighbour pair, a title word."""

    def supports_block_quality(self) -> bool:
        """Blocks can be skipped by quality: presence scores are constant."""
        return True

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> PresenceScorer:
        """A presence scorer, whatever the term."""
        return PresenceScorer()


def ranking_weighting(*, stock_bm25: bool = False) -> scoring.WeightingModel:
    """BM25F over the folded body; presence in the tier fields.  `stock_bm25` uses Whoosh's
    own BM25F for the body, to check the cached-length copy ranks alike."""
    body = scoring.BM25F if stock_bm25 else CachedLengthBM25F
    return scoring.MultiWeighting(
        body(B=BM25_B, K1=BM25_K1), **dict.fromkeys(TIER_FIELDS, Presence())
    )
