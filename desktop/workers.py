"""Long work off the GUI thread: QRunnables that report back through signals.

`LatestRunner` runs calls where only the newest matters (searches, opening a document): a
newer call supersedes older ones, whose results are dropped, never delivered.  `IndexJob`
runs one indexing run with progress and cancel.  Every `run()` catches everything.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from index import IndexReport, Progress

log = logging.getLogger("timtin.desktop")


def describe_error(exc: BaseException) -> str:
    """One line for the user: the message, or the exception type when there is none."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Call(QRunnable):
    """Runs `fn` for generation `generation` of `runner`, unless a newer call superseded it."""

    def __init__(self, runner: LatestRunner, generation: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._generation = generation
        self._fn = fn

    def run(self) -> None:
        try:
            if self._generation != self._runner.generation:
                return  # superseded while it waited in the queue: not worth starting
            try:
                result = self._fn()
            except Exception as exc:
                log.exception("background call failed")
                self._runner._call_failed.emit(self._generation, describe_error(exc))
                return
            self._runner._call_done.emit(self._generation, result)
        except Exception:  # the runner went away during shutdown; nothing left to tell
            log.debug("background call outlived its runner", exc_info=True)


class LatestRunner(QObject):
    """Runs one kind of call in a thread pool; only the newest call's outcome is delivered.

    `finished(result)` / `failed(message)` are emitted on the thread the runner lives on
    (the GUI thread), only for the call submitted last.  `dropped(generation)` reports a
    superseded result that arrived and was thrown away.
    """

    finished = Signal(object)
    failed = Signal(str)
    dropped = Signal(int)

    # Emitted from worker threads; queued to the runner's own thread.
    _call_done = Signal(int, object)
    _call_failed = Signal(int, str)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._generation = 0
        self._waiting = False
        self._call_done.connect(self._on_call_done)
        self._call_failed.connect(self._on_call_failed)

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        """True while the newest call has not reported back."""
        return self._waiting

    def submit(self, fn: Callable[[], Any]) -> int:
        """Start `fn` in the pool; every call submitted before it is superseded."""
        self._generation += 1
        self._waiting = True
        self._pool.start(_Call(self, self._generation, fn))
        return self._generation

    def cancel(self) -> None:
        """Supersede every call submitted so far without starting a new one."""
        self._generation += 1
        self._waiting = False

    def _on_call_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            log.debug("dropped superseded result %d (now %d)", generation, self._generation)
            self.dropped.emit(generation)
            return
        self._waiting = False
        self.finished.emit(result)

    def _on_call_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            self.dropped.emit(generation)
            return
        self._waiting = False
        self.failed.emit(message)


UpdateIndex = Callable[..., IndexReport]


class _IndexRun(QRunnable):
    def __init__(
        self,
        job: IndexJob,
        update: UpdateIndex,
        paths: Sequence[Path | str] | None,
        index_dir: Path,
        rebuild: bool,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self._job = job
        self._update = update
        self._paths = paths
        self._index_dir = index_dir
        self._rebuild = rebuild
        self._cancel = cancel
        self._last_report = 0.0

    def _progress(self, progress: Progress) -> None:
        # Thousands of files must not flood the GUI thread: at most ~20 updates a second.
        now = time.monotonic()
        if progress.done < progress.total and now - self._last_report < 0.05:
            return
        self._last_report = now
        self._job._progress.emit(progress.done, progress.total, progress.current)

    def run(self) -> None:
        try:
            try:
                report = self._update(
                    self._paths,
                    self._index_dir,
                    rebuild=self._rebuild,
                    progress=self._progress,
                    cancelled=self._cancel.is_set,
                )
            except Exception as exc:
                log.exception("indexing failed")
                self._job._failed.emit(describe_error(exc))
                return
            self._job._done.emit(report)
        except Exception:
            log.debug("indexing run outlived its job", exc_info=True)


class IndexJob(QObject):
    """One indexing run at a time, in its own thread, with progress and cancel.

    Signals arrive on the GUI thread: `progress_changed(done, total, current)`, then one of
    `indexing_finished(IndexReport)` or `indexing_failed(message)`.
    """

    started = Signal()
    progress_changed = Signal(int, int, str)
    indexing_finished = Signal(object)
    indexing_failed = Signal(str)

    _progress = Signal(int, int, str)
    _done = Signal(object)
    _failed = Signal(str)

    def __init__(self, update: UpdateIndex | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if update is None:
            from index import update_index  # imported late: the window starts sooner

            update = update_index
        self._update = update
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancel = threading.Event()
        self._running = False
        self._progress.connect(self.progress_changed)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)

    @property
    def running(self) -> bool:
        return self._running

    def start(
        self, paths: Sequence[Path | str] | None, index_dir: Path, *, rebuild: bool = False
    ) -> bool:
        """Start indexing `paths` (None: the index's remembered roots); False if one is running."""
        if self._running:
            return False
        self._cancel = threading.Event()
        self._running = True
        self.started.emit()
        self._pool.start(_IndexRun(self, self._update, paths, index_dir, rebuild, self._cancel))
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_done(self, report: IndexReport) -> None:
        self._running = False
        self.indexing_finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._running = False
        self.indexing_failed.emit(message)
