"""The progress throttle: the last item is always reported, others at most every interval.

Driven with real time: a burst of items reports once, a slow job reports as it goes.
"""

from __future__ import annotations

import time

from index.progress import PROGRESS_INTERVAL, ThrottledProgress
from index.results import Progress


class Recorder:
    """A progress callback keeping each report and when it came."""

    def __init__(self) -> None:
        self.reports: list[Progress] = []
        self.times: list[float] = []

    def __call__(self, progress: Progress) -> None:
        self.reports.append(progress)
        self.times.append(time.monotonic())


def test_a_burst_reports_its_first_and_last_item_and_little_between() -> None:
    recorder = Recorder()
    throttle = ThrottledProgress(recorder, total=500)
    started = time.monotonic()
    for done in range(1, 501):
        throttle(done, f"file{done}.txt")
    elapsed = time.monotonic() - started
    assert recorder.reports[0] == Progress(1, 500, "file1.txt")
    assert recorder.reports[-1] == Progress(500, 500, "file500.txt")
    assert len(recorder.reports) <= 2 + elapsed / PROGRESS_INTERVAL


def test_the_last_item_is_reported_even_right_after_another_report() -> None:
    recorder = Recorder()
    throttle = ThrottledProgress(recorder, total=2)
    throttle(1, "a.txt")
    throttle(2, "b.txt")
    assert [(p.done, p.current) for p in recorder.reports] == [(1, "a.txt"), (2, "b.txt")]


def test_a_slow_job_reports_as_it_goes_never_faster_than_the_interval() -> None:
    recorder = Recorder()
    total = 40
    throttle = ThrottledProgress(recorder, total=total)
    for done in range(1, total + 1):
        throttle(done, str(done))
        time.sleep(PROGRESS_INTERVAL / 5)
    assert recorder.reports[-1].done == total
    assert len(recorder.reports) >= 4  # 40 items over 8 intervals or more
    assert len(recorder.reports) < total
    gaps = [b - a for a, b in zip(recorder.times[:-2], recorder.times[1:-1], strict=True)]
    assert all(gap >= PROGRESS_INTERVAL for gap in gaps)
    dones = [p.done for p in recorder.reports]
    assert dones == sorted(set(dones))


def test_an_item_after_a_quiet_interval_is_reported() -> None:
    recorder = Recorder()
    throttle = ThrottledProgress(recorder, total=10)
    throttle(1, "a")
    throttle(2, "b")
    time.sleep(PROGRESS_INTERVAL * 1.5)
    throttle(3, "c")
    assert (recorder.reports[0].done, recorder.reports[-1].done) == (1, 3)


def test_without_a_callback_nothing_is_reported_and_nothing_fails() -> None:
    throttle = ThrottledProgress(None, total=3)
    for done in range(1, 4):
        throttle(done, "x")
