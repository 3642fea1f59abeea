"""One indexing run at a time: a second run waits, or with `--no-wait` says why it cannot.

The lock is held by a real second process; the OS frees it when that process is killed.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from index import IndexLocked, update_index
from index.indexing.run_lock import indexing_run
from tests.conftest import SEEDS, run_cli, run_lock_held


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """Another process holding the run lock of a fresh index folder for up to a minute."""
    index_dir = tmp_path / "index"
    with run_lock_held(index_dir) as process:
        yield index_dir, process


def test_without_waiting_a_second_run_raises_index_locked(
    holder: tuple[Path, subprocess.Popen[str]],
) -> None:
    index_dir, _ = holder
    with pytest.raises(IndexLocked) as raised:
        update_index([SEEDS], index_dir, wait=False)
    assert "another indexing run" in raised.value.reason


def test_a_waiting_run_is_told_once_and_runs_when_the_holder_dies(
    holder: tuple[Path, subprocess.Popen[str]],
) -> None:
    index_dir, process = holder
    told: list[str] = []
    started = time.monotonic()

    def waiting(message: str) -> None:
        told.append(message)
        process.send_signal(signal.SIGKILL)  # kill -9: the OS releases the lock

    report = update_index([SEEDS], index_dir, waiting=waiting)
    assert told == ["another indexing run is working on this index, waiting…"]
    assert report.added == 2
    assert time.monotonic() - started < 30


def test_cancelling_a_waiting_run_indexes_nothing(
    holder: tuple[Path, subprocess.Popen[str]],
) -> None:
    index_dir, _ = holder
    report = update_index([SEEDS], index_dir, cancelled=lambda: True)
    assert report.cancelled
    assert (report.added, report.updated, report.removed) == (0, 0, 0)


def test_the_lock_is_free_again_after_a_run(tmp_path: Path) -> None:
    update_index([SEEDS], tmp_path / "index")
    with indexing_run(tmp_path / "index", wait=False):
        pass


def test_cli_no_wait_exits_with_one_line(holder: tuple[Path, subprocess.Popen[str]]) -> None:
    index_dir, _ = holder
    done = run_cli("index", "--no-wait", "--index-dir", str(index_dir))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"timtin: another indexing run is working on this index ({index_dir})"
    ]
