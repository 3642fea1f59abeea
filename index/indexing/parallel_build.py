"""Bulk indexing on every core: worker processes each read, analyse and write whole segments.

Workers write into their own folders beside the index; the caller moves each finished segment
in and commits it, so a commit never sweeps away a segment still being written.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import tempfile
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

SEGMENT_DOCS = 1000  # documents per worker task, and per segment of a bulk build
_BUILD_PREFIX = ".building-"  # Whoosh leaves dot-names alone when it cleans the folder
_POLL_SECONDS = 0.05
_ABANDONED_AFTER_S = 24 * 3600  # Windows: a build folder's age that marks it abandoned

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


def _start_worker(files_done: Any, stop: Any) -> None:
    global _files_done, _stop
    _files_done, _stop = files_done, stop


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
    procs: int,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[BuiltBatch]:
    """Index `paths` in `procs` worker processes, yielding each batch as it is finished.

    `progress` gets the number of files read so far.  Once `cancelled()` is true, workers
    stop at their next file; batches finished by then are still yielded.
    """
    _remove_stale_build_dirs(index_dir)
    build_dir = index_dir / f"{_BUILD_PREFIX}{os.getpid()}"
    build_dir.mkdir(exist_ok=True)
    # spawn, not fork: the window indexes from a thread, and forking a threaded process is unsafe
    context = multiprocessing.get_context("spawn")
    files_done, stop = context.Value("i", 0), context.Event()
    batches = _batches(paths, procs)
    try:
        with ProcessPoolExecutor(
            max_workers=procs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(files_done, stop),
        ) as pool:
            pending: set[Future[BuiltBatch]] = {
                pool.submit(index_batch, str(build_dir), schema, batch) for batch in batches
            }
            try:
                while pending:
                    finished, pending = wait(pending, _POLL_SECONDS, FIRST_COMPLETED)
                    progress(files_done.value)
                    if cancelled is not None and not stop.is_set() and cancelled():
                        stop.set()
                    for future in finished:
                        yield future.result()
            finally:  # an error, or the caller stopped early: workers stop at their next file
                stop.set()
                for future in pending:
                    future.cancel()
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)


def _batches(paths: Sequence[str], procs: int) -> list[list[str]]:
    """Equal batches of at most SEGMENT_DOCS, a multiple of `procs` of them: no worker is
    left alone with a long last batch."""
    rounds = -(-len(paths) // (SEGMENT_DOCS * procs))
    size = -(-len(paths) // (rounds * procs)) if paths else 1
    return [list(paths[start : start + size]) for start in range(0, len(paths), size)]


def _remove_stale_build_dirs(index_dir: Path) -> None:
    """Folders left by a run that was killed.  Another process's live run keeps its own."""
    for folder in index_dir.glob(f"{_BUILD_PREFIX}*"):
        pid = folder.name.removeprefix(_BUILD_PREFIX)
        if pid.isdigit() and (int(pid) == os.getpid() or not _is_running(int(pid), folder)):
            shutil.rmtree(folder, ignore_errors=True)


def _is_running(pid: int, folder: Path) -> bool:
    if os.name == "nt":
        # os.kill would end the process: a folder untouched for a day is taken as abandoned.
        return time.time() - folder.stat().st_mtime < _ABANDONED_AFTER_S
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
