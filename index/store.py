"""Opening, creating and repairing the on-disk index, and the metadata kept beside it.

A missing, outdated or broken index is replaced by an empty one flagged for a rebuild.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.reading import SegmentReader

from index.codec import TimTinCodec
from index.paths import seeds_dir
from index.schema import SCHEMA_VERSION, DocumentSchema
from index.segment_writer import InvertingSegmentWriter

log = logging.getLogger("timtin.index")
META_FILE = "timtin-meta.json"
SEEDS_ROOT = "@seeds"
SMALL_SEGMENT = 32  # documents: smaller segments are merged by the next small update (cheap)


@dataclass
class IndexMeta:
    """What the index remembers about itself: its schema version and the folders it covers."""

    schema_version: int = SCHEMA_VERSION
    roots: list[str] = field(default_factory=list)


@dataclass
class OpenedIndex:
    """A Whoosh index ready to use, and whether it must be rebuilt from its roots."""

    index: Index
    meta: IndexMeta
    needs_rebuild: bool
    reason: str = ""


def _bundled_seeds() -> str:
    return str(seeds_dir().resolve())


def _root_for_meta(root: str) -> str:
    """The bundled seeds are remembered by name: the program folder may move, and a onefile
    build unpacks itself somewhere new on every start."""
    return SEEDS_ROOT if root == _bundled_seeds() else root


def _root_from_meta(root: str) -> str:
    return _bundled_seeds() if root == SEEDS_ROOT else root


def read_meta(index_dir: Path) -> IndexMeta | None:
    """The stored metadata, or None when it is missing or unreadable."""
    try:
        raw = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
        roots = [_root_from_meta(str(r)) for r in raw.get("roots", [])]
        return IndexMeta(int(raw["schema_version"]), roots)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_meta(index_dir: Path, meta: IndexMeta) -> None:
    """Write the metadata atomically, so a crash never leaves half a file."""
    temporary = index_dir / f"{META_FILE}.{os.getpid()}.tmp"
    payload = {
        "schema_version": meta.schema_version,
        "roots": [_root_for_meta(root) for root in meta.roots],
    }
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, index_dir / META_FILE)


def _clear_index_files(index_dir: Path) -> None:
    for entry in index_dir.iterdir():
        if entry.name == META_FILE:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def create_fresh(index_dir: Path, roots: list[str]) -> Index:
    """Replace whatever is in `index_dir` by an empty index remembering `roots`."""
    index_dir.mkdir(parents=True, exist_ok=True)
    _clear_index_files(index_dir)
    created = whoosh_index.create_in(str(index_dir), DocumentSchema())
    write_meta(index_dir, IndexMeta(SCHEMA_VERSION, roots))
    return created


def _probe(opened: Index) -> None:
    """Touch every segment so a missing or truncated file fails here, not mid-search."""
    with opened.searcher() as searcher:
        searcher.doc_count_all()
        for field_name in ("path", "body"):
            searcher.reader().field_length(field_name)


def open_or_create(index_dir: Path) -> OpenedIndex:
    """Open the index at `index_dir`; create, upgrade or repair it as needed."""
    index_dir.mkdir(parents=True, exist_ok=True)
    meta = read_meta(index_dir)
    roots = meta.roots if meta else []
    if not any(index_dir.glob("_MAIN_*.toc")):
        return OpenedIndex(create_fresh(index_dir, roots), IndexMeta(SCHEMA_VERSION, roots), False)
    if meta is None or meta.schema_version != SCHEMA_VERSION:
        reason = (
            "index metadata missing"
            if meta is None
            else (f"schema version {meta.schema_version} is not {SCHEMA_VERSION}")
        )
        log.info("rebuilding index at %s: %s", index_dir, reason)
        fresh = create_fresh(index_dir, roots)
        return OpenedIndex(fresh, IndexMeta(SCHEMA_VERSION, roots), bool(roots), reason)
    try:
        opened = whoosh_index.open_dir(str(index_dir))
        _probe(opened)
    except Exception as error:  # any corruption: the index is derived data, rebuild it
        reason = f"index unreadable ({type(error).__name__}: {error})"
        log.warning("rebuilding index at %s: %s", index_dir, reason)
        fresh = create_fresh(index_dir, roots)
        return OpenedIndex(fresh, IndexMeta(SCHEMA_VERSION, roots), bool(roots), reason)
    return OpenedIndex(opened, meta, False)


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: segments under SMALL_SEGMENT documents join the new one, the rest
    stay as they are.  Each update would otherwise leave a segment of its own behind; merging
    costs about as much as indexing the documents again, so only small ones are."""
    kept = []
    for segment in segments:
        if segment.doc_count_all() < SMALL_SEGMENT:
            writer.add_reader(SegmentReader(writer.storage, writer.schema, segment))
        else:
            kept.append(segment)
    return kept


def writer_for(
    opened: Index, *, timeout: float = 30.0, lock: bool = True
) -> InvertingSegmentWriter:
    """A writer for one process, waiting for another process's lock (flock dies with its
    process); `lock=False` for a worker whose parent holds it.  Bulk builds use several
    processes through index.parallel_build."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            # Separate segment files, not one compound file: Whoosh reads a compound
            # segment's parts through BytesIO, a copy of the whole index in memory.
            return InvertingSegmentWriter(opened, _lk=lock, compound=False, codec=TimTinCodec())
        except whoosh_index.LockError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
