"""Incremental indexing: walk folders, add new files, update changed ones, drop deleted ones.

Commits in batches so an interrupted run keeps its work and the next run resumes from there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.errors import Cancelled
from index.indexing.manifest import FileRecord, load_manifest, save_manifest
from index.indexing.parallel_build import build_segments, remove_abandoned_builds
from index.indexing.run_lock import indexing_run
from index.indexing.walk import FileState, Roots, resolve_roots, walk_files
from index.log import logger
from index.paths import default_index_dir, seeds_dir
from index.progress import CancelCheck, ProgressCallback, ThrottledProgress
from index.results import IndexReport, SkippedFile
from index.storage import (
    IndexMeta,
    create_fresh,
    document_fields,
    merge_small_segments,
    open_or_create,
    path_key,
    write_meta,
    writer_for,
)
from index.storage.whoosh_types import WhooshIndex, WhooshSegment, WhooshWriter
from index.text.documents import read_or_skip

log = logger(__name__)

COMMIT_EVERY = 2000
PARALLEL_THRESHOLD = 1000


def _same_state(record: FileRecord | None, state: FileState) -> bool:
    return record is not None and record.size == state.size and record.mtime == state.mtime


def _commit(
    writer: WhooshWriter, index_dir: Path, records: dict[str, FileRecord], *, bulk: bool
) -> None:
    """Commit, then record what the commit holds.  Small updates fold the small segments of
    earlier updates into theirs, and never rewrite a large segment."""
    if bulk:
        # Whoosh merges segments in this one process, in Python: at 100,000 articles that
        # took most of a bulk build (BENCHMARKS.md).  Bulk commits add segments, no merging.
        writer.commit(merge=False)
    else:
        writer.commit(mergetype=merge_small_segments)
    save_manifest(index_dir, records)


def update_index(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    index_dir: str | os.PathLike[str] | None = None,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    procs: int | None = None,
    commit_every: int = COMMIT_EVERY,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
    verify: bool = False,
) -> IndexReport:
    """Bring the index up to date with `paths` (default: the folders it already covers).

    The whole run holds the index's run lock: a second run waits for it (`waiting(message)`
    is told once) or, without `wait`, raises IndexLocked.  Cancelled while waiting, the run
    returns a report marked cancelled.  Segments found damaged when the index is opened (with
    `verify`, by every file's checksum) are dropped and their files indexed again.
    """
    target = default_index_dir(index_dir)
    try:
        with indexing_run(target, wait=wait, waiting=waiting, cancelled=cancelled):
            return _update_locked(
                target, paths, rebuild, progress, cancelled, procs, commit_every, verify
            )
    except Cancelled:
        return IndexReport(cancelled=True)


def _update_locked(
    target: Path,
    paths: Sequence[str | os.PathLike[str]] | None,
    rebuild: bool,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    procs: int | None,
    commit_every: int,
    verify: bool,
) -> IndexReport:
    """update_index's work, with the run lock held."""
    remove_abandoned_builds(target)
    opened = open_or_create(target, full_check=verify)
    remembered = opened.meta.roots
    requested = resolve_roots(paths) if paths else (remembered or resolve_roots([seeds_dir()]))
    if rebuild:  # the fresh index records its folders
        index = create_fresh(target, requested)
        roots, scan_roots = requested, requested
    else:
        index = opened.index
        roots = remembered + [r for r in requested if r not in remembered]
        scan_roots = roots if opened.needs_rebuild else requested
        # Recorded before any work: an interrupted first run of a folder resumes, not forgets.
        write_meta(target, IndexMeta(roots=roots))

    report = IndexReport()
    if opened.damaged and not rebuild:  # their files are indexed again below, from the walk
        _drop_segments(index, opened.damaged)
        report.repaired = [f"segment {name}: {why}" for name, why in opened.damaged.items()]
    walked: dict[str, FileState] = {}
    for root in scan_roots:
        walked.update(walk_files(root, report.skipped))
    with index.reader() as reader:
        records = load_manifest(target, index, reader.doc_count())
    scanned, covered = Roots(scan_roots), Roots(roots)
    known = {path: record for path, record in records.items() if scanned.hold(path)}

    todo = [path for path, state in walked.items() if not _same_state(known.get(path), state)]
    report.unchanged = len(walked) - len(todo)
    gone = [path for path in known if path not in walked]
    # Files under no remembered folder any more (the bundle moved, a folder was dropped).
    gone += [path for path in records if not covered.hold(path) and path not in known]

    if not todo and not gone:
        # Nothing to write: no commit either, which would merge small segments and delete
        # files that searchers open in other processes (the window, the watcher) still read.
        log.info("indexed %s: nothing changed", target)
        return report
    throttled = ThrottledProgress(progress, len(todo))
    workers = procs if procs is not None else (2 if len(todo) >= PARALLEL_THRESHOLD else 1)
    run = _Run(index, target, known, records, report)
    writer: WhooshWriter = writer_for(index)
    _delete_paths(writer, gone)
    for path in gone:
        del records[path]
    report.removed = len(gone)
    if workers > 1:
        _commit(writer, target, records, bulk=True)
        _index_in_parallel(run, todo, workers, throttled, cancelled)
    else:
        _index_in_process(run, writer, todo, throttled, cancelled, commit_every)
    log.info("indexed %s: %s", target, report)
    return report


@dataclass
class _Run:
    """One indexing run's bookkeeping: what the index held, what it holds now, the report."""

    index: WhooshIndex
    index_dir: Path
    known: dict[str, FileRecord]
    records: dict[str, FileRecord]
    report: IndexReport

    def indexed(self, path: str, record: FileRecord) -> None:
        previous = self.known.get(path)
        if previous is None:
            self.report.added += 1
        elif previous.content_hash == record.content_hash:
            self.report.unchanged += 1
        else:
            self.report.updated += 1
        self.records[path] = record

    def skipped(self, skipped: SkippedFile) -> bool:
        """Record an unreadable file; True when the index holds an older copy to delete."""
        self.report.skipped.append(skipped)
        if skipped.path not in self.known:
            return False
        del self.records[skipped.path]  # it was readable once: the stale copy goes
        self.report.removed += 1
        return True


def _delete_paths(writer: WhooshWriter, paths: list[str]) -> None:
    """Delete the documents of `paths`, through one searcher (each opening reads every
    segment)."""
    if not paths:
        return
    with writer.searcher() as searcher:
        for path in paths:
            writer.delete_by_term("path", path_key(path), searcher=searcher)


def _index_in_process(
    run: _Run,
    writer: WhooshWriter,
    todo: list[str],
    throttled: ThrottledProgress,
    cancelled: CancelCheck | None,
    commit_every: int,
) -> None:
    in_batch = 0
    for done, path in enumerate(todo, start=1):
        if cancelled is not None and cancelled():
            run.report.cancelled = True
            break
        doc = read_or_skip(path)
        if isinstance(doc, SkippedFile):
            if run.skipped(doc):
                writer.delete_by_term("path", path_key(path))
            throttled(done, path)
            continue
        if path in run.known:
            writer.update_document(**document_fields(doc))
        else:
            writer.add_document(**document_fields(doc))
        run.indexed(path, FileRecord.of(doc))
        in_batch += 1
        throttled(done, path)
        if in_batch >= commit_every:
            _commit(writer, run.index_dir, run.records, bulk=False)
            writer = writer_for(run.index)
            in_batch = 0
    _commit(writer, run.index_dir, run.records, bulk=False)


def _index_in_parallel(
    run: _Run,
    todo: list[str],
    procs: int,
    throttled: ThrottledProgress,
    cancelled: CancelCheck | None,
) -> None:
    """Workers write a segment per batch; each is committed as it comes, so an interrupted
    run keeps every finished batch."""

    def report_progress(done: int) -> None:
        if done:
            throttled(done, todo[done - 1])  # roughly: the workers read in parallel

    batches = build_segments(
        run.index_dir,
        run.index.schema,
        todo,
        procs=procs,
        progress=report_progress,
        cancelled=cancelled,
    )
    for batch in batches:
        if batch.cancelled:
            run.report.cancelled = True
            continue
        writer = writer_for(run.index)
        stale = [path for path in batch.records if path in run.known]
        for path, record in batch.records.items():
            run.indexed(path, record)
        stale += [item.path for item in batch.skipped if run.skipped(item)]
        _delete_paths(writer, stale)
        if batch.segment is None:
            writer.commit(merge=False)
        else:
            batch.move_segment_into(run.index_dir)
            writer.commit(mergetype=_adding(batch.segment))
        save_manifest(run.index_dir, run.records)


def _drop_segments(index: WhooshIndex, damaged: dict[str, str]) -> None:
    """Commit the index without the `damaged` segments; Whoosh then deletes their files."""

    def policy(writer: WhooshWriter, segments: list[WhooshSegment]) -> list[WhooshSegment]:
        return [segment for segment in segments if segment.segment_id() not in damaged]

    log.warning("rewriting damaged segments: %s", ", ".join(damaged))
    writer_for(index).commit(mergetype=policy)


def _adding(
    segment: WhooshSegment,
) -> Callable[[WhooshWriter, list[WhooshSegment]], list[WhooshSegment]]:
    """A Whoosh merge policy that merges nothing and adds a segment written elsewhere."""

    def policy(writer: WhooshWriter, segments: list[WhooshSegment]) -> list[WhooshSegment]:
        return [*segments, segment]

    return policy
