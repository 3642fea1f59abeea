"""A compact copy of one segment's postings, in a file beside Whoosh's: flat arrays per term.

The codec writes it as Whoosh writes the segment; the fast ranker reads a term with two
positioned reads (its directory block, its arrays), keeping only a sparse key index in memory.
"""

from __future__ import annotations

import os
import struct
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path
from typing import Any, BinaryIO, Protocol

EXTENSION = ".tps"  # named like the segment's other files, so Whoosh deletes it with them
_MAGIC = b"TTPOST02"
# magic, native byte order (1 little, 2 big), documents, terms, directory and sparse offsets
_FOOTER = struct.Struct("<8sIIQQQ")
_BYTE_ORDER = 1 if sys.byteorder == "little" else 2
_WEIGHTED = 1 << 63
_ENTRY_WORDS = 4  # key, check, data offset, count (top bit: weights follow the ids)
_ENTRY_BYTES = 8 * _ENTRY_WORDS
_BLOCK_ENTRIES = 128  # directory entries per block; the first key of each stays in memory
_LOW_64 = (1 << 64) - 1
_FLUSH_BYTES = 1 << 20


@dataclass(frozen=True)
class TermKey:
    """A term's 128-bit name in the copy: `key` orders the directory, `check` confirms it."""

    key: int
    check: int


def term_key(field: str, term: bytes) -> TermKey:
    """The key a term is filed under (a collision of both halves is not a practical risk)."""
    return TermKey(*_key_words(_field_prefix(field) + term))


def _field_prefix(field: str) -> bytes:
    return field.encode("utf-8") + b"\0"


def _key_words(name: bytes) -> tuple[int, int]:
    """The two 64-bit halves of a term's 128-bit name: `key` (low) and `check` (high)."""
    whole = int.from_bytes(blake2b(name, digest_size=16).digest(), "little")
    return whole & _LOW_64, whole >> 64


class _Writable(Protocol):
    def write(self, data: bytes) -> object: ...

    def close(self) -> object: ...


@dataclass(frozen=True)
class Postings:
    """One term's documents in a segment, ascending, and their weights when the field has any."""

    ids: array[int]
    weights: array[float] | None


class PostingsCopyWriter:
    """Appends each term's postings as it is finished, then a sorted directory at close."""

    def __init__(self, file: _Writable) -> None:
        self._file = file
        self._written = 0
        self._entries: list[tuple[int, int, int, int]] = []
        self._doc_count = 0
        self._pending: list[bytes | array[Any]] = []
        self._pending_bytes = 0
        self._prefixes: dict[str, bytes] = {}

    def add(
        self, field: str, term: bytes, ids: Sequence[int], weights: Sequence[float] | None
    ) -> None:
        """A term's documents (ascending) and, for a weighted field, their weights."""
        count = len(ids)
        if not count:
            return
        prefix = self._prefixes.get(field)
        if prefix is None:
            prefix = self._prefixes[field] = _field_prefix(field)
        key, check = _key_words(prefix + term)
        flags = count | (_WEIGHTED if weights is not None else 0)
        self._entries.append((key, check, self._written, flags))
        self._write(array("I", ids))
        if weights is not None:
            self._write(array("f", weights))
        if ids[-1] >= self._doc_count:
            self._doc_count = ids[-1] + 1

    def _write(self, data: bytes | array[Any]) -> None:
        """Queue bytes (or an array, written as its bytes) for the file."""
        size = len(data) * (data.itemsize if isinstance(data, array) else 1)
        self._pending.append(data)
        self._written += size
        self._pending_bytes += size
        if self._pending_bytes >= _FLUSH_BYTES:
            self._flush()

    def _flush(self) -> None:
        self._file.write(b"".join(self._pending))
        self._pending.clear()
        self._pending_bytes = 0

    def close(self) -> None:
        """Write the sorted term directory after the postings and close the file."""
        self._entries.sort()
        self._write(b"\0" * (-self._written % 8))
        directory = self._written
        self._write(array("Q", [word for entry in self._entries for word in entry]).tobytes())
        sparse = self._written
        firsts = [entry[0] for entry in self._entries[::_BLOCK_ENTRIES]]
        self._write(array("Q", firsts).tobytes())
        terms = len(self._entries)
        footer = _FOOTER.pack(_MAGIC, _BYTE_ORDER, self._doc_count, terms, directory, sparse)
        self._write(footer)
        self._flush()
        self._file.close()


class PostingsCopy:
    """A segment's copy opened read-only; `postings()` reads one term's arrays from it."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO = open(path, "rb", buffering=0)  # noqa: SIM115 (closed in close())
        self._lock = threading.Lock()  # seek + read where there is no pread
        try:
            self._parse(os.fstat(self._file.fileno()).st_size)
        except Exception:
            self._file.close()
            raise

    def _parse(self, size: int) -> None:
        if size < _FOOTER.size:
            raise ValueError("postings copy is truncated")
        magic, order, documents, terms, directory, sparse = _FOOTER.unpack(
            self._read(size - _FOOTER.size, _FOOTER.size)
        )
        if magic != _MAGIC or order != _BYTE_ORDER:
            raise ValueError("not a postings copy for this machine")
        blocks = -(-terms // _BLOCK_ENTRIES)
        if directory + terms * _ENTRY_BYTES != sparse or sparse + 8 * blocks + _FOOTER.size != size:
            raise ValueError("postings copy is truncated")
        self.doc_count: int = documents  # one past the highest document number it holds
        self._terms = terms
        self._directory = directory
        self._firsts = array("Q")
        self._firsts.frombytes(self._read(sparse, 8 * blocks))

    def _read(self, offset: int, size: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self._file.fileno(), size, offset)
        with self._lock:
            self._file.seek(offset)
            return self._file.read(size)

    def postings(self, name: TermKey) -> Postings | None:
        """The term's postings, or None when no document of the segment holds it."""
        block = bisect_right(self._firsts, name.key) - 1
        if block < 0:
            return None
        first = block * _BLOCK_ENTRIES
        count = min(_BLOCK_ENTRIES, self._terms - first)
        entries = array("Q")
        entries.frombytes(self._read(self._directory + first * _ENTRY_BYTES, count * _ENTRY_BYTES))
        keys = entries[::_ENTRY_WORDS]
        index = bisect_left(keys, name.key)
        while index < len(keys) and keys[index] == name.key:
            at = index * _ENTRY_WORDS
            if entries[at + 1] == name.check:
                return self._arrays(entries[at + 2], entries[at + 3])
            index += 1
        return None

    def _arrays(self, offset: int, flags: int) -> Postings:
        count = flags & ~_WEIGHTED
        weighted = bool(flags & _WEIGHTED)
        data = self._read(offset, (8 if weighted else 4) * count)
        ids = array("I")
        ids.frombytes(data[: 4 * count])
        if not weighted:
            return Postings(ids, None)
        weights = array("f")
        weights.frombytes(data[4 * count :])
        return Postings(ids, weights)

    def close(self) -> None:
        """Close the copy's file."""
        self._file.close()


def open_copy(path: Path) -> PostingsCopy | None:
    """The copy at `path`, or None if it is missing or unreadable (the ranker falls back)."""
    try:
        return PostingsCopy(path)
    except (OSError, ValueError, struct.error):
        return None
