"""Sizes and checksums of every segment file, written at commit and checked on open.

Segment files never change once committed (Whoosh keeps deletions in the table of contents),
so a file whose size or CRC differs from its record is damaged.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from index.storage.atomic_file import flush_to_disk, write_atomically
from index.storage.whoosh_types import WhooshSegment

CHECKSUM_FILE = "timtin-checksums.json"
# Segments a search found damaged (index.engine), until an indexing run rewrites them.
DAMAGE_FILE = "timtin-damaged.json"
_CHUNK = 1 << 20
# Column files (stored fields, lengths, the date sort) break every search when damaged: their
# CRC is checked at open unless the file is as it was when a writer verified it (below).
# Postings and terms only by size, and in full by `timtin check`.
_ALWAYS_CHECKED = ".col"
# A verified file is stamped with its modification time, and an open that finds that time
# unchanged skips the CRC (at a million documents, 326 MB of column files: 1.5 s from a
# cold disk).  Only a time older than this is stamped: a write in the same clock tick as
# the file's last one would leave its time as it was.
_SETTLED_NS = 3_000_000_000

Record = dict[str, tuple[int, int]]  # file name -> (size, crc32)
_Entry = tuple[int, int, int | None]  # (size, crc32, modification time when verified)


def segment_files(
    index_dir: Path, segment: WhooshSegment, names: Iterable[str] | None = None
) -> list[str]:
    """The names of a segment's files in `index_dir`; `names` is the folder's listing when
    the caller has it already."""
    prefix = segment.make_filename(".")
    listing = os.listdir(index_dir) if names is None else names
    return sorted(name for name in listing if name.startswith(prefix))


def file_crc(path: Path) -> int:
    """CRC-32 of a whole file, read in chunks."""
    crc = 0
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def load_record(index_dir: Path) -> Record:
    """The recorded sizes and checksums, or {} when the record is missing or unreadable."""
    return {name: (size, crc) for name, (size, crc, _) in _load_entries(index_dir).items()}


def _load_entries(index_dir: Path) -> dict[str, _Entry]:
    try:
        raw = json.loads((index_dir / CHECKSUM_FILE).read_text(encoding="utf-8"))
        return {str(name): _entry(value) for name, value in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _entry(value: Any) -> _Entry:
    size, crc, *stamp = value  # records written before stamps hold two numbers
    return int(size), int(crc), int(stamp[0]) if stamp else None


def sync_and_record(index_dir: Path, segments: Iterable[WhooshSegment]) -> None:
    """Flush every new segment file to disk and record its size and checksum, stamped when
    its time is settled; stamp column files recorded unstamped once they settle and still
    match; forget files of segments that are gone.  Called before the table of contents
    publishes them."""
    segments = list(segments)
    entries = _load_entries(index_dir)
    listing = os.listdir(index_dir)  # once: a bulk build commits as many times as it has segments
    now = time.time_ns()
    live: set[str] = set()
    for segment in segments:
        for name in segment_files(index_dir, segment, listing):
            live.add(name)
            path = index_dir / name
            if name not in entries:
                flush_to_disk(path)
                entries[name] = _verified(path, None, now)
            elif entries[name][2] is None and name.endswith(_ALWAYS_CHECKED):
                entries[name] = _verified(path, entries[name], now)
    kept = {
        name: [value for value in entry if value is not None]
        for name, entry in entries.items()
        if name in live
    }
    write_atomically(index_dir / CHECKSUM_FILE, json.dumps(kept, indent=0).encode("utf-8"))
    live_ids = {segment.segment_id() for segment in segments}
    marks = _load_marks(index_dir)
    if any(name not in live_ids for name in marks):  # rewritten segments are healthy again
        kept_marks = {name: why for name, why in marks.items() if name in live_ids}
        write_atomically(index_dir / DAMAGE_FILE, json.dumps(kept_marks).encode("utf-8"))


def _verified(path: Path, recorded: _Entry | None, now: int) -> _Entry:
    """The entry of a file read now: its recorded size and CRC if they still hold (a new
    file's own), stamped with its time if that is settled; unstamped if not."""
    stat = path.stat()
    settled = stat.st_mtime_ns <= now - _SETTLED_NS
    if recorded is None:
        return stat.st_size, file_crc(path), stat.st_mtime_ns if settled else None
    size, crc, _ = recorded
    if not settled or stat.st_size != size or file_crc(path) != crc:
        return recorded  # open reads it again, and a damaged one is found there
    return size, crc, stat.st_mtime_ns


def damaged_segments(
    index_dir: Path, segments: Iterable[WhooshSegment], *, full: bool = False
) -> dict[str, str]:
    """Segment id -> what is wrong with it, for segments whose recorded files are missing,
    of the wrong size or of the wrong CRC: every file's when `full`, else those column files'
    that are unstamped or whose time differs from their stamp."""
    recorded = sorted(_load_entries(index_dir).items())
    marked = _load_marks(index_dir)
    damaged: dict[str, str] = {}
    for segment in segments:
        if segment.segment_id() in marked:
            damaged[segment.segment_id()] = marked[segment.segment_id()]
            continue
        prefix = segment.make_filename(".")
        for name, (size, crc, stamp) in recorded:
            if not name.startswith(prefix):
                continue
            checked = full or name.endswith(_ALWAYS_CHECKED)
            problem = _problem(index_dir / name, size, crc, checked, None if full else stamp)
            if problem:
                damaged[segment.segment_id()] = f"{name} {problem}"
                break
    return damaged


def mark_damaged(index_dir: Path, damaged: dict[str, str]) -> None:
    """Remember segments found damaged while searching, so the next indexing run (which
    checks only sizes and small files at open) rewrites them."""
    write_atomically(
        index_dir / DAMAGE_FILE,
        json.dumps({**_load_marks(index_dir), **damaged}, ensure_ascii=False).encode("utf-8"),
    )


def _load_marks(index_dir: Path) -> dict[str, str]:
    try:
        marks = json.loads((index_dir / DAMAGE_FILE).read_text(encoding="utf-8"))
        return {str(name): str(why) for name, why in marks.items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _problem(path: Path, size: int, crc: int, check_crc: bool, trusted_mtime: int | None) -> str:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "is missing"
    if stat.st_size != size:
        return f"has {stat.st_size} bytes, not {size}"
    if check_crc and stat.st_mtime_ns != trusted_mtime and file_crc(path) != crc:
        return "is damaged (its checksum differs)"
    return ""
