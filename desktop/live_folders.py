"""The window's live folders: a Watcher keeping the index up to date as files change, its news
brought to the GUI thread, and the folder jobs (remove, re-index) run off it.

The window owns one; the Folders dialog asks it to pause, resume, remove and re-index folders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal

from desktop.settings import Settings
from desktop.workers import IndexJob
from index import (
    CancelCheck,
    FolderInfo,
    IndexReport,
    ProgressCallback,
    TimTinError,
    Watcher,
    WatchEvent,
    WatchUpdate,
    list_folders,
    logger,
    reindex_folder,
    remove_folder,
    set_folder_paused,
)

log = logger(__name__)

STOP_SECONDS = 5.0  # closing the window waits this long at most for the watcher's thread


def _remove(
    paths: Sequence[str],
    index_dir: Path,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    waiting: Callable[[str], None] | None = None,
) -> IndexReport:
    """An IndexJob's update that takes `paths[0]`'s folder out of the index."""
    del rebuild, progress  # a removal neither rebuilds nor reads files
    return remove_folder(paths[0], index_dir, cancelled=cancelled, waiting=waiting)


def _reindex(
    paths: Sequence[str],
    index_dir: Path,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    waiting: Callable[[str], None] | None = None,
) -> IndexReport:
    """An IndexJob's update that reads every file of `paths[0]`'s folder again."""
    del rebuild
    return reindex_folder(
        paths[0], index_dir, progress=progress, cancelled=cancelled, waiting=waiting
    )


def dropped_folders(mime: QMimeData) -> list[str]:
    """The local folders among what was dragged onto the window (resolved, once each, in
    order); [] when there are none (files, web links and text are not folders to add)."""
    folders: list[str] = []
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and Path(url.toLocalFile()).is_dir():
            folders.append(str(Path(url.toLocalFile()).resolve()))
    return list(dict.fromkeys(folders))


class LiveFolders(QObject):
    """One Watcher over the index's folders (paused ones aside), started and stopped with the
    window, and the folder jobs of the Folders dialog, one at a time.

    Signals arrive on the GUI thread: `watch_updated(WatchUpdate)` for everything the watcher
    tells, `index_changed(indexed, removed)` when documents changed (None for "unknown which":
    a rescan, a folder removed or re-indexed), `folders_changed()` when the list of folders or
    their state may have changed, and for a folder job `job_progressed(done, total)`,
    `job_waiting()`, then `job_finished(action, folder, IndexReport)` or `job_failed(reason)`.
    """

    watch_updated = Signal(object)
    index_changed = Signal(object, object)
    folders_changed = Signal()
    job_progressed = Signal(int, int)
    job_waiting = Signal()
    job_finished = Signal(str, str, object)
    job_failed = Signal(str)

    _from_watcher = Signal(object)  # emitted on the watcher's thread: queued to the GUI thread

    REMOVE = "remove"
    REINDEX = "reindex"

    def __init__(self, index_dir: Path, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index_dir = Path(index_dir)
        self._settings = settings
        self._watcher: Watcher | None = None
        self._closed = False
        self._job_folder = ""
        self._job_action = ""
        self._catching_up: set[str] = set()  # folders given to the watcher, not rescanned yet
        self._from_watcher.connect(self.on_watch_update)
        self._jobs = {
            self.REMOVE: IndexJob(update=_remove, parent=self),
            self.REINDEX: IndexJob(update=_reindex, parent=self),
        }
        for job in self._jobs.values():
            job.progress_changed.connect(
                lambda done, total, _current: self._progressed(done, total)
            )
            job.waiting_for_other_run.connect(self.job_waiting)
            job.indexing_finished.connect(self.on_job_finished)
            job.indexing_failed.connect(self.on_job_failed)

    # -- state -----------------------------------------------------------------------------

    @property
    def index_dir(self) -> Path:
        """The index whose folders are kept up to date."""
        return self._index_dir

    @property
    def watching(self) -> bool:
        """True while the watcher runs."""
        return self._watcher is not None and self._watcher.running

    @property
    def watched(self) -> list[str]:
        """The folders kept up to date now (watched, or rescanned instead)."""
        return self._watcher.folders if self._watcher is not None else []

    @property
    def fallback(self) -> dict[str, str]:
        """The folders rescanned instead of watched, each with the reason."""
        return self._watcher.fallback if self._watcher is not None else {}

    @property
    def catching_up(self) -> bool:
        """True until the watcher has had its first look at the folders it was given."""
        return bool(self._catching_up) and self.watching

    @property
    def job_running(self) -> bool:
        """True while a folder is being removed or re-indexed."""
        return any(job.running for job in self._jobs.values())

    @property
    def job_folder(self) -> str:
        """The folder of the running (or last) folder job."""
        return self._job_folder

    def folders(self) -> list[FolderInfo]:
        """The index's folders with their document counts, last update and paused state."""
        try:
            return list_folders(self._index_dir)
        except (TimTinError, OSError):
            log.exception("listing the folders of %s failed", self._index_dir)
            return []

    # -- the watcher's lifetime --------------------------------------------------------------

    def start(self, roots: Sequence[str]) -> bool:
        """Watch the index's folders (it must have some: `roots`, its remembered ones); the
        watcher first rescans them for what changed while nobody watched.  False if not."""
        if self._closed or self.watching or not roots:
            return False
        self._watcher = Watcher(self._index_dir, on_update=self._tell_gui)
        self._catching_up = set(roots)
        self._watcher.start()
        log.info("watching the folders of %s", self._index_dir)
        return True

    def follow(self) -> None:
        """After the window indexed: watch the index's folders not watched yet (a folder just
        added), or start watching if the index had none before."""
        if self._closed:
            return
        infos = self.folders()  # read afresh: the engine's list of folders is from its opening
        watcher = self._watcher
        if watcher is None or not watcher.running:
            self.start([info.path for info in infos])
        else:
            known = set(watcher.folders)
            for info in infos:
                if info.path not in known and not info.paused:
                    self._catching_up.add(info.path)
                    watcher.add(info.path)
        self.folders_changed.emit()

    def close(self) -> None:
        """Stop watching and the folder jobs; a batch being indexed ends at its next file,
        a batch waiting for another run stops waiting."""
        self._closed = True
        for job in self._jobs.values():
            job.cancel()
        if self._watcher is not None:
            self._watcher.stop(STOP_SECONDS)
        for job in self._jobs.values():
            job.wait(int(STOP_SECONDS * 1000))

    def _tell_gui(self, update: WatchUpdate) -> None:
        """The watcher's callback, on its thread: the signal is queued to the GUI thread."""
        try:
            self._from_watcher.emit(update)
        except RuntimeError:  # the window is gone while the watcher ended
            log.debug("a watcher update outlived the window", exc_info=True)

    def on_watch_update(self, update: WatchUpdate) -> None:
        """What the watcher did, now on the GUI thread: pass it on."""
        if self._closed:
            return
        self.watch_updated.emit(update)
        # A rescan that found nothing changed committed nothing (index.indexing.update): the
        # shown search and the document being read stay as they are.
        if update.kind is WatchEvent.UPDATE:
            self.index_changed.emit(frozenset(update.indexed), frozenset(update.removed))
        elif update.kind is WatchEvent.RESCAN:
            self._catching_up.difference_update(update.folders)
            if update.report is None or update.report.changed:
                self.index_changed.emit(None, None)
        if update.kind in (WatchEvent.UPDATE, WatchEvent.RESCAN, WatchEvent.FALLBACK):
            self.folders_changed.emit()

    # -- what the Folders dialog asks --------------------------------------------------------

    def pause(self, folder: str) -> None:
        """Stop watching `folder`, remembered; its documents stay as they are."""
        self._set_paused(folder, True)

    def resume(self, folder: str) -> None:
        """Watch `folder` again, after a rescan for what changed while it was paused."""
        self._set_paused(folder, False)

    def _set_paused(self, folder: str, paused: bool) -> None:
        """The running watcher pauses or resumes (and remembers); without one, only remember."""
        watcher = self._watcher if self._watcher is not None and self._watcher.running else None
        if watcher is None:
            set_folder_paused(folder, paused, self._index_dir)
        elif paused:
            watcher.pause(folder)
        else:
            watcher.resume(folder)
        self.folders_changed.emit()

    def remove(self, folder: str) -> bool:
        """Stop watching `folder` and take its documents out of the index, in the background;
        False while another folder job runs."""
        if self.job_running or self._closed:
            return False
        if self._watcher is not None:
            self._watcher.forget(folder)
        self._settings.folders = [kept for kept in self._settings.folders if kept != folder]
        return self._start_job(self.REMOVE, folder)

    def reindex(self, folder: str) -> bool:
        """Read every file of `folder` again, in the background; False while a job runs."""
        if self.job_running or self._closed:
            return False
        return self._start_job(self.REINDEX, folder)

    def _start_job(self, action: str, folder: str) -> bool:
        self._job_action, self._job_folder = action, folder
        return self._jobs[action].start([folder], self._index_dir)

    def _progressed(self, done: int, total: int) -> None:
        self.job_progressed.emit(done, total)

    def on_job_finished(self, report: IndexReport) -> None:
        """A folder job ended: the window picks up the change, the dialog lists it."""
        self.index_changed.emit(None, None)  # a cancelled job kept what it committed
        self.folders_changed.emit()
        self.job_finished.emit(self._job_action, self._job_folder, report)

    def on_job_failed(self, reason: str) -> None:
        """A folder job failed: say why."""
        self.index_changed.emit(None, None)
        self.folders_changed.emit()
        self.job_failed.emit(reason)
