"""The indexed folders as a person manages them: list with counts, add, remove, re-index, pause.

What the window's Folders dialog calls; each change holds the run lock like any indexing run.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import Cancelled
from index.indexing.changes import update_paths
from index.indexing.in_process import delete_paths
from index.indexing.manifest import MANIFEST_FILE, load_manifest, save_manifest
from index.indexing.run_lock import indexing_run
from index.indexing.update import update_index
from index.indexing.walk import Roots, resolve_roots
from index.log import logger
from index.paths import default_index_dir
from index.progress import CancelCheck, ProgressCallback
from index.results import IndexReport
from index.storage import IndexMeta, open_or_create, read_meta, write_meta, writer_for
from index.storage.atomic_file import write_atomically

log = logger(__name__)

# Beside the index: when each folder was last brought up to date, and which are paused.
FOLDERS_FILE = "timtin-folders.json"
_state_lock = threading.Lock()  # the watcher's thread and the window's write it


@dataclass(frozen=True)
class FolderInfo:
    """One indexed folder as the Folders dialog shows it."""

    path: str
    documents: int
    last_update: float | None  # seconds since the epoch; None when never indexed
    paused: bool = False  # its changes are not watched


def list_folders(index_dir: str | os.PathLike[str] | None = None) -> list[FolderInfo]:
    """Every folder the index covers, in the order they were added, with how many documents
    each holds and when it was last updated (recorded by the watcher and these functions;
    otherwise the time of the index's last commit)."""
    target = default_index_dir(index_dir)
    meta = read_meta(target)
    if meta is None or not meta.roots:
        return []
    opened = open_or_create(target)
    records = load_manifest(target, opened.index, opened.document_count())
    counts = dict.fromkeys(opened.meta.roots, 0)
    for root in opened.meta.roots:
        holds = Roots([root]).hold
        counts[root] = sum(1 for path in records if holds(path))
    state = _FolderState.read(target)
    committed = _commit_time(target)
    return [
        FolderInfo(
            root,
            counts[root],
            state.updated.get(root, committed if counts[root] else None),
            root in state.paused,
        )
        for root in opened.meta.roots
    ]


def add_folder(
    path: str | os.PathLike[str],
    index_dir: str | os.PathLike[str] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> IndexReport:
    """Add a folder (or file) to the index and index it (incrementally, if it was before)."""
    target = default_index_dir(index_dir)
    report = update_index(
        [path], target, progress=progress, cancelled=cancelled, wait=wait, waiting=waiting
    )
    if not report.cancelled:
        record_update(target, resolve_roots([path]))
    return report


def remove_folder(
    root: str | os.PathLike[str],
    index_dir: str | os.PathLike[str] | None = None,
    *,
    cancelled: CancelCheck | None = None,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> IndexReport:
    """Stop covering `root`: its documents leave the index and the manifest (those another
    indexed folder still holds stay), and it is no longer remembered.  `report.removed` says
    how many documents left."""
    target = default_index_dir(index_dir)
    (folder,) = resolve_roots([root])
    try:
        with indexing_run(target, wait=wait, waiting=waiting, cancelled=cancelled):
            report = _remove_locked(target, folder)
    except Cancelled:
        return IndexReport(cancelled=True)
    _forget_state(target, folder)
    return report


def _remove_locked(target: Path, folder: str) -> IndexReport:
    opened = open_or_create(target)
    kept = [root for root in opened.meta.roots if root != folder]
    # Forgotten first: should the commit below be interrupted, the next run drops the
    # documents of a folder no longer remembered anyway.
    write_meta(target, IndexMeta(roots=kept))
    records = load_manifest(target, opened.index, opened.document_count())
    leaving, staying = Roots([folder]), Roots(kept)
    gone = [path for path in records if leaving.hold(path) and not staying.hold(path)]
    if gone:
        writer = writer_for(opened.index)
        delete_paths(writer, gone)
        writer.commit()
        for path in gone:
            del records[path]
        save_manifest(target, records)
    log.info("removed folder %s from %s: %d documents", folder, target, len(gone))
    return IndexReport(removed=len(gone))


def reindex_folder(
    root: str | os.PathLike[str],
    index_dir: str | os.PathLike[str] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> IndexReport:
    """Read every file of one indexed folder again, changed or not (after a reader got
    better, say), and drop the documents of files no longer there."""
    target = default_index_dir(index_dir)
    (folder,) = resolve_roots([root])
    done = update_paths(
        [folder],
        target,
        force=True,
        progress=progress,
        cancelled=cancelled,
        wait=wait,
        waiting=waiting,
    )
    if not done.report.cancelled:
        record_update(target, [folder])
    return done.report


def set_folder_paused(
    root: str | os.PathLike[str], paused: bool, index_dir: str | os.PathLike[str] | None = None
) -> None:
    """Remember whether `root`'s changes are watched (a watcher started later skips it)."""
    target = default_index_dir(index_dir)
    (folder,) = resolve_roots([root])
    with _state_lock:
        state = _FolderState.read(target)
        state.paused.discard(folder)
        if paused:
            state.paused.add(folder)
        state.write(target)


def paused_folders(index_dir: str | os.PathLike[str] | None = None) -> set[str]:
    """The folders whose watching is paused."""
    return _FolderState.read(default_index_dir(index_dir)).paused


def record_update(index_dir: Path, roots: Iterable[str], when: float | None = None) -> None:
    """Note that `roots` were brought up to date at `when` (default: now)."""
    moment = time.time() if when is None else when
    with _state_lock:
        state = _FolderState.read(index_dir)
        state.updated.update(dict.fromkeys(roots, moment))
        state.write(index_dir)


def _forget_state(index_dir: Path, folder: str) -> None:
    with _state_lock:
        state = _FolderState.read(index_dir)
        state.updated.pop(folder, None)
        state.paused.discard(folder)
        state.write(index_dir)


def _commit_time(index_dir: Path) -> float | None:
    """When the index last committed: its manifest is written after every commit."""
    try:
        return (index_dir / MANIFEST_FILE).stat().st_mtime
    except OSError:
        return None


@dataclass
class _FolderState:
    """The folders file: when each folder was last updated, and which are paused."""

    updated: dict[str, float] = field(default_factory=dict)
    paused: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, index_dir: Path) -> _FolderState:
        """The stored state; empty when missing or unreadable (it is only a convenience)."""
        try:
            raw = json.loads((index_dir / FOLDERS_FILE).read_text(encoding="utf-8"))
            updated = {str(path): float(when) for path, when in raw.get("updated", {}).items()}
            return cls(updated, {str(path) for path in raw.get("paused", [])})
        except (OSError, ValueError, TypeError, AttributeError):
            return cls()

    def write(self, index_dir: Path) -> None:
        """Store the state atomically."""
        payload = {"updated": self.updated, "paused": sorted(self.paused)}
        data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        index_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(index_dir / FOLDERS_FILE, data)
