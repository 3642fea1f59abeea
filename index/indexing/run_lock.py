"""One indexing run at a time per index: a lock held from the walk to the last commit.

The CLI, the window and the watcher all index through it; the OS drops it when its holder dies.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from index.errors import Cancelled, IndexLocked
from index.progress import CancelCheck
from index.storage.metadata import RUN_LOCK_FILE

_POLL_SECONDS = 0.2
LOCKED_REASON = "another indexing run is working on this index"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def indexing_run(
    index_dir: Path,
    *,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
    cancelled: CancelCheck | None = None,
) -> Iterator[None]:
    """Hold `index_dir`'s run lock for the block.

    When another run holds it: with `wait`, `waiting(reason)` is called once and the lock is
    awaited (raising Cancelled if `cancelled()` turns true meanwhile); without, IndexLocked.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / RUN_LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            if not wait:
                raise IndexLocked(f"{LOCKED_REASON} ({index_dir})")
            if waiting is not None:
                waiting(f"{LOCKED_REASON}, waiting…")
            while not _try_lock(fd):
                if cancelled is not None and cancelled():
                    raise Cancelled("indexing was cancelled while waiting for another run")
                time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
