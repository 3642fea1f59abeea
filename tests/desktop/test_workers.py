"""Background work: newest-only searches, indexing with progress and cancel, errors caught."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from desktop.workers import IndexJob, LatestRunner
from index.engine import Engine
from index.indexing.update import update_index
from index.results import IndexReport
from tests.desktop.helpers import WAIT_MS, write_notes


@pytest.fixture
def engine(seed_index: Path):  # type: ignore[no-untyped-def]
    eng = Engine(seed_index)
    yield eng
    eng.close()


@pytest.fixture
def pool(app):  # type: ignore[no-untyped-def]
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    yield pool
    pool.waitForDone(10_000)


def test_a_superseded_call_is_dropped_even_when_it_finishes_last(qtbot, pool, engine) -> None:
    runner = LatestRunner(pool)
    gate = threading.Event()
    delivered: list[str] = []
    runner.finished.connect(lambda result: delivered.append(result.query))
    dropped: list[int] = []
    runner.dropped.connect(dropped.append)

    started = threading.Event()

    def slow() -> object:
        started.set()
        assert gate.wait(10)
        return engine.search("nga")

    first = runner.submit(slow)
    assert started.wait(10)  # running, so it will finish (late) rather than be skipped
    with qtbot.waitSignal(runner.finished, timeout=WAIT_MS):
        second = runner.submit(lambda: engine.search("chu tich nuoc"))
    assert delivered == ["chu tich nuoc"]
    assert runner.busy is False
    gate.set()  # now the old, slow search completes
    qtbot.waitUntil(lambda: dropped == [first], timeout=WAIT_MS)
    assert delivered == ["chu tich nuoc"]
    assert second == runner.generation


def test_failures_are_reported_not_raised(qtbot, pool) -> None:
    runner = LatestRunner(pool)

    def broken() -> None:
        raise ValueError("hỏng rồi")

    with qtbot.waitSignal(runner.failed, timeout=WAIT_MS) as blocker:
        runner.submit(broken)
    assert blocker.args == ["hỏng rồi"]


def test_cancel_drops_the_pending_call(qtbot, pool, engine) -> None:
    runner = LatestRunner(pool)
    delivered: list[object] = []
    runner.finished.connect(delivered.append)
    runner.submit(lambda: engine.search("nga"))
    runner.cancel()
    qtbot.wait(300)
    assert delivered == []
    assert not runner.busy


def test_index_job_reports_progress_then_finishes(qtbot, app, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "notes", 5)
    job = IndexJob()
    progress: list[tuple[int, int, str]] = []
    job.progress_changed.connect(
        lambda done, total, current: progress.append((done, total, current))
    )
    with qtbot.waitSignal(job.indexing_finished, timeout=WAIT_MS) as blocker:
        assert job.start([folder], tmp_path / "index")
        assert job.running
        assert not job.start([folder], tmp_path / "index")  # one run at a time
    report = blocker.args[0]
    assert isinstance(report, IndexReport)
    assert report.added == 5 and not report.cancelled
    assert progress and progress[-1][0] == progress[-1][1] == 5
    assert not job.running


def test_index_job_can_be_cancelled(qtbot, app, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "many", 300)
    job = IndexJob()
    job.progress_changed.connect(lambda *_: job.cancel())  # cancel at the first sign of life
    with qtbot.waitSignal(job.indexing_finished, timeout=30_000) as blocker:
        job.start([folder], tmp_path / "index")
    report = blocker.args[0]
    assert report.cancelled
    assert report.added < 300


def test_index_job_failure_is_a_message(qtbot, app, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "index"
    not_a_folder.write_text("this is a file, not an index folder", encoding="utf-8")
    job = IndexJob()
    with qtbot.waitSignal(job.indexing_failed, timeout=WAIT_MS) as blocker:
        job.start([write_notes(tmp_path / "notes", 1)], not_a_folder)
    message = blocker.args[0]
    assert message and "Traceback" not in message
    assert not job.running


def test_superseded_before_starting_is_never_run(qtbot, app, engine) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    runner = LatestRunner(pool)
    gate = threading.Event()
    ran: list[str] = []

    def blocker_call() -> None:
        gate.wait(10)

    def record(name: str) -> object:
        ran.append(name)
        return engine.search("nga")

    runner.submit(blocker_call)  # occupies the only thread
    runner.submit(lambda: record("old"))
    runner.submit(lambda: record("new"))
    with qtbot.waitSignal(runner.finished, timeout=WAIT_MS):
        gate.set()
    pool.waitForDone(10_000)
    assert ran == ["new"]


def test_update_index_is_the_default(app) -> None:
    assert IndexJob()._update is update_index


def test_indexing_waits_for_another_process_and_says_so(qtbot, app, tmp_path: Path) -> None:
    # A real second process holds the index's run lock, as a `timtin index` in a terminal would.
    from tests.conftest import SEEDS, run_lock_held

    index_dir = tmp_path / "index"
    with run_lock_held(index_dir) as holder:
        job = IndexJob()
        reports: list[IndexReport] = []
        job.indexing_finished.connect(reports.append)
        with qtbot.waitSignal(job.waiting_for_other_run, timeout=WAIT_MS):
            job.start([SEEDS], index_dir)
        assert reports == []
        holder.kill()
        qtbot.waitUntil(lambda: len(reports) == 1, timeout=WAIT_MS)
        assert reports[0].added == 2
