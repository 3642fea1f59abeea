"""Opening, creating and repairing the on-disk index.

A missing, outdated or broken index is replaced by an empty one flagged for a rebuild.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from index.errors import IndexUnavailable
from index.log import logger
from index.storage.checksums import damaged_segments
from index.storage.metadata import META_FILE, RUN_LOCK_FILE, IndexMeta, read_meta, write_meta
from index.storage.schema import SCHEMA_VERSION, DocumentSchema
from index.storage.whoosh_types import WhooshIndex, WhooshSearcher, WhooshSegment

log = logger(__name__)


@dataclass
class OpenedIndex:
    """A Whoosh index ready to use, and whether it must be rebuilt from its roots."""

    index: WhooshIndex
    meta: IndexMeta
    needs_rebuild: bool
    reason: str = ""
    damaged: dict[str, str] = field(default_factory=dict)  # segment id -> what is wrong
    counted: int | None = None  # its documents, when opening counted them
    reader: Any = None  # with keep_reader: the reader that opening checked, for searcher_for

    def document_count(self) -> int:
        """How many documents the index held when opened (each reader opening reads every
        segment: at a million documents, a fifth of a second)."""
        if self.counted is None:
            with self.index.reader() as reader:
                self.counted = reader.doc_count()
        return self.counted


def _clear_index_files(index_dir: Path) -> None:
    """Remove the index's files, but not the metadata, the run lock (a waiting run holds it
    open: a new file would let a second run in) or dot-folders (a live build's workers)."""
    for entry in index_dir.iterdir():
        if entry.name in (META_FILE, RUN_LOCK_FILE) or entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def create_fresh(index_dir: Path, roots: list[str]) -> WhooshIndex:
    """Replace whatever is in `index_dir` by an empty index remembering `roots`."""
    index_dir.mkdir(parents=True, exist_ok=True)
    _clear_index_files(index_dir)
    created: WhooshIndex = whoosh_index.create_in(str(index_dir), DocumentSchema())
    write_meta(index_dir, IndexMeta(SCHEMA_VERSION, roots))
    return created


def _probe(opened: WhooshIndex) -> Any:
    """Touch every segment so a missing or truncated file fails here, not mid-search; the
    reader that did, open."""
    reader = opened.reader()
    try:
        reader.doc_count_all()
        for field_name in ("path", "body"):
            reader.field_length(field_name)
    except BaseException:
        reader.close()
        raise
    return reader


def open_or_create(
    index_dir: Path, *, full_check: bool = False, keep_reader: bool = False
) -> OpenedIndex:
    """Open the index at `index_dir`; create, upgrade or repair it as needed; with
    `keep_reader`, the reader opening checked the segments with is kept for `searcher_for`.

    Segments whose files fail their recorded sizes or checksums (every file's CRC with
    `full_check`, else the small column files') are reported in `damaged`, and the index is
    flagged for a rebuild that rewrites only them (index.indexing.update)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    meta = read_meta(index_dir)
    roots = meta.roots if meta else []
    if not any(index_dir.glob("_MAIN_*.toc")):
        # Segment files without a table of contents: the index is lost, not new.
        lost = any(index_dir.glob("MAIN_*.*"))
        fresh = create_fresh(index_dir, roots)
        reason = "the index's table of contents is missing" if lost else ""
        return OpenedIndex(fresh, IndexMeta(SCHEMA_VERSION, roots), lost and bool(roots), reason)
    if meta is None:
        meta = _recovered_meta(index_dir)
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
        damaged = damaged_segments(index_dir, opened_segments(opened), full=full_check)
        reader: Any = None
        if not damaged:
            damaged, reader = _probe_or_find_damage(index_dir, opened)
    except Exception as error:  # any other corruption: the index is derived data, rebuild it
        reason = f"index unreadable ({type(error).__name__}: {error})"
        log.warning("rebuilding index at %s: %s", index_dir, reason)
        fresh = create_fresh(index_dir, roots)
        return OpenedIndex(fresh, IndexMeta(SCHEMA_VERSION, roots), bool(roots), reason)
    if damaged:
        reason = "; ".join(f"segment {name}: {problem}" for name, problem in damaged.items())
        log.warning("damaged segments in %s: %s", index_dir, reason)
        return OpenedIndex(opened, meta, True, reason, damaged)
    counted = reader.doc_count()
    if not keep_reader:
        reader.close()
        reader = None
    return OpenedIndex(opened, meta, False, counted=counted, reader=reader)


def _probe_or_find_damage(index_dir: Path, opened: WhooshIndex) -> tuple[dict[str, str], Any]:
    """({}, the probe's open reader) if every segment opens; else the damaged segments a full
    check finds, or the probe's error when no checksum explains it."""
    try:
        return {}, _probe(opened)
    except Exception:
        damaged = damaged_segments(index_dir, opened_segments(opened), full=True)
        if not damaged:
            raise
        return damaged, None


def opened_segments(opened: WhooshIndex) -> list[WhooshSegment]:
    """The segments of the index's latest generation."""
    segments: list[WhooshSegment] = opened._segments()  # type: ignore[attr-defined]
    return segments


def searcher_for(opened: OpenedIndex, weighting: Any) -> WhooshSearcher:
    """A searcher over the index, leaving out its damaged segments: what is intact still
    searches until the next indexing run rewrites the rest."""
    index: Any = opened.index
    if not opened.damaged:
        if opened.reader is None:
            return opened.index.searcher(weighting=weighting)
        probed, opened.reader = opened.reader, None
        kept: WhooshSearcher = Searcher(probed, weighting=weighting, fromindex=index)
        return kept
    storage, schema = index.storage, index.schema
    # The generation read, so that the searcher knows when a writer has committed since.
    generation = index.latest_generation()
    readers = [
        SegmentReader(storage, schema, segment, generation=generation)
        for segment in opened_segments(opened.index)
        if segment.segment_id() not in opened.damaged
    ]
    if not readers:
        reader: Any = _EmptyGeneration(schema, generation)
    else:
        reader = readers[0] if len(readers) == 1 else MultiReader(readers, generation)
    searcher: WhooshSearcher = Searcher(reader, weighting=weighting, fromindex=index)
    return searcher


class _EmptyGeneration(EmptyReader):  # type: ignore[misc]
    """No segment to read, of a known generation of the index."""

    def __init__(self, schema: Any, generation: int) -> None:
        super().__init__(schema)
        self._generation = generation

    def generation(self) -> int:
        """The generation whose segments were all left out."""
        return self._generation


def check_index(index_dir: Path) -> list[str]:
    """Every problem a full check finds, without changing anything: unreadable metadata or
    table of contents, a segment that fails to open, a file that fails its checksum.
    Raises IndexUnavailable when `index_dir` holds no index at all."""
    if not any(index_dir.glob("_MAIN_*.toc")):
        raise IndexUnavailable(f"there is no index at {index_dir}")
    problems = [] if read_meta(index_dir) is not None else [f"{META_FILE} is unreadable"]
    try:
        opened: WhooshIndex = whoosh_index.open_dir(str(index_dir))
        damaged = damaged_segments(index_dir, opened_segments(opened), full=True)
        if not damaged:
            _probe(opened).close()
    except Exception as error:  # what opening would rebuild
        return [*problems, f"the index does not open ({type(error).__name__}: {error})"]
    return problems + [f"segment {name}: {problem}" for name, problem in damaged.items()]


def _recovered_meta(index_dir: Path) -> IndexMeta | None:
    """Metadata rebuilt from an intact index of this version whose metadata file was lost or
    damaged: a good index is never wiped for its 60-byte sidecar.  Its folders are taken to be
    those holding its documents."""
    try:
        opened: WhooshIndex = whoosh_index.open_dir(str(index_dir))
        if set(opened.schema.names()) != set(DocumentSchema().names()):
            return None
        _probe(opened).close()
        with opened.searcher() as searcher:
            paths = [stored["path"] for stored in searcher.all_stored_fields()]
    except Exception as error:  # unpickling an older layout, damage: the caller rebuilds
        log.info("cannot recover the metadata of %s: %s", index_dir, error)
        return None
    meta = IndexMeta(SCHEMA_VERSION, covering_folders(paths))
    write_meta(index_dir, meta)
    log.warning("the metadata of %s was damaged: rebuilt from the index", index_dir)
    return meta


def covering_folders(paths: list[str]) -> list[str]:
    """The fewest folders that hold every path: each path's folder, less those inside another."""
    folders = sorted({os.path.dirname(path) for path in paths})
    kept: list[str] = []
    for folder in folders:
        if not any(folder == top or folder.startswith(top.rstrip(os.sep) + os.sep) for top in kept):
            kept.append(folder)
    return kept
