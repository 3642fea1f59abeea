"""Long work off the GUI thread: QRunnables that report back through signals.

`LatestRunner` runs calls where only the newest matters (searches, opening a document): a
newer call supersedes older ones, whose results are dropped, never delivered.  `IndexJob`
runs one indexing run with progress and cancel.  Every `run()` catches everything: the
engine's expected failures become their reason, anything else is logged with its traceback.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from index import (
    CancelCheck,
    Cancelled,
    IndexReport,
    Progress,
    TimTinError,
    logger,
    reason_of,
)

log = logger(__name__)


def describe_error(exc: BaseException) -> str:
    """One line for the user: the engine's reason, what an OSError means (`the disk is full`),
    the message, or the exception's type."""
    return reason_of(exc)


def _tell(signal: Callable[[], SignalInstance], *args: object) -> None:
    """Emit `signal()` from a worker thread; its owner may have been deleted during shutdown."""
    try:
        signal().emit(*args)
    except RuntimeError:  # "Internal C++ object already deleted": nobody is left to tell
        log.debug("a background result outlived its receiver", exc_info=True)


class _Call(QRunnable):
    """Runs `fn` for generation `generation` of `runner`, unless a newer call superseded it."""

    def __init__(self, runner: LatestRunner, generation: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._generation = generation
        self._fn = fn

    def run(self) -> None:
        """Call `fn` and report its result or its failure to the runner."""
        runner, generation = self._runner, self._generation
        if generation != runner.generation:
            return  # superseded while it waited in the queue: not worth starting
        try:
            result = self._fn()
        except Cancelled as exc:  # a newer call superseded this one while it ran
            log.debug("background call stopped: %s", exc.reason)
            _tell(lambda: runner._call_failed, generation, exc.reason)
            return
        except (TimTinError, OSError) as exc:  # expected: a file gone, an index locked
            log.warning("background call failed: %s", describe_error(exc))
            _tell(lambda: runner._call_failed, generation, describe_error(exc))
            return
        except Exception as exc:  # a bug: logged with its traceback, reported, never raised
            log.exception("background call failed")
            _tell(lambda: runner._call_failed, generation, describe_error(exc))
            return
        _tell(lambda: runner._call_done, generation, result)


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
        """How many calls were submitted or cancelled: the newest call's number."""
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

    def submit_superseding(self, fn: Callable[[CancelCheck], Any]) -> int:
        """Start `fn(superseded)`: `superseded()`, asked from the worker, turns true once a
        newer call is submitted or this one is cancelled, so long work can stop early."""
        generation = self._generation + 1
        return self.submit(lambda: fn(lambda: self._generation != generation))

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
    """One call of `update` in the job's thread; progress, outcome and failure go to `job`."""

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

    def _progress(self, progress: Progress) -> None:
        # The engine already throttles its reports (~20 a second), so each one is passed on.
        job = self._job
        _tell(lambda: job._progress, progress.done, progress.total, progress.current)

    def _waiting(self, _message: str) -> None:
        job = self._job
        _tell(lambda: job._waiting)

    def run(self) -> None:
        """Index, then report the IndexReport or why indexing failed."""
        job = self._job
        try:
            report = self._update(
                self._paths,
                self._index_dir,
                rebuild=self._rebuild,
                progress=self._progress,
                cancelled=self._cancel.is_set,
                waiting=self._waiting,
            )
        except (TimTinError, OSError) as exc:  # expected: a locked index, a full disk
            log.warning("indexing failed: %s", describe_error(exc))
            _tell(lambda: job._failed, describe_error(exc))
            return
        except Exception as exc:  # a bug: logged with its traceback, reported, never raised
            log.exception("indexing failed")
            _tell(lambda: job._failed, describe_error(exc))
            return
        _tell(lambda: job._done, report)


class IndexJob(QObject):
    """One indexing run at a time, in its own thread, with progress and cancel.

    Signals arrive on the GUI thread: `waiting_for_other_run()` while another process indexes
    the same index, `progress_changed(done, total, current)`, then one of
    `indexing_finished(IndexReport)` or `indexing_failed(message)`.
    """

    started = Signal()
    waiting_for_other_run = Signal()
    progress_changed = Signal(int, int, str)
    indexing_finished = Signal(object)
    indexing_failed = Signal(str)

    _progress = Signal(int, int, str)
    _waiting = Signal()
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
        self._waiting.connect(self.waiting_for_other_run)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)

    @property
    def running(self) -> bool:
        """True from `start` until the run reported back."""
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
        """Ask the running indexing to stop; it keeps what it committed and reports back."""
        self._cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the run ended (at most `msecs`, -1 for ever); True if it did."""
        return self._pool.waitForDone(msecs)

    def _on_done(self, report: IndexReport) -> None:
        self._running = False
        self.indexing_finished.emit(report)

    def _on_failed(self, message: str) -> None:
        self._running = False
        self.indexing_failed.emit(message)
