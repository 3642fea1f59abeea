"""Incremental indexing: walk folders, add new files, update changed ones, drop deleted ones.

Commits in batches so an interrupted run keeps its work and the next run resumes from there.
"""

from __future__ import annotations

import os
import time
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

from index.errors import Cancelled
from index.indexing.in_process import (
    IndexingRun,
    commit,
    delete_paths,
    index_in_process,
)
from index.indexing.manifest import load_manifest
from index.indexing.parallel_build import build_segments, remove_abandoned_builds
from index.indexing.run_lock import indexing_run
from index.indexing.walk import FileState, Roots, resolve_roots, walk_files
from index.log import logger
from index.paths import default_index_dir, seeds_dir
from index.progress import CancelCheck, ProgressCallback, ThrottledProgress
from index.results import IndexReport
from index.storage import (
    IndexMeta,
    create_fresh,
    open_or_create,
    write_meta,
    writer_for,
)
from index.storage.whoosh_types import WhooshIndex, WhooshSegment, WhooshWriter

log = logger(__name__)

COMMIT_EVERY = 2000
PARALLEL_THRESHOLD = 1000
# A bulk build records its manifest this often and at the end; killed in between, the next
# run rebuilds it from the index's stored fields (index.indexing.manifest).
MANIFEST_EVERY_SECONDS = 30.0


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
            return update_locked(
                target, paths, rebuild, progress, cancelled, procs, commit_every, verify
            )
    except Cancelled:
        return IndexReport(cancelled=True)


def update_locked(
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
        walked.update(walk_files(root, report.skipped, cancelled))
    # A rebuild starts from an empty index; otherwise opening counted the documents (or
    # counts them now, past the damaged segments dropped above).
    doc_count = opened.document_count() if index is opened.index else 0
    records = load_manifest(target, index, doc_count)
    scanned, covered = Roots(scan_roots), Roots(roots)
    todo = records.changed(walked)
    report.unchanged = len(walked) - len(todo)
    # Indexed files gone from the folders walked, or under no remembered folder any more (the
    # bundle moved, a folder was dropped).
    gone = [
        path
        for path in records
        if path not in walked and (scanned.hold(path) or not covered.hold(path))
    ]
    # The build's batches cap their bytes (an array: a million ints as objects are 36 MB).
    sizes = array("q", [walked[path].size for path in todo])
    del walked  # a million files' states: not held through the build

    if not todo and not gone:
        # Nothing to write: no commit either, which would merge small segments and delete
        # files that searchers open in other processes (the window, the watcher) still read.
        log.info("indexed %s: nothing changed", target)
        return report
    throttled = ThrottledProgress(progress, len(todo))
    workers = procs if procs is not None else (2 if len(todo) >= PARALLEL_THRESHOLD else 1)
    run = IndexingRun(index, target, records, report)
    writer: WhooshWriter = writer_for(index)
    delete_paths(writer, gone)
    for path in gone:
        del records[path]
    report.removed = len(gone)
    if workers > 1:
        commit(writer, target, records, bulk=True)
        _index_in_parallel(run, todo, sizes, workers, throttled, cancelled)
    else:
        index_in_process(run, writer, todo, throttled, cancelled, commit_every)
    log.info("indexed %s: %s", target, report)
    return report


def _index_in_parallel(
    run: IndexingRun,
    todo: list[str],
    sizes: array[int],
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
        sizes=sizes,
        procs=procs,
        progress=report_progress,
        cancelled=cancelled,
    )
    save_at = time.monotonic() + MANIFEST_EVERY_SECONDS
    for batch in batches:
        if batch.cancelled:
            run.report.cancelled = True
            continue
        writer = writer_for(run.index)
        made = [(path, batch.records[path]) for path in batch.paths if path in batch.records]
        stale = [path for path, _ in made if path in run.records]
        for path, record in made:
            run.indexed(path, record)
        stale += [item.path for item in batch.skipped if run.skipped(item)]
        delete_paths(writer, stale)
        if batch.segment is None:
            writer.commit(merge=False)
        else:
            batch.move_segment_into(run.index_dir)
            writer.commit(mergetype=_adding(batch.segment))
        if time.monotonic() >= save_at:  # a batch touches every shard: saved now and then
            run.records.save(run.index_dir)
            save_at = time.monotonic() + MANIFEST_EVERY_SECONDS
    run.records.save(run.index_dir)


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
