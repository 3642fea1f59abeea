"""Whoosh 3 postings and term infos encoded straight from a term's document list.

What W3PostingsWriter writes posting by posting, written a term at a time; Whoosh's readers
read it unchanged.  Small blocks stay uncompressed (the format says so per block).
"""

from __future__ import annotations

import struct
import zlib
from operator import sub
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long
from whoosh.util.numeric import length_to_byte

BLOCK_LIMIT = 128  # postings per block: Whoosh 3's default
COMPRESSION = 3  # zlib level: Whoosh 3's default
# Setting up zlib costs more than a small block saves; Whoosh meant to skip those too.
COMPRESS_FROM = 256  # bytes of pickled block data
_NO_LENGTH = length_to_byte(None)
_ZERO_LENGTH = length_to_byte(0)
_TERM_INFO = W3TermInfo._struct


def encode_postings(ids: list[int], counts: list[int] | None) -> tuple[bytes, float, float]:
    """A term's postings as Whoosh 3 stores them, and their total and highest weight.

    `counts` are a Frequency field's term counts (weights and values); None is an Existence
    field, every weight 1.
    """
    if len(ids) <= BLOCK_LIMIT:  # most terms
        block, total, max_weight = _block(ids, counts, last=True)
        return WHOOSH3_HEADER_MAGIC + block, total, max_weight
    pieces = [WHOOSH3_HEADER_MAGIC]
    total = max_weight = 0.0
    for start in range(0, len(ids), BLOCK_LIMIT):
        end = start + BLOCK_LIMIT
        block_counts = None if counts is None else counts[start:end]
        block, block_total, block_max = _block(ids[start:end], block_counts, end >= len(ids))
        pieces.append(block)
        total += block_total
        max_weight = max(max_weight, block_max)
    return b"".join(pieces), total, max_weight


def _block(ids: list[int], counts: list[int] | None, last: bool) -> tuple[bytes, float, float]:
    """One block: its length (negative for the last), its info and its data."""
    deltas = (ids[0], *map(sub, ids[1:], ids))  # Whoosh's delta_encode
    if counts is None:
        weights = values = None
        total, highest = float(len(ids)), 1.0
    else:
        total, highest = float(sum(counts)), float(max(counts))
        weights = _mini_weights(counts, highest)
        values = struct.pack(f"!{len(counts)}I", *counts)
    data = dumps((deltas, weights, values), 2)
    compression = COMPRESSION if len(data) >= COMPRESS_FROM else 0
    if compression:
        data = zlib.compress(data, compression)
    info = dumps((len(ids), ids[-1], highest, compression, _NO_LENGTH, _ZERO_LENGTH), 2)
    length = len(info) + len(data)
    return pack_int(-length if last else length) + info + data, total, highest


def _mini_weights(counts: list[int], highest: float) -> tuple[float, ...] | float | None:
    """Whoosh's block weights: None when all are 1, one number when all are equal."""
    if highest == 1.0:
        return None
    if min(counts) == highest:
        return highest
    return tuple(map(float, counts))


def term_info(ids: list[int], total: float, max_weight: float, offset: int, length: int) -> bytes:
    """The term info W3TermInfo.to_bytes writes for postings stored at `offset`."""
    fixed: bytes = _TERM_INFO.pack(
        False, total, len(ids), 0, _ZERO_LENGTH, max_weight, ids[0], ids[-1]
    )
    location: bytes = pack_long(offset) + pack_int(length)
    return fixed + location
