"""A segment's postings of the syllable fields, stored once: sorted terms and small arrays.

Whoosh's matchers (index.storage.postings_terms) and the fast ranker read the same file: each
term's documents as 1-, 2- or 4-byte numbers, its counts as bytes, its name in a sorted block.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import threading
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice
from operator import mul, sub
from pathlib import Path
from typing import Any, BinaryIO, Protocol

EXTENSION = ".tps"  # named like the segment's other files, so Whoosh deletes it with them
_MAGIC = b"TTPOST03"
# magic, native byte order (1 little, 2 big), documents, directory offset and length
_FOOTER = struct.Struct("<8sIIQQ")
_BYTE_ORDER = 1 if sys.byteorder == "little" else 2
_BLOCK_TERMS = 64  # terms per directory block; the first name of each stays in memory
_FLUSH_BYTES = 1 << 20
_COMPRESSION = 6

# How a term's documents are stored (the low two bits of its kind byte).
_IDS_SHORT = 0  # every number, 2 bytes each
_IDS_LONG = 1  # every number, 4 bytes each
_GAPS_BYTE = 2  # the first number in 4 bytes, then the gaps in 1 byte each
_GAPS_SHORT = 3  # the first number in 4 bytes, then the gaps in 2 bytes each
# How its counts are (the next two bits): none, or each in 1, 2 or 4 bytes.
_COUNT_CODES = ("", "B", "H", "I")
_ITEM_BYTES = {"": 0, "B": 1, "H": 2, "I": 4}
_NAME_END = b"\xff"  # between names in a block: no UTF-8 text holds this byte
_SHORT_LIMIT = 1 << 16
_BYTE_LIMIT = 1 << 8


@dataclass(frozen=True)
class Postings:
    """One term's documents in a segment, ascending, and their counts when the field has any."""

    ids: Sequence[int]
    weights: Sequence[int] | None


class _Writable(Protocol):
    def write(self, data: bytes) -> object: ...

    def close(self) -> object: ...


def _ids_kind(ids: Sequence[int]) -> int:
    """How `ids` are stored: as 2-byte numbers whenever they fit (a bulk build's segments of
    1,000 documents always do), read with no decoding; else the smallest of the others (adding
    up gaps costs about as much as making a set of the numbers)."""
    if ids[-1] < _SHORT_LIMIT:
        return _IDS_SHORT
    count = len(ids)
    widest_gap = max(map(sub, islice(ids, 1, None), ids), default=0)
    sizes = [(4 * count, _IDS_LONG)]
    if widest_gap < _BYTE_LIMIT:
        sizes.append((count + 3, _GAPS_BYTE))
    elif widest_gap < _SHORT_LIMIT:
        sizes.append((2 * count + 2, _GAPS_SHORT))
    return min(sizes)[1]


def _encode_ids(ids: Sequence[int], kind: int) -> bytes:
    if kind == _IDS_SHORT:
        return array("H", ids).tobytes()
    if kind == _IDS_LONG:
        return array("I", ids).tobytes()
    gaps = map(sub, islice(ids, 1, None), ids)
    width = "B" if kind == _GAPS_BYTE else "H"
    return array("I", ids[:1]).tobytes() + array(width, gaps).tobytes()


def _ids_bytes(kind: int, count: int) -> int:
    if kind == _IDS_SHORT:
        return 2 * count
    if kind == _IDS_LONG:
        return 4 * count
    return 4 + (count - 1) * (1 if kind == _GAPS_BYTE else 2)


def _count_code(counts: Sequence[int]) -> int:
    highest = max(counts)
    return 1 if highest < _BYTE_LIMIT else 2 if highest < _SHORT_LIMIT else 3


def _term_bytes(kind: int, count: int) -> int:
    return _ids_bytes(kind & 3, count) + count * _ITEM_BYTES[_COUNT_CODES[kind >> 2]]


# A term's bytes are count * _PER_POSTING[kind] + _FIXED[kind], for every kind byte.
_ID_BYTES = (2, 4, 1, 2)  # per posting, by the kind's low two bits
_ID_FIXED = (0, 0, 3, 2)  # the first number's 4 bytes, less the gap it stands for
_PER_POSTING = tuple(
    _ID_BYTES[kind & 3] + _ITEM_BYTES[_COUNT_CODES[kind >> 2]] for kind in range(16)
)
_FIXED = tuple(_ID_FIXED[kind & 3] for kind in range(16))


class _FieldDirectory:
    """One field's terms as they are written: full blocks go to the file's directory part."""

    def __init__(self, name: str, owned: bool) -> None:
        self.name = name
        self.owned = owned
        self.terms = 0
        self.firsts: list[bytes] = []
        self.block_offsets: list[int] = []  # within the directory part
        self.data_offsets: list[int] = []  # where each block's first term's postings start
        self.blocks_end = 0
        self.pending: list[tuple[bytes, int, int, int]] = []  # name, kind, count, check

    def header(self) -> list[Any]:
        return [self.name, self.owned, self.terms, len(self.firsts)]


class PostingsFileWriter:
    """Takes each field's terms in ascending order, then writes the directory at close."""

    def __init__(self, file: _Writable) -> None:
        self._file = file
        self._written = 0
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._doc_count = 0
        self._fields: dict[str, _FieldDirectory] = {}
        self._field: _FieldDirectory | None = None
        self._blocks: list[bytes] = []
        self._blocks_bytes = 0
        self._last: bytes | None = None

    def add(
        self,
        field: str,
        term: bytes,
        ids: Sequence[int],
        counts: Sequence[int] | None,
        *,
        owned: bool = True,
    ) -> None:
        """A term's documents (ascending) and, for a counted field, their counts.  Fields may
        come in any order, each once, its terms ascending; `owned` says Whoosh reads the field
        here (a copy, such as the titles', only serves the fast ranker)."""
        count = len(ids)
        if not count:
            return
        directory = self._field
        if directory is None or directory.name != field:
            directory = self._start_field(field, owned)
        elif self._last is not None and term <= self._last:
            raise ValueError(f"terms of {field} out of order: {term!r} after {self._last!r}")
        if _NAME_END in term:
            raise ValueError(f"{term!r} is not UTF-8 text")
        self._last = term
        kind = _ids_kind(ids)
        data = _encode_ids(ids, kind)
        if counts is not None:
            code = _count_code(counts)
            kind |= code << 2
            data += array(_COUNT_CODES[code], counts).tobytes()
        if not len(directory.pending):
            directory.data_offsets.append(self._written)
        self._write(data)
        directory.pending.append((term, kind, count, _check(data)))
        directory.terms += 1
        if len(directory.pending) == _BLOCK_TERMS:
            self._finish_block(directory)
        if ids[-1] >= self._doc_count:
            self._doc_count = ids[-1] + 1

    def _start_field(self, field: str, owned: bool) -> _FieldDirectory:
        if self._field is not None:
            self._finish_block(self._field)
        if field in self._fields:
            raise ValueError(f"field {field} written twice")
        directory = self._fields[field] = self._field = _FieldDirectory(field, owned)
        self._last = None
        return directory

    def _finish_block(self, directory: _FieldDirectory) -> None:
        pending = directory.pending
        if not pending:
            return
        names = [name for name, _, _, _ in pending]
        body = b"".join(
            (
                array("H", [len(pending)]).tobytes(),
                array("I", [count for _, _, count, _ in pending]).tobytes(),
                array("H", [check for _, _, _, check in pending]).tobytes(),
                bytes(kind for _, kind, _, _ in pending),
                _NAME_END.join(names),
            )
        )
        block = zlib.compress(body, _COMPRESSION)
        directory.firsts.append(names[0])
        directory.block_offsets.append(self._blocks_bytes)
        self._blocks.append(block)
        self._blocks_bytes += len(block)
        directory.blocks_end = self._blocks_bytes
        pending.clear()

    def _write(self, data: bytes) -> None:
        self._pending.append(data)
        self._written += len(data)
        self._pending_bytes += len(data)
        if self._pending_bytes >= _FLUSH_BYTES:
            self._flush()

    def _flush(self) -> None:
        self._file.write(b"".join(self._pending))
        self._pending.clear()
        self._pending_bytes = 0

    def close(self) -> None:
        """Write the term directory after the postings and close the file."""
        if self._field is not None:
            self._finish_block(self._field)
        blocks_at = self._written
        for block in self._blocks:
            self._write(block)
        fields = list(self._fields.values())
        parts = [
            array(
                "Q", [blocks_at + at for at in (*field.block_offsets, field.blocks_end)]
            ).tobytes()
            + array("Q", field.data_offsets).tobytes()
            + array("H", map(len, field.firsts)).tobytes()
            + b"".join(field.firsts)
            for field in fields
        ]
        header = json.dumps(
            {"fields": [field.header() for field in fields], "postings_end": blocks_at}
        ).encode("utf-8")
        directory = zlib.compress(
            struct.pack("<I", len(header)) + header + b"".join(parts), _COMPRESSION
        )
        directory_at = self._written
        self._write(directory)
        self._write(
            _FOOTER.pack(_MAGIC, _BYTE_ORDER, self._doc_count, directory_at, len(directory))
        )
        self._flush()
        self._file.close()


@dataclass
class FieldTerms:
    """One field of a postings file: its blocks' first names and where each block is."""

    name: str
    owned: bool  # Whoosh reads this field here; else the file holds a copy for the ranker
    terms: int
    firsts: list[bytes]
    block_offsets: array[int]  # each block's place, and one past the last block
    data_offsets: array[int]  # where each block's first postings start


@dataclass(frozen=True)
class TermEntry:
    """A term of the directory: its name, how many documents hold it, and its postings."""

    name: bytes
    count: int
    kind: int
    offset: int
    check: int  # the low 16 bits of its postings' CRC-32


@dataclass(frozen=True)
class _Block:
    """One directory block, decoded: its terms' names, counts, layouts, checks and places."""

    names: list[bytes]
    counts: array[int]
    kinds: bytes
    checks: array[int]
    start: int  # where the first term's postings are

    def entry(self, at: int) -> TermEntry:
        kinds, counts = self.kinds[:at], self.counts[:at]
        before = sum(map(mul, counts, map(_PER_POSTING.__getitem__, kinds)))
        offset = self.start + before + sum(map(_FIXED.__getitem__, kinds))
        return TermEntry(self.names[at], self.counts[at], self.kinds[at], offset, self.checks[at])

    def entries(self, first: int) -> Iterator[TermEntry]:
        """The block's terms from the `first`-th on."""
        entry = self.entry(first) if first < len(self.names) else None
        if entry is None:
            return
        offset = entry.offset
        for at in range(first, len(self.names)):
            kind, count = self.kinds[at], self.counts[at]
            yield TermEntry(self.names[at], count, kind, offset, self.checks[at])
            offset += count * _PER_POSTING[kind] + _FIXED[kind]


class PostingsFile:
    """A segment's postings file opened read-only; terms are found by name, in order."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO = open(path, "rb", buffering=0)  # noqa: SIM115 (closed in close())
        self._lock = threading.Lock()  # seek + read where there is no pread
        self._blocks: dict[tuple[str, int], _Block] = {}
        try:
            self._parse(os.fstat(self._file.fileno()).st_size)
        except Exception:
            self._file.close()
            raise

    def _parse(self, size: int) -> None:
        if size < _FOOTER.size:
            raise ValueError("postings file is truncated")
        magic, order, documents, directory_at, length = _FOOTER.unpack(
            self._read(size - _FOOTER.size, _FOOTER.size)
        )
        if magic != _MAGIC or order != _BYTE_ORDER:
            raise ValueError("not a postings file for this machine")
        if directory_at + length + _FOOTER.size != size:
            raise ValueError("postings file is truncated")
        data = zlib.decompress(self._read(directory_at, length))
        (header_length,) = struct.unpack_from("<I", data)
        header = json.loads(data[4 : 4 + header_length])
        at = 4 + header_length
        self.doc_count: int = documents  # one past the highest document number it holds
        self.postings_end: int = header["postings_end"]  # the terms' postings come first
        self.fields: dict[str, FieldTerms] = {}
        fields = header["fields"]
        for name, owned, terms, blocks in fields:
            offsets, at = _array_at(data, at, "Q", blocks + 1)
            starts, at = _array_at(data, at, "Q", blocks)
            lengths, at = _array_at(data, at, "H", blocks)
            firsts = []
            for count in lengths:
                firsts.append(data[at : at + count])
                at += count
            self.fields[name] = FieldTerms(name, bool(owned), terms, firsts, offsets, starts)

    def _read(self, offset: int, size: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self._file.fileno(), size, offset)
        with self._lock:
            self._file.seek(offset)
            return self._file.read(size)

    def _block(self, field: FieldTerms, index: int) -> _Block:
        key = (field.name, index)
        found = self._blocks.get(key)
        if found is not None:
            return found
        start, end = field.block_offsets[index], field.block_offsets[index + 1]
        body = zlib.decompress(self._read(start, end - start))
        (count,) = array("H", body[:2])
        counts, at = _array_at(body, 2, "I", count)
        checks, at = _array_at(body, at, "H", count)
        kinds = body[at : at + count]
        at += count
        names = body[at:].split(_NAME_END)  # decoded for every term first looked up in it
        block = _Block(names, counts, kinds, checks, field.data_offsets[index])
        if len(self._blocks) > 4096:
            self._blocks.clear()
        self._blocks[key] = block
        return block

    def entry(self, field_name: str, term: bytes) -> TermEntry | None:
        """The term's directory entry, or None when no document of the segment holds it."""
        field = self.fields.get(field_name)
        if field is None:
            return None
        index = bisect_right(field.firsts, term) - 1
        if index < 0:
            return None
        block = self._block(field, index)
        at = bisect_left(block.names, term)
        if at < len(block.names) and block.names[at] == term:
            return block.entry(at)
        return None

    def entries_from(self, field_name: str, start: bytes) -> Iterator[TermEntry]:
        """The field's terms from `start` on, in order."""
        field = self.fields.get(field_name)
        if field is None:
            return
        index = max(bisect_right(field.firsts, start) - 1, 0)
        for number in range(index, len(field.firsts)):
            block = self._block(field, number)
            first = bisect_left(block.names, start) if number == index else 0
            yield from block.entries(first)

    def read(self, entry: TermEntry) -> Postings:
        """A term's documents and counts."""
        kind, count = entry.kind, entry.count
        data = self._read(entry.offset, _term_bytes(kind, count))
        if _check(data) != entry.check:
            raise PostingsDamaged(f"the postings of {entry.name!r} fail their checksum")
        ids_kind, size = kind & 3, _ids_bytes(kind & 3, count)
        ids: Sequence[int]
        if ids_kind == _IDS_SHORT:
            ids = array("H")
            ids.frombytes(data[:size])
        elif ids_kind == _IDS_LONG:
            ids = array("I")
            ids.frombytes(data[:size])
        else:
            first = array("I")
            first.frombytes(data[:4])
            gaps = data[4:size] if ids_kind == _GAPS_BYTE else array("H", data[4:size])
            ids = array("I", accumulate(gaps, initial=first[0]))
        code = _COUNT_CODES[kind >> 2]
        if not code:
            return Postings(ids, None)
        weights = array(code)
        weights.frombytes(data[size:])
        return Postings(ids, weights)

    def postings(self, field_name: str, term: bytes) -> Postings | None:
        """The term's postings, or None when no document of the segment holds it."""
        entry = self.entry(field_name, term)
        return self.read(entry) if entry is not None else None

    def close(self) -> None:
        """Close the file."""
        self._file.close()


class PostingsDamaged(ValueError):
    """A term's postings differ from what was written: the segment's file is damaged."""


def _check(data: bytes) -> int:
    return zlib.crc32(data) & 0xFFFF


def open_postings(path: Path) -> PostingsFile | None:
    """The postings file at `path`, or None if it is missing or unreadable."""
    try:
        return PostingsFile(path)
    except (OSError, ValueError, KeyError, TypeError, struct.error, zlib.error):
        return None


def _array_at(data: bytes, at: int, typecode: str, count: int) -> tuple[array[int], int]:
    """`count` numbers of `typecode` read from `data` at `at`, and where the next part starts."""
    values = array(typecode)
    end = at + values.itemsize * count
    values.frombytes(data[at:end])
    return values, end
