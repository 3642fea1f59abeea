"""What long jobs share: the cancel check they are handed and a throttle for progress reports.

Indexing and searching take `cancelled` and `progress` callables; they are defined here once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from index.results import Progress

CancelCheck = Callable[[], bool]
ProgressCallback = Callable[[Progress], None]

PROGRESS_INTERVAL = 0.05  # seconds: ~20 reports a second are enough for any progress bar


class ThrottledProgress:
    """Calls `progress` at most every PROGRESS_INTERVAL seconds, and always for the last item."""

    def __init__(self, progress: ProgressCallback | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._last = 0.0

    def __call__(self, done: int, current: str) -> None:
        """Report `done` of the total, `current` being the item just finished."""
        if self._progress is None:
            return
        now = time.monotonic()
        if done == self._total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._progress(Progress(done, self._total, current))
