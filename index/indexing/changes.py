"""Updating the index for a few named paths (files or folders inside its folders), not a walk.

The watcher's unit of work: same run lock, writer, manifest and commits as `update_index`.
"""

from __future__ import annotations

import bisect
import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import Cancelled
from index.indexing.in_process import IndexingRun, delete_paths, index_in_process, same_state
from index.indexing.manifest import Manifest, ManifestNotLoaded, load_manifest
from index.indexing.run_lock import indexing_run
from index.indexing.update import COMMIT_EVERY, update_locked
from index.indexing.walk import FileState, walk_files
from index.log import logger
from index.paths import default_index_dir
from index.progress import CancelCheck, ProgressCallback, ThrottledProgress
from index.results import IndexReport, SkippedFile
from index.storage import open_or_create, writer_for
from index.text.formats import is_readable_name

log = logger(__name__)


@dataclass
class PathsReport:
    """What `update_paths` did: the run's counts, and which files were indexed or removed."""

    report: IndexReport = field(default_factory=IndexReport)
    indexed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rescanned: bool = False  # the index needed a full incremental run instead


def update_paths(
    paths: Iterable[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    commit_every: int = COMMIT_EVERY,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> PathsReport:
    """Bring the index up to date with `paths`: each one a file or folder that was created,
    changed or deleted inside a folder the index covers (paths elsewhere, hidden ones and
    unsupported file types are ignored).  A vanished path's documents leave the index; a
    folder is walked.  With `force`, files are read again even when they look unchanged.

    Holds the run lock like `update_index` (`wait`, `waiting`, `cancelled` work the same).
    An index that needs rebuilding or repair gets a whole incremental run instead.
    """
    target = default_index_dir(index_dir)
    wanted = sorted({os.path.abspath(os.fspath(path)) for path in paths})
    try:
        with indexing_run(target, wait=wait, waiting=waiting, cancelled=cancelled):
            return _update_paths_locked(target, wanted, force, progress, cancelled, commit_every)
    except Cancelled:
        return PathsReport(IndexReport(cancelled=True))


def _update_paths_locked(
    target: Path,
    wanted: list[str],
    force: bool,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    commit_every: int,
) -> PathsReport:
    opened = open_or_create(target)
    if opened.needs_rebuild or opened.damaged:
        log.info("index at %s needs a full run: %s", target, opened.reason or "damaged segments")
        report = update_locked(target, None, False, progress, cancelled, None, commit_every, False)
        return PathsReport(report, rescanned=True)
    roots = opened.meta.roots
    doc_count = opened.document_count()
    # The named files' shards only; a folder, or a path gone that may have been one, needs all.
    records = load_manifest(target, opened.index, doc_count, only=wanted)
    report = IndexReport()
    try:
        walked, gone = _look_at(wanted, roots, records, report.skipped)
    except ManifestNotLoaded:
        records = load_manifest(target, opened.index, doc_count)
        report = IndexReport()
        walked, gone = _look_at(wanted, roots, records, report.skipped)
    todo = [
        path for path, state in walked.items() if force or not same_state(records.get(path), state)
    ]
    report.unchanged = len(walked) - len(todo)
    if not todo and not gone:
        return PathsReport(report)

    before = {path: records.get(path) for path in todo}
    writer = writer_for(opened.index)
    delete_paths(writer, gone)
    for path in gone:
        del records[path]
    report.removed = len(gone)
    run = IndexingRun(opened.index, target, records, report)
    index_in_process(
        run, writer, todo, ThrottledProgress(progress, len(todo)), cancelled, commit_every
    )
    indexed = [path for path in todo if path in records and records[path] != before[path]]
    dropped = gone + [path for path in todo if before[path] is not None and path not in records]
    log.info("updated %d paths in %s: %s", len(wanted), target, report)
    return PathsReport(report, indexed, dropped)


def _look_at(
    wanted: Sequence[str],
    roots: Sequence[str],
    records: Manifest,
    skipped: list[SkippedFile],
) -> tuple[dict[str, FileState], list[str]]:
    """The readable files now at `wanted` (folders walked), and the indexed files no longer
    there."""
    walked: dict[str, FileState] = {}
    gone: set[str] = set()
    ordered: list[str] | None = None  # the indexed paths sorted, built for the first folder
    for path in wanted:
        if not inside_roots(path, roots):
            continue
        is_folder = os.path.isdir(path)
        if not is_folder and os.path.lexists(path):
            if is_readable_name(os.path.basename(path)):
                with contextlib.suppress(OSError):  # vanished between the two looks
                    walked.update(walk_files(path, skipped))
            if path in records and path not in walked:
                gone.add(path)
            continue
        if path in records:  # a deleted file
            gone.add(path)
            continue
        # A folder, or a path gone that may have been one: everything indexed below it.
        found = dict(walk_files(path, skipped)) if is_folder else {}
        walked.update(found)
        if ordered is None:
            ordered = sorted(records)
        prefix = path.rstrip(os.sep) + os.sep
        start = bisect.bisect_left(ordered, prefix)
        for below in ordered[start:]:
            if not below.startswith(prefix):
                break
            if below not in found:
                gone.add(below)
    return walked, sorted(gone)


def inside_roots(path: str, roots: Sequence[str]) -> bool:
    """True when `path` is one of `roots` or below one, with no hidden name between (the
    walk leaves hidden files and folders out)."""
    for root in roots:
        if path == root:
            return True
        prefix = root.rstrip(os.sep) + os.sep
        if path.startswith(prefix):
            below = path[len(prefix) :].split(os.sep)
            if not any(part.startswith(".") for part in below):
                return True
    return False
