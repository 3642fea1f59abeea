"""Live folders: a watchdog observer over the indexed folders feeds debounced batches of changed
paths to `update_paths`; where watching is impossible or lost, an incremental rescan instead.

One thread does the indexing (the window runs it as is); `stop()` ends it with its work kept.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from index.errors import TimTinError, reason_of
from index.indexing.changes import inside_roots, update_paths
from index.indexing.folders import paused_folders, record_update, set_folder_paused
from index.indexing.update import update_index
from index.indexing.walk import resolve_roots
from index.log import logger
from index.paths import default_index_dir
from index.results import IndexReport, SkippedFile
from index.storage import read_meta
from index.text.formats import is_readable_name

log = logger(__name__)

DEBOUNCE_SECONDS = 2.0  # a path is indexed once it has been quiet this long
RESCAN_SECONDS = 60.0  # how often a folder that cannot be watched is rescanned
RETRY_SECONDS = 10.0  # after a failed batch
GATHER_SECONDS = 0.5  # a batch waits this long at most for more of the same burst
BATCH_LIMIT = 500  # paths per batch: a burst is committed in a few batches, not one per file
# The kinds of change worth a look; opening and reading (ours too) are not.
_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileAttribEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
# File systems whose changes made on another machine inotify never sees.
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "9p", "ceph", "glusterfs", "davfs"}
)
_NETWORK_FUSE = ("fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.glusterfs", "fuse.s3fs")
_LIMIT_REASONS = {
    errno.ENOSPC: "the system's limit on watched folders is reached"
    " (Linux: raise fs.inotify.max_user_watches)",
    errno.EMFILE: "the system's limit on file watchers is reached"
    " (Linux: raise fs.inotify.max_user_instances)",
}


class WatchEvent(StrEnum):
    """What a WatchUpdate reports."""

    RESCAN = "rescan"  # folders were rescanned incrementally (on start, after lost events)
    UPDATE = "update"  # a batch of changed paths was committed
    FALLBACK = "fallback"  # a folder cannot be watched: it is rescanned every so often instead
    WAITING = "waiting"  # another indexing run holds the index: the watcher waits for it
    ERROR = "error"  # a batch failed (it is tried again) or the watcher stopped


@dataclass(frozen=True)
class WatchUpdate:
    """One thing the watcher did, told to its `on_update` callback (on the watcher's thread)."""

    kind: WatchEvent
    indexed: tuple[str, ...] = ()  # files added or updated
    removed: tuple[str, ...] = ()  # files whose documents left the index
    folders: tuple[str, ...] = ()  # the folders a rescan or fallback is about
    reason: str = ""
    report: IndexReport | None = None
    skipped: tuple[SkippedFile, ...] = ()

    def describe(self) -> str:
        """One line for a person: `updated 2, removed 1: /path/a.txt …`."""
        if self.kind is WatchEvent.UPDATE:
            paths = [*self.indexed, *self.removed]
            shown = " ".join(paths[:3]) + (f" … (+{len(paths) - 3})" if len(paths) > 3 else "")
            extra = f", skipped {len(self.skipped)}" if self.skipped else ""
            return f"updated {len(self.indexed)}, removed {len(self.removed)}{extra}: {shown}"
        if self.kind is WatchEvent.RESCAN:
            report = self.report or IndexReport()
            return (
                f"rescanned {len(self.folders)} folder(s) ({self.reason}): {report.added} added, "
                f"{report.updated} updated, {report.removed} removed, {report.unchanged} "
                f"unchanged, {len(report.skipped)} skipped"
            )
        if self.kind is WatchEvent.FALLBACK:
            return (
                f"cannot watch {', '.join(self.folders)}: {self.reason}; rescanning every "
                f"{RESCAN_SECONDS:.0f} s instead"
            )
        return self.reason


UpdateCallback = Callable[[WatchUpdate], None]


class Watcher:
    """Keeps an index up to date with its folders as files change, until `stop()`.

    `roots` default to the index's folders (paused ones left out; the bundled seeds when it
    has none).  `start()` returns at once: a thread rescans the folders incrementally, then
    indexes each changed path once it has been quiet `debounce` seconds, in batches.  A
    folder that cannot be watched (watch limit, network drive, a folder that vanished) or
    whose events were lost (a queue overflow) is rescanned instead, and `on_update` is told.
    Another process holding the run lock is waited for, never an error.
    """

    def __init__(
        self,
        index_dir: str | os.PathLike[str] | None = None,
        roots: Sequence[str | os.PathLike[str]] | None = None,
        *,
        on_update: UpdateCallback | None = None,
        debounce: float = DEBOUNCE_SECONDS,
        rescan_every: float = RESCAN_SECONDS,
        batch_limit: int = BATCH_LIMIT,
        rescan_on_start: bool = True,
    ) -> None:
        self.index_dir = default_index_dir(index_dir)
        self._requested = resolve_roots(roots) if roots else None
        self._on_update = on_update
        self._debounce = debounce
        self._rescan_every = rescan_every
        self._batch_limit = batch_limit
        self._rescan_on_start = rescan_on_start
        self._wake = threading.Condition()
        self._pending: dict[str, float] = {}  # path -> when it last changed (monotonic)
        self._rescans: dict[str, str] = {}  # folder -> why it must be rescanned now
        self._watches: dict[str, ObservedWatch] = {}
        self._fallback: dict[str, str] = {}  # folder -> why it is rescanned, not watched
        self._paused: set[str] = set()
        self._next_fallback_scan = 0.0
        self._stopping = threading.Event()
        self._observer: BaseObserver = Observer(timeout=0.2)
        self._handler = _Events(self)
        self._lost_events = _LostEvents(self)
        self._thread = threading.Thread(target=self._run, name="timtin-watch", daemon=True)
        self.batches = 0  # commits of changed paths so far (rescans aside)

    # The public controls (any thread).

    def start(self) -> None:
        """Start watching on the watcher's own thread."""
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop watching; a batch being indexed ends at its next file, committed.  Changes not
        yet indexed are left to the next start's rescan."""
        self._stopping.set()
        with self._wake:
            self._wake.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        """True until the watcher stopped (or failed)."""
        return self._thread.is_alive()

    @property
    def folders(self) -> list[str]:
        """The folders being kept up to date, watched or rescanned."""
        with self._wake:
            return sorted({*self._watches, *self._fallback})

    @property
    def fallback(self) -> dict[str, str]:
        """The folders rescanned instead of watched, each with the reason."""
        with self._wake:
            return dict(self._fallback)

    def add(self, root: str | os.PathLike[str]) -> None:
        """Start keeping `root` up to date: it is indexed (added to the index) and watched."""
        (folder,) = resolve_roots([root])
        with self._wake:
            self._paused.discard(folder)
            self._rescans[folder] = "folder added"
            self._wake.notify_all()
        if self._observer.is_alive():
            self._watch(folder)

    def forget(self, root: str | os.PathLike[str]) -> None:
        """Stop watching `root` (before `folders.remove_folder` takes it out of the index)."""
        (folder,) = resolve_roots([root])
        self._unwatch(folder)
        with self._wake:
            self._fallback.pop(folder, None)

    def pause(self, root: str | os.PathLike[str]) -> None:
        """Stop watching `root` and remember it paused; it stays in the index as it is."""
        (folder,) = resolve_roots([root])
        set_folder_paused(folder, True, self.index_dir)
        with self._wake:
            self._paused.add(folder)
            self._fallback.pop(folder, None)
        self._unwatch(folder)

    def resume(self, root: str | os.PathLike[str]) -> None:
        """Watch `root` again, after a rescan for what changed while it was paused."""
        (folder,) = resolve_roots([root])
        set_folder_paused(folder, False, self.index_dir)
        with self._wake:
            self._paused.discard(folder)
            self._rescans[folder] = "watching resumed"
            self._wake.notify_all()
        if self._observer.is_alive():
            self._watch(folder)

    def rescan(self, reason: str, roots: Sequence[str] | None = None) -> None:
        """Rescan `roots` (default: every folder kept up to date) as soon as possible."""
        with self._wake:
            for folder in roots if roots is not None else [*self._watches, *self._fallback]:
                self._rescans[folder] = reason
            self._wake.notify_all()

    # Events, from watchdog's thread.

    def changed(self, path: str) -> None:
        """Note that `path` changed; it is indexed once it has been quiet for the debounce."""
        with self._wake:
            if not inside_roots(path, list(self._watches)):
                return
            self._pending[path] = time.monotonic()
            self._wake.notify_all()

    def folder_vanished(self, path: str) -> None:
        """A watched folder itself was deleted or unmounted: rescan it from now on."""
        if path in self._watches:
            self._unwatch(path)
            self._fall_back(path, "the folder is gone")

    # The watcher's thread.

    def _run(self) -> None:
        try:
            self._observer.start()
            logging.getLogger("watchdog.observers").addHandler(self._lost_events)
            self._start_watching()
            while not self._stopping.is_set():
                self._work_once()
        except Exception as error:  # the thread must say why it ended, never die silently
            log.exception("the watcher stopped")
            self._tell(
                WatchUpdate(WatchEvent.ERROR, reason=f"watching stopped: {reason_of(error)}")
            )
        finally:
            logging.getLogger("watchdog.observers").removeHandler(self._lost_events)
            self._observer.stop()
            self._observer.join(5.0)

    def _start_watching(self) -> None:
        roots = self._requested or self._remembered_roots()
        for root in roots:
            self._watch(root)
        if self._rescan_on_start:  # what changed while nobody watched
            self._rescan_now({root: "start" for root in roots}, initial=True)
        if self._requested is None and not roots:  # the seeds were indexed by default
            for root in self._remembered_roots():
                self._watch(root)
        self._next_fallback_scan = time.monotonic() + self._rescan_every

    def _remembered_roots(self) -> list[str]:
        meta = read_meta(self.index_dir)
        self._paused = paused_folders(self.index_dir)
        return [root for root in (meta.roots if meta else []) if root not in self._paused]

    def _watch(self, root: str) -> None:
        """Watch `root`, or fall back to rescanning it, saying why."""
        with self._wake:
            if root in self._watches or root in self._paused:
                return
        reason = network_drive_reason(root)
        if reason:
            self._fall_back(root, reason)
            return
        try:
            watch = self._observer.schedule(
                self._handler, root, recursive=True, event_filter=_EVENTS
            )
        except OSError as error:
            self._fall_back(root, watch_failure_reason(error))
            return
        with self._wake:
            self._watches[root] = watch
            self._fallback.pop(root, None)
        reason = watch_limit_reason(root)
        if reason:  # watchdog leaves subfolders it could not watch silently unwatched
            self._unwatch(root)
            self._fall_back(root, reason)

    def _unwatch(self, root: str) -> None:
        with self._wake:
            watch = self._watches.pop(root, None)
            prefix = root.rstrip(os.sep) + os.sep
            for path in [p for p in self._pending if p == root or p.startswith(prefix)]:
                del self._pending[path]
        if watch is not None:
            with contextlib.suppress(KeyError):  # watchdog dropped it (the folder vanished)
                self._observer.unschedule(watch)

    def _fall_back(self, root: str, reason: str) -> None:
        log.warning("cannot watch %s: %s; rescanning it instead", root, reason)
        with self._wake:
            self._fallback[root] = reason
        self._tell(WatchUpdate(WatchEvent.FALLBACK, folders=(root,), reason=reason))

    def _work_once(self) -> None:
        """Wait for the next due batch or rescan, and do it."""
        with self._wake:
            batch, rescans = self._due()
            while not batch and not rescans and not self._stopping.is_set():
                self._wake.wait(self._seconds_to_next())
                batch, rescans = self._due()
            self._gather(batch)
        if rescans:
            self._rescan_now(rescans)
        if batch and not self._stopping.is_set():
            self._update(batch)

    def _gather(self, batch: list[str]) -> None:
        """Add to `batch` the paths of the same burst, due within GATHER_SECONDS: a burst of
        files is then one commit, not one per moment its files came due.  Lock held."""
        until = time.monotonic() + GATHER_SECONDS
        while batch and len(batch) < self._batch_limit and not self._stopping.is_set():
            soon = min((when + self._debounce for when in self._pending.values()), default=None)
            if soon is None or soon > until:
                return
            self._wake.wait(max(0.01, soon - time.monotonic()))
            now = time.monotonic()
            due = sorted(
                (when, path) for path, when in self._pending.items() if now - when >= self._debounce
            )
            for _, path in due[: self._batch_limit - len(batch)]:
                del self._pending[path]
                batch.append(path)

    def _due(self) -> tuple[list[str], dict[str, str]]:
        """The paths quiet long enough (oldest first, up to the batch limit) and the folders
        to rescan now; taken out of the queues.  Called with the lock held."""
        now = time.monotonic()
        rescans, self._rescans = self._rescans, {}
        if self._fallback and now >= self._next_fallback_scan:
            self._next_fallback_scan = now + self._rescan_every
            rescans.update({root: "not watched" for root in self._fallback if root not in rescans})
        quiet = sorted(
            (when, path) for path, when in self._pending.items() if now - when >= self._debounce
        )
        batch = [path for _, path in quiet[: self._batch_limit]]
        for path in batch:
            del self._pending[path]
        return batch, rescans

    def _seconds_to_next(self) -> float:
        now = time.monotonic()
        times = [when + self._debounce for when in self._pending.values()]
        if self._fallback:
            times.append(self._next_fallback_scan)
        return max(0.01, min(times) - now) if times else self._rescan_every

    def _rescan_now(self, rescans: dict[str, str], *, initial: bool = False) -> None:
        roots = list(rescans)
        reason = ", ".join(sorted(set(rescans.values())))
        try:
            report = update_index(
                roots or None,
                self.index_dir,
                cancelled=self._stopping.is_set,
                waiting=self._waiting,
            )
        except (TimTinError, OSError) as error:
            if initial:
                raise
            self._failed(f"could not rescan {', '.join(roots)}: {reason_of(error)}")
            self.rescan(reason, roots)
            return
        if report.cancelled:
            return
        record_update(self.index_dir, roots)
        self._tell(
            WatchUpdate(WatchEvent.RESCAN, folders=tuple(roots), reason=reason, report=report)
        )

    def _update(self, batch: list[str]) -> None:
        try:
            done = update_paths(
                batch, self.index_dir, cancelled=self._stopping.is_set, waiting=self._waiting
            )
        except (TimTinError, OSError) as error:
            self._failed(f"could not index {len(batch)} changed file(s): {reason_of(error)}")
            with self._wake:  # tried again later
                later = time.monotonic() + RETRY_SECONDS - self._debounce
                for path in batch:
                    self._pending.setdefault(path, later)
            return
        if done.report.changed or done.indexed or done.removed:
            self.batches += 1
        with self._wake:
            touched = [root for root in self._watches if inside_roots_any(batch, root)]
        record_update(self.index_dir, touched)
        if done.indexed or done.removed or done.report.skipped:
            self._tell(
                WatchUpdate(
                    WatchEvent.UPDATE,
                    indexed=tuple(done.indexed),
                    removed=tuple(done.removed),
                    report=done.report,
                    skipped=tuple(done.report.skipped),
                )
            )

    def _waiting(self, message: str) -> None:
        self._tell(WatchUpdate(WatchEvent.WAITING, reason=message))

    def _failed(self, reason: str) -> None:
        log.warning("%s", reason)
        self._tell(WatchUpdate(WatchEvent.ERROR, reason=f"{reason}; trying again"))

    def _tell(self, update: WatchUpdate) -> None:
        if self._on_update is None:
            return
        try:
            self._on_update(update)
        except Exception:  # a broken listener must not stop the indexing
            log.exception("the watcher's listener failed")


def inside_roots_any(paths: Sequence[str], root: str) -> bool:
    """True when one of `paths` is `root` or below it."""
    return any(inside_roots(path, [root]) for path in paths)


class _Events(FileSystemEventHandler):
    """watchdog's events, passed on to the watcher as changed paths."""

    def __init__(self, watcher: Watcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Every path an event names is looked at again once quiet; files of types never
        indexed (the index's own files, should it live in a watched folder) are not."""
        is_folder = isinstance(event, DirCreatedEvent | DirDeletedEvent | DirMovedEvent)
        for raw in (event.src_path, event.dest_path):
            path = os.fsdecode(raw)
            if not path or not (is_folder or is_readable_name(os.path.basename(path))):
                continue
            if isinstance(event, DirDeletedEvent):
                self._watcher.folder_vanished(path)
            self._watcher.changed(path)


class _LostEvents(logging.Handler):
    """watchdog says only in its log that the kernel's event queue overflowed (events were
    lost, inotify); the watcher then rescans its folders."""

    def __init__(self, watcher: Watcher) -> None:
        super().__init__(logging.WARNING)
        self._watcher = watcher

    def emit(self, record: logging.LogRecord) -> None:
        """A record about an overflow asks for a rescan."""
        if "overflow" in record.getMessage().lower():
            self._watcher.rescan("the system's queue of file events overflowed; events were lost")


def watch_failure_reason(error: OSError) -> str:
    """Why a folder could not be watched, in words a person reads."""
    return _LIMIT_REASONS.get(error.errno or 0) or reason_of(error)


def watch_limit_reason(root: str, limit_file: str = "/proc/sys/fs/inotify/max_user_watches") -> str:
    """On Linux, a reason when `root` holds more folders than inotify may watch (one watch per
    folder; watchdog skips the ones past the limit without a word); otherwise ""."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        with open(limit_file, encoding="ascii") as file:
            limit = int(file.read().strip())
    except (OSError, ValueError):
        return ""
    folders = 1
    for _, dirnames, _ in os.walk(root):
        folders += len(dirnames)
        if folders > limit:
            return _LIMIT_REASONS[errno.ENOSPC]
    return ""


def network_drive_reason(root: str, mounts_file: str = "/proc/self/mounts") -> str:
    """A reason when `root` is on a network drive (changes made elsewhere are never
    reported); otherwise ""."""
    if sys.platform == "win32":
        return _windows_network_reason(root)
    kind = file_system_of(root, mounts_file)
    if kind in NETWORK_FILE_SYSTEMS or kind.startswith(_NETWORK_FUSE):
        return f"it is on a network drive ({kind})"
    return ""


def file_system_of(path: str, mounts_file: str = "/proc/self/mounts") -> str:
    """The type of the file system holding `path`, read from the mount table (Linux); "" when
    unknown."""
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as file:
            lines = file.read().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = path == mount or path.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, kind = mount, fields[2]
    return kind


def _windows_network_reason(root: str) -> str:
    if root.startswith(("\\\\", "//")):
        return "it is on a network share"
    import ctypes

    drive = os.path.splitdrive(root)[0] + "\\"
    windll = getattr(ctypes, "windll", None)
    if windll is not None and windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
        return "it is on a network drive"
    return ""
