"""Sizes and checksums of every segment file, written at commit and checked on open.

Segment files never change once committed (Whoosh keeps deletions in the table of contents),
so a file whose size or CRC differs from its record is damaged.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable
from pathlib import Path

from index.storage.atomic_file import flush_to_disk, write_atomically
from index.storage.whoosh_types import WhooshSegment

CHECKSUM_FILE = "timtin-checksums.json"
# Segments a search found damaged (index.engine), until an indexing run rewrites them.
DAMAGE_FILE = "timtin-damaged.json"
_CHUNK = 1 << 20
# Column files (stored fields, lengths, the date sort) are small and break every search when
# damaged: their CRC is checked at every open.  Postings and terms only by size, and in full
# by `timtin check`.
_ALWAYS_CHECKED = ".col"

Record = dict[str, tuple[int, int]]  # file name -> (size, crc32)


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
    try:
        raw = json.loads((index_dir / CHECKSUM_FILE).read_text(encoding="utf-8"))
        return {str(name): (int(size), int(crc)) for name, (size, crc) in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def sync_and_record(index_dir: Path, segments: Iterable[WhooshSegment]) -> None:
    """Flush every new segment file to disk and record its size and checksum; forget files
    of segments that are gone.  Called before the table of contents publishes them."""
    segments = list(segments)
    record = load_record(index_dir)
    listing = os.listdir(index_dir)  # once: a bulk build commits as many times as it has segments
    live: set[str] = set()
    for segment in segments:
        for name in segment_files(index_dir, segment, listing):
            live.add(name)
            if name not in record:
                path = index_dir / name
                flush_to_disk(path)
                record[name] = (path.stat().st_size, file_crc(path))
    kept = {name: value for name, value in record.items() if name in live}
    write_atomically(index_dir / CHECKSUM_FILE, json.dumps(kept, indent=0).encode("utf-8"))
    live_ids = {segment.segment_id() for segment in segments}
    marks = _load_marks(index_dir)
    if any(name not in live_ids for name in marks):  # rewritten segments are healthy again
        kept_marks = {name: why for name, why in marks.items() if name in live_ids}
        write_atomically(index_dir / DAMAGE_FILE, json.dumps(kept_marks).encode("utf-8"))


def damaged_segments(
    index_dir: Path, segments: Iterable[WhooshSegment], *, full: bool = False
) -> dict[str, str]:
    """Segment id -> what is wrong with it, for segments whose recorded files are missing,
    of the wrong size or (column files always, every file when `full`) of the wrong CRC."""
    recorded = sorted(load_record(index_dir).items())
    marked = _load_marks(index_dir)
    damaged: dict[str, str] = {}
    for segment in segments:
        if segment.segment_id() in marked:
            damaged[segment.segment_id()] = marked[segment.segment_id()]
            continue
        prefix = segment.make_filename(".")
        for name, (size, crc) in recorded:
            if not name.startswith(prefix):
                continue
            problem = _problem(index_dir / name, size, crc, full or name.endswith(_ALWAYS_CHECKED))
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


def _problem(path: Path, size: int, crc: int, check_crc: bool) -> str:
    try:
        actual = path.stat().st_size
    except FileNotFoundError:
        return "is missing"
    if actual != size:
        return f"has {actual} bytes, not {size}"
    if check_crc and file_crc(path) != crc:
        return "is damaged (its checksum differs)"
    return ""
