"""The Whoosh codec of a Tìm Tin index: Whoosh's own format, plus a compact postings copy.

Every segment Whoosh writes (bulk, update or merge) also gets its syllable fields' postings
as flat arrays (index.storage.postings_copy), which the fast ranker reads without Whoosh's matchers.
"""

from __future__ import annotations

import struct
from array import array
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter
from whoosh.system import pack_ushort

from index.storage.postings_blocks import encode_postings, term_info
from index.storage.postings_copy import EXTENSION, PostingsCopyWriter
from index.storage.postings_in_memory import GENERAL, PRESENCE, FieldPostings, InvertedPostings
from index.storage.schema import SCORED_FIELDS, TIER_FIELDS

COPIED_FIELDS = frozenset(SCORED_FIELDS + TIER_FIELDS)
WEIGHTED_FIELDS = frozenset(SCORED_FIELDS)
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # whoosh.filedb.filetables' record header


class TimTinCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec without per-posting length statistics, copying postings aside.

    Length statistics only serve block-max pruning, which never pays here (BENCHMARKS.md),
    and cost a column lookup per posting while writing.
    """

    length_stats = False

    def field_writer(self, storage: Any, segment: Any) -> CopyingFieldWriter:
        """Whoosh's field writer, also writing each term's postings copy."""
        return CopyingFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> CopyingPostingsWriter:
        """Whoosh's postings writer, also keeping each term's ids and weights for the copy."""
        return CopyingPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class CopyingPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Whoosh's postings writer that also keeps each block's ids and weights, block by block
    (one array copy per 128 postings, nothing per posting).  Whoosh never inlines postings
    at the default inline limit, so every posting goes through a block."""

    copying = False

    def start_postings(self, format_: Any, terminfo: Any) -> None:
        """Start a term's postings; the copy's lists start empty."""
        super().start_postings(format_, terminfo)
        self.copied_ids: array[int] = array("I")
        self.copied_weights: array[float] = array("f")

    def _write_block(self, last: bool = False) -> None:
        if self.copying:
            self.copied_ids.extend(self._ids)
            self.copied_weights.extend(self._weights)
        super()._write_block(last)


class CopyingFieldWriter(W3FieldWriter):  # type: ignore[misc]
    """Writes Whoosh's postings and, for the ranked fields, the same postings as arrays."""

    def __init__(self, codec: W3Codec, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        self._copy = PostingsCopyWriter(segment.create_file(storage, EXTENSION))
        self._weighted = False

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        """Start a field; its terms are copied if it is one the fast ranker reads."""
        super().start_field(fieldname, fieldobj)
        self._postwriter.copying = fieldname in COPIED_FIELDS
        self._weighted = fieldname in WEIGHTED_FIELDS

    def add_inverted(self, schema: Any, inverted: InvertedPostings) -> None:
        """Write postings gathered in memory: the syllable fields a term at a time, the
        others through Whoosh's postings writer."""
        for field_name, postings in inverted.fields():
            self.start_field(field_name, schema[field_name])
            if postings.kind == GENERAL:
                self._add_general(postings)
            else:
                self._add_lean(field_name, postings)
            self.finish_field()

    def _add_general(self, postings: FieldPostings) -> None:
        add = self._postwriter.add_posting
        for tbytes in sorted(postings.general):
            self.start_term(tbytes)
            for docnum, weight, value in postings.general[tbytes]:
                add(docnum, weight, value, None)
            self.finish_term()

    def _add_lean(self, field_name: str, postings: FieldPostings) -> None:
        prefix = pack_ushort(self._fieldid)
        copy = self._copy.add if self._postwriter.copying else None
        weighted = self._weighted
        presence = postings.kind == PRESENCE
        offset = self._postfile.tell()
        blocks: list[bytes] = []
        term_infos: list[tuple[bytes, bytes]] = []
        for term in sorted(postings.ids):
            ids = postings.ids[term]
            counts = None if presence else postings.counts[term]
            data, total, max_weight = encode_postings(ids, counts)
            blocks.append(data)
            btext = term.encode("utf-8")
            term_infos.append(
                (prefix + btext, term_info(ids, total, max_weight, offset, len(data)))
            )
            offset += len(data)
            if copy is not None:
                copy(field_name, btext, ids, counts if weighted else None)
        self._postfile.write(b"".join(blocks))
        _add_in_order(self._tindex, term_infos)

    def finish_term(self) -> None:
        """Finish a term, and add its postings to the copy."""
        super().finish_term()
        postings = self._postwriter
        if postings.copying:
            weights = postings.copied_weights if self._weighted else None
            self._copy.add(self._fieldname, self._btext, postings.copied_ids, weights)

    def close(self) -> None:
        """Close the segment's files and its postings copy."""
        super().close()
        self._copy.close()


def _add_in_order(table: Any, items: list[tuple[bytes, bytes]]) -> None:
    """`OrderedHashWriter.add` for every (key, value), keys already increasing, in one write:
    the same file, without three writes and two checks per term."""
    if not items:
        return
    position = table.dbfile.tell()
    hash_of, buckets, positions = table.hashfn, table.buckets, table.index
    chunks: list[bytes] = []
    for key, value in items:
        positions.append(position)
        hashed = hash_of(key)
        buckets[hashed & 255].append((hashed, position))
        chunks += (_KEY_VALUE_LENGTHS.pack(len(key), len(value)), key, value)
        position += _KEY_VALUE_LENGTHS.size + len(key) + len(value)
    table.dbfile.write(b"".join(chunks))
    table.lastkey = items[-1][0]
