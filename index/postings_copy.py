"""A compact copy of one segment's postings, in a file beside Whoosh's: flat arrays per term.

The codec writes it as Whoosh writes the segment; the fast ranker reads it through mmap.
"""

from __future__ import annotations

import contextlib
import mmap
import struct
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path
from typing import Protocol

EXTENSION = ".tps"  # named like the segment's other files, so Whoosh deletes it with them
_MAGIC = b"TTPOST01"
# magic, native byte order (1 little, 2 big), documents, terms, directory and blob offsets
_FOOTER = struct.Struct("<8sIIQQQ")
_BYTE_ORDER = 1 if sys.byteorder == "little" else 2
_WEIGHTED = 1 << 31
_DONT_NEED = getattr(mmap, "MADV_DONTNEED", None)  # Linux and macOS; elsewhere pages stay


def term_key(field: str, term: bytes) -> int:
    """The 64-bit key a term is filed under (collisions are checked against the term)."""
    digest = blake2b(field.encode("utf-8") + b"\0" + term, digest_size=8).digest()
    return int.from_bytes(digest, "little")


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
        self._entries: list[tuple[int, int, int, bytes]] = []
        self._doc_count = 0

    def add(self, field: str, term: bytes, ids: array[int], weights: array[float] | None) -> None:
        count = len(ids)
        if not count:
            return
        flags = count | (_WEIGHTED if weights is not None else 0)
        self._entries.append((term_key(field, term), self._written, flags, _name(field, term)))
        self._write(ids.tobytes())
        if weights is not None:
            self._write(weights.tobytes())
        self._doc_count = max(self._doc_count, ids[-1] + 1)

    def _write(self, data: bytes) -> None:
        self._file.write(data)
        self._written += len(data)

    def close(self) -> None:
        self._entries.sort()
        self._write(b"\0" * (-self._written % 8))
        directory = self._written
        keys = array("Q", [entry[0] for entry in self._entries])
        offsets = array("Q", [entry[1] for entry in self._entries])
        counts = array("I", [entry[2] for entry in self._entries])
        names = [entry[3] for entry in self._entries]
        name_offsets = array("Q", [0])
        for name in names:
            name_offsets.append(name_offsets[-1] + len(name))
        for part in (keys, offsets, name_offsets):
            self._write(part.tobytes())
        self._write(counts.tobytes())
        self._write(b"\0" * (-self._written % 8))
        blob = self._written
        self._write(b"".join(names))
        self._write(
            _FOOTER.pack(_MAGIC, _BYTE_ORDER, self._doc_count, len(self._entries), directory, blob)
        )
        self._file.close()


def _name(field: str, term: bytes) -> bytes:
    return field.encode("utf-8") + b"\0" + term


class PostingsCopy:
    """A segment's copy opened read-only; `postings()` copies one term's arrays out of it."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            self._parse()
        except Exception:
            self._map.close()
            raise

    def _parse(self) -> None:
        if len(self._map) < _FOOTER.size:
            raise ValueError("postings copy is truncated")
        magic, order, documents, terms, directory, blob = _FOOTER.unpack_from(
            self._map, len(self._map) - _FOOTER.size
        )
        if magic != _MAGIC or order != _BYTE_ORDER:
            raise ValueError("not a postings copy for this machine")
        view = memoryview(self._map)
        self.doc_count: int = documents  # one past the highest document number it holds
        self._terms = terms
        at = directory
        self._keys = view[at : at + 8 * terms].cast("Q")
        at += 8 * terms
        self._offsets = view[at : at + 8 * terms].cast("Q")
        at += 8 * terms
        self._name_offsets = view[at : at + 8 * (terms + 1)].cast("Q")
        at += 8 * (terms + 1)
        self._counts = view[at : at + 4 * terms].cast("I")
        self._blob = blob
        if blob + self._name_offsets[terms] + _FOOTER.size != len(self._map):
            raise ValueError("postings copy is truncated")

    def postings(self, field: str, term: bytes, key: int | None = None) -> Postings | None:
        """The term's postings, or None when no document of the segment holds it."""
        key = term_key(field, term) if key is None else key
        index = bisect_left(self._keys, key)
        name = _name(field, term)
        while index < self._terms and self._keys[index] == key:
            start = self._blob + self._name_offsets[index]
            end = self._blob + self._name_offsets[index + 1]
            if self._map[start:end] == name:
                return self._read(index)
            index += 1
        return None

    def _read(self, index: int) -> Postings:
        flags = self._counts[index]
        count = flags & ~_WEIGHTED
        offset = self._offsets[index]
        ids = array("I")
        ids.frombytes(self._map[offset : offset + 4 * count])
        if not flags & _WEIGHTED:
            return Postings(ids, None)
        weights = array("f")
        weights.frombytes(self._map[offset + 4 * count : offset + 8 * count])
        return Postings(ids, weights)

    def release_pages(self) -> None:
        """Let go of the pages read so far: they stay in the system's file cache, but stop
        counting towards this process's memory (a search touches only its terms' pages)."""
        if _DONT_NEED is not None:
            self._map.madvise(_DONT_NEED)

    def close(self) -> None:
        for view in (self._keys, self._offsets, self._name_offsets, self._counts):
            view.release()
        with contextlib.suppress(BufferError):  # a view still alive: it closes when that goes
            self._map.close()


def open_copy(path: Path) -> PostingsCopy | None:
    """The copy at `path`, or None if it is missing or unreadable (the ranker falls back)."""
    try:
        return PostingsCopy(path)
    except (OSError, ValueError):
        return None
