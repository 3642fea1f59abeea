"""Bulk indexing on every core: worker processes each read, analyse and write whole segments.

Workers write into their own folders beside the index; the caller moves each finished segment
in and commits it, so a commit never sweeps away a segment still being written.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from index.indexing.manifest import FileRecord
from index.results import SkippedFile
from index.storage.schema import document_fields
from index.storage.writers import writer_for
from index.text.documents import read_or_skip

# A bulk build's worker tasks, each a segment: the first are small, so the first documents are
# searchable within seconds; they double up to SEGMENT_DOCS (a query pays for every segment)
# or SEGMENT_BYTES of files (a worker holds its segment's postings in memory).
FIRST_SEGMENT_DOCS = 500
SEGMENT_DOCS = 10_000
SEGMENT_BYTES = 48 * 1024 * 1024
_BUILD_PREFIX = ".building-"  # Whoosh leaves dot-names alone when it cleans the folder
_POLL_SECONDS = 0.05
_PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # linux/prctl.h

_files_done: Any = None  # in a worker: the shared count of files read
_stop: Any = None  # in a worker: set when the run is cancelled


@dataclass
class BuiltBatch:
    """What a worker made of one batch of files: a segment (None if nothing was indexed), the
    files it holds, and the files it skipped.  A cancelled batch holds nothing."""

    paths: list[str]
    segment: Any = None
    folder: str = ""
    records: dict[str, FileRecord] = field(default_factory=dict)
    skipped: list[SkippedFile] = field(default_factory=list)
    cancelled: bool = False

    def move_segment_into(self, index_dir: Path) -> None:
        """Move the segment's files into the index folder, ready to be committed."""
        prefix = f"{self.segment.segment_id()}."
        for name in os.listdir(self.folder):
            if name.startswith(prefix):
                os.replace(os.path.join(self.folder, name), index_dir / name)


def _start_worker(files_done: Any, stop: Any, parent: int) -> None:
    global _files_done, _stop
    _files_done, _stop = files_done, stop
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it dies, even by kill -9: an orphan
    would go on writing into a build folder nobody will commit, and hold its pipes open."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    # Elsewhere (and for a parent that died before prctl took effect) a watcher thread
    # notices the parent change: a dead parent's children are adopted by another process.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def index_batch(build_dir: str, schema: Any, paths: list[str]) -> BuiltBatch:
    """In a worker: index `paths` into a new segment in a fresh folder under `build_dir`."""
    batch = BuiltBatch(paths, folder=tempfile.mkdtemp(dir=build_dir))
    scratch = whoosh_index.create_in(batch.folder, schema)
    writer = writer_for(scratch, lock=False)  # the parent holds the index's lock
    gc.disable()  # no cycles are made here; the collector's passes cost ~8 % of the time
    try:
        for path in paths:
            if _stop is not None and _stop.is_set():
                writer.cancel()
                return BuiltBatch(paths, folder=batch.folder, cancelled=True)
            _index_file(writer, path, batch)
            if _files_done is not None:
                with _files_done.get_lock():
                    _files_done.value += 1
        if batch.records:
            batch.segment = writer._finalize_segment()  # what Whoosh's own workers return
            writer._finish()
        else:  # every file skipped: close the empty segment's files
            writer.cancel()
    finally:
        gc.enable()
    return batch


def _index_file(writer: Any, path: str, batch: BuiltBatch) -> None:
    doc = read_or_skip(path)
    if isinstance(doc, SkippedFile):
        batch.skipped.append(doc)
        return
    writer.add_document(**document_fields(doc))
    batch.records[path] = FileRecord.of(doc)


def build_segments(
    index_dir: Path,
    schema: Any,
    paths: Sequence[str],
    *,
    sizes: Sequence[int] | None = None,
    procs: int,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[BuiltBatch]:
    """Index `paths` in `procs` worker processes, yielding each batch as it is finished.

    `sizes` are the files' sizes as walked (else they are looked up).  `progress` gets the
    number of files read so far.  Once `cancelled()` is true, workers
    stop at their next file; batches finished by then are still yielded.  The caller holds the
    run lock and has removed abandoned build folders (remove_abandoned_builds).
    """
    build_dir = index_dir / f"{_BUILD_PREFIX}{os.getpid()}"
    build_dir.mkdir(exist_ok=True)
    # spawn, not fork: the window indexes from a thread, and forking a threaded process is unsafe
    context = multiprocessing.get_context("spawn")
    files_done, stop = context.Value("i", 0), context.Event()
    batches = _batches(paths, procs, sizes)
    try:
        with ProcessPoolExecutor(
            max_workers=procs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(files_done, stop, os.getpid()),
        ) as pool:
            # Each batch's own paths, not the copies a worker sends back: a million paths
            # held twice were a tenth of a GB in this process.
            submitted: dict[Future[BuiltBatch], list[str]] = {
                pool.submit(index_batch, str(build_dir), schema, batch): batch for batch in batches
            }
            del batches
            pending = set(submitted)
            try:
                while pending:
                    finished, pending = wait(pending, _POLL_SECONDS, FIRST_COMPLETED)
                    progress(files_done.value)
                    if cancelled is not None and not stop.is_set() and cancelled():
                        stop.set()
                    for future in finished:
                        built = future.result()
                        built.paths = submitted.pop(future)
                        yield built
            finally:  # an error, or the caller stopped early: workers stop at their next file
                stop.set()
                for future in pending:
                    future.cancel()
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)


def _batches(
    paths: Sequence[str], procs: int, sizes: Sequence[int] | None = None
) -> list[list[str]]:
    """Rounds of `procs` batches, doubling from FIRST_SEGMENT_DOCS up to SEGMENT_DOCS, none
    over SEGMENT_BYTES; the last round is shared equally, so no worker is left alone with a
    long last batch."""
    if sizes is None:
        sizes = [_file_size(path) for path in paths]
    batches: list[list[str]] = []
    start, docs = 0, FIRST_SEGMENT_DOCS
    while start < len(paths):
        left = len(paths) - start
        if left <= docs * procs:
            docs = -(-left // procs)
        for _ in range(procs):
            end = _batch_end(sizes, start, docs)
            if end > start:
                batches.append(list(paths[start:end]))
            start = end
        docs = min(docs * 2, SEGMENT_DOCS)
    return batches


def _batch_end(sizes: Sequence[int], start: int, docs: int) -> int:
    """Where a batch from `start` ends: after `docs` files or SEGMENT_BYTES, at least one."""
    end, held = start, 0
    while end < len(sizes) and end - start < docs:
        held += sizes[end]
        if held > SEGMENT_BYTES and end > start:
            break
        end += 1
    return end


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # gone: the worker reports it as skipped
        return 0


def remove_abandoned_builds(index_dir: Path) -> None:
    """Remove the build folders of runs that were killed.

    Only the holder of the index's run lock builds (index.indexing.run_lock), so when the
    caller holds it every build folder left is abandoned."""
    for folder in index_dir.glob(f"{_BUILD_PREFIX}*"):
        shutil.rmtree(folder, ignore_errors=True)
